import Hummingbird
import Logging
import Prometheus

/// The operator's HTTP endpoints: `/metrics` (Prometheus text), `/healthz` (the process is up)
/// and `/readyz` (every informer's cache synced and, with leader election, leading; otherwise a
/// 503 naming what is missing).
public enum OperatorEndpoints {
    /// An application serving the endpoints on `host:port`; run it in the operator's ServiceGroup.
    public static func application(
        host: String,
        port: Int,
        registry: PrometheusCollectorRegistry?,
        notReady: @escaping @Sendable () async -> [String],
        logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> Response in
            let missing = await notReady()
            return Response(
                status: missing.isEmpty ? .ok : .serviceUnavailable,
                body: ResponseBody(byteBuffer: ByteBuffer(string: missing.isEmpty ? "ok" : "not ready: \(missing.joined(separator: "; "))"))
            )
        }
        if let registry {
            router.get("metrics") { _, _ -> Response in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
                )
            }
        }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
    }
}
