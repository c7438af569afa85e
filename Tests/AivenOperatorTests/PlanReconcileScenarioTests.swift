import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import Testing

@testable import AivenOperator

/// `plan` and reconcile share one assessment: for a table of scenarios, what `plan` prints (through
/// the kind's registration, as `aiven-operator plan --kubeconfig` runs it) is what the next
/// reconcile then does, read from the writes the emulator answered.
@Suite(.timeLimit(.minutes(2)))
struct PlanReconcileScenarioTests {
    /// The HTTP methods of the Aiven writes an action sends.
    static func writes(of action: Action) -> Set<String> {
        switch action {
        case .create: ["POST"]
        case .update, .correctDrift, .adopt: ["PUT"]
        case .delete: ["DELETE"]
        default: []
        }
    }

    /// Plans `name` of `kind` from its live object, then reconciles it once; checks the plan's
    /// action is `expected` and that the pass sent exactly the writes it implies.
    static func step(_ harness: OperatorHarness, _ kind: String, _ name: String, expect expected: (Action) -> Bool, _ comment: Comment) async throws {
        let registration = try #require(Operator.kinds.first { $0.definition.kind == kind })
        let type = ResourceType(group: registration.access.group, version: "v1alpha1", plural: registration.access.plural, namespaced: true)
        var document = try await harness.client.resources(type, namespace: "default").get(name)
        document["status"] = nil
        let plan = try await registration.plan(document, PlanSources(kube: harness.client, defaultToken: nil, clients: harness.aivenClients))
        #expect(expected(plan.action), "\(comment): plan says \(plan.description)")
        let before = try await harness.aivenWrites()
        _ = try? await harness.reconcile(kind: kind, name)
        let after = try await harness.aivenWrites()
        let sent = Set(after.filter { (before[$0.key]?.integerValue ?? 0) < ($0.value.integerValue ?? 0) }.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(sent == writes(of: plan.action), "\(comment): plan said \(plan.description), reconcile sent \(sent)")
    }

    @Test func aTopicsPlanIsWhatReconcileDoes() async throws {
        try await OperatorHarness.run { harness in
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            _ = try await topics.create(KafkaReconcilerTests.topic("orders"))
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .wait = $0 { true } else { false } }, "waiting for its service")
            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { $0 == .create }, "absent")
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { $0 == .inSync }, "present and equal")
            try await harness.aiven.updateKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders", KafkaTopicRequest(config: ["retention_ms": 1000]))
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .correctDrift = $0 { true } else { false } }, "drifted")

            var shrunk = try await topics.get("orders")
            shrunk.spec.partitions = 1
            _ = try await topics.replace(shrunk)
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .refuseChange = $0 { true } else { false } }, "refused change")

            var grown = try await topics.get("orders")
            grown.spec.partitions = 6
            _ = try await topics.replace(grown)
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .update = $0 { true } else { false } }, "a new generation")

            try await topics.delete("orders")
            try await Self.step(harness, KafkaTopic.kind, "orders", expect: { $0 == .delete }, "deleting with policy Delete")
        }
    }

    @Test func aServicesPlanIsWhatReconcileDoes() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.aiven.createService(
                project: OperatorHarness.project,
                ServiceCreateRequest(serviceName: "foreign", plan: "business-4", cloud: "google-europe-west1", projectVPC: .publicNetwork)
            )
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("foreign"))
            try await Self.step(harness, KafkaConnect.kind, "foreign", expect: { $0 == .refuse }, "not owned")

            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("kept", annotations: [OperatorAnnotations.deletionPolicy: "Orphan"]))
            try await Self.step(harness, KafkaConnect.kind, "kept", expect: { $0 == .create }, "absent")
            try await Self.step(harness, KafkaConnect.kind, "kept", expect: { $0 == .inSync }, "present and equal")
            try await harness.kafkaConnectClient.delete("kept")
            try await Self.step(harness, KafkaConnect.kind, "kept", expect: { $0 == .orphan }, "deleting with policy Orphan")
            #expect(try await harness.service("kept") != nil)
        }
    }
}
