import KubeAPI

/// An Aiven project VPC declared as a Kubernetes resource (`aiven.io/v1alpha1`, `ProjectVPC`);
/// services refer to it with `spec.projectVPCRef`.
public struct ProjectVPC: AivenResource, Hashable {
    public static let kind = "ProjectVPC"
    public static let plural = "projectvpcs"

    public var apiVersion: String = ProjectVPC.apiVersion
    public var kind: String = ProjectVPC.kind
    public var metadata: ObjectMeta
    public var spec: ProjectVPCSpec
    public var status: ProjectVPCStatus?

    public init(metadata: ObjectMeta, spec: ProjectVPCSpec, status: ProjectVPCStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// ProjectVPCSpec defines the desired state of ProjectVPC.
public struct ProjectVPCSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Cloud the VPC is in. Immutable.
    public var cloudName: String
    /// Network address range used by the VPC. Immutable.
    public var networkCidr: String
    /// The project the VPC belongs to. Immutable.
    public var project: String

    public init(project: String, cloudName: String, networkCidr: String, authSecretRef: SecretKeyReference? = nil) {
        self.project = project
        self.cloudName = cloudName
        self.networkCidr = networkCidr
        self.authSecretRef = authSecretRef
    }
}

/// What the operator observed of the VPC.
public struct ProjectVPCStatus: Codable, Sendable, Hashable {
    /// The Aiven VPC ID, used as `project_vpc_id` by services that refer to this VPC.
    public var id: String?
    /// The Aiven VPC state: `APPROVED`, `ACTIVE`, `DELETING`, `DELETED`.
    public var state: String?
    /// `Initialized`, `Running` and `Ready`, with metav1 semantics.
    public var conditions: [Condition]?
    /// The `metadata.generation` the status describes.
    public var observedGeneration: Int64?

    public init(id: String? = nil, state: String? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil) {
        self.id = id
        self.state = state
        self.conditions = conditions
        self.observedGeneration = observedGeneration
    }
}
