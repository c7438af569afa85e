import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime

/// Where a reconcile (from the informers' caches) or `plan` (from the API server, or nothing
/// offline) reads the Kubernetes objects a resource depends on. Token and VPC resolution are
/// written once on top of it, so both read them the same way.
public struct Dependencies: Sendable {
    let secret: @Sendable (ObjectKey) async throws -> Secret?
    let projectVPC: @Sendable (ObjectKey) async throws -> ProjectVPC?
    /// Any other resource a spec refers to (a ServiceIntegration's ServiceIntegrationEndpoint), by
    /// its type; `nil` when there is none.
    let object: @Sendable (any KubeResource.Type, ObjectKey) async throws -> (any KubeResource)?
    /// No cluster to read from (`plan` without `--kubeconfig`): tokens are the default token.
    let offline: Bool

    public init(
        secret: @escaping @Sendable (ObjectKey) async throws -> Secret?,
        projectVPC: @escaping @Sendable (ObjectKey) async throws -> ProjectVPC?,
        object: @escaping @Sendable (any KubeResource.Type, ObjectKey) async throws -> (any KubeResource)? = { _, _ in nil },
        offline: Bool = false
    ) {
        self.secret = secret
        self.projectVPC = projectVPC
        self.object = object
        self.offline = offline
    }

    /// From the operator's caches; `objects` reads the cache of any other kind.
    public static func cached(
        secrets: Store<Secret>, projectVPCs: Store<ProjectVPC>,
        objects: @escaping @Sendable (any KubeResource.Type, ObjectKey) async -> (any KubeResource)? = { _, _ in nil }
    ) -> Dependencies {
        Dependencies(secret: { await secrets.get($0) }, projectVPC: { await projectVPCs.get($0) }, object: { await objects($0, $1) })
    }

    /// The `type` object at `key`, `nil` when there is none.
    public func resource<Object: KubeResource>(_ type: Object.Type, _ key: ObjectKey) async throws -> Object? {
        try await object(type, key) as? Object
    }

    /// From the API server (one GET each; `nil` on 404).
    public static func live(_ kube: KubeClient) -> Dependencies {
        Dependencies(
            secret: { key in try await Self.absentOnNotFound { () throws(KubeError) in try await kube.resources(Secret.self, namespace: key.namespace).get(key.name) } },
            projectVPC: { key in
                try await Self.absentOnNotFound { () throws(KubeError) in try await kube.resources(ProjectVPC.self, namespace: key.namespace).get(key.name) }
            },
            object: { type, key in try await read(type, key, kube) }
        )
    }

    /// One GET of the `type` object at `key`; `nil` on 404.
    private static func read<Object: KubeResource>(_ type: Object.Type, _ key: ObjectKey, _ kube: KubeClient) async throws -> (any KubeResource)? {
        try await absentOnNotFound { () throws(KubeError) in try await kube.resources(type, namespace: key.namespace).get(key.name) }
    }

    /// No cluster: no Secrets (the default token stands in for `spec.authSecretRef`), no ProjectVPCs.
    public static let none = Dependencies(secret: { _ in nil }, projectVPC: { _ in nil }, offline: true)

    /// The project VPC a service goes into: `spec.projectVpcId`, or the id of the referenced
    /// ProjectVPC once it is `ACTIVE` (``Waiting`` until then); `nil` is the public network.
    public func projectVPCId(reference: ResourceReference?, id: String?, namespace: String) async throws -> String? {
        guard let reference else { return id }
        let key = ObjectKey(namespace: reference.namespace ?? namespace, name: reference.name)
        guard let vpc = try await projectVPC(key) else {
            throw Waiting(reason: "WaitingForProjectVPC", message: "ProjectVPC \(key.namespace)/\(key.name) does not exist yet")
        }
        guard vpc.status?.state == AivenProjectVPCState.active, let id = vpc.status?.id else {
            throw Waiting(reason: "WaitingForProjectVPC", message: "ProjectVPC \(key.namespace)/\(key.name) is not ACTIVE yet")
        }
        return id
    }

    /// The object `read` returns, `nil` on 404.
    static func absentOnNotFound<T>(_ read: () async throws(KubeError) -> T) async throws(KubeError) -> T? {
        do {
            return try await read()
        } catch {
            if case .notFound = error { return nil }
            throw error
        }
    }
}

/// Project VPC states the operator acts on.
enum AivenProjectVPCState {
    static let active = "ACTIVE"
}
