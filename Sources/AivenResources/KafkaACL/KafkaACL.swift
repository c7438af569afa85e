import KubeAPI

/// An Aiven ACL entry of a Kafka service declared as a Kubernetes resource (`aiven.io/v1alpha1`,
/// `KafkaACL`): `permission` on the topics matching `topic` for the users matching `username`.
public struct KafkaACL: AivenResource, Hashable {
    public static let kind = "KafkaACL"
    public static let plural = "kafkaacls"

    public var apiVersion: String = KafkaACL.apiVersion
    public var kind: String = KafkaACL.kind
    public var metadata: ObjectMeta
    public var spec: KafkaACLSpec
    public var status: ACLStatus?

    public init(metadata: ObjectMeta, spec: KafkaACLSpec, status: ACLStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// KafkaACLSpec defines the desired state of KafkaACL.
public struct KafkaACLSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// `admin`, `read`, `readwrite` or `write`.
    public var permission: String
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String
    /// Topic name pattern for the ACL entry.
    public var topic: String
    /// Username pattern for the ACL entry.
    public var username: String

    public init(authSecretRef: SecretKeyReference? = nil, permission: String, project: String, serviceName: String, topic: String, username: String) {
        self.authSecretRef = authSecretRef
        self.permission = permission
        self.project = project
        self.serviceName = serviceName
        self.topic = topic
        self.username = username
    }
}

/// What the operator observed of an ACL entry (`KafkaACL`, `KafkaNativeACL`): the id Aiven gave it.
public typealias ACLStatus = IdentifiedStatus
