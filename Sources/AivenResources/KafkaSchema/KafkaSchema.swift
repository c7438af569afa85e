import KubeAPI

/// A schema of a Kafka service's schema registry declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `KafkaSchema`): `spec.schema` registered under `spec.subjectName`.
public struct KafkaSchema: AivenResource, Hashable {
    public static let kind = "KafkaSchema"
    public static let plural = "kafkaschemas"

    public var apiVersion: String = KafkaSchema.apiVersion
    public var kind: String = KafkaSchema.kind
    public var metadata: ObjectMeta
    public var spec: KafkaSchemaSpec
    public var status: KafkaSchemaStatus?

    public init(metadata: ObjectMeta, spec: KafkaSchemaSpec, status: KafkaSchemaStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// KafkaSchemaSpec defines the desired state of KafkaSchema.
public struct KafkaSchemaSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// The subject's compatibility level (`BACKWARD`, …); `nil`: the registry's global level.
    public var compatibilityLevel: String?
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Other schemas this one imports (PROTOBUF and JSON only).
    public var references: [Reference]?
    /// The schema text: Avro or JSON Schema JSON, or a `.proto` file.
    public var schema: String
    /// `AVRO` (the registry's default when unset), `JSON` or `PROTOBUF`.
    public var schemaType: String?
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String
    /// The subject the schema is registered under.
    public var subjectName: String

    /// A schema this one imports: a subject and version of the registry, or another `KafkaSchema`
    /// of the namespace (its subject and current version).
    public struct Reference: Codable, Sendable, Hashable {
        /// The name the schema imports it by (a Protobuf import path).
        public var name: String
        public var subject: String?
        public var version: Int?
        public var kafkaSchemaRef: ResourceName?

        public init(name: String, subject: String? = nil, version: Int? = nil, kafkaSchemaRef: ResourceName? = nil) {
            self.name = name
            self.subject = subject
            self.version = version
            self.kafkaSchemaRef = kafkaSchemaRef
        }
    }

    /// A resource of the same namespace, by name.
    public struct ResourceName: Codable, Sendable, Hashable {
        public var name: String
        public init(name: String) { self.name = name }
    }

    public init(
        authSecretRef: SecretKeyReference? = nil, compatibilityLevel: String? = nil, project: String, references: [Reference]? = nil,
        schema: String, schemaType: String? = nil, serviceName: String, subjectName: String
    ) {
        self.authSecretRef = authSecretRef
        self.compatibilityLevel = compatibilityLevel
        self.project = project
        self.references = references
        self.schema = schema
        self.schemaType = schemaType
        self.serviceName = serviceName
        self.subjectName = subjectName
    }
}

/// What the operator observed of the subject: the registered version of the spec's schema and its
/// global id.
public struct KafkaSchemaStatus: Codable, Sendable, Hashable {
    /// The schema's global id in the registry.
    public var id: Int?
    /// The subject's version holding the spec's schema.
    public var version: Int?
    public var conditions: [Condition]?
    public var observedGeneration: Int64?
    /// Fields left different in the registry (drift policy `Report`).
    public var driftedFields: [String]?
    /// The versions of the `kafkaSchemaRef` referents the registered schema refers to
    /// (`money-type@3`): a referent's new version is registered like a new generation.
    public var appliedReferences: String?

    public init(
        id: Int? = nil, version: Int? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil, driftedFields: [String]? = nil,
        appliedReferences: String? = nil
    ) {
        self.id = id
        self.version = version
        self.conditions = conditions
        self.observedGeneration = observedGeneration
        self.driftedFields = driftedFields
        self.appliedReferences = appliedReferences
    }
}
