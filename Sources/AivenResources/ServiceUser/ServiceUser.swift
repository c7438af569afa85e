import KubeAPI

/// A user of an Aiven service declared as a Kubernetes resource (`aiven.io/v1alpha1`,
/// `ServiceUser`). The username is `spec.username`, or `metadata.name` when unset.
public struct ServiceUser: AivenResource, Hashable {
    public static let kind = "ServiceUser"
    public static let plural = "serviceusers"

    public var apiVersion: String = ServiceUser.apiVersion
    public var kind: String = ServiceUser.kind
    public var metadata: ObjectMeta
    public var spec: ServiceUserSpec
    public var status: ServiceUserStatus?

    public init(metadata: ObjectMeta, spec: ServiceUserSpec, status: ServiceUserStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The user's name on Aiven.
    public var username: String { spec.username ?? metadata.name ?? "" }
}

/// ServiceUserSpec defines the desired state of ServiceUser.
public struct ServiceUserSpec: Codable, Sendable, Hashable {
    /// Service type specific access control rules for the user (Valkey only).
    public var accessControl: AccessControl?
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Authentication details (MySQL only).
    public var authentication: String?
    /// The password the operator enforces on the user.
    public var connInfoSecretSource: ConnInfoSecretSource?
    /// Secret configuration.
    public var connInfoSecretTarget: KafkaSpec.ConnInfoSecretTarget?
    /// When true, the secret containing connection information will not be created.
    public var connInfoSecretTargetDisabled: Bool?
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String
    /// Username of the service user on Aiven; defaults to the resource name.
    public var username: String?

    public init(
        accessControl: AccessControl? = nil, authSecretRef: SecretKeyReference? = nil, authentication: String? = nil,
        connInfoSecretSource: ConnInfoSecretSource? = nil, connInfoSecretTarget: KafkaSpec.ConnInfoSecretTarget? = nil,
        connInfoSecretTargetDisabled: Bool? = nil, project: String, serviceName: String, username: String? = nil
    ) {
        self.accessControl = accessControl
        self.authSecretRef = authSecretRef
        self.authentication = authentication
        self.connInfoSecretSource = connInfoSecretSource
        self.connInfoSecretTarget = connInfoSecretTarget
        self.connInfoSecretTargetDisabled = connInfoSecretTargetDisabled
        self.project = project
        self.serviceName = serviceName
        self.username = username
    }

    /// Valkey access-control rules (`spec.accessControl`).
    public struct AccessControl: Codable, Sendable, Hashable {
        public var valkeyAclCategories: [String]?
        public var valkeyAclChannels: [String]?
        public var valkeyAclCommands: [String]?
        public var valkeyAclKeys: [String]?

        public init(valkeyAclCategories: [String]? = nil, valkeyAclChannels: [String]? = nil, valkeyAclCommands: [String]? = nil, valkeyAclKeys: [String]? = nil) {
            self.valkeyAclCategories = valkeyAclCategories
            self.valkeyAclChannels = valkeyAclChannels
            self.valkeyAclCommands = valkeyAclCommands
            self.valkeyAclKeys = valkeyAclKeys
        }
    }

    /// Where the user's password comes from (`spec.connInfoSecretSource`).
    public struct ConnInfoSecretSource: Codable, Sendable, Hashable {
        /// The Secret's name.
        public var name: String
        /// The Secret's namespace; only the resource's own is read.
        public var namespace: String?
        /// The key holding the password.
        public var passwordKey: String

        public init(name: String, namespace: String? = nil, passwordKey: String) {
            self.name = name
            self.namespace = namespace
            self.passwordKey = passwordKey
        }
    }
}

/// What the operator observed of the user. Never a password: that is in the connection Secret only.
public struct ServiceUserStatus: Codable, Sendable, Hashable {
    /// `primary` (`avnadmin`) or `normal`.
    public var type: String?
    /// `Initialized`, `Running` and `Ready`, with metav1 semantics.
    public var conditions: [Condition]?
    /// The `metadata.generation` the status describes.
    public var observedGeneration: Int64?
    /// A hash of what the password was last set from (the source Secret's value, the rotation
    /// request), never the password.
    public var appliedInputs: String?
    /// The value of the `controllers.aiven.io/rotate-credentials` annotation last acted on.
    public var rotationRequest: String?
    /// When the operator last reset the password (RFC 3339).
    public var passwordResetTime: String?

    public init(type: String? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil) {
        self.type = type
        self.conditions = conditions
        self.observedGeneration = observedGeneration
    }
}
