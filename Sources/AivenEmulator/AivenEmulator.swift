import Foundation
import Hummingbird
import KubeAPI
import Logging
import NIOCore
import ServiceLifecycle

/// An emulator of the Aiven REST API subset the operator uses, served over HTTP by Hummingbird.
///
/// Point an ``AivenClient`` (or anything speaking Aiven's API) at it instead of
/// `https://api.aiven.io`. Besides `/v1/…`, it serves a control API under `/_emulator/` for tests,
/// answered only to clients on the loopback interface (others get a 403), whatever address the
/// emulator listens on. Every body is checked in full before anything changes (bad input: 400):
/// - `POST /_emulator/faults` `{"method","path","count", "status"|"hang_seconds"|"drop"}`,
///   `GET`/`DELETE /_emulator/faults`
/// - `PUT`/`GET /_emulator/rate-limit` `{"requests": N|null, "per_seconds": W}` (per token)
/// - `PATCH /_emulator/project/{project}/service/{service_name}` (an out-of-band console change)
/// - `PUT`/`GET /_emulator/user-config-mode` `{"mode": "exact-echo" | "like-aiven"}` (see ``UserConfigBehaviour``)
/// - `GET`/`DELETE /_emulator/requests` (`{"total", "by_route"}`), `DELETE /_emulator/state`
/// - `POST /_emulator/project/{project}/service/{service_name}/authenticate` `{"username","password"}`
///   (`{"authenticated": Bool}`: whether that login would succeed)
/// - `POST /_emulator/project/{project}/service/{service_name}/connectors/{connector_name}/fail`
///   `{"task": N, "trace": "…" | "class": "credentials"|"configuration"|"transient", "failing_restarts": N}`
///   (that task, or without `task` the connector, reads `FAILED` until restarted or edited; see
///   ``EmulatorStore/failConnectorTask(project:service:name:body:)``)
public struct AivenEmulator: Sendable {
    private let configuration: AivenEmulatorConfiguration
    let store: EmulatorStore
    private let gateway: EmulatorGateway
    private let logger: Logger

    /// An emulator; loads the state file when there is one.
    public init(configuration: AivenEmulatorConfiguration, logger: Logger = Logger(label: "aiven-emulator")) throws {
        self.configuration = configuration
        self.logger = logger
        self.store = try EmulatorStore(
            timings: configuration.timings, stateFile: configuration.stateFile,
            userConfigBehaviour: configuration.userConfigBehaviour, now: configuration.now)
        if let warning = store.recoveryWarning {
            logger.warning("recovered the state file", metadata: ["dropped": "\(warning)"])
        }
        self.gateway = EmulatorGateway(
            tokens: configuration.tokens, maxBodyBytes: configuration.maxBodyBytes, faults: FaultInjector(),
            requestLog: RequestLog(), rateLimiter: RateLimiter(), logger: logger)
    }

