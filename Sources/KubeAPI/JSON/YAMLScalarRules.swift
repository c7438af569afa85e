import Yams

extension YAMLDocuments {
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let boolWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
    /// The `true` half of ``boolWords``.
    static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]

    /// The tag go-yaml v2 (what kubectl's sigs.k8s.io/yaml runs on) resolves a plain scalar to:
    /// YAML 1.1 nulls and booleans including `y`/`n`, Go-style integers (`0x1F`, `0o17`, `017`,
    /// `1_000`) and floats, `<<`, and no sexagesimal numbers, so `time: 12:00:00` stays the
    /// string it looks like. Checked byte by byte: this runs for every plain scalar read.
    static func plainScalarTag(_ text: String) -> Tag.Name {
        if nullWords.contains(text) { return .null }
        if text.utf8.count <= 5, boolWords.contains(text) { return .bool }
        if text == "<<" { return .merge }
        let bytes = Array(text.utf8)[...]
        if isInteger(bytes) { return .int }
        if isFloat(bytes) { return .float }
        return .str
    }

    /// `[-+]?(0[bB][01_]+|0[oO][0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)`
    private static func isInteger(_ text: ArraySlice<UInt8>) -> Bool {
        var bytes = text
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0"), bytes.count > 2 {
            let digits = bytes.dropFirst(2)
            switch bytes[bytes.startIndex + 1] {
            case UInt8(ascii: "b"), UInt8(ascii: "B"): return digits.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "o"), UInt8(ascii: "O"): return digits.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7")) || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "x"), UInt8(ascii: "X"): return digits.allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: "_") }
            default: break
            }
        }
        return bytes.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)`
    private static func isFloat(_ text: ArraySlice<UInt8>) -> Bool {
        var bytes = text
        let text = String(decoding: bytes, as: UTF8.self)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(String(decoding: bytes, as: UTF8.self)) { return true }
        func skip(_ accept: (UInt8) -> Bool) -> Int {
            let start = bytes.startIndex
            while let byte = bytes.first, accept(byte) { bytes = bytes.dropFirst() }
            return bytes.startIndex - start
        }
        let digitOrUnderscore: (UInt8) -> Bool = { isDigit($0) || $0 == UInt8(ascii: "_") }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard skip(digitOrUnderscore) > 0 else { return false }
        } else {
            guard let first = bytes.first, isDigit(first) else { return false }
            _ = skip(digitOrUnderscore)
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                _ = skip(digitOrUnderscore)
            }
        }
        if let exponent = bytes.first, exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard skip(isDigit) > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
