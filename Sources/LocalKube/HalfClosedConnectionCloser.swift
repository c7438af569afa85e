import NIOCore

/// Closes a connection once the client has closed its side. Hummingbird allows half-closed
/// connections, so without this a client that goes away during a watch leaves the connection,
/// and the watcher behind it, open until the next write; kube-apiserver (Go's net/http) likewise
/// cancels a request whose client hung up.
final class HalfClosedConnectionCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed = event as? ChannelEvent {
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }
}
