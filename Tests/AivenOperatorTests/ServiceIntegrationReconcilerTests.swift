import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import Testing

@testable import AivenOperator

/// `ServiceIntegration` on the reconciler skeleton, over the wire against LocalKube and the
/// emulator: it waits for both services, keeps the integration id in its status and deletes the
/// integration with the resource.
@Suite(.timeLimit(.minutes(2)))
struct ServiceIntegrationReconcilerTests {
    static func integration(_ name: String, source: String = "src-kafka", destination: String = "dst-connect") -> ServiceIntegration {
        ServiceIntegration(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: ServiceIntegrationSpec(
                authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"),
                destinationServiceName: destination, integrationType: "kafka_connect",
                kafkaConnect: .init(kafkaConnect: .init(groupId: "connect", statusStorageTopic: "__connect_status")),
                project: OperatorHarness.project, sourceServiceName: source
            )
        )
    }

    /// Creates the Kafka `src-kafka` or a Kafka Connect service (a kafka_connect integration joins the two types).
    static func createService(_ harness: OperatorHarness, _ name: String) async throws {
        let kafka = name == "src-kafka"
        _ = try await harness.aiven.createService(
            project: OperatorHarness.project,
            ServiceCreateRequest(
                serviceName: name, serviceType: kafka ? "kafka" : "kafka_connect", plan: kafka ? "business-4" : "startup-4",
                cloud: "google-europe-west1"))
    }

    @Test func waitsForBothServicesThenCreatesAndRecordsTheId() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.serviceIntegrationClient.create(Self.integration("join"))
            try await harness.reconcileIntegration("join")
            let waiting = try #require(try await harness.serviceIntegrationClient.get("join").status?.conditions?.first { $0.type == "Ready" })
            #expect(waiting.status == .false)
            #expect(waiting.reason == "WaitingForServices")
            #expect(waiting.message == "source service src-kafka does not exist yet")
            #expect(try await harness.events(about: "join").allSatisfy { !$0.hasPrefix("Warning") })

            try await Self.createService(harness, "src-kafka")
            try await harness.reconcileIntegration("join")
            #expect(try await harness.serviceIntegrationClient.get("join").status?.conditions?.first { $0.type == "Ready" }?.message
                == "destination service dst-connect does not exist yet")

            try await Self.createService(harness, "dst-connect")
            for _ in 0..<5 { try await harness.reconcileIntegration("join") }
            let resource = try await harness.serviceIntegrationClient.get("join")
            let id = try #require(resource.status?.id)
            #expect(resource.status?.conditions?.first { $0.type == "Ready" }?.status == .true)
            let onAiven = try await harness.aiven.getServiceIntegration(project: OperatorHarness.project, id: id)
            #expect(onAiven.integrationType == "kafka_connect")
            #expect(onAiven.sourceService == "src-kafka")
            #expect(onAiven.destService == "dst-connect")
            #expect(onAiven.userConfig == ["kafka_connect": ["group_id": "connect", "status_storage_topic": "__connect_status"]])
            // Exactly one integration, however many passes ran.
            #expect(try await harness.aiven.listServiceIntegrations(project: OperatorHarness.project, service: "src-kafka").count == 1)

            try await harness.serviceIntegrationClient.delete("join")
            for _ in 0..<3 { try? await harness.reconcileIntegration("join") }
            #expect(try await harness.aiven.listServiceIntegrations(project: OperatorHarness.project, service: "src-kafka").isEmpty)
            await #expect(throws: KubeError.self) { try await harness.serviceIntegrationClient.get("join") }
        }
    }

    @Test func aMatchingIntegrationIsTakenOverNotDuplicated() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createService(harness, "src-kafka")
            try await Self.createService(harness, "dst-connect")
            let existing = try await harness.aiven.createServiceIntegration(
                project: OperatorHarness.project,
                ServiceIntegrationRequest(integrationType: "kafka_connect", sourceService: "src-kafka", destService: "dst-connect"))
            _ = try await harness.serviceIntegrationClient.create(Self.integration("join"))
            for _ in 0..<3 { try await harness.reconcileIntegration("join") }
            #expect(try await harness.serviceIntegrationClient.get("join").status?.id == existing.serviceIntegrationId)
            #expect(try await harness.aiven.listServiceIntegrations(project: OperatorHarness.project, service: "src-kafka").count == 1)
        }
    }

    @Test func anIntegrationWhoseServiceIsGoneIsReleased() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createService(harness, "src-kafka")
            try await Self.createService(harness, "dst-connect")
            _ = try await harness.serviceIntegrationClient.create(Self.integration("join"))
            for _ in 0..<3 { try await harness.reconcileIntegration("join") }
            #expect(try await harness.serviceIntegrationClient.get("join").status?.id != nil)
            try await harness.aiven.deleteService(project: OperatorHarness.project, name: "src-kafka")
            try await harness.serviceIntegrationClient.delete("join")
            for _ in 0..<3 { try? await harness.reconcileIntegration("join") }
            await #expect(throws: KubeError.self) { try await harness.serviceIntegrationClient.get("join") }
        }
    }

    @Test func aConfigBlockForAnotherTypeIsRefusedByName() async throws {
        var spec = Self.integration("x").spec
        spec.logs = .init(elasticsearchIndexDaysMax: 3)
        #expect(throws: InvalidSpec("spec.logs configures a logs integration, but spec.integrationType is kafka_connect")) {
            try ServiceIntegrationKind.userConfig(of: spec)
        }
        #expect(try ServiceIntegrationKind.userConfig(of: Self.integration("x").spec) == ["kafka_connect": ["group_id": "connect", "status_storage_topic": "__connect_status"]])
    }
}
