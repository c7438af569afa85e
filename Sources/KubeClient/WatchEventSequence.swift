import AsyncHTTPClient
import Foundation
import KubeAPI
import NIOCore

/// The events of one watch request, pulled from the HTTP body as the consumer asks for them, so
/// at most one network chunk is buffered (backpressure instead of an unbounded queue).
///
/// The sequence ends normally when the server closes the stream (`timeoutSeconds`) or the client
/// deadline passes; callers re-watch from the last resourceVersion they saw. A server `ERROR`
/// event is thrown as ``KubeError`` (`.expired` for 410 Gone: relist, then watch again).
public struct WatchEventSequence<Object: Sendable>: AsyncSequence, Sendable {
    public typealias Element = WatchEvent<Object>

    let body: HTTPClientResponse.Body
    let maxLineLength: Int
    /// Turns one line of the stream into an event (or throws the server's `ERROR`).
    let decodeLine: @Sendable ([UInt8]) throws(KubeError) -> WatchEvent<Object>

    /// Events whose objects are decoded from ``JSONValue`` by `decode`.
    init(body: HTTPClientResponse.Body, maxLineLength: Int, decode: @escaping @Sendable (JSONValue) throws(KubeError) -> Object) {
        self.init(body: body, maxLineLength: maxLineLength) { line throws(KubeError) in try Self.event(from: line, decode: decode) }
    }

    /// Events decoded straight from each line's bytes.
    init(body: HTTPClientResponse.Body, maxLineLength: Int, decodeLine: @escaping @Sendable ([UInt8]) throws(KubeError) -> WatchEvent<Object>) {
        self.body = body
        self.maxLineLength = maxLineLength
        self.decodeLine = decodeLine
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), framer: LineFramer(maxLineLength: maxLineLength), decodeLine: decodeLine)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPClientResponse.Body.AsyncIterator
        var framer: LineFramer
        let decodeLine: @Sendable ([UInt8]) throws(KubeError) -> WatchEvent<Object>
        var lines: [[UInt8]] = []
        var finished = false

        public mutating func next() async throws -> WatchEvent<Object>? {
            while true {
                if !lines.isEmpty {
                    return try decodeLine(lines.removeFirst())
                }
                if finished { return nil }
                let chunk: ByteBuffer?
                do {
                    chunk = try await body.next()
                } catch let error as HTTPClientError where [HTTPClientError.deadlineExceeded, .readTimeout, .remoteConnectionClosed, .cancelled].contains(error) {
                    chunk = nil
                } catch {
                    throw KubeError.transport("watch stream: \(error)")
                }
                guard let chunk else {
                    finished = true
                    if let rest = framer.finish() { lines.append(rest) }
                    continue
                }
                lines += try framer.append(chunk.readableBytesView)
            }
        }
    }

    static func event(from line: [UInt8], decode: @Sendable (JSONValue) throws(KubeError) -> Object) throws(KubeError) -> WatchEvent<Object> {
        let envelope: JSONValue
        do {
            envelope = try JSONParser().parse(line)
        } catch {
            throw KubeError.decoding("watch event is not JSON: \(error)")
        }
        guard let type = envelope["type"]?.stringValue, let object = envelope["object"] else {
            throw KubeError.decoding("watch event without type or object")
        }
        switch type {
        case "ADDED": return .added(try decode(object))
        case "MODIFIED": return .modified(try decode(object))
        case "DELETED": return .deleted(try decode(object))
        case "BOOKMARK": return .bookmark(resourceVersion: object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")
        case "ERROR":
            let status = (try? JSONValueDecoder().decode(Status.self, from: object))
                ?? Status(message: object["message"]?.stringValue, reason: object["reason"]?.stringValue, code: 500)
            throw KubeError(code: status.code ?? 500, status: status)
        default:
            throw KubeError.decoding("unknown watch event type \(type)")
        }
    }
}
