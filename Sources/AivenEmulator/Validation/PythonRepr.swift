import KubeAPI

/// Renders values as Python's `repr` does, because Aiven's validation messages come from
/// Python `jsonschema` (`None is not of type 'array'`, `'x' is too long`).
enum PythonRepr {
    static func of(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .integer(let number): String(number)
        case .number(let number): GoFormat.float(number)
        case .string(let text): quote(text)
        case .array(let items): "[" + items.map(of).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \(of($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "'": escaped += "\\'"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "'\(escaped)'"
    }
}
