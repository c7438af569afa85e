import AivenClient
import AivenResources
import KubeAPI

/// `ProjectVPC`: one Aiven project VPC per resource. Every spec field is immutable, so the VPC is
/// created once, observed until `ACTIVE`, and deleted with the resource (Aiven refuses while
/// services still use it: the resource then waits, it does not fail).
///
/// A VPC has no tags: its identity is the id in the status, else its project, cloud and CIDR. An
/// existing VPC with the same three is taken over, which also recovers a create whose answer
/// was lost.
public struct ProjectVPCKind: ManagedKind {
    public static let controllerName = "projectvpc"
    public static let noun = "Aiven project VPC"

    public init() {}

    public func describe(_ resource: ProjectVPC) -> String {
        "\(resource.spec.project)/\(resource.spec.cloudName) \(resource.spec.networkCidr)"
    }

    public func desired(for resource: ProjectVPC, dependencies: Dependencies) async throws -> ProjectVPCSpec {
        resource.spec
    }

    public func observe(_ resource: ProjectVPC, client: AivenClient) async throws(AivenError) -> ProjectVPCInfo? {
        let spec = resource.spec
        if let id = resource.status?.id {
            do {
                return try await client.getProjectVPC(project: spec.project, id: id)
            } catch .notFound {
                // Deleted on Aiven: look for a match below.
            }
        }
        return try await client.listProjectVPCs(project: spec.project).first {
            $0.cloudName == spec.cloudName && $0.networkCIDR == spec.networkCidr && $0.state != "DELETING" && $0.state != "DELETED"
        }
    }

    public func ownership(of observed: ProjectVPCInfo, resource: ProjectVPC, everManaged: Bool) -> Ownership {
        .ours
    }

    public func changes(desired: ProjectVPCSpec, observed: ProjectVPCInfo) -> [FieldChange] {
        []
    }

    public func create(_ desired: ProjectVPCSpec, client: AivenClient) async throws(AivenError) -> ProjectVPCInfo {
        try await client.createProjectVPC(project: desired.project, ProjectVPCCreateRequest(cloudName: desired.cloudName, networkCIDR: desired.networkCidr))
    }

    public func update(_ desired: ProjectVPCSpec, observed: ProjectVPCInfo, client: AivenClient) async throws(AivenError) -> ProjectVPCInfo {
        observed
    }

    public func delete(_ observed: ProjectVPCInfo, resource: ProjectVPC, client: AivenClient) async throws(AivenError) {
        _ = try await client.deleteProjectVPC(project: resource.spec.project, id: observed.projectVPCId)
    }

    public func health(of observed: ProjectVPCInfo, desired: ProjectVPCSpec) -> Health {
        observed.state == AivenProjectVPCState.active
            ? Health(ready: true, reason: "Active", message: "VPC is ACTIVE")
            : Health(ready: false, reason: "Waiting", message: "VPC state is \(observed.state), waiting for ACTIVE")
    }

    public func record(_ observed: ProjectVPCInfo, in status: inout ProjectVPCStatus) {
        status.id = observed.projectVPCId
        status.state = observed.state
    }
}

extension ProjectVPC: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static let terminationProtection: TerminationProtection<Self>? = nil
}

extension ProjectVPCStatus: ManagedStatus {
    public init() { self.init(id: nil) }
    /// A VPC has no drift: every field is immutable.
    public var driftedFields: [String]? {
        get { nil }
        set {}
    }
}
