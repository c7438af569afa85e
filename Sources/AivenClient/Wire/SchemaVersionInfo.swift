/// One version of a schema registry subject (`ServiceSchemaRegistrySubjectVersionGet`'s
/// `version`): its global id, the schema as the registry stores it, its type and references.
public struct SchemaVersionInfo: Codable, Sendable, Hashable {
    public var id: Int
    public var version: Int
    public var subject: String
    public var schema: String
    /// `AVRO` when the registry omits it.
    public var schemaType: String
    public var references: [SchemaReferenceInfo]

    public init(id: Int, version: Int, subject: String, schema: String, schemaType: String = "AVRO", references: [SchemaReferenceInfo] = []) {
        self.id = id
        self.version = version
        self.subject = subject
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
    }

    private enum CodingKeys: String, CodingKey { case id, version, subject, schema, schemaType, references }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        version = try container.decode(Int.self, forKey: .version)
        subject = try container.decodeIfPresent(String.self, forKey: .subject) ?? ""
        schema = try container.decode(String.self, forKey: .schema)
        schemaType = try container.decodeIfPresent(String.self, forKey: .schemaType) ?? "AVRO"
        references = try container.decodeIfPresent([SchemaReferenceInfo].self, forKey: .references) ?? []
    }
}

/// A schema another one imports: `name` (the import path) resolves to `subject` at `version`.
public struct SchemaReferenceInfo: Codable, Sendable, Hashable {
    public var name: String
    public var subject: String
    public var version: Int

    public init(name: String, subject: String, version: Int) {
        self.name = name
        self.subject = subject
        self.version = version
    }
}

/// A schema to register (`ServiceSchemaRegistrySubjectVersionPostRequestBody`).
public struct SchemaRegistration: Encodable, Sendable, Hashable {
    public var schema: String
    public var schemaType: String?
    public var references: [SchemaReferenceInfo]?

    public init(schema: String, schemaType: String? = nil, references: [SchemaReferenceInfo]? = nil) {
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
    }
}
