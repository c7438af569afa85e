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
    /// The source kind's informer in a scope.
    let source: @Sendable (ScopeInformers) -> WakeSource

    /// Resources wake when a `Source` object they refer to changes. `references` gives the
    /// referred objects as (namespace, name); a `nil` namespace is the resource's own. A second
    /// wake on the same source kind needs its own `index` name.
    public static func on<Source: KubeResource>(
        _ source: Source.Type,
        index: String? = nil,
        references: @escaping @Sendable (Resource) -> [(namespace: String?, name: String)]
    ) -> Wake {
        Wake(
            index: index ?? Source.kind,
            references: { resource in
                references(resource).map { "\($0.namespace ?? resource.metadata.namespace ?? "")/\($0.name)" }
            },
            source: { scope in
                let informer = scope.informer(Source.self)
                return WakeSource(
                    waitUntilSynced: { await informer.store.waitUntilSynced() },
                    subscribe: { wake in informer.subscribe { change in await wake(Wake.reference(change.object)) } }
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
        .on(AivenResources.ProjectVPC.self) { resource in reference(resource).map { [($0.namespace, $0.name)] } ?? [] }
    }

    static func reference<Object: KubeResource>(_ object: Object) -> String {
        "\(object.metadata.namespace ?? "")/\(object.metadata.name ?? "")"
    }
}

/// The informer of a wake's source kind, seen without its type.
struct WakeSource: Sendable {
    /// Returns once the source's cache has synced.
    let waitUntilSynced: @Sendable () async -> Void
    /// Calls the handler with the `namespace/name` of every source object that changes.
    let subscribe: @Sendable (@escaping @Sendable (String) async -> Void) -> Void
}

extension Watcher.Change {
    /// The object that changed.
    var object: Object {
        switch self {
        case .applied(let object), .deleted(let object): object
        }
    }
}
