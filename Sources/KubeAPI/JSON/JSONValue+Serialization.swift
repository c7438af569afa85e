extension JSONValue {
    /// Compact JSON with object keys sorted, as Kubernetes clients and servers write it.
    public var jsonString: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// Indented JSON (two spaces) with object keys sorted.
    public var prettyJSONString: String {
        var output: [UInt8] = []
        write(to: &output, indent: Array("  ".utf8), level: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Compact JSON as UTF-8 bytes, written straight into a byte buffer (the servers' hot path:
    /// every response, watch event and journal record).
    public var jsonBytes: [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Parses JSON text with the default ``JSONParser``.
    public init(json text: String) throws(JSONParseError) {
        self = try JSONParser().parse(text)
    }

    private func write(to output: inout [UInt8], indent: [UInt8]?, level: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value): output.append(contentsOf: GoFormat.jsonNumber(value).utf8)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent: indent, level: level + 1)
                element.write(to: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent: indent, level: level + 1)
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                members[key]!.write(to: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ output: inout [UInt8], indent: [UInt8]?, level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<level { output.append(contentsOf: indent) }
    }

    /// `value` as a JSON string: quotes and backslashes escaped, control characters as `\n`-style or
    /// `\u00XX` escapes, everything else (UTF-8 included) as is.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var clean = 0  // start of the run of bytes that need no escaping
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[clean..<index])
                clean = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
                case 0x08: output.append(contentsOf: #"\b"#.utf8)
                case 0x0C: output.append(contentsOf: #"\f"#.utf8)
                default: output.append(contentsOf: ("\\u00" + GoFormat.hex(UInt32(byte), width: 2)).utf8)
                }
            }
            output.append(contentsOf: bytes[clean...])
        }
        output.append(UInt8(ascii: "\""))
    }
}
