import KubeAPI

/// Values generated from a schema, for tests that walk every field.
enum SchemaSamples {
    /// A minimal valid value: objects hold only their required members.
    /// A string the kinds' `pattern` accepts: an email address for `technicalEmails[].email`, a
    /// name for the others.
    static func validSample(matching pattern: String) -> String {
        pattern.contains("@") ? "ops@example.com" : "valid-Value_1"
    }

    static func minimal(_ schema: JSONSchemaProps) -> JSONValue {
        if let first = schema.enum?.first { return first }
        switch schema.type {
        case .object?:
            var members: [String: JSONValue] = [:]
            for name in schema.required { members[name] = minimal(schema.properties[name]!) }
            return .object(members)
        case .array?: return .array(Array(repeating: minimal(schema.items!), count: Int(schema.minItems ?? 0)))
        case .string?:
            if let pattern = schema.pattern, pattern.contains("@") { return .string(validSample(matching: pattern)) }
            return .string(String(repeating: "a", count: Int(max(schema.minLength ?? 1, 1))))
        case .integer?, .number?: return .integer(schema.minimum.map { Int64($0) } ?? 1)
        case .boolean?: return .bool(true)
        case nil: return .null
        }
    }

    /// A value with every optional member present and every array and map holding one element.
    static func maximal(_ schema: JSONSchemaProps) -> JSONValue {
        if let first = schema.enum?.first { return first }
        switch schema.type {
        case .object?:
            if let values = schema.additionalProperties { return ["key": maximal(values)] }
            return .object(schema.properties.mapValues(maximal))
        case .array?: return [maximal(schema.items!)]
        default: return minimal(schema)
        }
    }

    /// One step of a path inside a document.
    enum Step: Hashable {
        case member(String)
        case firstItem
    }

    /// Every node of `schema` with the path that reaches it (array items at index 0).
    static func nodes(_ schema: JSONSchemaProps, at path: [Step] = []) -> [(path: [Step], schema: JSONSchemaProps)] {
        var result = [(path, schema)]
        for name in schema.properties.keys.sorted() {
            result += nodes(schema.properties[name]!, at: path + [.member(name)])
        }
        if let items = schema.items { result += nodes(items, at: path + [.firstItem]) }
        return result
    }

    /// `value` with `leaf` placed at `path`, creating minimal parents on the way.
    static func setting(_ leaf: JSONValue, at path: [Step], in value: JSONValue, schema: JSONSchemaProps) -> JSONValue {
        guard let step = path.first else { return leaf }
        switch step {
        case .member(let name):
            let child = schema.properties[name]!
            var members = value.objectValue ?? [:]
            members[name] = setting(leaf, at: Array(path.dropFirst()), in: members[name] ?? minimal(child), schema: child)
            return .object(members)
        case .firstItem:
            let items = schema.items!
            var elements = value.arrayValue ?? []
            if elements.isEmpty { elements = [minimal(items)] }
            elements[0] = setting(leaf, at: Array(path.dropFirst()), in: elements[0], schema: items)
            return .array(elements)
        }
    }

    /// The field path as the apiserver prints it.
    static func render(_ path: [Step], root: String) -> String {
        path.reduce(root) { text, step in
            switch step {
            case .member(let name): "\(text).\(name)"
            case .firstItem: "\(text)[0]"
            }
        }
    }
}
