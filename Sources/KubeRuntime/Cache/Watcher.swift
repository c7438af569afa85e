import KubeAPI
import KubeClient
import Logging

/// Keeps a ``Store`` in line with the API server: lists, then watches from the list's
/// resourceVersion, follows bookmarks, relists when the version has expired (410), and retries
/// every failure with capped, jittered backoff. It never stops on its own; cancel its task.
///
/// An object that cannot be decoded (written under an older schema, say) is reported to
/// `onUndecodable` and left out of the store; every other object carries on.
public struct Watcher<Object: KubeResource>: Sendable {
    /// What changed, after the store has been updated.
    public enum Change: Sendable {
        case applied(Object)
        case deleted(Object)
    }

    let client: ResourceClient<Object>
    let store: Store<Object>
    let options: ListOptions
    let backoff: Backoff
    let watchTimeout: Duration
    let onUndecodable: @Sendable (UndecodableObject) async -> Void
    let logger: Logger

    /// - Parameters:
    ///   - client: the kind's client, scoped to a namespace or to all of them.
    ///   - watchTimeout: how long one watch request lasts before it is renewed.
    ///   - onUndecodable: called for each object that cannot be decoded (after a warning is logged).
    public init(
        client: ResourceClient<Object>,
        store: Store<Object>,
        options: ListOptions = ListOptions(),
        backoff: Backoff = Backoff(base: .milliseconds(200), cap: .seconds(30)),
        watchTimeout: Duration = .seconds(300),
        onUndecodable: @escaping @Sendable (UndecodableObject) async -> Void = { _ in },
        logger: Logger
    ) {
        self.onUndecodable = onUndecodable
        self.client = client
        self.store = store
        self.options = options
        self.backoff = backoff
        self.watchTimeout = watchTimeout
        self.logger = logger
    }

    /// Runs until cancelled, calling `onChange` for every object that was listed, changed or
    /// deleted (a relist reports every object, and those that vanished as deleted).
    public func run(onChange: @Sendable (Change) async -> Void) async {
        var failures = 0
        var resourceVersion: String?
        while !Task.isCancelled {
            do {
                if resourceVersion == nil {
                    let list = try await client.listAllDecodingEach(options)
                    var items: [Object] = []
                    for item in list.items {
                        switch item {
                        case .object(let object): items.append(object)
                        case .undecodable(let object): await skip(object)
                        }
                    }
                    let before = await store.list()
                    let removed = Set(await store.replace(with: items, markSynced: false))
                    for object in before where removed.contains(Store<Object>.key(of: object)) {
                        await onChange(.deleted(object))
                    }
                    for object in items { await onChange(.applied(object)) }
                    await store.markSynced()
                    resourceVersion = list.resourceVersion
                }
                var watchOptions = options
                watchOptions.resourceVersion = resourceVersion
                let events = try await client.watchDecodingEach(watchOptions, timeout: watchTimeout, bookmarks: true)
                for try await event in events {
                    failures = 0
                    switch event {
                    case .added(.object(let object)), .modified(.object(let object)):
                        resourceVersion = object.metadata.resourceVersion ?? resourceVersion
                        await store.apply(object)
                        await onChange(.applied(object))
                    case .deleted(.object(let object)):
                        resourceVersion = object.metadata.resourceVersion ?? resourceVersion
                        await store.remove(object)
                        await onChange(.deleted(object))
                    case .added(.undecodable(let object)), .modified(.undecodable(let object)), .deleted(.undecodable(let object)):
                        resourceVersion = object.resourceVersion ?? resourceVersion
                        // What the store held for it is no longer true: forget it.
                        let key = ObjectKey(namespace: object.namespace ?? "", name: object.name)
                        if let stale = await store.get(key) {
                            await store.remove(stale)
                            await onChange(.deleted(stale))
                        }
                        if case .deleted = event { continue }
                        await skip(object)
                    case .bookmark(let version):
                        resourceVersion = version
                    }
                }
                // The server ended the watch (its timeout): renew from where we are.
            } catch let error as KubeError {
                // Stopping (shutdown) ends the watch with an error: not a failure.
                if Task.isCancelled { return }
                if case .expired = error {
                    logger.debug("watch expired, relisting", metadata: ["kind": "\(Object.kind)"])
                    resourceVersion = nil
                    continue
                }
                failures += 1
                logger.warning("watch failed", metadata: ["kind": "\(Object.kind)", "error": "\(error)", "attempt": "\(failures)"])
                if case .notFound = error { resourceVersion = nil }
                try? await Task.sleep(for: backoff.delay(attempt: failures))
            } catch {
                if Task.isCancelled { return }
                failures += 1
                logger.warning("watch failed", metadata: ["kind": "\(Object.kind)", "error": "\(error)", "attempt": "\(failures)"])
                resourceVersion = nil
                try? await Task.sleep(for: backoff.delay(attempt: failures))
            }
        }
    }

    private func skip(_ object: UndecodableObject) async {
        logger.warning("skipping an object that cannot be decoded", metadata: [
            "kind": "\(Object.kind)", "object": "\(object.namespace ?? "")/\(object.name)", "error": "\(object.reason)",
        ])
        await onUndecodable(object)
    }
}
