import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import Logging
import Testing

@testable import AivenOperator

/// `ServiceIntegrationEndpoint` on the reconciler skeleton and `ServiceIntegration`s to and from
/// endpoints, over the wire against LocalKube and the emulator.
@Suite(.timeLimit(.minutes(2)))
struct ServiceIntegrationEndpointReconcilerTests {
    /// A password no output may show.
    static let password = "SENTINEL-ENDPOINT-PW-5150"

    static func client(_ harness: OperatorHarness) -> ResourceClient<ServiceIntegrationEndpoint> {
        harness.client.resources(ServiceIntegrationEndpoint.self, namespace: "default")
    }

    static func endpoint(_ name: String, type: String, field: String, _ block: JSONValue) -> ServiceIntegrationEndpoint {
        ServiceIntegrationEndpoint(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: ServiceIntegrationEndpointSpec(
                authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"), endpointName: name, endpointType: type,
                project: OperatorHarness.project, blocks: [field: block]))
    }

    static func externalPostgreSQL(_ name: String = "ext-pg", password: String = Self.password) -> ServiceIntegrationEndpoint {
        endpoint(name, type: "external_postgresql", field: "externalPostgresql", [
            "host": "db.example.com", "port": 5432, "username": "app", "password": .string(password), "ssl_mode": "require",
        ])
    }

    static func ready(_ status: IdentifiedStatus?) -> Condition? { status?.conditions?.first { $0.type == "Ready" } }

    /// Everything the operator shows of the resources in `default`: their status and events.
    static func shown(_ harness: OperatorHarness) async throws -> String {
        let endpoints = try await client(harness).list().items.map { String(describing: $0.status as Any) }
        let integrations = try await harness.serviceIntegrationClient.list().items.map { String(describing: $0.status as Any) }
        var events: [String] = []
        for name in ["ext-pg", "prom", "pg-to-connect", "kafka-to-prom"] { events += try await harness.events(about: name) }
        return (endpoints + integrations + events).joined(separator: "\n")
    }

