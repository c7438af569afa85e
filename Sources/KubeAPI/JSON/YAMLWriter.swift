import Yams

/// Writes a ``JSONValue`` as block-style YAML with sorted keys: stable, diff-friendly output for
/// generated manifests. A string is written plain only when every YAML 1.1 and 1.2 reader would
/// read it back as the same string; otherwise it is double-quoted.
public enum YAMLWriter {
    /// The YAML text of `value`, ending in a newline.
    public static func string(_ value: JSONValue) -> String {
        var output = ""
        switch value {
        case .object(let members) where !members.isEmpty:
            writeObject(members, indent: "", into: &output)
        case .array(let elements) where !elements.isEmpty:
            writeArray(elements, indent: "", into: &output)
        default:
            output = scalar(value) + "\n"
        }
        return output
    }

    /// `continuingLine`: the object is an array element, so its first key goes on the `- ` line.
    private static func writeObject(_ members: [String: JSONValue], indent: String, continuingLine: Bool = false, into output: inout String) {
        for (offset, key) in members.keys.sorted().enumerated() {
            if offset > 0 || !continuingLine { output += indent }
            output += scalar(.string(key)) + ":"
            writeNested(members[key]!, indent: indent, into: &output)
        }
    }

    private static func writeArray(_ elements: [JSONValue], indent: String, into output: inout String) {
        for element in elements {
            output += indent + "- "
            switch element {
            case .object(let members) where !members.isEmpty:
                writeObject(members, indent: indent + "  ", continuingLine: true, into: &output)
            case .array(let nested) where !nested.isEmpty:
                output += "\n"
                writeArray(nested, indent: indent + "  ", into: &output)
            default:
                output += scalar(element) + "\n"
            }
        }
    }

    private static func writeNested(_ value: JSONValue, indent: String, into output: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            output += "\n"
            writeObject(members, indent: indent + "  ", into: &output)
        case .array(let elements) where !elements.isEmpty:
            output += "\n"
            writeArray(elements, indent: indent, into: &output)
        default:
            output += " " + scalar(value) + "\n"
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .object: return "{}"
        case .array: return "[]"
        case .string(let string): return isPlainSafe(string) ? string : value.jsonString
        default: return value.jsonString
        }
    }

    static func isPlainSafe(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" {
            return false
        }
        if string.contains(": ") || string.contains(" #") { return false }
        if string.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFEFF }) {
            return false
        }
        let node = Node.scalar(Node.Scalar(string))
        return Resolver.default.resolveTag(of: node) == .str
            && YAMLDocuments.plainScalarTag(string) == .str
    }
}
