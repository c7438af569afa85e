/// Terse constructors for writing schemas in Swift, so a kind's schema reads like its reference
/// documentation.
extension JSONSchemaProps {
    /// An object with named properties.
    public static func object(
        _ description: String? = nil,
        required: [String] = [],
        properties: [String: JSONSchemaProps],
        rules: [ValidationRule] = []
    ) -> JSONSchemaProps {
        JSONSchemaProps(type: .object, description: description, required: required, properties: properties, validations: rules)
    }

    /// A string, optionally constrained.
    public static func string(
        _ description: String? = nil,
        enum values: [String]? = nil,
        pattern: String? = nil,
        minLength: Int64? = nil,
        maxLength: Int64? = nil,
        format: String? = nil,
        default: String? = nil
    ) -> JSONSchemaProps {
        JSONSchemaProps(
            type: .string, description: description, format: format, default: `default`.map(JSONValue.string),
            enum: values?.map(JSONValue.string), pattern: pattern, minLength: minLength, maxLength: maxLength
        )
    }

    /// An integer, optionally constrained.
    public static func integer(
        _ description: String? = nil,
        enum values: [Int64]? = nil,
        minimum: Int64? = nil,
        maximum: Int64? = nil,
        format: String? = nil
    ) -> JSONSchemaProps {
        JSONSchemaProps(
            type: .integer, description: description, format: format, enum: values?.map(JSONValue.integer),
            minimum: minimum.map(Double.init), maximum: maximum.map(Double.init)
        )
    }

    /// A boolean, optionally defaulted.
    public static func boolean(_ description: String? = nil, default: Bool? = nil) -> JSONSchemaProps {
        JSONSchemaProps(type: .boolean, description: description, default: `default`.map(JSONValue.bool))
    }

    /// An array of `items`.
    public static func array(_ description: String? = nil, of items: JSONSchemaProps, minItems: Int64? = nil, maxItems: Int64? = nil) -> JSONSchemaProps {
        JSONSchemaProps(type: .array, description: description, minItems: minItems, maxItems: maxItems, items: items)
    }

    /// A map from string keys to `values`.
    public static func map(_ description: String? = nil, values: JSONSchemaProps) -> JSONSchemaProps {
        JSONSchemaProps(type: .object, description: description, additionalProperties: values)
    }

    /// The rule kubebuilder writes for an immutable field.
    public static let immutableRule = ValidationRule(rule: "self == oldSelf", message: "Value is immutable")

    /// This schema with the immutability rule (`self == oldSelf`) added, refused with `message`
    /// ("Value is immutable" unless a CRD words it otherwise).
    public func immutable(message: String = "Value is immutable") -> JSONSchemaProps {
        var copy = self
        copy.validations.append(ValidationRule(rule: Self.immutableRule.rule, message: message))
        return copy
    }

    /// `true` when the schema carries the immutability rule.
    public var isImmutable: Bool {
        validations.contains { $0.rule == Self.immutableRule.rule }
    }
}
