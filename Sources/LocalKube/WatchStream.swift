import Hummingbird
import KubeAPI

/// The body of a watch response: one JSON event per line, flushed as it happens, until
/// `timeoutSeconds` passes (then a BOOKMARK when bookmarks were allowed), the client goes away or
/// the watcher falls too far behind. With bookmarks allowed, an idle watch also gets a BOOKMARK
/// every `bookmarkInterval`. A BOOKMARK never carries a resourceVersion past a change this
/// watcher has not been sent: it is the store's progress note, queued behind those changes.
struct WatchStream: Sendable {
    let type: ServedResource
    let filter: ObjectFilter
    /// Set for `kubectl get -w`: each event's object is a one-row Table.
    let table: TableConverter?
    let timeout: Duration?
    let bookmarks: Bool
    let bookmarkInterval: Duration
    let store: ObjectStore

    /// Frames events as lines. With selectors, an object leaving the selection is sent as
    /// DELETED and one entering it as ADDED, judged from the object before and after the change.
    private struct Framer {
        let stream: WatchStream
        var sentColumns = false

        mutating func line(for event: StoredEvent) -> ByteBuffer? {
            let matches = stream.filter.matches(event.object)
            let matchedBefore = event.previous.map(stream.filter.matches) ?? false
            let kind: StoredEvent.Kind
            switch (event.kind, matches, matchedBefore) {
            case (.modified, true, false): kind = .added
            case (.modified, false, true): kind = .deleted
            case (.modified, false, false), (.added, false, _), (.deleted, false, _): return nil
            default: kind = event.kind
            }
            var object = event.object
            if let table = stream.table {
                object = table.table([object], resourceVersion: nil, withColumns: !sentColumns)
                sentColumns = true
            }
            return WatchStream.line(["type": .string(kind.rawValue), "object": object])
        }
    }

    /// A response that streams the subscription's initial events, then its changes.
    /// `onConnectionClose` registers what to do when the client's connection closes: end the watch.
    func body(_ subscription: ObjectStore.Subscription, onConnectionClose: ConnectionCloseHook?) -> ResponseBody {
        ResponseBody { writer in
            var framer = Framer(stream: self)
            let (store, id, bookmarks, bookmarkInterval) = (self.store, subscription.id, self.bookmarks, self.bookmarkInterval)
            onConnectionClose? { Task { await store.endWatch(id) } }
            for event in subscription.initial {
                if let line = framer.line(for: event) { try await writer.write(line) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let timeout {
                    group.addTask {
                        guard (try? await Task.sleep(for: timeout)) != nil else { return }
                        if bookmarks { await store.requestProgress(id, ending: true) } else { await store.endWatch(id) }
                    }
                }
                if bookmarks {
                    group.addTask {
                        while (try? await Task.sleep(for: bookmarkInterval)) != nil { await store.requestProgress(id, ending: false) }
                    }
                }
                defer { group.cancelAll() }
                for await item in subscription.events {
                    switch item {
                    case .change(let event):
                        if let line = framer.line(for: event) { try await writer.write(line) }
                    case .progress(let version, let ending):
                        if bookmarks { try await writer.write(bookmark(version)) }
                        if ending { return }
                    }
                }
            }
            try await writer.finish(nil)
        }
    }

    /// Registers a callback run once when the client's connection closes.
    typealias ConnectionCloseHook = @Sendable (@escaping @Sendable () -> Void) -> Void

    private func bookmark(_ version: Int64) -> ByteBuffer {
        Self.line([
            "type": "BOOKMARK",
            "object": ["kind": .string(type.kind), "apiVersion": .string(type.apiVersion), "metadata": ["resourceVersion": .string(String(version)), "creationTimestamp": nil]],
        ])
    }

    /// A watch that cannot start (410 Expired): HTTP 200 with a single ERROR event, as the
    /// apiserver's watch cache answers.
    static func error(_ error: APIError) -> ResponseBody {
        ResponseBody(byteBuffer: line(["type": "ERROR", "object": APIResponses.statusJSON(error.status)]))
    }

    static func line(_ event: JSONValue) -> ByteBuffer {
        var buffer = ByteBuffer(bytes: event.jsonBytes)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return buffer
    }
}
