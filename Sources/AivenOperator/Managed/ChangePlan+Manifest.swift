import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient

/// What `aiven-operator plan` reads besides a manifest.
public struct PlanSources: Sendable {
    /// The cluster holding the live objects, Secrets and ProjectVPCs; `nil` offline.
    public var kube: KubeClient?
    /// The token for resources without `spec.authSecretRef` (or offline).
    public var defaultToken: AivenToken?
    public var clients: AivenClients

    public init(kube: KubeClient?, defaultToken: AivenToken?, clients: AivenClients) {
        self.kube = kube
        self.defaultToken = defaultToken
        self.clients = clients
    }
}

extension ChangePlan {
    /// The plan of one manifest of `kind`, admitted as the API server would (pruned, defaulted):
    /// with a cluster, its live object and the kind's other resources that may claim the same
    /// Aiven object are read first.
    static func plan<Kind: ManagedKind>(_ kind: Kind, document: JSONValue, definition: ResourceKind, sources: PlanSources) async throws -> ChangePlan {
        var admitted = document
        _ = definition.schema.pruneUnknownFields(&admitted)
        definition.schema.applyDefaults(&admitted)
        var resource = try JSONDecoder().decode(Kind.Resource.self, from: Data(admitted.jsonBytes))
        let namespace = resource.metadata.namespace ?? sources.kube?.config.namespace ?? "default"
        resource.metadata.namespace = namespace
        var live: Kind.Resource?
        var others: [Kind.Resource] = []
        if let kube = sources.kube {
            live = try await Dependencies.absentOnNotFound { () throws(KubeError) in try await kube.resources(Kind.Resource.self, namespace: namespace).get(resource.metadata.name ?? "") }
            if kind.claimKey(of: resource) != nil { others = try await claimants(Kind.Resource.self, kube: kube, namespace: namespace) }
        }
        return try await plan(
            kind, manifest: resource, live: live, dependencies: sources.kube.map(Dependencies.live) ?? .none,
            defaultToken: sources.defaultToken, clients: sources.clients, others: others,
            owners: sources.kube.map(OwnerTagHolder.init)
        )
    }

    /// The resources of a kind whose objects carry no owner tag that may name the same object:
    /// every namespace's, or the resource's own namespace's when listing all is forbidden.
    private static func claimants<R: KubeResource>(_ type: R.Type, kube: KubeClient, namespace: String) async throws(KubeError) -> [R] {
        do {
            return try await kube.resources(type, namespace: nil).list().items
        } catch .forbidden {
            return try await kube.resources(type, namespace: namespace).list().items
        }
    }
}
