import KubeAPI

/// The latest known state of every watched object of one kind, filled by a ``Watcher`` and read
/// by reconcilers, so a reconcile does not need a GET to see its object.
///
/// Indexes answer "which objects refer to X" (the resources using a Secret) without a scan: each
/// maps an object to the values it is filed under.
public actor Store<Object: KubeResource> {
    /// The values an object is filed under in one index (`["default/aiven-token"]`).
    public typealias IndexFunction = @Sendable (Object) -> [String]

    private var objects: [ObjectKey: Object] = [:]
    private var synced = false
    private var syncWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    private let indexFunctions: [String: IndexFunction]
    private var indexes: [String: [String: Set<ObjectKey>]] = [:]

    public init(indexes: [String: IndexFunction] = [:]) {
        indexFunctions = indexes
    }

    /// The object with `key`, if known.
    public func get(_ key: ObjectKey) -> Object? { objects[key] }

    /// Every known object.
    public func list() -> [Object] { Array(objects.values) }

    /// Number of known objects.
    public var count: Int { objects.count }

    /// `true` once the first complete list has been stored.
    public var hasSynced: Bool { synced }

    /// Returns once the first complete list has been stored, or when the task is cancelled.
    public func waitUntilSynced() async {
        guard !synced else { return }
        let id = nextWaiter
        nextWaiter += 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if synced || Task.isCancelled {
                    continuation.resume()
                } else {
                    syncWaiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.resumeWaiter(id) }
        }
    }

    private func resumeWaiter(_ id: Int) {
        syncWaiters.removeValue(forKey: id)?.resume()
    }

    /// The keys of the objects filed under `value` in `index`.
    public func keys(index: String, value: String) -> [ObjectKey] {
        Array(indexes[index]?[value] ?? [])
    }

    /// Replaces the whole content (after a list) and returns the keys that disappeared.
    /// - Parameter markSynced: `false` when the caller first hands the list to its subscribers
    ///   and calls ``markSynced()`` afterwards (as the ``Watcher`` does, like client-go's
    ///   `HasSynced`: a controller starts only once its handlers have seen the initial list).
    @discardableResult
    public func replace(with items: [Object], markSynced: Bool = true) -> [ObjectKey] {
        let fresh = Dictionary(items.map { (Self.key(of: $0), $0) }, uniquingKeysWith: { _, last in last })
        let removed = objects.keys.filter { fresh[$0] == nil }
        for object in objects.values { unindex(object) }
        objects = fresh
        for object in objects.values { index(object) }
        if markSynced { self.markSynced() }
        return removed
    }

    /// Records that the first complete list is stored and delivered; wakes the waiters.
    public func markSynced() {
        synced = true
        for waiter in syncWaiters.values { waiter.resume() }
        syncWaiters = [:]
    }

    /// Stores an added or modified object.
    public func apply(_ object: Object) {
        let key = Self.key(of: object)
        if let previous = objects[key] { unindex(previous) }
        objects[key] = object
        index(object)
    }

    /// Forgets a deleted object.
    public func remove(_ object: Object) {
        let key = Self.key(of: object)
        if let previous = objects[key] { unindex(previous) }
        objects[key] = nil
    }

    /// The key of `object`.
    public static func key(of object: Object) -> ObjectKey {
        ObjectKey(namespace: object.metadata.namespace ?? "", name: object.metadata.name ?? "")
    }

    private func index(_ object: Object) {
        let key = Self.key(of: object)
        for (name, function) in indexFunctions {
            for value in function(object) { indexes[name, default: [:]][value, default: []].insert(key) }
        }
    }

    private func unindex(_ object: Object) {
        let key = Self.key(of: object)
        for (name, function) in indexFunctions {
            for value in function(object) {
                indexes[name]?[value]?.remove(key)
                if indexes[name]?[value]?.isEmpty == true { indexes[name]?[value] = nil }
            }
        }
    }
}
