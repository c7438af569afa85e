extension JSONSchemaProps {
    /// The schema as the JSON object a CRD's `openAPIV3Schema` holds.
    public var json: JSONValue {
        var object: [String: JSONValue] = [:]
        object["type"] = type.map { .string($0.rawValue) }
        object["description"] = description.map(JSONValue.string)
        object["format"] = format.map(JSONValue.string)
        object["default"] = self.default
        object["enum"] = self.enum.map(JSONValue.array)
        object["pattern"] = pattern.map(JSONValue.string)
        object["minLength"] = minLength.map(JSONValue.integer)
        object["maxLength"] = maxLength.map(JSONValue.integer)
        object["minimum"] = minimum.map(JSONSchemaProps.number)
        object["maximum"] = maximum.map(JSONSchemaProps.number)
        object["exclusiveMinimum"] = exclusiveMinimum ? .bool(true) : nil
        object["exclusiveMaximum"] = exclusiveMaximum ? .bool(true) : nil
        object["multipleOf"] = multipleOf.map(JSONSchemaProps.number)
        object["minItems"] = minItems.map(JSONValue.integer)
        object["maxItems"] = maxItems.map(JSONValue.integer)
        object["uniqueItems"] = uniqueItems ? .bool(true) : nil
        object["minProperties"] = minProperties.map(JSONValue.integer)
        object["maxProperties"] = maxProperties.map(JSONValue.integer)
        object["required"] = required.isEmpty ? nil : .array(required.sorted().map(JSONValue.string))
        object["properties"] = properties.isEmpty ? nil : .object(properties.mapValues(\.json))
        object["items"] = items?.json
        object["additionalProperties"] = additionalProperties?.json
        object["nullable"] = nullable ? .bool(true) : nil
        object["x-kubernetes-preserve-unknown-fields"] = preserveUnknownFields ? .bool(true) : nil
        object["x-kubernetes-int-or-string"] = intOrString ? .bool(true) : nil
        object["x-kubernetes-embedded-resource"] = embeddedResource ? .bool(true) : nil
        object["x-kubernetes-list-type"] = listType.map(JSONValue.string)
        object["x-kubernetes-list-map-keys"] = listMapKeys.map { .array($0.map(JSONValue.string)) }
        object["x-kubernetes-map-type"] = mapType.map(JSONValue.string)
        if !validations.isEmpty {
            object["x-kubernetes-validations"] = .array(validations.map { rule in
                var entry: [String: JSONValue] = ["rule": .string(rule.rule)]
                entry["message"] = rule.message.map(JSONValue.string)
                entry["reason"] = rule.reason.map(JSONValue.string)
                entry["fieldPath"] = rule.fieldPath.map(JSONValue.string)
                return .object(entry)
            })
        }
        return .object(object)
    }

    private static func number(_ value: Double) -> JSONValue {
        if let integer = Int64(exactly: value) { return .integer(integer) }
        return .number(value)
    }

    /// Reads a schema from a CRD's `openAPIV3Schema` JSON.
    ///
    /// Keywords outside the supported structural subset (`allOf`, `$ref`, …) are rejected with
    /// ``SchemaLoadError`` rather than ignored.
    public init(json: JSONValue, path: String = "openAPIV3Schema") throws(SchemaLoadError) {
        guard case .object(let object) = json else {
            throw SchemaLoadError(path: path, problem: "must be an object")
        }
        self.init()
        for (key, value) in object {
            switch key {
            case "type":
                guard let raw = value.stringValue, let type = SchemaType(rawValue: raw) else {
                    throw SchemaLoadError(path: "\(path).type", problem: "unsupported type \(value.jsonString)")
                }
                self.type = type
            case "description": description = try Self.string(value, "\(path).description")
            case "format": format = try Self.string(value, "\(path).format")
            case "title", "example", "externalDocs", "id", "$schema": continue
            case "default": self.default = value
            case "enum":
                guard case .array(let values) = value else {
                    throw SchemaLoadError(path: "\(path).enum", problem: "must be an array")
                }
                self.enum = values
            case "pattern": pattern = try Self.string(value, "\(path).pattern")
            case "minLength": minLength = try Self.integer(value, "\(path).minLength")
            case "maxLength": maxLength = try Self.integer(value, "\(path).maxLength")
            case "minimum": minimum = try Self.double(value, "\(path).minimum")
            case "maximum": maximum = try Self.double(value, "\(path).maximum")
            case "exclusiveMinimum": exclusiveMinimum = try Self.bool(value, "\(path).exclusiveMinimum")
            case "exclusiveMaximum": exclusiveMaximum = try Self.bool(value, "\(path).exclusiveMaximum")
            case "multipleOf": multipleOf = try Self.double(value, "\(path).multipleOf")
            case "minItems": minItems = try Self.integer(value, "\(path).minItems")
            case "maxItems": maxItems = try Self.integer(value, "\(path).maxItems")
            case "uniqueItems": uniqueItems = try Self.bool(value, "\(path).uniqueItems")
            case "minProperties": minProperties = try Self.integer(value, "\(path).minProperties")
            case "maxProperties": maxProperties = try Self.integer(value, "\(path).maxProperties")
            case "required":
                guard case .array(let names) = value, names.allSatisfy({ $0.stringValue != nil }) else {
                    throw SchemaLoadError(path: "\(path).required", problem: "must be an array of strings")
                }
                required = names.compactMap(\.stringValue)
            case "properties":
                guard case .object(let members) = value else {
                    throw SchemaLoadError(path: "\(path).properties", problem: "must be an object")
                }
                for (name, child) in members {
                    properties[name] = try JSONSchemaProps(json: child, path: "\(path).properties[\(name)]")
                }
            case "items":
                items = try JSONSchemaProps(json: value, path: "\(path).items")
            case "additionalProperties":
                switch value {
                case .bool(true): preserveUnknownFields = true
                case .bool(false): continue
                default: additionalProperties = try JSONSchemaProps(json: value, path: "\(path).additionalProperties")
                }
            case "nullable": nullable = try Self.bool(value, "\(path).nullable")
            case "x-kubernetes-preserve-unknown-fields":
                preserveUnknownFields = try Self.bool(value, "\(path).x-kubernetes-preserve-unknown-fields")
            case "x-kubernetes-int-or-string": intOrString = try Self.bool(value, "\(path).x-kubernetes-int-or-string")
            case "x-kubernetes-embedded-resource":
                embeddedResource = try Self.bool(value, "\(path).x-kubernetes-embedded-resource")
            case "x-kubernetes-list-type": listType = try Self.string(value, "\(path).x-kubernetes-list-type")
            case "x-kubernetes-map-type": mapType = try Self.string(value, "\(path).x-kubernetes-map-type")
            case "x-kubernetes-list-map-keys":
                guard case .array(let keys) = value else {
                    throw SchemaLoadError(path: "\(path).x-kubernetes-list-map-keys", problem: "must be an array")
                }
                listMapKeys = keys.compactMap(\.stringValue)
            case "x-kubernetes-validations":
                guard case .array(let rules) = value else {
                    throw SchemaLoadError(path: "\(path).x-kubernetes-validations", problem: "must be an array")
                }
                for (index, rule) in rules.enumerated() {
                    let rulePath = "\(path).x-kubernetes-validations[\(index)]"
                    guard let text = rule["rule"]?.stringValue else {
                        throw SchemaLoadError(path: rulePath, problem: "rule is required")
                    }
                    validations.append(ValidationRule(
                        rule: text,
                        message: try rule["message"].map { v throws(SchemaLoadError) in try Self.string(v, "\(rulePath).message") },
                        reason: try rule["reason"].map { v throws(SchemaLoadError) in try Self.string(v, "\(rulePath).reason") },
                        fieldPath: try rule["fieldPath"].map { v throws(SchemaLoadError) in try Self.string(v, "\(rulePath).fieldPath") }
                    ))
                }
            default:
                throw SchemaLoadError(path: "\(path).\(key)", problem: "unsupported schema keyword")
            }
        }
    }

    private static func string(_ value: JSONValue, _ path: String) throws(SchemaLoadError) -> String {
        guard let string = value.stringValue else { throw SchemaLoadError(path: path, problem: "must be a string") }
        return string
    }

    private static func integer(_ value: JSONValue, _ path: String) throws(SchemaLoadError) -> Int64 {
        guard let integer = value.integerValue else { throw SchemaLoadError(path: path, problem: "must be an integer") }
        return integer
    }

    private static func double(_ value: JSONValue, _ path: String) throws(SchemaLoadError) -> Double {
        guard let number = value.doubleValue else { throw SchemaLoadError(path: path, problem: "must be a number") }
        return number
    }

    private static func bool(_ value: JSONValue, _ path: String) throws(SchemaLoadError) -> Bool {
        guard let flag = value.boolValue else { throw SchemaLoadError(path: path, problem: "must be a boolean") }
        return flag
    }
}

/// A schema that cannot be enforced as written: a malformed keyword, an unsupported keyword or an
/// unsupported CEL rule.
public struct SchemaLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the schema, e.g. `openAPIV3Schema.properties[spec].x-kubernetes-validations[0]`.
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}
