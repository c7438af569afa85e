import KubeAPI
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// Runs a ``Reconciler`` for one kind: an ``Informer`` (its own, or one shared by the process)
/// fills a ``Store`` and queues changed keys, and
/// up to `maxConcurrentReconciles` workers take keys from the ``WorkQueue`` (never two workers on
/// one key). Errors retry with per-key backoff; results can requeue. On graceful shutdown the
/// watchers stop, the queue closes and in-flight reconciles finish before `run()` returns.
public final class Controller<Object: KubeResource, R: Reconciler>: Service, Sendable {
    public let name: String
    public let store: Store<Object>
    public let queue: WorkQueue<ObjectKey, ContinuousClock>
    /// The informer of this kind, and whether this controller runs it (else the process does).
    private let informer: Informer<Object>
    private let runsInformer: Bool
    private let reconciler: R
    private let maxConcurrentReconciles: Int
    private let metrics: ControllerMetrics
    private let triggers: [@Sendable (Controller) async -> Void]
    private let prerequisites: [@Sendable () async -> Void]
    private let changes: ChangeFilter
    /// Spreads the first look at objects that are settled when the workers start.
    private let settledStart: SettledStart<Object>?
    private let logger: Logger

    /// - Parameters:
    ///   - triggers: extra event sources (watches of related kinds) that queue keys of this kind.
    ///   - prerequisites: what to await before workers start besides this kind's store being synced
    ///     (other stores' sync).
    ///   - ownMetadata: annotations and finalizers the reconciler writes itself, in passes that go
    ///     on after writing them: setting them does not wake it again (removing one does).
    public convenience init(
        name: String,
        watcher: Watcher<Object>,
        reconciler: R,
        maxConcurrentReconciles: Int = 4,
        backoff: Backoff = .reconcileErrors,
        triggers: [@Sendable (Controller) async -> Void] = [],
        prerequisites: [@Sendable () async -> Void] = [],
        settledStart: SettledStart<Object>? = nil,
        ownMetadata: OwnMetadata = OwnMetadata(),
        logger: Logger
    ) {
        self.init(
            name: name, informer: Informer(watcher: watcher), runsInformer: true, reconciler: reconciler, maxConcurrentReconciles: maxConcurrentReconciles,
            backoff: backoff, triggers: triggers, prerequisites: prerequisites, settledStart: settledStart, ownMetadata: ownMetadata, logger: logger
        )
    }

    /// A controller fed by a shared `informer`, which the caller runs.
    public convenience init(
        name: String,
        informer: Informer<Object>,
        reconciler: R,
        maxConcurrentReconciles: Int = 4,
        backoff: Backoff = .reconcileErrors,
        triggers: [@Sendable (Controller) async -> Void] = [],
        prerequisites: [@Sendable () async -> Void] = [],
        settledStart: SettledStart<Object>? = nil,
        ownMetadata: OwnMetadata = OwnMetadata(),
        logger: Logger
    ) {
        self.init(
            name: name, informer: informer, runsInformer: false, reconciler: reconciler, maxConcurrentReconciles: maxConcurrentReconciles,
            backoff: backoff, triggers: triggers, prerequisites: prerequisites, settledStart: settledStart, ownMetadata: ownMetadata, logger: logger
        )
    }

    private init(
        name: String,
        informer: Informer<Object>,
        runsInformer: Bool,
        reconciler: R,
        maxConcurrentReconciles: Int,
        backoff: Backoff,
        triggers: [@Sendable (Controller) async -> Void],
        prerequisites: [@Sendable () async -> Void],
        settledStart: SettledStart<Object>?,
        ownMetadata: OwnMetadata,
        logger: Logger
    ) {
        self.changes = ChangeFilter(own: ownMetadata)
        self.prerequisites = prerequisites
        self.settledStart = settledStart
        self.name = name
        self.store = informer.store
        self.informer = informer
        self.runsInformer = runsInformer
        self.reconciler = reconciler
        self.maxConcurrentReconciles = max(1, maxConcurrentReconciles)
        self.metrics = ControllerMetrics(controller: name, maxConcurrentReconciles: self.maxConcurrentReconciles)
        self.queue = WorkQueue(clock: ContinuousClock(), backoff: backoff, metrics: metrics.queue)
        self.triggers = triggers
        self.logger = logger
        informer.subscribe { [self] change in
            if await self.changes.matters(change) {
                await self.enqueue(change.key)
            }
        }
    }

    /// Queues `key` for reconciliation now — except, before the workers have started, an object
    /// that is settled (see ``SettledStart``): the workers schedule those when they start.
    public func enqueue(_ key: ObjectKey) async {
        if let settledStart, !(await synced.value), let object = await store.get(key), settledStart.isSettled(object) {
            return
        }
        await queue.add(key)
    }

    /// Queues `keys` for reconciliation (see ``enqueue(_:)-(ObjectKey)``).
    public func enqueue(_ keys: [ObjectKey]) async {
        for key in keys { await enqueue(key) }
    }