    @Test func anExternalPostgreSQLEndpointIsCreatedUpdatedWithoutShowingItsPasswordAndDeleted() async throws {
        try await OperatorHarness.run { harness in
            let endpoints = Self.client(harness)
            _ = try await endpoints.create(Self.externalPostgreSQL())
            for _ in 0..<3 { try await harness.reconcile(kind: ServiceIntegrationEndpoint.kind, "ext-pg") }
            let created = try await endpoints.get("ext-pg")
            let id = try #require(created.status?.id)
            #expect(Self.ready(created.status)?.status == .true)
            // Aiven masks the password unless asked for it; the operator sent it.
            let listed = try #require(try await harness.aiven.listIntegrationEndpoints(project: OperatorHarness.project).first { $0.endpointId == id })
            #expect(listed.userConfig["password"] == "<redacted>")
            #expect(listed.endpointType == "external_postgresql" && listed.endpointName == "ext-pg")
            #expect(try await harness.aiven.getIntegrationEndpoint(project: OperatorHarness.project, id: id, includeSecrets: true).userConfig["password"] == .string(Self.password))

            // A new password is sent; the change shows its path, never a value.
            var changed = try await endpoints.get("ext-pg")
            changed.spec.blocks["externalPostgresql"]?["password"] = "SENTINEL-ENDPOINT-PW-6262"
            _ = try await endpoints.replace(changed)
            let plan = try await PlanReconcileScenarioTests.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0.changes.map(\.path) == ["user_config.password"] }, "a new password")
            #expect(!plan.description.contains("6262") && !plan.description.contains(Self.password), "\(plan.description)")
            #expect(try await harness.aiven.getIntegrationEndpoint(project: OperatorHarness.project, id: id, includeSecrets: true).userConfig["password"] == "SENTINEL-ENDPOINT-PW-6262")
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0 == .inSync }, "present and equal")
            let shown = try await Self.shown(harness)
            #expect(!shown.contains(Self.password) && !shown.contains("SENTINEL-ENDPOINT-PW-6262"), "\(shown)")
            #expect(try await harness.events(about: "ext-pg").allSatisfy { !$0.hasPrefix("Warning") })

            try await endpoints.delete("ext-pg")
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0 == .delete }, "deleting with policy Delete")
            #expect(try await harness.aiven.listIntegrationEndpoints(project: OperatorHarness.project).isEmpty)
        }
    }

    @Test func anEndpointWhoseCreateAnswerWasLostIsTakenOverNotDuplicated() async throws {
        try await OperatorHarness.run { harness in
            let existing = try await harness.aiven.createIntegrationEndpoint(
                project: OperatorHarness.project,
                IntegrationEndpointRequest(endpointName: "ext-pg", endpointType: "external_postgresql", userConfig: [
                    "host": "db.example.com", "port": 5432, "username": "app", "password": .string(Self.password), "ssl_mode": "require",
                ]))
            _ = try await Self.client(harness).create(Self.externalPostgreSQL())
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0 == .inSync }, "an identical endpoint of its name")
            #expect(try await Self.client(harness).get("ext-pg").status?.id == existing.endpointId)
            #expect(try await harness.aiven.listIntegrationEndpoints(project: OperatorHarness.project).count == 1)
        }
    }

    @Test func aBlockForAnotherTypeIsRefusedByName() async throws {
        var endpoint = Self.externalPostgreSQL()
        endpoint.spec.blocks["prometheus"] = ["basic_auth_username": "prometheus"]
        await #expect(throws: InvalidSpec("spec.prometheus configures a prometheus endpoint, but spec.endpointType is external_postgresql")) {
            try await ServiceIntegrationEndpointKind().desired(for: endpoint, dependencies: .none)
        }
    }

    /// Aiven's pairing: an external PostgreSQL endpoint is the source of a
    /// `kafka_connect_postgresql` integration into a Kafka Connect service; a `kafka_connect`
    /// integration cannot take it.
    @Test func aKafkaConnectServiceIntegratesWithAnExternalPostgreSQLEndpoint() async throws {
        try await OperatorHarness.run { harness in
            try await ServiceIntegrationReconcilerTests.createService(harness, "dst-connect")
            _ = try await Self.client(harness).create(Self.externalPostgreSQL())
            for _ in 0..<3 { try await harness.reconcile(kind: ServiceIntegrationEndpoint.kind, "ext-pg") }
            let id = try #require(try await Self.client(harness).get("ext-pg").status?.id)

            await #expect(throws: AivenError.self) {
                try await harness.aiven.createServiceIntegration(
                    project: OperatorHarness.project, ServiceIntegrationRequest(integrationType: "kafka_connect", destService: "dst-connect", sourceEndpointId: id))
            }
            let integration = ServiceIntegration(
                metadata: ObjectMeta(name: "pg-to-connect", namespace: "default"),
                spec: ServiceIntegrationSpec(
                    authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"), destinationServiceName: "dst-connect",
                    integrationType: "kafka_connect_postgresql", project: OperatorHarness.project, sourceEndpointID: id))
            _ = try await harness.serviceIntegrationClient.create(integration)
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegration.kind, "pg-to-connect", expect: { $0 == .create }, "absent")
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegration.kind, "pg-to-connect", expect: { $0 == .inSync }, "present and equal")
            let resource = try await harness.serviceIntegrationClient.get("pg-to-connect")
            #expect(Self.ready(resource.status)?.status == .true)
            let onAiven = try await harness.aiven.getServiceIntegration(project: OperatorHarness.project, id: try #require(resource.status?.id))
            #expect(onAiven.integrationType == "kafka_connect_postgresql" && onAiven.sourceEndpointId == id && onAiven.destService == "dst-connect")
            let shown = try await Self.shown(harness)
            #expect(!shown.contains(Self.password), "\(shown)")

            // Deleting the endpoint on Aiven takes its integrations with it.
            try await Self.client(harness).delete("ext-pg")
            for _ in 0..<2 { try? await harness.reconcile(kind: ServiceIntegrationEndpoint.kind, "ext-pg") }
            #expect(try await harness.aiven.listServiceIntegrations(project: OperatorHarness.project, service: "dst-connect").isEmpty)
        }
    }

    /// The assembled operator, with waits re-checked only every minute: an integration waiting for
    /// its referenced endpoint is woken when the endpoint gets its id, and one naming an endpoint
    /// by id when that endpoint goes (its integration goes with it on Aiven) — not by a poll.
    @Test func anIntegrationIsWokenWhenItsEndpointChanges() async throws {
        let configuration = OperatorConfiguration(
            resyncInterval: .seconds(600), connectorStatusInterval: .seconds(600), pollInterval: .seconds(60), failureGracePeriod: .zero)
        try await OperatorHarness.run(configuration: configuration) { harness in
            try await ServiceIntegrationReconcilerTests.createService(harness, "src-kafka")
            var logger = Logger(label: "operator")
            logger.logLevel = .critical
            let operatorService = Operator(kube: harness.client, aiven: harness.aivenClients, configuration: harness.configuration, options: .init(), logger: logger)
            let run = Task { try await operatorService.run() }
            defer { run.cancel() }
            func eventually(_ what: Comment, _ check: () async throws -> Bool) async throws {
                for _ in 0..<400 where (try? await check()) != true { try await Task.sleep(for: .milliseconds(25)) }
                #expect(try await check(), what)
            }
            let integrations = harness.serviceIntegrationClient
            _ = try await integrations.create(ServiceIntegration(
                metadata: ObjectMeta(name: "kafka-to-prom", namespace: "default"),
                spec: ServiceIntegrationSpec(
                    authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"), destinationEndpointRef: .init(name: "prom"),
                    integrationType: "prometheus", project: OperatorHarness.project, sourceServiceName: "src-kafka")))
            try await eventually("waiting for its endpoint") { Self.ready(try await integrations.get("kafka-to-prom").status)?.reason == "WaitingForEndpoint" }
            _ = try await Self.client(harness).create(Self.endpoint("prom", type: "prometheus", field: "prometheus", ["basic_auth_username": "scraper"]))
            try await eventually("woken by the endpoint's id") { Self.ready(try await integrations.get("kafka-to-prom").status)?.status == .true }

            // By id: the endpoint's deletion (and its integration's on Aiven) wakes the integration.
            _ = try await Self.client(harness).create(Self.externalPostgreSQL())
            try await eventually("the endpoint ready") { Self.ready(try await Self.client(harness).get("ext-pg").status)?.status == .true }
            try await ServiceIntegrationReconcilerTests.createService(harness, "dst-connect")
            let id = try #require(try await Self.client(harness).get("ext-pg").status?.id)
            _ = try await integrations.create(ServiceIntegration(
                metadata: ObjectMeta(name: "pg-to-connect", namespace: "default"),
                spec: ServiceIntegrationSpec(
                    authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"), destinationServiceName: "dst-connect",
                    integrationType: "kafka_connect_postgresql", project: OperatorHarness.project, sourceEndpointID: id)))
            try await eventually("integrated by id") { Self.ready(try await integrations.get("pg-to-connect").status)?.status == .true }
            try await Self.client(harness).delete("ext-pg")
            try await eventually("woken by the endpoint's deletion") {
                let ready = Self.ready(try await integrations.get("pg-to-connect").status)
                return ready?.reason == "WaitingForEndpoint" && ready?.message == "source integration endpoint \(id) does not exist yet"
            }
            run.cancel()
            _ = try? await run.value
        }
    }

    /// `destinationEndpointRef`: waits for the endpoint resource and its id, then integrates.
    @Test func anIntegrationWaitsForTheEndpointItsReferenceNames() async throws {
        try await OperatorHarness.run { harness in
            try await ServiceIntegrationReconcilerTests.createService(harness, "src-kafka")
            let integration = ServiceIntegration(
                metadata: ObjectMeta(name: "kafka-to-prom", namespace: "default"),
                spec: ServiceIntegrationSpec(
                    authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"), destinationEndpointRef: .init(name: "prom"),
                    integrationType: "prometheus", project: OperatorHarness.project, sourceServiceName: "src-kafka"))
            _ = try await harness.serviceIntegrationClient.create(integration)
            try await PlanReconcileScenarioTests.step(
                harness, ServiceIntegration.kind, "kafka-to-prom", expect: { $0 == .wait(reason: "WaitingForEndpoint", message: "ServiceIntegrationEndpoint default/prom does not exist yet") },
                "waiting for its endpoint")
            let waiting = try #require(Self.ready(try await harness.serviceIntegrationClient.get("kafka-to-prom").status))
            #expect(waiting.status == .false && waiting.reason == "WaitingForEndpoint")
            #expect(try await harness.events(about: "kafka-to-prom").allSatisfy { !$0.hasPrefix("Warning") })

            _ = try await Self.client(harness).create(Self.endpoint("prom", type: "prometheus", field: "prometheus", [
                "basic_auth_username": "scraper", "basic_auth_password": .string(Self.password),
            ]))
            try await PlanReconcileScenarioTests.step(
                harness, ServiceIntegration.kind, "kafka-to-prom", expect: { if case .wait(reason: "WaitingForEndpoint", _) = $0 { true } else { false } },
                "waiting for the endpoint's id")
            for _ in 0..<3 { try await harness.reconcile(kind: ServiceIntegrationEndpoint.kind, "prom") }
            let id = try #require(try await Self.client(harness).get("prom").status?.id)
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegration.kind, "kafka-to-prom", expect: { $0 == .create }, "absent")
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegration.kind, "kafka-to-prom", expect: { $0 == .inSync }, "present and equal")
            let resource = try await harness.serviceIntegrationClient.get("kafka-to-prom")
            #expect(Self.ready(resource.status)?.status == .true)
            let onAiven = try await harness.aiven.getServiceIntegration(project: OperatorHarness.project, id: try #require(resource.status?.id))
            #expect(onAiven.integrationType == "prometheus" && onAiven.sourceService == "src-kafka" && onAiven.destEndpointId == id)
            let shown = try await Self.shown(harness)
            #expect(!shown.contains(Self.password), "\(shown)")
            try await harness.serviceIntegrationClient.delete("kafka-to-prom")
            try await PlanReconcileScenarioTests.step(harness, ServiceIntegration.kind, "kafka-to-prom", expect: { $0 == .delete }, "deleting with policy Delete")
        }
    }
}
