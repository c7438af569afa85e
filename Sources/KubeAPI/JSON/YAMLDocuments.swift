import CYaml
import Yams

/// Loads YAML (one or many `---`-separated documents) into ``JSONValue``s with the conversion rules
/// of `sigs.k8s.io/yaml`, which kubectl uses: YAML 1.1 scalars (`yes`/`on` are booleans unless
/// quoted), timestamps kept as strings, integers exact, keys rendered as strings.
///
/// Documents are composed straight from libyaml's events, without recursion, and every node is
/// counted as it arrives: an alias counts as the whole subtree it stands for, so an alias bomb,
/// a merge-key chain or a huge flow sequence is refused after at most ``maxNodes`` nodes of work
/// and memory, never after expanding it.
public enum YAMLDocuments {
    /// Largest number of nodes one document may expand to (after aliases and merge keys), so an
    /// alias bomb is an error instead of an out-of-memory kill. A Kubernetes object is at most
    /// 1.5 MB, which as YAML holds well under this many nodes.
    public static let maxNodes = 500_000

    /// Parses every document in `text`; empty documents are skipped.
    public static func load(_ text: String) throws(YAMLLoadError) -> [JSONValue] {
        let events = YAMLEventParser(text)
        var composer = YAMLComposer()
        var documents: [JSONValue] = []
        while true {
            var event = try events.next()
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                composer = YAMLComposer()
            case YAML_DOCUMENT_END_EVENT:
                if let root = composer.root, !root.isNull { documents.append(root) }
            default:
                try composer.consume(event)
            }
        }
    }

    /// The JSON value of a scalar whose tag is already resolved.
    static func scalarValue(_ text: String, tag: Tag.Name, mark: yaml_mark_t) throws(YAMLLoadError) -> JSONValue {
        if tag == .null { return .null }
        if tag == .bool { return .bool(trueWords.contains(text)) }
        if tag == .int {
            if let value = goInteger(text) { return .integer(value) }
            if let value = Double(withoutUnderscores(text)), value.isFinite { return .number(value) }
            throw YAMLLoadError(at: mark, problem: "integer \(text) out of range")
        }
        if tag == .float {
            guard let value = Double(withoutUnderscores(text)), value.isFinite else {
                throw YAMLLoadError(at: mark, problem: "invalid number \(text): JSON cannot represent it")
            }
            return .number(value)
        }
        // Strings, timestamps (sigs.k8s.io/yaml keeps them as text), binary and custom tags.
        return .string(text)
    }
}

extension YAMLDocuments {
    /// A scalar's tag: explicit (`!!str`), or resolved from the text for plain scalars; quoted
    /// scalars and the non-specific tag `!` are strings.
    static func resolvedTag(_ text: String, explicitTag: String?, plain: Bool) -> Tag.Name {
        if let explicitTag, !explicitTag.isEmpty, explicitTag != "!" { return Tag.Name(rawValue: explicitTag) }
        guard plain, explicitTag == nil else { return .str }
        return plainScalarTag(text)
    }
}

/// `text` without the `_` digit separators YAML 1.1 allows in numbers.
func withoutUnderscores(_ text: String) -> String {
    text.utf8.contains(UInt8(ascii: "_")) ? String(text.filter { $0 != "_" }) : text
}

/// `strconv.ParseInt(s, 0, 64)` after removing underscores: sign, then `0x`, `0o`, `0b` or a
/// leading `0` (octal) prefix, else decimal.
func goInteger(_ text: String) -> Int64? {
    var digits = Substring(withoutUnderscores(text))
    var negative = false
    if let sign = digits.first, sign == "-" || sign == "+" {
        negative = sign == "-"
        digits = digits.dropFirst()
    }
    var radix = 10
    let lower = digits.lowercased()
    if lower.hasPrefix("0x") {
        radix = 16
        digits = digits.dropFirst(2)
    } else if lower.hasPrefix("0o") {
        radix = 8
        digits = digits.dropFirst(2)
    } else if lower.hasPrefix("0b") {
        radix = 2
        digits = digits.dropFirst(2)
    } else if digits.count > 1, digits.first == "0" {
        radix = 8
        digits = digits.dropFirst()
    }
    guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else { return nil }
    if negative {
        return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
}

/// A YAML syntax error with its one-based line and column.
public struct YAMLLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int?
    public var column: Int?
    public var problem: String

    public init(line: Int?, column: Int?, problem: String) {
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// An error at libyaml's zero-based `mark`.
    init(at mark: yaml_mark_t, problem: String) {
        self.init(line: mark.line + 1, column: mark.column + 1, problem: problem)
    }

    public var description: String {
        if let line, let column { return "yaml: line \(line), column \(column): \(problem)" }
        if let line { return "yaml: line \(line): \(problem)" }
        return "yaml: \(problem)"
    }
}
