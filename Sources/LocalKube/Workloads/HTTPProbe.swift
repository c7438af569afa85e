import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A kubelet `httpGet` probe against a pod on loopback: success is an answer with a status from
/// 200 to 399 within the timeout.
struct HTTPProbe: Sendable {
    var port: Int
    var path: String
    var timeout: Duration

    /// Runs the probe off the caller's executor (it blocks on a socket).
    func check() async -> Bool {
        let probe = self
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: probe.blockingCheck()) }
        }
    }

    private func blockingCheck() -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let seconds = Int(timeout.components.seconds)
        var interval = timeval(tv_sec: seconds, tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        let request = "GET \(path.hasPrefix("/") ? path : "/" + path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUser-Agent: kube-probe/1.33\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        let sent = request.utf8CString.withUnsafeBufferPointer { send(descriptor, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
        guard sent > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        let received = recv(descriptor, &buffer, buffer.count, 0)
        guard received > 12 else { return false }
        let statusLine = String(decoding: buffer[0..<received], as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let code = Int(parts[1]) else { return false }
        return (200..<400).contains(code)
    }
}
