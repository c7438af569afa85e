import KubeAPI

/// Validates JSON against a schema written in go-api-schemas' dialect, the form in which Aiven
/// publishes `user_config_schema`: `type` (a name or a list), `properties`, `required`, `items`,
/// `enum: [{value: …}]`, `minimum`/`maximum` (numbers or numeric strings), `min_length`,
/// `max_length`, `min_items`, `max_items`, `pattern`.
///
/// Objects that declare `properties` reject other keys (go-api-schemas drops
/// `additionalProperties: false`; the real API enforces it). Messages follow Python
/// `jsonschema`, which the Aiven API uses.
struct AivenSchemaValidator: Sendable {
    let schema: JSONValue

    /// The first problem found, or `nil` when `value` is valid.
    /// Throws Aiven's 400 (`Invalid input for <path>: <problem>`) for the first problem in `value`.
    func require(_ value: JSONValue) throws(EmulatorError) {
        if let problem = firstProblem(in: value) { throw EmulatorError.invalidInput(problem) }
    }

    func firstProblem(in value: JSONValue) -> SchemaProblem? {
        check(value, against: schema, path: [])
    }

    private func check(_ value: JSONValue, against node: JSONValue, path: [String]) -> SchemaProblem? {
        func problem(_ message: String) -> SchemaProblem {
            SchemaProblem(path: path.joined(separator: "."), message: message)
        }
        let types = typeNames(node["type"])
        if !types.isEmpty, !types.contains(where: { Self.matches(value, type: $0) }) {
            return problem("\(PythonRepr.of(value)) is not of type \(types.map(PythonRepr.quote).joined(separator: ", "))")
        }
        if let options = node["enum"]?.arrayValue {
            let allowed = options.map { $0["value"] ?? $0 }
            if !allowed.contains(where: { Self.equal($0, value) }) {
                return problem("\(PythonRepr.of(value)) is not one of \(PythonRepr.of(.array(allowed)))")
            }
        }
        if let number = value.doubleValue, value.boolValue == nil {
            if let minimum = Self.number(node["minimum"]), number < minimum {
                return problem("\(PythonRepr.of(value)) is less than the minimum of \(Self.render(node["minimum"]))")
            }
            // A number past Int64 reaching an integer bound lies beyond it (the bound rounds up as a Double).
            let pastIntegerBound = value.integerValue == nil && node["maximum"]?.integerValue != nil
            if let maximum = Self.number(node["maximum"]), number > maximum || (pastIntegerBound && number >= maximum) {
                return problem("\(PythonRepr.of(value)) is greater than the maximum of \(Self.render(node["maximum"]))")
            }
        }
        if let text = value.stringValue {
            if let limit = node["max_length"]?.integerValue, text.count > limit {
                return problem("\(PythonRepr.of(value)) is too long")
            }
            if let limit = node["min_length"]?.integerValue, text.count < limit {
                return problem("\(PythonRepr.of(value)) is too short")
            }
            if let pattern = node["pattern"]?.stringValue, let regex = try? Regex(pattern),
                (try? regex.firstMatch(in: text)) == nil
            {
                return problem("\(PythonRepr.of(value)) does not match \(PythonRepr.quote(pattern))")
            }
        }
        if let items = value.arrayValue {
            if let limit = node["max_items"]?.integerValue, items.count > limit {
                return problem("\(PythonRepr.of(value)) is too long")
            }
            if let limit = node["min_items"]?.integerValue, items.count < limit {
                return problem("\(PythonRepr.of(value)) is too short")
            }
            if let itemSchema = node["items"] {
                for (index, item) in items.enumerated() {
                    if let found = check(item, against: itemSchema, path: path + [String(index)]) { return found }
                }
            }
        }
        if let members = value.objectValue {
            for key in node["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[key] == nil {
                return problem("\(PythonRepr.quote(key)) is a required property")
            }
            if let properties = node["properties"]?.objectValue {
                let unexpected = members.keys.filter { properties[$0] == nil }.sorted()
                if !unexpected.isEmpty {
                    let names = unexpected.map(PythonRepr.quote).joined(separator: ", ")
                    return problem("Additional properties are not allowed (\(names) \(unexpected.count == 1 ? "was" : "were") unexpected)")
                }
                for key in members.keys.sorted() {
                    if let child = properties[key], let found = check(members[key]!, against: child, path: path + [key]) {
                        return found
                    }
                }
            }
        }
        return nil
    }

    private func typeNames(_ type: JSONValue?) -> [String] {
        switch type {
        case .string(let name)?: [name]
        case .array(let names)?: names.compactMap(\.stringValue)
        default: []
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null):
            true
        case ("integer", .integer): true
        case ("integer", .number(let number)): number.rounded() == number
        case ("number", .integer), ("number", .number): true
        default: false
        }
    }

    private static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
        return lhs == rhs
    }

    /// A bound, which go-api-schemas writes as a string (`"1048576"`).
    private static func number(_ bound: JSONValue?) -> Double? {
        switch bound {
        case .string(let text)?: Double(text)
        case let value?: value.doubleValue
        case nil: nil
        }
    }

    private static func render(_ bound: JSONValue?) -> String {
        switch bound {
        case .string(let text)?: text
        case let value?: PythonRepr.of(value)
        case nil: ""
        }
    }
}