    public func run() async throws {
        // Graceful shutdown and cancellation both close the queue: idle workers wake with `nil`,
        // busy ones finish their reconcile first, then the watchers stop.
        let queue = queue
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await withDiscardingTaskGroup { group in
                    if self.runsInformer {
                        group.addTask { try? await self.informer.run() }
                    }
                    for trigger in self.triggers {
                        group.addTask { await trigger(self) }
                    }
                    await self.work()
                    group.cancelAll()
                }
            } onGracefulShutdown: {
                self.stop()
            }
        } onCancel: {
            self.stop()
        }
    }

    /// Ends the wait for the caches and closes the queue.
    private func stop() {
        let waiting = startup.withLock { startup in
            startup.stopping = true
            return startup.waiting
        }
        waiting?.cancel()
        let queue = queue
        Task { await queue.shutDown() }
    }

    /// The wait for the caches before the workers start, and whether the controller is stopping.
    private let startup = Mutex<(waiting: Task<Void, Never>?, stopping: Bool)>((nil, false))

    /// `true` once every cache this controller reads has synced.
    public var isSynced: Bool {
        get async {
            guard await store.hasSynced else { return false }
            return await synced.value
        }
    }

    private let synced = SyncFlag()

    private func work() async {
        // Workers start once every cache has synced (awaited, not polled); stopping ends the wait.
        let waiting = Task { [store, prerequisites] in
            await store.waitUntilSynced()
            for prerequisite in prerequisites where !Task.isCancelled { await prerequisite() }
        }
        let stopping = startup.withLock { startup in
            startup.waiting = waiting
            return startup.stopping
        }
        if stopping { waiting.cancel() }
        await waiting.value
        if waiting.isCancelled { return }
        await synced.set()
        await scheduleSettled()
        await withDiscardingTaskGroup { workers in
            for _ in 0..<maxConcurrentReconciles {
                workers.addTask {
                    while let key = await self.queue.next() {
                        self.metrics.activeWorkers.increment()
                        await self.reconcile(key)
                        self.metrics.activeWorkers.decrement()
                        await self.queue.done(key)
                    }
                }
            }
        }
    }

    /// Gives each object that is settled as the workers start (after a restart, or on becoming
    /// leader) its first reconcile at a random point within one resync interval.
    private func scheduleSettled() async {
        guard let settledStart else { return }
        for object in await store.list() {
            if let delay = settledStart.delay(for: object) {
                await queue.add(Store<Object>.key(of: object), after: delay)
            }
        }
    }

    private func reconcile(_ key: ObjectKey) async {
        let start = ContinuousClock.now
        defer { metrics.reconcileTime.record(start.duration(to: .now)) }
        do {
            let result = try await reconciler.reconcile(key)
            await queue.forget(key)
            if case .requeue(let delay) = result {
                metrics.reconciled(.requeueAfter)
                await queue.add(key, after: delay)
            } else {
                metrics.reconciled(.success)
            }
        } catch {
            metrics.reconciled(.error)
            metrics.errors.increment()
            if let wait = (error as? any RetryAfterError)?.retryAfter {
                await queue.add(key, after: wait)
            } else {
                let delay = await queue.addWithBackoff(key)
                logger.info("reconcile failed; retrying", metadata: [
                    "controller": "\(name)", "key": "\(key)", "error": "\(error)", "retryIn": "\(delay)",
                ])
            }
        }
    }
}

extension Watcher.Change {
    /// The key of the changed object.
    var key: ObjectKey {
        switch self {
        case .applied(let object), .deleted(let object): Store<Object>.key(of: object)
        }
    }
}

/// Annotations and finalizers a reconciler writes itself, in a pass that goes on (or requeues)
/// after writing them, so the watch event of that write need not wake it again.
public struct OwnMetadata: Sendable {
    public var annotations: Set<String>
    public var finalizers: Set<String>

    public init(annotations: Set<String> = [], finalizers: Set<String> = []) {
        self.annotations = annotations
        self.finalizers = finalizers
    }
}

/// Drops updates that only touch `status` (or `resourceVersion`/`managedFields`), like
/// controller-runtime's generation predicate, so a controller's own status writes do not wake it.
/// Changes to the spec (generation), labels, annotations, finalizers or deletion still do, except
/// adding or changing the reconciler's ``OwnMetadata`` (its own metadata writes); removing one of
/// those still wakes it (a user asking for a pass, or another party interfering).
actor ChangeFilter {
    private struct Seen: Equatable {
        var fingerprint: [String]
        /// Which of the reconciler's own annotations (`a:key`) and finalizers (`f:name`) are set.
        var own: Set<String>
    }

    private let own: OwnMetadata
    private var seen: [ObjectKey: Seen] = [:]

    init(own: OwnMetadata = OwnMetadata()) {
        self.own = own
    }

    func matters<Object: KubeResource>(_ change: Watcher<Object>.Change) -> Bool {
        switch change {
        case .deleted:
            seen[change.key] = nil
            return true
        case .applied(let object):
            let metadata = object.metadata
            let annotations = metadata.annotations ?? [:]
            let finalizers = metadata.finalizers ?? []
            let now = Seen(
                fingerprint: [
                    String(metadata.generation ?? 0),
                    metadata.deletionTimestamp ?? "",
                    finalizers.filter { !own.finalizers.contains($0) }.joined(separator: ","),
                    (metadata.labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
                    annotations.filter { !own.annotations.contains($0.key) }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
                    metadata.uid ?? "",
                ],
                own: Set(own.annotations.filter { annotations[$0] != nil }.map { "a:\($0)" } + finalizers.filter { own.finalizers.contains($0) }.map { "f:\($0)" })
            )
            guard let before = seen.updateValue(now, forKey: change.key) else { return true }
            return before.fingerprint != now.fingerprint || !before.own.isSubset(of: now.own)
        }
    }
}

/// A flag set once, readable from any task.
public actor SyncFlag {
    public private(set) var value = false

    public init() {}

    public func set() { value = true }
}
