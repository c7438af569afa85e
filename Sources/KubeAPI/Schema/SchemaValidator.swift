/// Validates a value against a structural schema with the rules and messages of kube-openapi as
/// kube-apiserver 1.31 runs them for custom resources.
///
/// Per value the checks run in kube-openapi's order: type, string (maxLength, minLength, pattern;
/// the first failure ends the string checks), number (multipleOf, minimum, maximum), array (items,
/// minItems, maxItems, uniqueItems), enum, object (min/maxProperties, map values, properties,
/// required). Properties are visited in name order so the output is deterministic (the apiserver's
/// order is random). Nulls of non-nullable fields must already be removed (``SchemaDefaulter``).
struct SchemaValidator {
    var patterns: PatternCache

    func validate(_ value: JSONValue, _ schema: JSONSchemaProps, at path: FieldPath) -> [FieldError] {
        var errors: [FieldError] = []
        validate(value, schema, at: path, into: &errors)
        return errors
    }

    private func validate(_ value: JSONValue, _ schema: JSONSchemaProps, at path: FieldPath, into errors: inout [FieldError]) {
        if value.isNull, schema.nullable { return }
        if let typeError = typeError(value, schema, at: path) {
            errors.append(typeError)
        } else {
            switch value {
            case .string(let string): validateString(string, schema, at: path, into: &errors)
            case .integer, .number: validateNumber(value, schema, at: path, into: &errors)
            case .array(let elements): validateArray(elements, schema, at: path, into: &errors)
            default: break
            }
        }
        if let allowed = schema.enum, !allowed.contains(where: { Self.jsonEqual($0, value) }) {
            let supported = allowed.map { $0.stringValue ?? $0.jsonString }
            errors.append(.notSupported(path, value, supported: supported))
        }
        if case .object(let members) = value, schema.type == .object || schema.type == nil {
            validateObject(members, schema, at: path, into: &errors)
        }
    }

    private func typeError(_ value: JSONValue, _ schema: JSONSchemaProps, at path: FieldPath) -> FieldError? {
        let expected: String
        let matches: Bool
        let received = value.typeName
        if schema.intOrString {
            expected = "integer,string"
            matches = received == "integer" || received == "string"
        } else if let type = schema.type {
            expected = type.rawValue
            switch type {
            case .number: matches = received == "integer" || received == "number"
            default: matches = received == type.rawValue
            }
        } else {
            return nil
        }
        guard !matches else { return nil }
        return FieldError(
            .typeInvalid, path, renderedValue: GoFormat.quote(received),
            detail: "\(path) in body must be of type \(expected): \(GoFormat.quote(received))"
        )
    }

    private func validateString(_ string: String, _ schema: JSONSchemaProps, at path: FieldPath, into errors: inout [FieldError]) {
        guard schema.maxLength != nil || schema.minLength != nil || schema.pattern != nil else { return }
        let length = Int64(string.unicodeScalars.count)
        if let maxLength = schema.maxLength, length > maxLength {
            errors.append(.tooLong(path, maxLength: maxLength))
            return
        }
        if let minLength = schema.minLength, length < minLength {
            errors.append(.invalid(path, .string(string), "\(path) in body should be at least \(minLength) chars long"))
            return
        }
        if let pattern = schema.pattern, !patterns.matches(pattern, string) {
            errors.append(.invalid(path, .string(string), "\(path) in body should match '\(pattern)'"))
        }
    }

    private func validateNumber(_ value: JSONValue, _ schema: JSONSchemaProps, at path: FieldPath, into errors: inout [FieldError]) {
        guard let number = value.doubleValue else { return }
        // kube-openapi compares integer data against integer bounds and prints them as integers;
        // floating-point data is compared and printed as float64 (`%v`).
        let isInteger = value.typeName == "integer"
        func bound(_ limit: Double) -> String {
            isInteger ? String(Int64(limit)) : GoFormat.float(limit)
        }
        if let multipleOf = schema.multipleOf, multipleOf != 0, (number / multipleOf).rounded() != number / multipleOf {
            errors.append(.invalid(path, value, "\(path) in body should be a multiple of \(bound(multipleOf))"))
        }
        if let minimum = schema.minimum {
            let limit = isInteger ? Double(Int64(minimum)) : minimum
            if schema.exclusiveMinimum ? number <= limit : number < limit {
                let relation = schema.exclusiveMinimum ? "greater than" : "greater than or equal to"
                errors.append(.invalid(path, value, "\(path) in body should be \(relation) \(bound(minimum))"))
            }
        }
        if let maximum = schema.maximum {
            let limit = isInteger ? Double(Int64(maximum)) : maximum
            if schema.exclusiveMaximum ? number >= limit : number > limit {
                let relation = schema.exclusiveMaximum ? "less than" : "less than or equal to"
                errors.append(.invalid(path, value, "\(path) in body should be \(relation) \(bound(maximum))"))
            }
        }
    }

