import AivenClient
import AivenOperator
import Foundation
import KubeClient
import KubeRuntime
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

/// Runs the operator (and its endpoints) until SIGTERM or SIGINT, then shuts down gracefully.
enum OperatorLauncher {
    struct Endpoints {
        var metrics: (host: String, port: Int)?
        var health: (host: String, port: Int)?
    }

    static func run(
        kube: KubeClient,
        configuration: OperatorConfiguration,
        options: Operator.Options,
        endpoints: Endpoints,
        alongside: [any Service] = [],
        logger: Logger
    ) async throws {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let aiven = AivenClients(baseURL: configuration.aivenBaseURL, version: configuration.version)
        let operatorService = Operator(kube: kube, aiven: aiven, configuration: configuration, options: options, logger: logger)
        // Servers the operator talks to (`dev`: LocalKube, the emulator) come first: the group
        // shuts down in reverse order, so they outlive the operator.
        var services = alongside.map {
            ServiceGroupConfiguration.ServiceConfiguration(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
        }
        services.append(.init(service: operatorService, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup))
        let notReady: @Sendable () async -> [String] = { await operatorService.notReady }
        if let health = endpoints.health {
            services.append(.init(service: OperatorEndpoints.application(host: health.host, port: health.port, registry: nil, notReady: notReady, logger: logger)))
        }
        if let metrics = endpoints.metrics {
            services.append(.init(service: OperatorEndpoints.application(host: metrics.host, port: metrics.port, registry: registry, notReady: notReady, logger: logger)))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await group.run()
    }

    /// `:8080` or `127.0.0.1:8080` as host and port; `0` or an empty value disables the endpoint.
    static func bindAddress(_ text: String) throws -> (host: String, port: Int)? {
        guard !text.isEmpty, text != "0" else { return nil }
        let separator = text.lastIndex(of: ":")
        let host = separator.map { String(text[..<$0]) } ?? ""
        guard let port = Int(separator.map { String(text[text.index(after: $0)...]) } ?? text), (1...65535).contains(port) else {
            throw OperatorLaunchError("invalid bind address \(text)")
        }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    static func logger(format: String, level: String) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == "json" ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: level) ?? .info
            // Every module's lines, at every level, without the secrets the process knows.
            return RedactingLogHandler(handler)
        }
        return Logger(label: "aiven-operator")
    }
}

struct OperatorLaunchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
