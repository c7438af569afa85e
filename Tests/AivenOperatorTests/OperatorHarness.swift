import AivenClient
import AivenEmulator
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import LocalKube
import Logging
import Testing

@testable import AivenOperator

/// LocalKube and the Aiven emulator in this process, and the operator's reconcilers driven one
/// pass at a time (the caches are filled from the API server before each pass), so reconciler
/// rules are tested over the real protocols in seconds, without spawning `dev`.
final class OperatorHarness: Sendable {
    static let token = "harness-token-value"
    static let project = "harness"

    let kube: LocalKube
    let client: KubeClient
    let emulator: RunningAivenEmulator
    let projectVPCs = Store<ProjectVPC>()
    let secrets = Store<Secret>()
    let configuration: OperatorConfiguration
    /// Every registered kind's reconciler (``Operator/kinds``), by kind name.
    let passes: [String: SinglePassReconciler]
    let aivenClients: AivenClients

    private init(kube: LocalKube, client: KubeClient, emulator: RunningAivenEmulator, configuration: OperatorConfiguration) {
        self.kube = kube
        self.client = client
        self.emulator = emulator
        self.configuration = configuration
        var logger = Logger(label: "operator")
        logger.logLevel = .critical
        aivenClients = AivenClients(baseURL: emulator.baseURL, version: "test", retryPolicy: .never)
        let environment = ControllerEnvironment(
            kube: client, aiven: aivenClients, events: EventRecorder(client: client, component: "aiven-operator", logger: logger),
            configuration: configuration,
            // Other kinds a spec refers to are read from the API server, as fresh as the caches.
            dependencies: Dependencies.cached(secrets: secrets, projectVPCs: projectVPCs, objects: { [live = Dependencies.live(client)] type, key in
                (try? await live.object(type, key)) ?? nil
            }),
            tokenSecretUsers: [], maxConcurrentReconciles: 1, logger: logger
        )
        passes = Dictionary(uniqueKeysWithValues: Operator.kinds.map { registration in
            let pass = registration.singlePass(environment)
            return (pass.kind, pass)
        })
    }

