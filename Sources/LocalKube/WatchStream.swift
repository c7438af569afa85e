import Hummingbird
import KubeAPI

/// The body of a watch response: one JSON event per line, flushed as it happens, until
/// `timeoutSeconds` passes (then a BOOKMARK when bookmarks were allowed), the client goes away or
/// the watcher falls too far behind.
struct WatchStream: Sendable {
    let type: ServedResource
    let filter: ObjectFilter
    /// Set for `kubectl get -w`: each event's object is a one-row Table.
    let table: TableConverter?
    let timeout: Duration?
    let bookmarks: Bool
    let store: ObjectStore

    private enum Item: Sendable {
        case event(StoredEvent)
        case timeout
    }

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

    /// A response that streams `initial`, then `events`.
    func body(initial: [StoredEvent], events: AsyncStream<StoredEvent>) -> ResponseBody {
        ResponseBody { writer in
            var framer = Framer(stream: self)
            for event in initial {
                if let line = framer.line(for: event) { try await writer.write(line) }
            }
            let (items, continuation) = AsyncStream<Item>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in events { continuation.yield(.event(event)) }
                    continuation.finish()
                }
                if let timeout {
                    group.addTask {
                        try? await Task.sleep(for: timeout)
                        continuation.yield(.timeout)
                        continuation.finish()
                    }
                }
                defer { group.cancelAll() }
                for await item in items {
                    switch item {
                    case .event(let event):
                        if let line = framer.line(for: event) { try await writer.write(line) }
                    case .timeout:
                        if bookmarks { try await writer.write(await bookmark()) }
                        return
                    }
                }
            }
            try await writer.finish(nil)
        }
    }

    private func bookmark() async -> ByteBuffer {
        let version = await store.currentResourceVersion
        return Self.line([
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
        var buffer = ByteBuffer(string: event.jsonString)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return buffer
    }
}
