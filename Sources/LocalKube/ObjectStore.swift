import Journal
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
        /// Changes at or below this resourceVersion were already sent as the watch's initial events.
        var after: Int64
        var continuation: AsyncStream<WatchItem>.Continuation
    }

    private var objects: [GroupResource: [ObjectKey: JSONValue]] = [:]
    private var objectCount = 0
    /// The resourceVersion of the last change applied in memory.
    private var resourceVersion: Int64 = 0
    /// The resourceVersion of the last change made durable and sent to watchers.
    private var publishedResourceVersion: Int64 = 0
    private var history: [StoredEvent] = []
    /// Watches from a resourceVersion below this get `410 Expired`.
    private var oldestServable: Int64 = 0
    private let historyLimit: Int
    private let watchBuffer: Int
    private var watchers: [Int: Watcher] = [:]
    private var nextWatcherID = 0
    private var customResources: [String: ServedResource] = [:]
    private let journal: StoreJournal?
    /// Changes applied in memory and queued in the journal, waiting to be durable before
    /// watchers see them, oldest first.
    private var unpublished: [(ticket: Journal.Ticket, events: [StoredEvent])] = []
    /// What the ``GarbageCollector`` (its one reader) looks at, in order.
    nonisolated let collectionTriggers: AsyncStream<GarbageCollector.Trigger>
    private let collectionContinuation: AsyncStream<GarbageCollector.Trigger>.Continuation
    /// The uid of every object held, and where the ones with ownerReferences are: the collector's
    /// questions are answered without a scan.
    private var liveUIDs: Set<String> = []
    private var ownedObjects: [String: (resource: GroupResource, key: ObjectKey)] = [:]

    /// - Parameters:
    ///   - historyLimit: how many changes are kept for watches that resume from a resourceVersion.
    ///   - watchBuffer: how many undelivered events one watcher may hold before it is closed.
    ///   - journal: where changes are persisted, with what it held, or `nil` to keep objects in memory only.
    init(historyLimit: Int, watchBuffer: Int, journal: (StoreJournal, StoreJournal.Recovered)? = nil) {
        self.historyLimit = historyLimit
        self.watchBuffer = watchBuffer
        self.journal = journal?.0
        (collectionTriggers, collectionContinuation) = AsyncStream.makeStream()
        if let recovered = journal?.1 {
            resourceVersion = recovered.resourceVersion
            publishedResourceVersion = recovered.resourceVersion
            oldestServable = recovered.resourceVersion
            for change in recovered.changes {
                switch change {
                case .put(let resource, let object):
                    guard let key = Self.key(of: object) else { continue }
                    objects[resource, default: [:]][key] = object
                case .delete(let resource, let namespace, let name, _):
                    objects[resource]?[ObjectKey(namespace: namespace, name: name)] = nil
                }
            }
            objectCount = objects.values.reduce(0) { $0 + $1.count }
            customResources = Self.customResources(from: objects)
            for (resource, objects) in objects {
                for (key, object) in objects { Self.index(resource, key, object, uids: &liveUIDs, owned: &ownedObjects) }
            }
        }
    }

    // MARK: Reads

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

    /// Whether the changes after `resourceVersion` are still retained (kube: not yet compacted).
    func retains(since resourceVersion: Int64) -> Bool { resourceVersion >= oldestServable }

    /// `true` while an object with this uid exists.
    func exists(uid: String) -> Bool { liveUIDs.contains(uid) }

    /// Objects with an ownerReference naming one of `owners` (any ownerReference when `nil`).
    func dependents(of owners: Set<String>?) -> [(resource: GroupResource, object: JSONValue)] {
        ownedObjects.values.compactMap { place in
            guard let object = objects[place.resource]?[place.key] else { return nil }
            guard let owners else { return (place.resource, object) }
            return Self.ownerUIDs(of: object).contains(where: owners.contains) ? (place.resource, object) : nil
        }
    }

    /// The object with this uid, if it has ownerReferences.
    func owned(uid: String) -> (resource: GroupResource, object: JSONValue)? {
        ownedObjects[uid].flatMap { place in objects[place.resource]?[place.key].map { (place.resource, $0) } }
    }

    static func ownerUIDs(of object: JSONValue) -> [String] {
        (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
    }

    private static func index(
        _ resource: GroupResource, _ key: ObjectKey, _ object: JSONValue,
        uids: inout Set<String>, owned: inout [String: (resource: GroupResource, key: ObjectKey)]
    ) {
        guard let uid = object[path: ["metadata", "uid"]]?.stringValue else { return }
        uids.insert(uid)
        owned[uid] = ownerUIDs(of: object).isEmpty ? nil : (resource, key)
    }

    // MARK: Writes

    /// Stores a new object, stamping the next resourceVersion; returns once it is durable.
    func create(_ resource: GroupResource, _ object: JSONValue) async throws(APIError) -> JSONValue {
        try checkWritable()
        guard let key = Self.key(of: object) else { throw APIError.badRequest("object has no name") }
        if objects[resource]?[key] != nil { throw APIError.alreadyExists(resource, name: key.name) }
        let stored = stamp(object)
        put(resource, key, stored)
        try await commit([StoredEvent(kind: .added, resource: resource, object: stored, resourceVersion: resourceVersion)])
        return stored
    }

    /// Replaces an object whose stored resourceVersion equals `expected`. An object that is being
    /// deleted and has no finalizers left is removed instead. An unchanged object is not rewritten.
    func update(_ resource: GroupResource, _ object: JSONValue, expected: String) async throws(APIError) -> JSONValue {
        try checkWritable()
        guard let key = Self.key(of: object) else { throw APIError.badRequest("object has no name") }
        guard let current = objects[resource]?[key] else { throw APIError.notFound(resource, name: key.name) }
        guard current[path: ["metadata", "resourceVersion"]]?.stringValue == expected else {
            throw APIError.conflict(resource, name: key.name)
        }
        let terminating = object[path: ["metadata", "deletionTimestamp"]] != nil
        var finalizers = object[path: ["metadata", "finalizers"]]?.arrayValue ?? []
        if resource == ResourceOperations.namespaces { finalizers += object[path: ["spec", "finalizers"]]?.arrayValue ?? [] }
        if terminating && finalizers.isEmpty {
            return try await remove(resource, key, last: object)
        }
        var candidate = object
        candidate["metadata"]?["resourceVersion"] = current[path: ["metadata", "resourceVersion"]]
        if candidate == current { return current }
        let stored = stamp(object)
        put(resource, key, stored)
        try await commit([StoredEvent(kind: .modified, resource: resource, object: stored, previous: current, resourceVersion: resourceVersion)])
        return stored
    }

    /// Removes an object whose resourceVersion equals `expected` (any when `nil`) and returns its
    /// last state.
    func delete(_ resource: GroupResource, namespace: String?, name: String, expected: String?) async throws(APIError) -> JSONValue {
        try checkWritable()
        let key = ObjectKey(namespace: namespace ?? "", name: name)
        guard let current = objects[resource]?[key] else { throw APIError.notFound(resource, name: name) }
        if let expected, current[path: ["metadata", "resourceVersion"]]?.stringValue != expected {
            throw APIError.conflict(resource, name: name)
        }
        return try await remove(resource, key, last: current)
    }

    private func remove(_ resource: GroupResource, _ key: ObjectKey, last: JSONValue) async throws(APIError) -> JSONValue {
        var events: [StoredEvent] = []
        let final = removeInMemory(resource, key, last: last, events: &events)
        try await commit(events)
        return final
    }

    /// Deleting a CRD deletes every object of its kind, as the apiserver does.
    private func removeInMemory(_ resource: GroupResource, _ key: ObjectKey, last: JSONValue, events: inout [StoredEvent]) -> JSONValue {
        if objects[resource]?.removeValue(forKey: key) != nil { objectCount -= 1 }
        if let uid = last[path: ["metadata", "uid"]]?.stringValue {
            liveUIDs.remove(uid)
            ownedObjects[uid] = nil
            collectionContinuation.yield(.removed(uid: uid))
        }
        let final = stamp(last)
        events.append(StoredEvent(kind: .deleted, resource: resource, object: final, resourceVersion: resourceVersion))
        if resource == ServedResource.crdResource {
            customResources = Self.customResources(from: objects)
            if let group = last[path: ["spec", "group"]]?.stringValue, let plural = last[path: ["spec", "names", "plural"]]?.stringValue {
                let members = GroupResource(group: group, resource: plural)
                for (key, object) in objects[members] ?? [:] {
                    _ = removeInMemory(members, key, last: object, events: &events)
                }
            }
        }
        return final
    }

    private func put(_ resource: GroupResource, _ key: ObjectKey, _ object: JSONValue) {
        if objects[resource, default: [:]].updateValue(object, forKey: key) == nil { objectCount += 1 }
        Self.index(resource, key, object, uids: &liveUIDs, owned: &ownedObjects)
        if object[path: ["metadata", "ownerReferences"]] != nil, let uid = object[path: ["metadata", "uid"]]?.stringValue {
            collectionContinuation.yield(.owned(uid: uid))
        }
        if resource == ServedResource.crdResource { customResources = Self.customResources(from: objects) }
    }

    private func stamp(_ object: JSONValue) -> JSONValue {
        resourceVersion += 1
        var stamped = object
        stamped["metadata"]?["resourceVersion"] = .string(String(resourceVersion))
        return stamped
    }

    /// Makes changes already applied in memory durable, then sends them to watchers (in
    /// resourceVersion order, whichever write's wait ends first).
    private func commit(_ events: [StoredEvent]) async throws(APIError) {
        guard let journal else {
            publish(events)
            return
        }
        let ticket = journal.journal.enqueue(events.map { event in
            switch event.kind {
            case .added, .modified: StoreJournal.record(.put(event.resource, event.object))
            case .deleted:
                StoreJournal.record(.delete(
                    event.resource, namespace: event.namespace ?? "", name: event.object[path: ["metadata", "name"]]?.stringValue ?? "",
                    resourceVersion: event.resourceVersion
                ))
            }
        })
        unpublished.append((ticket, events))
        do {
            try await journal.journal.waitUntilDurable(ticket)
        } catch {
            throw Self.storageFailed(error)
        }
        while let first = unpublished.first, first.ticket <= ticket {
            unpublished.removeFirst()
            publish(first.events)
        }
        if journal.journal.appendedSinceCompaction > max(1024, 2 * objectCount) {
            let objects = self.objects
            let resourceVersion = self.resourceVersion
            journal.journal.compact {
                StoreJournal.snapshot(resourceVersion: resourceVersion, objects: objects.flatMap { resource, members in members.values.map { (resource, $0) } })
            }
        }
    }

    private func checkWritable() throws(APIError) {
        if let failure = journal?.journal.failed { throw Self.storageFailed(failure) }
    }

    private static func storageFailed(_ error: JournalError) -> APIError {
        APIError(code: 500, reason: "InternalError", message: "Internal error occurred: the state log cannot be written: \(error)")
    }

    private func publish(_ events: [StoredEvent]) {
        for event in events {
            publishedResourceVersion = max(publishedResourceVersion, event.resourceVersion)
            history.append(event)
            for (id, watcher) in watchers where watcher.resource == event.resource && event.resourceVersion > watcher.after {
                if let namespace = watcher.namespace, event.namespace != namespace { continue }
                if case .dropped = watcher.continuation.yield(.change(event)) { endWatch(id) }
            }
        }
        if history.count > historyLimit {
            let overflow = history.count - historyLimit
            oldestServable = max(oldestServable, history[overflow - 1].resourceVersion)
            history.removeFirst(overflow)
        }
    }

    // MARK: Persistence

    /// Returns once every change made so far is durable.
    func flush() async {
        guard let journal else { return }
        try? await journal.journal.waitUntilDurable(journal.journal.enqueue([]))
    }

    /// Writes what is queued and closes the state log.
    func close() {
        journal?.journal.close()
    }

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

    /// A registered watcher: the events it must send first, then its live changes and progress
    /// notes (see ``requestProgress(_:)``).
    struct Subscription: Sendable {
        var id: Int
        var initial: [StoredEvent]
        var events: AsyncStream<WatchItem>
    }

    /// Registers a watcher and returns the events it must send first: the current objects as
    /// `ADDED` when `since` is `nil`, otherwise the retained changes after `since`.
    /// Throws `410 Expired` when `since` is older than the retained history.
    func watch(_ resource: GroupResource, namespace: String?, since: Int64?) throws(APIError) -> Subscription {
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
        // Published changes up to here are in `initial`; so are unpublished ones when listing.
        let after = since.map { max($0, publishedResourceVersion) } ?? resourceVersion
        let (stream, continuation) = AsyncStream<WatchItem>.makeStream(bufferingPolicy: .bufferingOldest(watchBuffer))
        let id = nextWatcherID
        nextWatcherID += 1
        watchers[id] = Watcher(resource: resource, namespace: namespace, after: after, continuation: continuation)
        continuation.onTermination = { _ in
            Task { await self.stopWatching(id) }
        }
        return Subscription(id: id, initial: initial, events: stream)
    }

    /// Queues a progress note behind the changes already sent to watcher `id`: the resourceVersion
    /// up to which it has been sent every change of its selection, which a BOOKMARK may carry.
    func requestProgress(_ id: Int, ending: Bool) {
        guard let watcher = watchers[id] else { return }
        if case .dropped = watcher.continuation.yield(.progress(max(watcher.after, publishedResourceVersion), ending: ending)) {
            endWatch(id)
        }
    }

    /// Ends watcher `id` once what it was sent so far is consumed.
    func endWatch(_ id: Int) {
        watchers[id]?.continuation.finish()
        watchers[id] = nil
    }

    /// Ends every watcher (the server is stopping).
    func endAllWatches() {
        for id in watchers.keys { endWatch(id) }
    }

    /// How many watchers are registered (tests check that closed connections end theirs).
    var watcherCount: Int { watchers.count }

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
