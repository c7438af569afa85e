import KubeAPI

/// Every object LocalKube holds, the global resourceVersion counter, a bounded history of changes
/// and the live watchers.
///
/// All writes are compare-and-swap on `metadata.resourceVersion`, so concurrent writers never lose
/// an update; callers compute the new object outside and retry on conflict where the API allows it.
actor ObjectStore {
    private struct ObjectKey: Hashable {
        var namespace: String
        var name: String
    }

    private struct Watcher {
        var resource: GroupResource
        var namespace: String?
        var continuation: AsyncStream<StoredEvent>.Continuation
    }

    private var objects: [GroupResource: [ObjectKey: JSONValue]] = [:]
    private var resourceVersion: Int64 = 0
    private var history: [StoredEvent] = []
    /// Watches from a resourceVersion below this get `410 Expired`.
    private var oldestServable: Int64 = 0
    private let historyLimit: Int
    private let watchBuffer: Int
    private var watchers: [Int: Watcher] = [:]
    private var nextWatcherID = 0
    private var customResources: [String: ServedResource] = [:]
    private let stateFile: StateFile?

    /// - Parameters:
    ///   - historyLimit: how many changes are kept for watches that resume from a resourceVersion.
    ///   - watchBuffer: how many undelivered events one watcher may hold before it is closed.
    ///   - stateFile: where objects are persisted, or `nil` to keep them in memory only.
    init(historyLimit: Int, watchBuffer: Int, stateFile: StateFile?) throws {
        self.historyLimit = historyLimit
        self.watchBuffer = watchBuffer
        self.stateFile = stateFile
        if let snapshot = try stateFile?.load() {
            resourceVersion = snapshot.resourceVersion
            oldestServable = snapshot.resourceVersion
            for entry in snapshot.objects {
                guard let key = Self.key(of: entry.object) else { continue }
                objects[entry.resource, default: [:]][key] = entry.object
            }
            customResources = Self.customResources(from: objects)
        }
    }

    // MARK: Reads

    /// The current global resourceVersion.
    var currentResourceVersion: Int64 { resourceVersion }

    /// The served types: built-ins plus one per established CRD.
    var servedResources: [ServedResource] {
        ServedResource.builtIns + customResources.values.sorted { $0.groupResource.description < $1.groupResource.description }
    }

    func object(_ resource: GroupResource, namespace: String?, name: String) -> JSONValue? {
        objects[resource]?[ObjectKey(namespace: namespace ?? "", name: name)]
    }

    /// Objects of `resource` (in `namespace` when given), ordered by namespace and name, with the
    /// resourceVersion the list reflects.
    func list(_ resource: GroupResource, namespace: String?) -> (items: [JSONValue], resourceVersion: Int64) {
        let matching = (objects[resource] ?? [:]).filter { namespace == nil || $0.key.namespace == namespace }
        let sorted = matching.sorted { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }.map(\.value)
        return (sorted, resourceVersion)
    }

    // MARK: Writes

    /// Stores a new object, stamping the next resourceVersion.
    func create(_ resource: GroupResource, _ object: JSONValue) throws(APIError) -> JSONValue {
        guard let key = Self.key(of: object) else { throw APIError.badRequest("object has no name") }
        if objects[resource]?[key] != nil { throw APIError.alreadyExists(resource, name: key.name) }
        let stored = stamp(object)
        objects[resource, default: [:]][key] = stored
        record(StoredEvent(kind: .added, resource: resource, object: stored, resourceVersion: resourceVersion))
        return stored
    }

    /// Replaces an object whose stored resourceVersion equals `expected`. An object that is being
    /// deleted and has no finalizers left is removed instead. An unchanged object is not rewritten.
    func update(_ resource: GroupResource, _ object: JSONValue, expected: String) throws(APIError) -> JSONValue {
        guard let key = Self.key(of: object) else { throw APIError.badRequest("object has no name") }
        guard let current = objects[resource]?[key] else { throw APIError.notFound(resource, name: key.name) }
        guard current[path: ["metadata", "resourceVersion"]]?.stringValue == expected else {
            throw APIError.conflict(resource, name: key.name)
        }
        let terminating = object[path: ["metadata", "deletionTimestamp"]] != nil
        var finalizers = object[path: ["metadata", "finalizers"]]?.arrayValue ?? []
        if resource == ResourceOperations.namespaces { finalizers += object[path: ["spec", "finalizers"]]?.arrayValue ?? [] }
        if terminating && finalizers.isEmpty {
            return remove(resource, key, last: object)
        }
        var candidate = object
        candidate["metadata"]?["resourceVersion"] = current[path: ["metadata", "resourceVersion"]]
        if candidate == current { return current }
        let stored = stamp(object)
        objects[resource, default: [:]][key] = stored
        record(StoredEvent(kind: .modified, resource: resource, object: stored, previous: current, resourceVersion: resourceVersion))
        return stored
    }

    /// Removes an object whose resourceVersion equals `expected` (any when `nil`) and returns its
    /// last state.
    func delete(_ resource: GroupResource, namespace: String?, name: String, expected: String?) throws(APIError) -> JSONValue {
        let key = ObjectKey(namespace: namespace ?? "", name: name)
        guard let current = objects[resource]?[key] else { throw APIError.notFound(resource, name: name) }
        if let expected, current[path: ["metadata", "resourceVersion"]]?.stringValue != expected {
            throw APIError.conflict(resource, name: name)
        }
        return remove(resource, key, last: current)
    }

    private func remove(_ resource: GroupResource, _ key: ObjectKey, last: JSONValue) -> JSONValue {
        objects[resource]?[key] = nil
        let final = stamp(last)
        record(StoredEvent(kind: .deleted, resource: resource, object: final, resourceVersion: resourceVersion))
        if resource == ServedResource.crdResource {
            removeAll(ofDefinition: last)
        }
        return final
    }

    /// Deleting a CRD deletes every object of its kind, as the apiserver does.
    private func removeAll(ofDefinition definition: JSONValue) {
        guard let group = definition[path: ["spec", "group"]]?.stringValue,
            let plural = definition[path: ["spec", "names", "plural"]]?.stringValue
        else { return }
        let resource = GroupResource(group: group, resource: plural)
        for (key, object) in objects[resource] ?? [:] {
            _ = remove(resource, key, last: object)
        }
    }

    private func stamp(_ object: JSONValue) -> JSONValue {
        resourceVersion += 1
        var stamped = object
        stamped["metadata"]?["resourceVersion"] = .string(String(resourceVersion))
        return stamped
    }

    private func record(_ event: StoredEvent) {
        history.append(event)
        if history.count > historyLimit {
            let overflow = history.count - historyLimit
            oldestServable = max(oldestServable, history[overflow - 1].resourceVersion)
            history.removeFirst(overflow)
        }
        if event.resource == ServedResource.crdResource { customResources = Self.customResources(from: objects) }
        for (id, watcher) in watchers where watcher.resource == event.resource {
            if let namespace = watcher.namespace, event.namespace != namespace { continue }
            if case .dropped = watcher.continuation.yield(event) {
                watcher.continuation.finish()
                watchers[id] = nil
            }
        }
        scheduleSave()
    }

    // MARK: Persistence

    /// Saves the state after every write, synchronously, so a killed server loses nothing it
    /// acknowledged (the fault suite restarts LocalKube with `kill -9`). This costs O(N) per write
    /// with `--state-dir`; bench/README.md measured a coalescing variant that was faster at
    /// N = 1,000 but lost the last writes on `kill -9`.
    private func scheduleSave() {
        guard let stateFile else { return }
        try? stateFile.save(StateFile.Snapshot(resourceVersion: resourceVersion, objects: objects.flatMap { resource, members in
            members.values.map { StateFile.Entry(resource: resource, object: $0) }
        }))
    }

    /// Every change is already saved (see ``scheduleSave()``); kept for callers that stop the server.
    func flush() async {}

    private static func customResources(from objects: [GroupResource: [ObjectKey: JSONValue]]) -> [String: ServedResource] {
        var served: [String: ServedResource] = [:]
        for (key, object) in objects[ServedResource.crdResource] ?? [:] {
            guard let definition = try? CustomResourceDefinition(json: object),
                let resource = try? ServedResource(definition: definition)
            else { continue }
            served[key.name] = resource
        }
        return served
    }

    // MARK: Watch

    /// Registers a watcher and returns the events it must send first: the current objects as
    /// `ADDED` when `since` is `nil`, otherwise the retained changes after `since`.
    /// Throws `410 Expired` when `since` is older than the retained history.
    func watch(_ resource: GroupResource, namespace: String?, since: Int64?) throws(APIError) -> (initial: [StoredEvent], events: AsyncStream<StoredEvent>) {
        var initial: [StoredEvent]
        if let since {
            if since < oldestServable {
                throw APIError.expired("too old resource version: \(since) (\(oldestServable + 1))")
            }
            initial = history.filter { $0.resource == resource && $0.resourceVersion > since }
            if let namespace { initial = initial.filter { $0.namespace == namespace } }
        } else {
            initial = list(resource, namespace: namespace).items.map { object in
                let version = Int64(object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? resourceVersion
                return StoredEvent(kind: .added, resource: resource, object: object, resourceVersion: version)
            }
        }
        let (stream, continuation) = AsyncStream<StoredEvent>.makeStream(bufferingPolicy: .bufferingOldest(watchBuffer))
        let id = nextWatcherID
        nextWatcherID += 1
        watchers[id] = Watcher(resource: resource, namespace: namespace, continuation: continuation)
        continuation.onTermination = { _ in
            Task { await self.stopWatching(id) }
        }
        return (initial, stream)
    }

    private func stopWatching(_ id: Int) {
        watchers[id] = nil
    }

    private static func key(of object: JSONValue) -> ObjectKey? {
        guard let name = object[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else { return nil }
        return ObjectKey(namespace: object[path: ["metadata", "namespace"]]?.stringValue ?? "", name: name)
    }
}

extension ServedResource {
    static let crdResource = GroupResource(group: "apiextensions.k8s.io", resource: "customresourcedefinitions")
}