    private func validateArray(_ elements: [JSONValue], _ schema: JSONSchemaProps, at path: FieldPath, into errors: inout [FieldError]) {
        if let items = schema.items {
            for (index, element) in elements.enumerated() {
                validate(element, items, at: path.index(index), into: &errors)
            }
        }
        if let minItems = schema.minItems, elements.count < minItems {
            errors.append(.invalid(path, .integer(Int64(elements.count)), "\(path) in body should have at least \(minItems) items"))
        }
        if let maxItems = schema.maxItems, elements.count > maxItems {
            errors.append(.tooMany(path, actual: elements.count, max: maxItems))
        }
        if schema.uniqueItems, Set(elements).count != elements.count {
            errors.append(.invalid(path, .array(elements), "\(path) in body shouldn't contain duplicates"))
        }
        if schema.listType == "map" || schema.listType == "set" {
            errors += Self.duplicates(elements, schema, at: path)
        }
    }

    /// `x-kubernetes-list-type` `map` (by `x-kubernetes-list-map-keys`) and `set`: the first
    /// repetition of each entry is a `Duplicate value`, rendered as Go's `%#v` of the key fields
    /// (`map[string]interface {}{"name":"a"}`), as kube-apiserver's listtype validation does.
    private static func duplicates(_ elements: [JSONValue], _ schema: JSONSchemaProps, at path: FieldPath) -> [FieldError] {
        guard elements.count > 1 else { return [] }
        let keys: [JSONValue] = elements.map { element in
            guard schema.listType == "map" else { return element }
            var key: [String: JSONValue] = [:]
            for name in schema.listMapKeys ?? [] { key[name] = element[name] }
            return .object(key)
        }
        var seen: [JSONValue: Int] = [:]
        var errors: [FieldError] = []
        for (index, key) in keys.enumerated() {
            seen[key, default: 0] += 1
            if seen[key] == 2 {
                errors.append(FieldError(.duplicate, path.index(index), renderedValue: goSyntax(key), detail: ""))
            }
        }
        return errors
    }

    /// Go's `%#v` of a decoded JSON value.
    private static func goSyntax(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            "map[string]interface {}{" + members.keys.sorted().map { "\(GoFormat.quote($0)):\(goSyntax(members[$0]!))" }.joined(separator: ", ") + "}"
        case .array(let items): "[]interface {}{" + items.map(goSyntax).joined(separator: ", ") + "}"
        case .string(let string): GoFormat.quote(string)
        case .null: "interface {}(nil)"
        default: GoFormat.value(value)
        }
    }

    private func validateObject(_ members: [String: JSONValue], _ schema: JSONSchemaProps, at path: FieldPath, into errors: inout [FieldError]) {
        if let minProperties = schema.minProperties, members.count < minProperties {
            errors.append(.invalid(path, .integer(Int64(members.count)), "\(path) in body should have at least \(minProperties) properties"))
        }
        if let maxProperties = schema.maxProperties, members.count > maxProperties {
            errors.append(.tooMany(path, actual: members.count, max: maxProperties))
        }
        if let valueSchema = schema.additionalProperties {
            for key in members.keys.sorted() {
                validate(members[key]!, valueSchema, at: path.child(key), into: &errors)
            }
        }
        for name in schema.properties.keys.sorted() {
            if let member = members[name] {
                validate(member, schema.properties[name]!, at: path.child(name), into: &errors)
            }
        }
        for name in schema.required where members[name] == nil {
            errors.append(.required(path.child(name)))
        }
    }

    /// JSON equality where `1` and `1.0` are the same number, as in Go's reflect-based comparison of
    /// decoded JSON (both become float64 or int64 consistently there).
    static func jsonEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer, .number), (.number, .integer), (.number, .number), (.integer, .integer):
            return lhs.doubleValue == rhs.doubleValue
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy(jsonEqual)
        case (.object(let left), .object(let right)):
            return left.count == right.count && left.allSatisfy { key, value in right[key].map { jsonEqual(value, $0) } ?? false }
        default:
            return lhs == rhs
        }
    }
}
