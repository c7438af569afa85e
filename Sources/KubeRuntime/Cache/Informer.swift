import KubeAPI
import KubeClient
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// One watch of one kind (in one namespace, or all) for the whole process: a ``Watcher`` filling
/// a ``Store``, with any number of subscribers (the kind's controller, controllers of other kinds
/// that depend on it). A swift-service-lifecycle `Service`; it stops on graceful shutdown.
public final class Informer<Object: KubeResource>: Service, Sendable {
    public typealias Handler = @Sendable (Watcher<Object>.Change) async -> Void

    /// `Secret` or `Secret in default`, for health and metrics.
    public let name: String
    public let namespace: String?
    public let store: Store<Object>
    private let watcher: Watcher<Object>
    private let subscribers = Mutex<[Handler]>([])

    public init(watcher: Watcher<Object>) {
        self.watcher = watcher
        store = watcher.store
        namespace = watcher.client.dynamic.namespace
        name = "\(Object.kind)\(namespace.map { " in \($0)" } ?? "")"
    }

    /// Calls `handler` for every change from now on (the store already holds what came before).
    public func subscribe(_ handler: @escaping Handler) {
        subscribers.withLock { $0.append(handler) }
    }

    /// `true` once the first list is in the store.
    public var hasSynced: Bool {
        get async { await store.hasSynced }
    }

    public func run() async throws {
        let synced = Gauge(label: "informer_synced", dimensions: [("kind", Object.kind), ("namespace", namespace ?? "")])
        synced.record(0)
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    await self.store.waitUntilSynced()
                    if !Task.isCancelled { synced.record(1) }
                }
                await self.watcher.run { change in
                    for handler in self.subscribers.withLock({ $0 }) { await handler(change) }
                }
                group.cancelAll()
            }
        }
    }
}

/// Any informer, for lists of informers of different kinds.
public protocol InformerService: Service {
    var name: String { get }
    var hasSynced: Bool { get async }
}

extension Informer: InformerService {}
