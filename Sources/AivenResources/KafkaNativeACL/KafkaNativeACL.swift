import KubeAPI

/// A Kafka-native ACL entry of a Kafka service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `KafkaNativeACL`). Its spec is immutable.
public struct KafkaNativeACL: AivenResource, Hashable {
    public static let kind = "KafkaNativeACL"
    public static let plural = "kafkanativeacls"

    public var apiVersion: String = KafkaNativeACL.apiVersion
    public var kind: String = KafkaNativeACL.kind
    public var metadata: ObjectMeta
    public var spec: KafkaNativeACLSpec
    public var status: ACLStatus?

    public init(metadata: ObjectMeta, spec: KafkaNativeACLSpec, status: ACLStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// KafkaNativeACLSpec defines the desired state of KafkaNativeACL.
public struct KafkaNativeACLSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// The host or `*` for all hosts (default `*`).
    public var host: String?
    /// The operation the entry allows or denies.
    public var operation: String
    /// `LITERAL` or `PREFIXED`.
    public var patternType: String
    /// `ALLOW` or `DENY`.
    public var permissionType: String
    /// `PrincipalType:name`.
    public var principal: String
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Resource pattern used to match specified resources.
    public var resourceName: String
    /// `Cluster`, `DelegationToken`, `Group`, `Topic`, `TransactionalId` or `User`.
    public var resourceType: String
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String

    public init(
        authSecretRef: SecretKeyReference? = nil, host: String? = nil, operation: String, patternType: String, permissionType: String,
        principal: String, project: String, resourceName: String, resourceType: String, serviceName: String
    ) {
        self.authSecretRef = authSecretRef
        self.host = host
        self.operation = operation
        self.patternType = patternType
        self.permissionType = permissionType
        self.principal = principal
        self.project = project
        self.resourceName = resourceName
        self.resourceType = resourceType
        self.serviceName = serviceName
    }
}
