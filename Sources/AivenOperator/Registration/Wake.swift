import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime

/// A related kind whose changes wake resources of a managed kind (controller-runtime's
/// `Watches` with an index): a change of a `Source` object queues the resources that refer to it.
/// The resources are indexed by the `namespace/name` of the objects they refer to.
public struct Wake<Resource: ManagedResource>: Sendable {
    /// The index in the resource's store (the source kind's name).
    let index: String
    /// The `namespace/name` of the source objects `resource` refers to.
    let references: @Sendable (Resource) -> [String]
    /// The source kind's informer in a scope, given every scope (a wake on the woken kind itself
    /// watches them all).
    let source: @Sendable (ScopeInformers, [ScopeInformers]) -> WakeSource

    /// Resources wake when a `Source` object they refer to changes. `references` gives the
    /// referred objects as (namespace, name); a `nil` namespace is the resource's own. A second
    /// wake on the same source kind needs its own `index` name. `identities` is what a source
    /// object answers to (its own name by default; a ServiceIntegration also to the service it
    /// integrates into, which the resources name).
    public static func on<Source: KubeResource>(
        _ source: Source.Type,
        index: String? = nil,
        identities: @escaping @Sendable (Source) -> [String] = { [$0.metadata.name ?? ""] },
        references: @escaping @Sendable (Resource) -> [(namespace: String?, name: String)]
    ) -> Wake {
        Wake(
            index: index ?? Source.kind,
            references: { resource in
                references(resource).map { "\($0.namespace ?? resource.metadata.namespace ?? "")/\($0.name)" }
            },
            source: { scope, _ in
                let informer = scope.informer(Source.self)
                return WakeSource(
                    waitUntilSynced: { await informer.store.waitUntilSynced() },
                    subscribe: { wake in
                        informer.subscribe { change in
                            for identity in identities(change.object) {
                                await wake("\(change.object.metadata.namespace ?? "")/\(identity)", nil)
                            }
                        }
                    }
                )
            }
        )
    }

    /// The other resources, in every watched namespace, that claim the Aiven object a resource
    /// claims (``Claims``): a holder that changes or goes hands over at once, and a claimant that
    /// appears in another namespace is seen at once. A resource is not woken by its own change.
    static func claims<Kind: ManagedKind>(_ kind: Kind) -> Wake where Kind.Resource == Resource {
        Wake(
            index: Claims<Resource>.index,
            references: { kind.claimKey(of: $0).map { [$0] } ?? [] },
            source: { _, scopes in
                let informers = scopes.map { $0.informer(Resource.self) }
                return WakeSource(
                    waitUntilSynced: { for informer in informers { await informer.store.waitUntilSynced() } },
                    subscribe: { wake in
                        for informer in informers {
                            informer.subscribe { change in
                                guard let claim = kind.claimKey(of: change.object) else { return }
                                await wake(claim, Store<Resource>.key(of: change.object))
                            }
                        }
                    }
                )
            }
        )
    }

    /// The Secret holding the resource's Aiven token (every managed kind wakes on it).
    static var tokenSecret: Wake {
        .on(Secret.self) { resource in resource.authSecretRef.map { [(nil, $0.name)] } ?? [] }
    }

    /// The ProjectVPC the resource is placed in.
    public static func projectVPC(_ reference: @escaping @Sendable (Resource) -> ResourceReference?) -> Wake {
        .on(ProjectVPC.self) { resource in reference(resource).map { [($0.namespace, $0.name)] } ?? [] }
    }
}

/// The informer of a wake's source kind, seen without its type.
struct WakeSource: Sendable {
    /// Returns once the source's cache has synced.
    let waitUntilSynced: @Sendable () async -> Void
    /// Calls the handler with the index value of every source object that changes (its
    /// `namespace/name`, or the object it claims) and, for an object of the woken kind, its key:
    /// it is not woken by its own change.
    let subscribe: @Sendable (@escaping @Sendable (String, ObjectKey?) async -> Void) -> Void
}

extension Watcher.Change {
    /// The object that changed.
    var object: Object {
        switch self {
        case .applied(let object), .deleted(let object): object
        }
    }
}
