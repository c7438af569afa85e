/// A strict RFC 8259 JSON parser producing ``JSONValue``.
///
/// Unlike `JSONSerialization` it keeps integers exact (`integer` for anything that fits `Int64`),
/// bounds nesting depth so hostile input cannot exhaust the stack, and can reject duplicate object
/// keys the way the Kubernetes API server does under `fieldValidation=Strict`.
public struct JSONParser: Sendable {
    /// What to do when an object repeats a key.
    public enum DuplicateKeys: Sendable {
        /// The last occurrence wins (encoding/json's behaviour).
        case lastWins
        /// Parsing fails with ``JSONParseError/Reason/duplicateKey(_:)``.
        case reject
    }

    /// Maximum nesting of arrays and objects; Kubernetes' own JSON decoder stops at 10,000.
    public var maxDepth: Int
    /// Duplicate-key policy.
    public var duplicateKeys: DuplicateKeys

    public init(maxDepth: Int = 10_000, duplicateKeys: DuplicateKeys = .lastWins) {
        self.maxDepth = maxDepth
        self.duplicateKeys = duplicateKeys
    }

    /// Parses one JSON value; trailing non-whitespace is an error.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses one JSON value from UTF-8 bytes; trailing non-whitespace is an error.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var cursor = Cursor(bytes: bytes, options: self)
        cursor.skipWhitespace()
        let value = try cursor.parseValue()
        cursor.skipWhitespace()
        guard cursor.atEnd else { throw cursor.error(.trailingCharacters) }
        return value
    }
}

/// Why JSON could not be parsed, with the byte offset where it went wrong.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case unexpectedEnd
        case unexpectedCharacter(UInt8)
        case invalidNumber
        case invalidEscape
        case invalidUnicode
        case controlCharacterInString
        case tooDeep(Int)
        case duplicateKey(String)
        case trailingCharacters
    }

    public var reason: Reason
    /// Zero-based byte offset into the input.
    public var offset: Int

    public var description: String {
        switch reason {
        case .unexpectedEnd: "unexpected end of JSON input"
        case .unexpectedCharacter(let byte):
            "invalid character \(GoFormat.quoteCharacter(byte)) at offset \(offset)"
        case .invalidNumber: "invalid number at offset \(offset)"
        case .invalidEscape: "invalid escape sequence in string at offset \(offset)"
        case .invalidUnicode: "invalid UTF-8 or unicode escape at offset \(offset)"
        case .controlCharacterInString: "invalid control character in string literal at offset \(offset)"
        case .tooDeep(let limit): "exceeded max depth of \(limit) at offset \(offset)"
        case .duplicateKey(let key): "json: duplicate field \(GoFormat.quote(key))"
        case .trailingCharacters: "invalid character after top-level value at offset \(offset)"
        }
    }
}

private struct Cursor {
    let bytes: [UInt8]
    let options: JSONParser
    var index = 0

    init(bytes: [UInt8], options: JSONParser) {
        self.bytes = bytes
        self.options = options
    }

    var atEnd: Bool { index >= bytes.count }

    func error(_ reason: JSONParseError.Reason) -> JSONParseError {
        JSONParseError(reason: reason, offset: index)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func expect(_ literal: StaticString, value: JSONValue) throws(JSONParseError) -> JSONValue {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error(.unexpectedEnd) }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            index += offset
            throw error(.unexpectedCharacter(bytes[index]))
        }
        index += count
        return value
    }

    /// An array or object being filled. Parsing keeps these on an explicit stack instead of
    /// recursing, so nesting depth is bounded by ``JSONParser/maxDepth`` alone, never by the
    /// caller's thread stack (Swift concurrency threads have small ones). The members of every
    /// open container live in two shared buffers (`values`, `keys`) and are moved into their
    /// array or object once, when it closes, so parsing is linear in the input.
    struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        while true {
            // Parse one value start; containers are pushed and filled by the loop below.
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd) }
            var value: JSONValue
            switch bytes[index] {
            case UInt8(ascii: "["):
                index += 1
                guard frames.count < options.maxDepth else { throw error(.tooDeep(options.maxDepth)) }
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                    continue
                }
            case UInt8(ascii: "{"):
                index += 1
                guard frames.count < options.maxDepth else { throw error(.tooDeep(options.maxDepth)) }
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object([:])
                } else {
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                    keys.append(try parseKey())
                    continue
                }
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "t"): value = try expect("true", value: .bool(true))
            case UInt8(ascii: "f"): value = try expect("false", value: .bool(false))
            case UInt8(ascii: "n"): value = try expect("null", value: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
            default: throw error(.unexpectedCharacter(bytes[index]))
            }
            // Hand the finished value to its container; close containers that end here.
            while let top = frames.last {
                values.append(value)
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: ",") {
                    if top.isObject {
                        skipWhitespace()
                        keys.append(try parseKey())
                    }
                    break
                }
                guard separator == UInt8(ascii: top.isObject ? "}" : "]") else {
                    index -= 1
                    throw error(.unexpectedCharacter(separator))
                }
                if top.isObject {
                    var members: [String: JSONValue] = Dictionary(minimumCapacity: keys.count - top.keyStart)
                    for (key, member) in zip(keys[top.keyStart...], values[top.valueStart...]) {
                        if members.updateValue(member, forKey: key) != nil, options.duplicateKeys == .reject {
                            index -= 1
                            throw error(.duplicateKey(key))
                        }
                    }
                    keys.removeSubrange(top.keyStart...)
                    value = .object(members)
                } else {
                    value = .array(Array(values[top.valueStart...]))
                }
                values.removeSubrange(top.valueStart...)
                frames.removeLast()
            }
            if frames.isEmpty { return value }
        }
    }

    /// Parses `"key" :` and leaves the cursor at the value.
    mutating func parseKey() throws(JSONParseError) -> String {
        skipWhitespace()
        guard index < bytes.count else { throw error(.unexpectedEnd) }
        guard bytes[index] == UInt8(ascii: "\"") else { throw error(.unexpectedCharacter(bytes[index])) }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count else { throw error(.unexpectedEnd) }
        guard bytes[index] == UInt8(ascii: ":") else { throw error(.unexpectedCharacter(bytes[index])) }
        index += 1
        return key
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw error(.invalidNumber) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        } else {
            throw error(.invalidNumber)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error(.invalidNumber) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error(.invalidNumber) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error(.invalidNumber)
        }
        return .number(value)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        // Most strings have no escape: made straight from the input, without a scratch copy.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard let string = String(validating: bytes[start..<(index - 1)], as: UTF8.self) else {
                    throw error(.invalidUnicode)
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(.controlCharacterInString) }
            index += 1
        }
        var scratch: [UInt8] = []
        var segmentStart = start
        while true {
            guard index < bytes.count else { throw error(.unexpectedEnd) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scratch.append(contentsOf: bytes[segmentStart..<index])
                index += 1
                guard let string = String(validating: scratch, as: UTF8.self) else {
                    throw error(.invalidUnicode)
                }
                return string
            }
            if byte < 0x20 { throw error(.controlCharacterInString) }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            scratch.append(contentsOf: bytes[segmentStart..<index])
            index += 1
            guard index < bytes.count else { throw error(.unexpectedEnd) }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate; a lone one
                    // becomes U+FFFD, like encoding/json.
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default:
                index -= 1
                throw error(.invalidEscape)
            }
            segmentStart = index
        }
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(.unexpectedEnd) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error(.invalidEscape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
