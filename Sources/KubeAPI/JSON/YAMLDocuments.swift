import Foundation
import Yams

/// Loads YAML (one or many `---`-separated documents) into ``JSONValue``s with the conversion rules
/// of `sigs.k8s.io/yaml`, which kubectl uses: YAML 1.1 scalars (`yes`/`on` are booleans unless
/// quoted), timestamps kept as strings, integers exact, keys rendered as strings.
public enum YAMLDocuments {
    /// Largest number of nodes one document may expand to (after aliases), so an alias bomb is an
    /// error instead of an out-of-memory kill. A Kubernetes object is at most 1.5 MB, which as
    /// YAML holds well under this many nodes.
    public static let maxNodes = 500_000

    /// Parses every document in `text`; empty documents are skipped.
    public static func load(_ text: String) throws(YAMLLoadError) -> [JSONValue] {
        do {
            let parser = try Parser(yaml: text, resolver: kubectlResolver)
            var documents: [JSONValue] = []
            while let node = try parser.nextRoot() {
                var budget = maxNodes
                let value = try convert(node, budget: &budget, depth: 0)
                if !value.isNull { documents.append(value) }
            }
            return documents
        } catch let error as YAMLLoadError {
            throw error
        } catch let error as YamlError {
            throw YAMLLoadError(yamlError: error)
        } catch {
            throw YAMLLoadError(line: nil, column: nil, problem: "\(error)")
        }
    }

    /// The scalar rules of go-yaml v2 (what kubectl's sigs.k8s.io/yaml runs on): YAML 1.1 booleans
    /// including `y`/`n`, Go-style integers (`0x1F`, `0o17`, `017`, `1_000`) and floats, and no
    /// sexagesimal numbers, so `time: 12:00:00` stays the string it looks like.
    static let kubectlResolver: Resolver = {
        // The patterns are constants; a typo in them is a programming error caught by every test.
        // swiftlint:disable:next force_try
        try! Resolver.basic
            .appending(.null, "^(?:~|null|Null|NULL|)$")
            .appending(.bool, "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
            .appending(.int, "^[-+]?(?:0[bB][01_]+|0[oO][0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$")
            .appending(.float, "^(?:[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$")
            .appending(.merge, "^<<$")
    }()

    private static func convert(_ node: Node, budget: inout Int, depth: Int) throws -> JSONValue {
        budget -= 1
        guard budget >= 0 else {
            throw YAMLLoadError(mark: node.mark, problem: "document expands to more than \(maxNodes) nodes")
        }
        guard depth < 10_000 else {
            throw YAMLLoadError(mark: node.mark, problem: "exceeded max depth of 10000")
        }
        switch node {
        case .scalar(let scalar):
            return try convert(scalar, mark: node.mark)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try convert(element, budget: &budget, depth: depth + 1))
            }
            return .array(elements)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            var merges: [Node] = []
            for (keyNode, valueNode) in mapping {
                if case .scalar(let key) = keyNode, resolvedTag(key) == .merge {
                    merges.append(valueNode)
                    continue
                }
                let key = try keyString(keyNode)
                if members[key] != nil {
                    throw YAMLLoadError(mark: keyNode.mark, problem: "mapping key \(GoFormat.quote(key)) already defined")
                }
                members[key] = try convert(valueNode, budget: &budget, depth: depth + 1)
            }
            for source in merges {
                try merge(source, into: &members, budget: &budget, depth: depth)
            }
            return .object(members)
        case .alias(let alias):
            throw YAMLLoadError(mark: alias.mark, problem: "unknown anchor '\(alias.anchor)' referenced")
        }
    }

    /// YAML 1.1 merge keys (`<<: *base`): keys already present win.
    private static func merge(_ node: Node, into members: inout [String: JSONValue], budget: inout Int, depth: Int) throws {
        let sources: [Node] = node.sequence.map(Array.init) ?? [node]
        for source in sources {
            guard case .object(let merged) = try convert(source, budget: &budget, depth: depth + 1) else {
                throw YAMLLoadError(mark: source.mark, problem: "map merge requires map or sequence of maps as the value")
            }
            for (key, value) in merged where members[key] == nil {
                members[key] = value
            }
        }
    }

    private static func keyString(_ node: Node) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw YAMLLoadError(mark: node.mark, problem: "mapping keys must be scalars")
        }
        switch try convert(scalar, mark: node.mark) {
        case .string(let string): return string
        case .null: return "null"
        case let other: return other.jsonString
        }
    }

    private static func convert(_ scalar: Node.Scalar, mark: Mark?) throws -> JSONValue {
        let text = scalar.string
        let tag = resolvedTag(scalar)
        if tag == .null { return .null }
        if tag == .bool { return .bool(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].contains(text)) }
        if tag == .int {
            if let value = goInteger(text) { return .integer(value) }
            if let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite { return .number(value) }
            throw YAMLLoadError(mark: mark, problem: "integer \(text) out of range")
        }
        if tag == .float {
            guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
                throw YAMLLoadError(mark: mark, problem: "invalid number \(text): JSON cannot represent it")
            }
            return .number(value)
        }
        // Strings, timestamps (sigs.k8s.io/yaml keeps them as text), binary and custom tags.
        return .string(text)
    }
}

extension YAMLDocuments {
    /// The scalar's tag: explicit (`!!str`), or resolved from the text for plain scalars. Yams
    /// leaves some implicit tags unresolved, so the resolver runs here; quoted scalars are strings.
    static func resolvedTag(_ scalar: Node.Scalar) -> Tag.Name {
        let explicit = scalar.tag.rawValue
        if !explicit.isEmpty, explicit != "!" { return Tag.Name(rawValue: explicit) }
        guard scalar.style == .plain || scalar.style == .any else { return .str }
        return kubectlResolver.resolveTag(of: Node.scalar(Node.Scalar(scalar.string, Tag(.implicit, kubectlResolver, .default))))
    }
}

/// `strconv.ParseInt(s, 0, 64)` after removing underscores: sign, then `0x`, `0o`, `0b` or a
/// leading `0` (octal) prefix, else decimal.
func goInteger(_ text: String) -> Int64? {
    var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
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

    init(mark: Mark?, problem: String) {
        self.init(line: mark?.line, column: mark?.column, problem: problem)
    }

    init(yamlError: YamlError) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? problem
            self.init(mark: mark, problem: detail)
        case .reader(let problem, let offset, _, _):
            self.init(line: nil, column: nil, problem: offset.map { "\(problem) at byte \($0)" } ?? problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map(GoFormat.quote).joined(separator: ", ")
            self.init(mark: context.mark, problem: "mapping key \(keys) already defined")
        default:
            self.init(line: nil, column: nil, problem: "\(yamlError)")
        }
    }

    public var description: String {
        if let line, let column { return "yaml: line \(line), column \(column): \(problem)" }
        if let line { return "yaml: line \(line): \(problem)" }
        return "yaml: \(problem)"
    }
}
