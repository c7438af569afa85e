/// A structural OpenAPI v3 schema node as CustomResourceDefinitions use it
/// (`apiextensions.k8s.io/v1` `JSONSchemaProps`), restricted to the keywords this project
/// validates. Loading a schema with a keyword outside that set fails (see ``init(json:)``), so
/// nothing is silently not enforced.
public struct JSONSchemaProps: Sendable, Hashable {
    public var type: SchemaType?
    public var description: String?
    public var format: String?
    public var `default`: JSONValue?
    public var `enum`: [JSONValue]?
    public var pattern: String?
    public var minLength: Int64?
    public var maxLength: Int64?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Bool
    public var exclusiveMaximum: Bool
    public var multipleOf: Double?
    public var minItems: Int64?
    public var maxItems: Int64?
    public var uniqueItems: Bool
    public var minProperties: Int64?
    public var maxProperties: Int64?
    public var required: [String]
    public var properties: [String: JSONSchemaProps]
    public var nullable: Bool
    public var preserveUnknownFields: Bool
    public var intOrString: Bool
    public var embeddedResource: Bool
    public var listType: String?
    public var listMapKeys: [String]?
    public var mapType: String?
    public var validations: [ValidationRule]
    private var itemsBox: [JSONSchemaProps]
    private var additionalPropertiesBox: [JSONSchemaProps]

    /// The schema of array elements.
    public var items: JSONSchemaProps? {
        get { itemsBox.first }
        set { itemsBox = newValue.map { [$0] } ?? [] }
    }

    /// The schema of the values of a map (`additionalProperties` with a schema).
    public var additionalProperties: JSONSchemaProps? {
        get { additionalPropertiesBox.first }
        set { additionalPropertiesBox = newValue.map { [$0] } ?? [] }
    }

    public init(
        type: SchemaType? = nil,
        description: String? = nil,
        format: String? = nil,
        default: JSONValue? = nil,
        enum: [JSONValue]? = nil,
        pattern: String? = nil,
        minLength: Int64? = nil,
        maxLength: Int64? = nil,
        minimum: Double? = nil,
        maximum: Double? = nil,
        exclusiveMinimum: Bool = false,
        exclusiveMaximum: Bool = false,
        multipleOf: Double? = nil,
        minItems: Int64? = nil,
        maxItems: Int64? = nil,
        uniqueItems: Bool = false,
        minProperties: Int64? = nil,
        maxProperties: Int64? = nil,
        required: [String] = [],
        properties: [String: JSONSchemaProps] = [:],
        items: JSONSchemaProps? = nil,
        additionalProperties: JSONSchemaProps? = nil,
        nullable: Bool = false,
        preserveUnknownFields: Bool = false,
        intOrString: Bool = false,
        embeddedResource: Bool = false,
        listType: String? = nil,
        listMapKeys: [String]? = nil,
        mapType: String? = nil,
        validations: [ValidationRule] = []
    ) {
        self.type = type
        self.description = description
        self.format = format
        self.default = `default`
        self.enum = `enum`
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        self.required = required
        self.properties = properties
        self.itemsBox = items.map { [$0] } ?? []
        self.additionalPropertiesBox = additionalProperties.map { [$0] } ?? []
        self.nullable = nullable
        self.preserveUnknownFields = preserveUnknownFields
        self.intOrString = intOrString
        self.embeddedResource = embeddedResource
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.mapType = mapType
        self.validations = validations
    }
}

/// The `type` keyword of a structural schema.
public enum SchemaType: String, Sendable, Hashable, CaseIterable {
    case object, array, string, integer, number, boolean
}

/// One `x-kubernetes-validations` entry: a CEL rule and how to report its failure.
public struct ValidationRule: Sendable, Hashable {
    public var rule: String
    public var message: String?
    public var reason: String?
    public var fieldPath: String?

    public init(rule: String, message: String? = nil, reason: String? = nil, fieldPath: String? = nil) {
        self.rule = rule
        self.message = message
        self.reason = reason
        self.fieldPath = fieldPath
    }
}
