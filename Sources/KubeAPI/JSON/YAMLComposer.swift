import CYaml
import Yams

/// Builds one YAML document's ``JSONValue`` from libyaml events, with an explicit stack (so
/// nesting never touches the thread's stack) and a running count of the nodes the document
/// expands to. An alias adds the size of the subtree it names without walking it, and anchored
/// values are shared rather than copied, so the work and memory spent on any document stay
/// proportional to ``YAMLDocuments/maxNodes``, whatever its aliases would expand to.
struct YAMLComposer {
    /// The finished document, once its root node has ended.
    private(set) var root: JSONValue?

    private struct Anchored {
        var value: JSONValue
        /// How many nodes the value stands for.
        var nodes: Int
    }

    /// A sequence or mapping whose end event has not arrived yet.
    private struct Frame {
        enum Key {
            case name(String)
            /// `<<`: the value is merged into the mapping when it ends.
            case merge
        }

        var isMapping: Bool
        var anchor: String?
        var mark: yaml_mark_t
        var nodesBefore: Int
        var elements: [JSONValue] = []
        var members: [String: JSONValue] = [:]
        /// The key waiting for its value (mappings only).
        var key: Key?
        var merges: [(value: JSONValue, mark: yaml_mark_t)] = []
    }

    private var anchors: [String: Anchored] = [:]
    private var stack: [Frame] = []
    /// Nodes the document expands to so far.
    private var nodes = 0
    private var usesAliases = false

    /// Takes one event of the document's body (between its start and end events).
    mutating func consume(_ event: yaml_event_t) throws(YAMLLoadError) {
        let mark = event.start_mark
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = YAMLDocuments.resolvedTag(text, explicitTag: Self.string(scalar.tag), plain: scalar.style == YAML_PLAIN_SCALAR_STYLE)
            try count(1, at: mark)
            if tag == .merge, isAwaitingKey {
                stack[stack.count - 1].key = .merge
                return
            }
            let value = try YAMLDocuments.scalarValue(text, tag: tag, mark: mark)
            if let anchor = Self.string(scalar.anchor) { anchors[anchor] = Anchored(value: value, nodes: 1) }
            try add(value, at: mark)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw YAMLLoadError(at: mark, problem: "unknown anchor '\(name)' referenced")
            }
            usesAliases = true
            try count(anchored.nodes, at: mark)
            try add(anchored.value, at: mark)
        case YAML_SEQUENCE_START_EVENT:
            try open(isMapping: false, anchor: Self.string(event.data.sequence_start.anchor), at: mark)
        case YAML_MAPPING_START_EVENT:
            try open(isMapping: true, anchor: Self.string(event.data.mapping_start.anchor), at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let value = try close(frame)
            if let anchor = frame.anchor { anchors[anchor] = Anchored(value: value, nodes: nodes - frame.nodesBefore) }
            try add(value, at: frame.mark)
        default:
            return
        }
    }

    private var isAwaitingKey: Bool {
        guard let top = stack.last else { return false }
        return top.isMapping && top.key == nil
    }

    private mutating func open(isMapping: Bool, anchor: String?, at mark: yaml_mark_t) throws(YAMLLoadError) {
        if isAwaitingKey { throw YAMLLoadError(at: mark, problem: "mapping keys must be scalars") }
        let before = nodes
        try count(1, at: mark)
        stack.append(Frame(isMapping: isMapping, anchor: anchor, mark: mark, nodesBefore: before))
    }

    /// Counts `added` more nodes, refusing the document once it passes the limit.
    private mutating func count(_ added: Int, at mark: yaml_mark_t) throws(YAMLLoadError) {
        nodes += added
        guard nodes > YAMLDocuments.maxNodes else { return }
        let problem = usesAliases
            ? "document contains excessive aliasing (it expands to more than \(YAMLDocuments.maxNodes) nodes)"
            : "document has more than \(YAMLDocuments.maxNodes) nodes"
        throw YAMLLoadError(at: mark, problem: problem)
    }

    /// Hands a finished node to its parent: an element, a key, or a key's value.
    private mutating func add(_ value: JSONValue, at mark: yaml_mark_t) throws(YAMLLoadError) {
        guard !stack.isEmpty else {
            root = value
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].elements.append(value)
            return
        }
        switch stack[top].key {
        case nil:
            let key = try Self.keyString(value, at: mark)
            if stack[top].members[key] != nil {
                throw YAMLLoadError(at: mark, problem: "mapping key \(GoFormat.quote(key)) already defined")
            }
            stack[top].key = .name(key)
        case .name(let key):
            stack[top].members[key] = value
            stack[top].key = nil
        case .merge:
            stack[top].merges.append((value, mark))
            stack[top].key = nil
        }
    }

    /// The finished sequence or mapping; merge keys apply last and never override a key the
    /// mapping has itself (nor one an earlier merge source supplied).
    private func close(_ frame: Frame) throws(YAMLLoadError) -> JSONValue {
        guard frame.isMapping else { return .array(frame.elements) }
        var members = frame.members
        for merge in frame.merges {
            let sources: [JSONValue]
            switch merge.value {
            case .object: sources = [merge.value]
            case .array(let elements): sources = elements
            default: sources = [merge.value]
            }
            for source in sources {
                guard case .object(let merged) = source else {
                    throw YAMLLoadError(at: merge.mark, problem: "map merge requires map or sequence of maps as the value")
                }
                for (key, value) in merged where members[key] == nil {
                    members[key] = value
                }
            }
        }
        return .object(members)
    }

    /// A mapping key as a JSON object key, as sigs.k8s.io/yaml renders non-string keys.
    private static func keyString(_ value: JSONValue, at mark: yaml_mark_t) throws(YAMLLoadError) -> String {
        switch value {
        case .string(let string): return string
        case .null: return "null"
        case .array, .object: throw YAMLLoadError(at: mark, problem: "mapping keys must be scalars")
        default: return value.jsonString
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
