/// Renders values the way Go's `fmt` and `strconv` do, because Kubernetes error messages are
/// produced by Go and clients match on them: `%q` for strings, `%v` for numbers and booleans.
public enum GoFormat {
    /// `strconv.Quote`: double quotes, backslash escapes, printable Unicode kept as is.
    public static func quote(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{07}": output += "\\a"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{0B}": output += "\\v"
            default:
                if isPrintable(scalar) {
                    output.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    output += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value <= 0xFFFF {
                    output += "\\u" + hex(scalar.value, width: 4)
                } else {
                    output += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return output + "\""
    }

    /// `%q` of a single byte, as encoding/json names an unexpected character: `'x'`.
    public static func quoteCharacter(_ byte: UInt8) -> String {
        let scalar = Unicode.Scalar(byte)
        if byte < 0x80, isPrintable(scalar), byte != UInt8(ascii: "'") {
            return "'\(Character(scalar))'"
        }
        return "'\\x" + hex(UInt32(byte), width: 2) + "'"
    }

    /// How encoding/json names a JSON value in an `UnmarshalTypeError` (`json: cannot unmarshal
    /// number into …`); a number that has a fraction is shown, as for an integer field.
    public static func unmarshalValue(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .integer: "number"
        case .number(let number): number.rounded() == number ? "number" : "number \(float(number))"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// `%v` of a JSON scalar as the apiserver prints a bad value: numbers bare, strings quoted,
    /// `null` for null and compact JSON for arrays and objects.
    public static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let integer): String(integer)
        case .number(let number): float(number)
        case .string(let string): quote(string)
        case .array, .object: value.jsonString
        }
    }

    /// `%v` of a `float64`: the shortest representation, switching to exponent notation when the
    /// decimal exponent is below -4 or at least 6 (so `1048576` prints as `1.048576e+06`).
    public static func float(_ value: Double) -> String {
        format(value, exponentThreshold: 6, minimumExponent: -4)
    }

    /// encoding/json's number format: exponent notation only below 1e-6 or from 1e21.
    public static func jsonNumber(_ value: Double) -> String {
        format(value, exponentThreshold: 21, minimumExponent: -6)
    }

    static func format(_ value: Double, exponentThreshold: Int, minimumExponent: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (negative, digits, pointPosition) = decimalDigits(of: value)
        let exponent = pointPosition - 1
        var output = negative ? "-" : ""
        if exponent < minimumExponent || exponent >= exponentThreshold {
            output += String(digits.first!)
            if digits.count > 1 { output += "." + digits.dropFirst() }
            output += exponent < 0 ? "e-" : "e+"
            let magnitude = String(abs(exponent))
            output += magnitude.count < 2 ? "0" + magnitude : magnitude
        } else if pointPosition <= 0 {
            output += "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            output += digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            output += digits[..<split] + "." + digits[split...]
        }
        return output
    }

    /// The shortest round-tripping decimal digits of `value` and the position of the decimal point
    /// relative to them (`digits × 10^(pointPosition - digits.count)`).
    static func decimalDigits(of value: Double) -> (negative: Bool, digits: String, pointPosition: Int) {
        let text = "\(abs(value))"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (value < 0, digits, pointPosition)
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
