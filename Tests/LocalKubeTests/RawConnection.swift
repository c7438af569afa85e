import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a local port, for what URLSession will not do: send half a request,
/// read a response slowly, or go away in the middle of one.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32
    private var isClosed = false

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close() }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Up to `limit` bytes, waiting at most `timeout`: `nil` when the server closed the
    /// connection, empty when nothing arrived in time.
    func receive(limit: Int = 65536, timeout: Duration) async -> [UInt8]? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
                guard poll(&poller, 1, milliseconds) > 0 else { return continuation.resume(returning: []) }
                var buffer = [UInt8](repeating: 0, count: limit)
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, limit, 0) }
                continuation.resume(returning: count <= 0 ? nil : Array(buffer[0..<count]))
            }
        }
    }

    /// Everything until the server closes the connection (or `timeout` passes), read in small
    /// pieces with `pause` between them: a deliberately slow reader.
    func receiveAll(timeout: Duration, pause: Duration = .zero) async -> String {
        var bytes: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let chunk = await receive(timeout: .milliseconds(200)) else { break }
            bytes += chunk
            if pause > .zero { try? await Task.sleep(for: pause) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `true` once the server closed the connection (whatever it sent before is discarded),
    /// `false` when it is still open after `timeout`.
    func waitUntilClosed(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await receive(timeout: .milliseconds(200)) == nil { return true }
        }
        return false
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        Glibc.close(descriptor)
    }
}
