import KubeAPI
import KubeClient
import KubeRuntime
import Logging

/// The informers of one namespace scope (or the whole cluster): one per kind, shared by every
/// controller that reads the kind. Filled while the ``Operator`` is assembled.
final class ScopeInformers {
    /// The namespace watched; `nil` is the whole cluster.
    let namespace: String?
    private let kube: KubeClient
    private let onUndecodable: @Sendable (UndecodableObject) async -> Void
    private let logger: Logger
    private var byKind: [ObjectIdentifier: any InformerService] = [:]
    /// Every informer, in the order they were made.
    private(set) var all: [any InformerService] = []

    init(namespace: String?, kube: KubeClient, onUndecodable: @escaping @Sendable (UndecodableObject) async -> Void, logger: Logger) {
        self.namespace = namespace
        self.kube = kube
        self.onUndecodable = onUndecodable
        self.logger = logger
    }

    /// The informer of `type`, made with `indexes` on first use. A kind's own controller asks
    /// first (with its indexes); kinds that only watch it get the same informer.
    func informer<Object: KubeResource>(_ type: Object.Type, indexes: [String: Store<Object>.IndexFunction] = [:]) -> Informer<Object> {
        if let existing = byKind[ObjectIdentifier(type)] {
            precondition(indexes.isEmpty, "the \(Object.kind) informer was made before its indexes were known")
            return existing as! Informer<Object>
        }
        let informer = Informer(
            watcher: Watcher(client: kube.resources(type, namespace: namespace), store: Store(indexes: indexes), onUndecodable: onUndecodable, logger: logger)
        )
        byKind[ObjectIdentifier(type)] = informer
        all.append(informer)
        return informer
    }

    /// Reads the cache of any kind that has an informer in this scope by the kind's type (what
    /// ``Dependencies/cached(secrets:projectVPCs:objects:)`` needs); `nil` for other kinds. Made
    /// once every informer exists.
    var cachedObjects: @Sendable (any KubeResource.Type, ObjectKey) async -> (any KubeResource)? {
        let informers = byKind
        return { type, key in
            guard let informer = informers[ObjectIdentifier(type)] else { return nil }
            return await Self.cached(type, key, in: informer)
        }
    }

    private static func cached<Object: KubeResource>(_ type: Object.Type, _ key: ObjectKey, in informer: any InformerService) async -> (any KubeResource)? {
        await (informer as? Informer<Object>)?.store.get(key)
    }
}
