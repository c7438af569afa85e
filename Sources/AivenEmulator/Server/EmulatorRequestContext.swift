import Hummingbird
import NIOCore

/// The request context of the emulator's router: Hummingbird's core context plus the peer's
/// address, which decides who may use the control API.
struct EmulatorRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected client's address.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

extension SocketAddress {
    /// Whether the address is on this machine's loopback interface (`127.0.0.0/8`, `::1`, an
    /// IPv4-mapped `::ffff:127.x.y.z`) or a Unix domain socket.
    var isLoopback: Bool {
        switch self {
        case .unixDomainSocket: return true
        case .v4, .v6:
            guard let address = ipAddress?.lowercased() else { return false }
            return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
        }
    }
}
