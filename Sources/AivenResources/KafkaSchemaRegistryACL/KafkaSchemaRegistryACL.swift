import KubeAPI

/// A Schema Registry ACL entry of a Kafka service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `KafkaSchemaRegistryACL`): `permission` on the registry resources matching
/// `resource` for the users matching `username`.
public struct KafkaSchemaRegistryACL: AivenResource, Hashable {
    public static let kind = "KafkaSchemaRegistryACL"
    public static let plural = "kafkaschemaregistryacls"

    public var apiVersion: String = KafkaSchemaRegistryACL.apiVersion
    public var kind: String = KafkaSchemaRegistryACL.kind
    public var metadata: ObjectMeta
    public var spec: KafkaSchemaRegistryACLSpec
    public var status: KafkaSchemaRegistryACLStatus?

    public init(metadata: ObjectMeta, spec: KafkaSchemaRegistryACLSpec, status: KafkaSchemaRegistryACLStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// KafkaSchemaRegistryACLSpec defines the desired state of KafkaSchemaRegistryACL.
public struct KafkaSchemaRegistryACLSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// `schema_registry_read` or `schema_registry_write`.
    public var permission: String
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Resource name pattern for the Schema Registry ACL entry (`Config:` or `Subject:<pattern>`).
    public var resource: String
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String
    /// Username pattern for the ACL entry.
    public var username: String

    public init(authSecretRef: SecretKeyReference? = nil, permission: String, project: String, resource: String, serviceName: String, username: String) {
        self.authSecretRef = authSecretRef
        self.permission = permission
        self.project = project
        self.resource = resource
        self.serviceName = serviceName
        self.username = username
    }
}

/// What the operator observed of the entry: the id Aiven gave it (`acl_id`, as the reference names it).
public struct KafkaSchemaRegistryACLStatus: Codable, Sendable, Hashable {
    public var aclId: String?
    /// `RUNNING` once the entry exists.
    public var state: String?
    public var conditions: [Condition]?
    public var observedGeneration: Int64?

    enum CodingKeys: String, CodingKey {
        case aclId = "acl_id", state, conditions, observedGeneration
    }

    public init(aclId: String? = nil, state: String? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil) {
        self.aclId = aclId
        self.state = state
        self.conditions = conditions
        self.observedGeneration = observedGeneration
    }
}