    /// Runs `body` against a fresh LocalKube and emulator (services are RUNNING at once), with
    /// the token in Secret `default/aiven-token`.
    static func run(
        configuration: OperatorConfiguration = OperatorConfiguration(pollInterval: .milliseconds(100), failureGracePeriod: .zero),
        timings: EmulatorTimings = EmulatorTimings(provisionDelay: .zero, backupAfter: .zero),
        _ body: (OperatorHarness) async throws -> Void
    ) async throws {
        var quiet = Logger(label: "quiet")
        quiet.logLevel = .critical
        let kube = LocalKube(configuration: LocalKubeConfiguration(definitions: Operator.definitions.map(\.definition)), logger: quiet)
        let port = try await kube.start()
        let client = try KubeClient(config: KubeConfig(server: "http://127.0.0.1:\(port)", credentials: .none))
        var configuration = configuration
        let emulator = try await AivenEmulator(
            configuration: AivenEmulatorConfiguration(tokens: [EmulatorToken(token)], timings: timings), logger: quiet
        ).start()
        configuration.aivenBaseURL = emulator.baseURL
        let harness = OperatorHarness(kube: kube, client: client, emulator: emulator, configuration: configuration)
        do {
            _ = try await client.resources(Secret.self, namespace: "default").create(
                Secret(metadata: ObjectMeta(name: "aiven-token", namespace: "default"), stringData: ["token": token]))
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func stop() async {
        try? await client.shutdown()
        await emulator.stop()
        await kube.stop()
    }

    /// An Aiven client with the harness token.
    var aiven: AivenClient { aivenClients.client(for: AivenToken(Self.token)) }

    var kafkaConnectClient: ResourceClient<KafkaConnect> { client.resources(KafkaConnect.self, namespace: "default") }
    var projectVPCClient: ResourceClient<ProjectVPC> { client.resources(ProjectVPC.self, namespace: "default") }
    var serviceIntegrationClient: ResourceClient<ServiceIntegration> { client.resources(ServiceIntegration.self, namespace: "default") }

    /// A KafkaConnect in project ``project`` using the harness token.
    static func kafkaConnect(_ name: String, annotations: [String: String]? = nil, _ configure: (inout KafkaConnectSpec) -> Void = { _ in }) -> KafkaConnect {
        var spec = KafkaConnectSpec(project: project, plan: "business-4", authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"), cloudName: "google-europe-west1")
        configure(&spec)
        return KafkaConnect(metadata: ObjectMeta(name: name, namespace: "default", annotations: annotations), spec: spec)
    }

    /// Refills every cache from the API server.
    func sync() async throws {
        await projectVPCs.replace(with: try await client.resources(ProjectVPC.self, namespace: nil).list().items)
        await secrets.replace(with: try await client.resources(Secret.self, namespace: nil).list().items)
        for pass in passes.values { try await pass.refresh() }
    }

    /// One pass of the registered kind `kind` for `name` with fresh caches.
    @discardableResult
    func reconcile(kind: String, _ name: String, namespace: String = "default") async throws -> ReconcileResult {
        try await sync()
        let pass = try #require(passes[kind], "\(kind) is not registered")
        return try await pass.reconcile(ObjectKey(namespace: namespace, name: name))
    }

    /// One KafkaConnect pass for `name` with fresh caches.
    @discardableResult
    func reconcile(_ name: String) async throws -> ReconcileResult {
        try await reconcile(kind: KafkaConnect.kind, name)
    }

    /// One ProjectVPC pass for `name` with fresh caches.
    @discardableResult
    func reconcileVPC(_ name: String) async throws -> ReconcileResult {
        try await reconcile(kind: ProjectVPC.kind, name)
    }

    /// One ServiceIntegration pass for `name` with fresh caches.
    @discardableResult
    func reconcileIntegration(_ name: String) async throws -> ReconcileResult {
        try await reconcile(kind: ServiceIntegration.kind, name)
    }

    var kafkaConnectorClient: ResourceClient<KafkaConnector> { client.resources(KafkaConnector.self, namespace: "default") }

    /// One KafkaConnector pass for `name` with fresh caches.
    @discardableResult
    func reconcileConnector(_ name: String) async throws -> ReconcileResult {
        try await reconcile(kind: KafkaConnector.kind, name)
    }

    /// The KafkaConnect as stored, `nil` once deleted.
    func get(_ name: String) async throws -> KafkaConnect? {
        do {
            return try await kafkaConnectClient.get(name)
        } catch .notFound {
            return nil
        }
    }

    func condition(_ name: String, _ type: String) async throws -> Condition? {
        try await get(name)?.status?.conditions?.first { $0.type == type }
    }

    /// The service on Aiven, `nil` when there is none.
    func service(_ name: String) async throws -> AivenService? {
        do {
            return try await aiven.getService(project: Self.project, name: name)
        } catch .notFound {
            return nil
        }
    }

    /// Events recorded about `name`, as `reason: message`.
    func events(about name: String, namespace: String = "default") async throws -> [String] {
        let list = try await client.resources(ResourceType(group: "", version: "v1", plural: "events", namespaced: true), namespace: namespace).list()
        return list.items.filter { $0[path: ["involvedObject", "name"]]?.stringValue == name }.map {
            "\($0["type"]?.stringValue ?? ""): \($0["reason"]?.stringValue ?? ""): \($0["message"]?.stringValue ?? "")"
        }
    }

    /// Injects an emulator fault (`{"method": "PUT", "path": "...", "status": 500}`).
    func injectFault(_ json: String) async throws {
        let transport = AivenHTTPTransport(baseURL: emulator.baseURL, token: AivenToken(Self.token), userAgent: "test")
        let response = try await transport.send(AivenRequest(method: .post, path: "/_emulator/faults", body: Array(json.utf8)), timeout: .seconds(5))
        #expect(response.status == 200)
    }

    /// Reconciles until `check` holds (at most `passes` passes).
    func converge(_ name: String, passes: Int = 20, until check: () async throws -> Bool) async throws {
        for _ in 0..<passes {
            if try await check() { return }
            _ = try? await reconcile(name)
        }
        #expect(try await check(), "not converged after \(passes) passes")
    }
}

extension OperatorHarness {
    /// Runs `body` while the whole operator (every registered kind) runs against this harness,
    /// watching `namespaces` (empty: the whole cluster).
    func withOperator(namespaces: [String] = [], _ body: () async throws -> Void) async throws {
        var logger = Logger(label: "operator")
        logger.logLevel = .critical
        let operatorService = Operator(kube: client, aiven: aivenClients, configuration: configuration, options: .init(namespaces: namespaces), logger: logger)
        let run = Task { try await operatorService.run() }
        defer { run.cancel() }
        try await body()
        run.cancel()
        _ = try? await run.value
    }

    /// Polls `check` every 25 ms for up to 10 s, then expects it to hold.
    static func eventually(_ what: Comment, _ check: () async throws -> Bool) async throws {
        for _ in 0..<400 where (try? await check()) != true { try await Task.sleep(for: .milliseconds(25)) }
        #expect(try await check(), what)
    }
}