    /// Serves until the task is cancelled or the process receives SIGINT/SIGTERM.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).runService()
    }

    /// Starts serving in the background and returns once the port is bound.
    public func start() async throws -> RunningAivenEmulator {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = application { port in
            continuation.yield(port)
            continuation.finish()
        }
        // Its own group, without signal handling, so ``RunningAivenEmulator/stop()`` shuts the
        // server down gracefully rather than cancel it.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: logger))
        let task = Task { try await group.run() }
        for await port in ports {
            return RunningAivenEmulator(host: configuration.host, port: port, task: task, group: group)
        }
        task.cancel()
        try await task.value
        throw CancellationError()
    }

    private func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: configuration.idleTimeout.map { TimeAmount.nanoseconds(Int64($0.timeInterval * 1e9)) })),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    private func router() -> Router<EmulatorRequestContext> {
        let router = Router(context: EmulatorRequestContext.self)
        router.add(middleware: AivenErrorMiddleware())
        let store = store
        let catalog = ServiceCatalog()
        let project = "/v1/project/{project}"
        let service = "\(project)/service/{service_name}"

        route(router, .post, "\(project)/service") { try await store.createService(project: $0.parameter("project"), body: $0.requiredBody) }
        route(router, .get, "\(project)/service") { try await store.services(project: $0.parameter("project")) }
        route(router, .get, service) { try await store.service(project: $0.parameter("project"), name: $0.parameter("service_name")) }
        route(router, .put, service) {
            try await store.updateService(project: $0.parameter("project"), name: $0.parameter("service_name"), body: $0.requiredBody)
        }
        route(router, .delete, service) { try await store.deleteService(project: $0.parameter("project"), name: $0.parameter("service_name")) }
        route(router, .get, "\(service)/tags") { try await store.tags(project: $0.parameter("project"), name: $0.parameter("service_name")) }
        route(router, .put, "\(service)/tags") {
            try await store.changeTags(project: $0.parameter("project"), name: $0.parameter("service_name"), body: $0.requiredBody, replace: true)
        }
        route(router, .patch, "\(service)/tags") {
            try await store.changeTags(project: $0.parameter("project"), name: $0.parameter("service_name"), body: $0.requiredBody, replace: false)
        }
        route(router, .get, "\(service)/backups") { try await store.backups(project: $0.parameter("project"), name: $0.parameter("service_name")) }
        route(router, .post, "\(service)/task") {
            try await store.createServiceTask(project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
        }
        route(router, .get, "\(service)/task/{task_id}") {
            try await store.serviceTask(project: $0.parameter("project"), service: $0.parameter("service_name"), id: $0.parameter("task_id"))
        }
        route(router, .get, "\(service)/migration") { try await store.migrationStatus(project: $0.parameter("project"), service: $0.parameter("service_name")) }
        route(router, .get, "\(service)/integration") {
            try await store.integrations(project: $0.parameter("project"), service: $0.parameter("service_name"))
        }
        route(router, .post, "\(project)/integration") { try await store.createIntegration(project: $0.parameter("project"), body: $0.requiredBody) }
        route(router, .get, "\(project)/integration/{integration_id}") {
            try await store.integration(project: $0.parameter("project"), id: $0.parameter("integration_id"))
        }
        route(router, .put, "\(project)/integration/{integration_id}") {
            try await store.updateIntegration(project: $0.parameter("project"), id: $0.parameter("integration_id"), body: $0.requiredBody)
        }
        route(router, .delete, "\(project)/integration/{integration_id}") {
            try await store.deleteIntegration(project: $0.parameter("project"), id: $0.parameter("integration_id"))
        }
        route(router, .get, "\(project)/kms/ca") { _ in ["certificate": .string(ProjectCA.certificate)] }
        topicRoutes(router, service: service)
        accessRoutes(router, service: service)
        connectorRoutes(router, service: service)
        endpointRoutes(router, project: project)
        schemaRegistryRoutes(router, service: service)
        route(router, .post, "\(project)/vpcs") { try await store.createVPC(project: $0.parameter("project"), body: $0.requiredBody) }
        route(router, .get, "\(project)/vpcs") { try await store.vpcs(project: $0.parameter("project")) }
        route(router, .get, "\(project)/vpcs/{project_vpc_id}") {
            try await store.vpc(project: $0.parameter("project"), id: $0.parameter("project_vpc_id"))
        }
        route(router, .delete, "\(project)/vpcs/{project_vpc_id}") {
            try await store.deleteVPC(project: $0.parameter("project"), id: $0.parameter("project_vpc_id"))
        }
        route(router, .get, "\(project)/service_types") { _ in catalog.serviceTypesBody }
        route(router, .get, "\(project)/service-types/{service_type}") { try catalog.serviceTypeBody($0.parameter("service_type")) }
        route(router, .get, "\(project)/clouds") { _ in catalog.cloudsBody }
        route(router, .get, "/v1/service_types", access: .open) { _ in catalog.serviceTypesBody }
        route(router, .get, "/v1/clouds", access: .open) { _ in catalog.cloudsBody }
        route(router, .get, "/v1/service_versions", access: .open) { _ in ServiceCatalog.serviceVersionsBody }
        route(router, .get, "/v1/account/{account_id}/service_versions") { _ in ServiceCatalog.serviceVersionsBody }
        // `ProjectGet`: what avn reads of a project (its account, for the service versions).
        route(router, .get, project) { request in
            let name = request.parameter("project")
            return [
                "project": [
                    "project_name": .string(name), "account_id": .string(ServiceCatalog.accountID), "default_cloud": .string(ServiceCatalog.defaultCloud),
                    "tags": [:], "tech_emails": [],
                ]
            ]
        }

        let faults = gateway.faults
        let requestLog = gateway.requestLog
        let rateLimiter = gateway.rateLimiter
        control(router, .post, "/_emulator/faults") { try await faults.add($0.requiredBody) }
        control(router, .get, "/_emulator/faults") { _ in await faults.listing }
        control(router, .delete, "/_emulator/faults") { _ in
            await faults.clear()
            return ["message": "faults cleared"]
        }
        control(router, .put, "/_emulator/rate-limit") { try await rateLimiter.configure($0.requiredBody) }
        control(router, .get, "/_emulator/rate-limit") { _ in await rateLimiter.setting }
        control(router, .get, "/_emulator/requests") { _ in await requestLog.summary }
        control(router, .delete, "/_emulator/requests") { _ in
            await requestLog.reset()
            return ["message": "request log cleared"]
        }
        control(router, .get, "/_emulator/user-config-mode") { _ in await store.userConfigMode }
        control(router, .put, "/_emulator/user-config-mode") { try await store.changeUserConfigBehaviour($0.requiredBody) }
        control(router, .delete, "/_emulator/state") { _ in
            try await store.reset()
            return ["message": "state cleared"]
        }
        control(router, .patch, "/_emulator/project/{project}/service/{service_name}") {
            try await store.consoleChange(project: $0.parameter("project"), name: $0.parameter("service_name"), body: $0.requiredBody)
        }
        control(router, .post, "/_emulator/project/{project}/service/{service_name}/connectors/{connector_name}/fail") {
            try await store.failConnectorTask(
                project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("connector_name"),
                body: $0.requiredBody)
        }
        return router
    }

    /// `…/service/{service_name}/topic[/{topic_name}]`.
    private func topicRoutes(_ router: Router<EmulatorRequestContext>, service: String) {
        let store = store
        let topic = "\(service)/topic/{topic_name}"
        route(router, .post, "\(service)/topic") {
            try await store.createTopic(project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
        }
        route(router, .get, "\(service)/topic") { try await store.topics(project: $0.parameter("project"), service: $0.parameter("service_name")) }
        route(router, .get, topic) {
            try await store.topic(project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("topic_name"))
        }
        route(router, .put, topic) {
            try await store.updateTopic(
                project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("topic_name"), body: $0.requiredBody)
        }
        route(router, .delete, topic) {
            try await store.deleteTopic(project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("topic_name"))
        }
    }

    /// `…/service/{service_name}/connectors…` and `…/available-connectors`.
    private func connectorRoutes(_ router: Router<EmulatorRequestContext>, service: String) {
        let store = store
        let connector = "\(service)/connectors/{connector_name}"
        route(router, .get, "\(service)/available-connectors") {
            try await store.availableConnectors(project: $0.parameter("project"), service: $0.parameter("service_name"))
        }
        route(router, .get, "\(service)/connector-plugins/{connector_name}/configuration") {
            try await store.connectorPluginConfiguration(
                project: $0.parameter("project"), service: $0.parameter("service_name"), plugin: $0.parameter("connector_name"))
        }
        route(router, .post, "\(service)/connectors") {
            try await store.createConnector(project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
        }
        route(router, .get, "\(service)/connectors") {
            try await store.connectors(project: $0.parameter("project"), service: $0.parameter("service_name"))
        }
        route(router, .put, connector) {
            try await store.editConnector(
                project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("connector_name"),
                body: $0.requiredBody)
        }
        route(router, .delete, connector) {
            try await store.deleteConnector(
                project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("connector_name"))
        }
        route(router, .get, "\(connector)/status") {
            try await store.connectorStatus(
                project: $0.parameter("project"), service: $0.parameter("service_name"), name: $0.parameter("connector_name"))
        }
        let actions: [(String, EmulatorStore.ConnectorAction)] = [("pause", .pause), ("resume", .resume), ("restart", .restart)]
        for (path, action) in actions {
            route(router, .post, "\(connector)/\(path)") {
                try await store.act(on: $0.parameter("connector_name"), project: $0.parameter("project"), service: $0.parameter("service_name"), action)
            }
        }
        route(router, .post, "\(connector)/tasks/{task_id}/restart") {
            try await store.act(
                on: $0.parameter("connector_name"), project: $0.parameter("project"), service: $0.parameter("service_name"),
                .restartTask($0.parameter("task_id")))
        }
    }

    func route(
        _ router: Router<EmulatorRequestContext>, _ method: HTTPRequest.Method, _ template: String,
        access: EmulatorGateway.Access = .token, handler: @escaping EmulatorGateway.Handler
    ) {
        let gateway = gateway
        router.on(RouterPath(template), method: method) { request, context in
            await gateway.respond(to: request, context: context, template: template, access: access, isAivenAPI: true, handler: handler)
        }
    }

    func control(
        _ router: Router<EmulatorRequestContext>, _ method: HTTPRequest.Method, _ template: String,
        handler: @escaping EmulatorGateway.Handler
    ) {
        let gateway = gateway
        router.on(RouterPath(template), method: method) { request, context in
            await gateway.respond(to: request, context: context, template: template, access: .loopback, isAivenAPI: false, handler: handler)
        }
    }
}

/// An emulator serving in the background (see ``AivenEmulator/start()``).
public struct RunningAivenEmulator: Sendable {
    /// The bound host.
    public let host: String
    /// The bound port.
    public let port: Int
    private let task: Task<Void, any Error>
    private let group: ServiceGroup

    init(host: String, port: Int, task: Task<Void, any Error>, group: ServiceGroup) {
        self.host = host
        self.port = port
        self.task = task
        self.group = group
    }

    /// `http://host:port`, the base URL for a client.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops serving and waits until the server has shut down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Returns once the server has shut down.
    func waitUntilStopped() async {
        _ = try? await task.value
    }
}
