import AsyncHTTPClient
import KubeAPI
import NIOCore

/// The events of one watch request, read from the response body as they arrive. Each call to
/// `next()` reads only as much of the body as one event needs, so a slow consumer slows the
/// connection down instead of buffering without bound.
///
/// The sequence ends when the server closes the watch (its `timeoutSeconds`); an `ERROR` event
/// throws, a `410 Gone` one as ``KubeError/gone(_:)`` so the caller knows to relist.
public struct WatchEvents: AsyncSequence, Sendable {
    public typealias Element = ObjectEvent<JSONValue>

    let body: HTTPClientResponse.Body
    let maxLineBytes: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), splitter: LineSplitter(maxLineBytes: maxLineBytes))
    }

    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPClientResponse.Body.AsyncIterator
        var splitter: LineSplitter
        var ready: [[UInt8]] = []
        var finished = false

        public mutating func next() async throws(KubeError) -> ObjectEvent<JSONValue>? {
            while ready.isEmpty {
                if finished { return nil }
                let chunk: ByteBuffer?
                do {
                    chunk = try await body.next()
                } catch {
                    throw KubeError.transport("watch stream: \(error)")
                }
                if let chunk {
                    ready = try splitter.feed(chunk.readableBytesView)
                } else {
                    finished = true
                    if let rest = splitter.finish() { ready = [rest] }
                }
            }
            return try Self.decode(ready.removeFirst())
        }

        static func decode(_ line: [UInt8]) throws(KubeError) -> ObjectEvent<JSONValue> {
            let event: JSONValue
            do {
                event = try JSONParser().parse(line)
            } catch {
                throw KubeError.decoding("watch event: \(error)")
            }
            guard let type = event["type"]?.stringValue, let object = event["object"] else {
                throw KubeError.decoding("watch event without type or object")
            }
            switch type {
            case "ADDED": return .added(object)
            case "MODIFIED": return .modified(object)
            case "DELETED": return .deleted(object)
            case "BOOKMARK": return .bookmark(resourceVersion: object["metadata"]?["resourceVersion"]?.stringValue ?? "")
            case "ERROR":
                let status = (try? JSONDecoder().decode(Status.self, from: Data(object.jsonBytes)))
                    ?? Status(message: object.jsonString, reason: nil, code: 500)
                throw KubeError(code: status.code ?? 500, status: status, retryAfter: nil)
            default:
                throw KubeError.decoding("unknown watch event type \(GoFormat.quote(type))")
            }
        }
    }
}

import Foundation
