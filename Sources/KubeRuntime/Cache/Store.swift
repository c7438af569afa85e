import KubeAPI

/// The latest known state of every watched object of one kind, filled by a ``Watcher`` and read
/// by reconcilers, so a reconcile does not need a GET to see its object.
public actor Store<Object: KubeResource> {
    private var objects: [ObjectKey: Object] = [:]
    private var synced = false

    public init() {}

    /// The object with `key`, if known.
    public func get(_ key: ObjectKey) -> Object? { objects[key] }

    /// Every known object.
    public func list() -> [Object] { Array(objects.values) }

    /// Number of known objects.
    public var count: Int { objects.count }

    /// `true` once the first complete list has been stored.
    public var hasSynced: Bool { synced }

    /// Replaces the whole content (after a list) and returns the keys that disappeared.
    @discardableResult
    public func replace(with items: [Object]) -> [ObjectKey] {
        let fresh = Dictionary(items.map { (Self.key(of: $0), $0) }, uniquingKeysWith: { _, last in last })
        let removed = objects.keys.filter { fresh[$0] == nil }
        objects = fresh
        synced = true
        return removed
    }

    /// Stores an added or modified object.
    public func apply(_ object: Object) {
        objects[Self.key(of: object)] = object
    }

    /// Forgets a deleted object.
    public func remove(_ object: Object) {
        objects[Self.key(of: object)] = nil
    }

    /// The key of `object`.
    public static func key(of object: Object) -> ObjectKey {
        ObjectKey(namespace: object.metadata.namespace ?? "", name: object.metadata.name ?? "")
    }
}
