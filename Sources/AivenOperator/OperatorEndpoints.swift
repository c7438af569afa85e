import Hummingbird
import Logging
import Prometheus

/// The operator's HTTP endpoints: `/metrics` (Prometheus text), `/healthz` (the process is up)
/// and `/readyz` (caches synced and, with leader election, leading).
public enum OperatorEndpoints {
    /// An application serving the endpoints on `host:port`; run it in the operator's ServiceGroup.
    public static func application(
        host: String,
        port: Int,
        registry: PrometheusCollectorRegistry?,
        isReady: @escaping @Sendable () async -> Bool,
        logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> Response in
            let ready = await isReady()
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                body: ResponseBody(byteBuffer: ByteBuffer(string: ready ? "ok" : "caches not synced or not leading"))
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
