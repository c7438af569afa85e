import AivenClient
import AivenEmulator
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import Testing

@testable import AivenOperator

/// Two resources naming one Aiven object that carries no owner tag (a topic, a connector): the
/// first claimant manages it; the other changes nothing on Aiven, says who holds the object, is
/// released on deletion without an Aiven call, and takes over once the holder is gone. The rule
/// on its own, then over the wire against LocalKube and the emulator, across namespaces.
@Suite(.timeLimit(.minutes(2)))
struct ClaimsTests {
    static func topic(_ name: String, namespace: String, topicName: String? = nil, created: String? = nil, uid: String? = nil, partitions: Int = 3, retention: Int = 86_400_000) -> KafkaTopic {
        var metadata = ObjectMeta(name: name, namespace: namespace)
        metadata.uid = uid
        metadata.creationTimestamp = created
        return KafkaTopic(
            metadata: metadata,
            spec: KafkaTopicSpec(
                authSecretRef: KafkaReconcilerTests.token, config: .init(retentionMs: retention), partitions: partitions, project: OperatorHarness.project,
                replication: 2, serviceName: "my-kafka", topicName: topicName
            )
        )
    }

    static func holder(_ resource: KafkaTopic, among others: [KafkaTopic]) -> Claimant? {
        Claims<KafkaTopic>.holder(against: resource, among: others) { KafkaTopicKind().claim(of: $0) }
    }

    // MARK: The rule

    @Test func theEarliestCreatedClaimantHoldsTheObjectWhateverItsNamespace() {
        let first = Self.topic("orders-a", namespace: "team-a", topicName: "orders", created: "2026-01-01T00:00:00Z", uid: "b")
        let second = Self.topic("orders", namespace: "team-b", created: "2026-01-02T00:00:00Z", uid: "a")
        #expect(Self.holder(second, among: [first, second]) == Claimant(resource: "team-a/orders-a"))
        #expect(Self.holder(first, among: [first, second]) == nil, "the first holds it")
        let elsewhere = Self.topic("orders", namespace: "team-c", topicName: "payments", created: "2025-01-01T00:00:00Z")
        #expect(Self.holder(second, among: [elsewhere]) == nil, "another topic is no rival")
        let planned = Self.topic("orders", namespace: "team-d")
        #expect(Self.holder(planned, among: [second]) == Claimant(resource: "team-b/orders"), "a manifest not created yet comes last")
    }

    @Test func theUidBreaksATieSoEveryClaimantAgrees() {
        let a = Self.topic("x", namespace: "one", topicName: "orders", created: "2026-01-01T00:00:00Z", uid: "aaa")
        let b = Self.topic("y", namespace: "two", topicName: "orders", created: "2026-01-01T00:00:00Z", uid: "bbb")
        #expect(Self.holder(b, among: [a]) == Claimant(resource: "one/x"))
        #expect(Self.holder(a, among: [b]) == nil)
    }

    /// Two manifests applied in the same second: the one that already acted on Aiven (it has the
    /// operator's finalizer) keeps the object, whatever the uids say.
    @Test func withinOneSecondTheClaimantThatActedOnAivenHoldsIt() {
        var acted = Self.topic("x", namespace: "one", topicName: "orders", created: "2026-01-01T00:00:00Z", uid: "bbb")
        acted.metadata.finalizers = [OperatorAnnotations.finalizer]
        let later = Self.topic("y", namespace: "two", topicName: "orders", created: "2026-01-01T00:00:00Z", uid: "aaa")
        #expect(Self.holder(later, among: [acted]) == Claimant(resource: "one/x"))
        #expect(Self.holder(acted, among: [later]) == nil)
    }

    @Test func aDeletedHolderKeepsTheObjectUntilItsFinalizerIsReleased() {
        var first = Self.topic("orders-a", namespace: "team-a", topicName: "orders", created: "2026-01-01T00:00:00Z", uid: "a")
        let second = Self.topic("orders", namespace: "team-b", created: "2026-01-02T00:00:00Z", uid: "b")
        first.metadata.deletionTimestamp = "2026-01-03T00:00:00Z"
        first.metadata.finalizers = [OperatorAnnotations.finalizer]
        #expect(Self.holder(second, among: [first]) == Claimant(resource: "team-a/orders-a", deleting: true))
        first.metadata.finalizers = nil
        #expect(Self.holder(second, among: [first]) == nil, "released: the next claimant takes over")
    }

    // MARK: Over the wire

    /// Kafka `my-kafka` on Aiven, and namespaces `team-a` and `team-b`, each with the token Secret.
    static func twoTeams(_ harness: OperatorHarness) async throws {
        try await KafkaReconcilerTests.createKafkaOnAiven(harness)
        for namespace in ["team-a", "team-b"] {
            _ = try await harness.client.resources(Namespace.self, namespace: nil).create(Namespace(metadata: ObjectMeta(name: namespace)))
            _ = try await harness.client.resources(Secret.self, namespace: namespace).create(
                Secret(metadata: ObjectMeta(name: "aiven-token", namespace: namespace), stringData: ["token": OperatorHarness.token]))
        }
    }

    /// The scenario of the defect: team-a's topic manages `orders`; team-b's resource of the same
    /// topic (by `metadata.name`, with other partitions and config) is refused with a message
    /// naming team-a's, sends nothing, and deleting it (even with the finalizer an earlier
    /// operator put on) leaves the topic. Deleting team-a's deletes the topic (deletion policy
    /// Delete); team-b's waits meanwhile, then creates the topic with its own spec.
    @Test func aSecondTopicIsRefusedNeverWritesAndTakesOverWhenTheFirstIsDeleted() async throws {
        try await OperatorHarness.run { harness in
            try await Self.twoTeams(harness)
            let teamA = harness.client.resources(KafkaTopic.self, namespace: "team-a")
            let teamB = harness.client.resources(KafkaTopic.self, namespace: "team-b")
            let onAiven = { try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders") }
            let ready = { (client: ResourceClient<KafkaTopic>, name: String) in KafkaReconcilerTests.ready(try await client.get(name)) }

            _ = try await teamA.create(Self.topic("orders-a", namespace: "team-a", topicName: "orders"))
            try await harness.converge(KafkaTopicKind(), "orders-a", namespace: "team-a") { try await ready(teamA, "orders-a")?.status == .true }
            // A later creationTimestamp (whole seconds) for the second claimant.
            try await Task.sleep(for: .milliseconds(1100))
            let writes = try await harness.aivenWrites()
            _ = try await teamB.create(Self.topic("orders", namespace: "team-b", partitions: 6, retention: 1000))
            for _ in 0..<3 { try await harness.reconcile(KafkaTopicKind(), "orders", namespace: "team-b") }

            let refused = try #require(try await ready(teamB, "orders"))
            #expect(refused.status == .false)
            #expect(refused.reason == "AlreadyClaimed")
            #expect(refused.message.contains("Kafka topic harness/my-kafka/orders is already claimed by KafkaTopic team-a/orders-a"), "\(refused.message)")
            #expect(refused.message.contains("deleting it leaves the Kafka topic in place"), "\(refused.message)")
            #expect(try await teamB.get("orders").status?.conditions?.first { $0.type == "Initialized" }?.status == .false)
            #expect(try await teamB.get("orders").metadata.finalizers == nil, "nothing to clean up on Aiven")
            #expect(try await harness.events(about: "orders", namespace: "team-b").filter { $0.hasPrefix("Warning: AlreadyClaimed") }.count == 1, "one event, not one per pass")
            #expect(try await harness.aivenWrites() == writes, "nothing team-b's resource specifies reached Aiven")
            #expect(try await onAiven().partitions == 3)
            #expect(try await onAiven().config["retention_ms"] == 86_400_000)
            // The holder is unaffected by its rival.
            try await harness.reconcile(KafkaTopicKind(), "orders-a", namespace: "team-a")
            #expect(try await ready(teamA, "orders-a")?.status == .true)
            #expect(try await harness.aivenWrites() == writes)

            // Deleting the rival, even with the operator's finalizer on, leaves the topic.
            var finalized = try await teamB.get("orders")
            finalized.metadata.finalizers = [OperatorAnnotations.finalizer]
            _ = try await teamB.replace(finalized)
            _ = try await teamB.delete("orders")
            try await harness.reconcile(KafkaTopicKind(), "orders", namespace: "team-b")
            await #expect(throws: KubeError.self, "released") { try await teamB.get("orders") }
            #expect(try await harness.aivenWrites() == writes, "released without an Aiven call")
            #expect(try await onAiven().partitions == 3, "the topic team-a manages is still there")

            // A rival again; then the holder is deleted: the rival waits for that to finish, then
            // creates the topic with its own spec.
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await teamB.create(Self.topic("orders", namespace: "team-b", partitions: 6, retention: 1000))
            try await harness.reconcile(KafkaTopicKind(), "orders", namespace: "team-b")
            #expect(try await ready(teamB, "orders")?.reason == "AlreadyClaimed")
            _ = try await teamA.delete("orders-a")
            try await harness.reconcile(KafkaTopicKind(), "orders", namespace: "team-b")
            let waiting = try #require(try await ready(teamB, "orders"))
            #expect(waiting.reason == "AlreadyClaimed")
            #expect(waiting.message.contains("team-a/orders-a is being deleted"), "\(waiting.message)")
            #expect(try await onAiven().partitions == 3, "not touched while the holder is deleting it")
            try await harness.converge(KafkaTopicKind(), "orders-a", namespace: "team-a") { (try? await teamA.get("orders-a")) == nil }
            try await harness.converge(KafkaTopicKind(), "orders", namespace: "team-b") { try await ready(teamB, "orders")?.status == .true }
            #expect(try await onAiven().partitions == 6, "recreated from team-b's spec")
            #expect(try await onAiven().config["retention_ms"] == 1000)
            #expect(try await harness.events(about: "orders", namespace: "team-b").contains { $0.hasPrefix("Normal: Created") })
        }
    }

    /// The assembled operator watching two namespaces (one cache per namespace): the claim is
    /// seen across them, and the holder's deletion wakes the other at once (the resync is far).
    @Test func theOperatorWatchingTwoNamespacesSeesTheClaimAcrossThemAndHandsOver() async throws {
        try await OperatorHarness.run { harness in
            try await Self.twoTeams(harness)
            var logger = Logger(label: "operator")
            logger.logLevel = .critical
            let operatorService = Operator(
                kube: harness.client, aiven: harness.aivenClients, configuration: harness.configuration, options: .init(namespaces: ["team-a", "team-b"]), logger: logger
            )
            let run = Task { try await operatorService.run() }
            defer { run.cancel() }
            let teamA = harness.client.resources(KafkaTopic.self, namespace: "team-a")
            let teamB = harness.client.resources(KafkaTopic.self, namespace: "team-b")
            func eventually(_ what: Comment, _ check: () async throws -> Bool) async throws {
                for _ in 0..<400 where (try? await check()) != true { try await Task.sleep(for: .milliseconds(25)) }
                #expect(try await check(), what)
            }
            let onAiven = { try await harness.aiven.listKafkaTopics(project: OperatorHarness.project, service: "my-kafka") }

            _ = try await teamA.create(Self.topic("orders-a", namespace: "team-a", topicName: "orders"))
            try await eventually("team-a's topic ready") { KafkaReconcilerTests.ready(try await teamA.get("orders-a"))?.status == .true }
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await teamB.create(Self.topic("orders", namespace: "team-b", partitions: 6))
            try await eventually("team-b's refused") { KafkaReconcilerTests.ready(try await teamB.get("orders"))?.reason == "AlreadyClaimed" }
            #expect(KafkaReconcilerTests.ready(try await teamB.get("orders"))?.message.contains("KafkaTopic team-a/orders-a") == true)
            #expect(try await onAiven().map(\.partitions) == [3])

            _ = try await teamA.delete("orders-a")
            try await eventually("team-b's takes over") { KafkaReconcilerTests.ready(try await teamB.get("orders"))?.status == .true }
            #expect(try await onAiven().map(\.partitions) == [6])
            await #expect(throws: KubeError.self) { try await teamA.get("orders-a") }
            run.cancel()
            _ = try? await run.value
        }
    }

    /// `plan` renders the same decision: nothing would change, naming the holder.
    @Test func planShowsASecondClaimantAsClaimed() async throws {
        try await OperatorHarness.run { harness in
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            let first = try await topics.create(Self.topic("orders-a", namespace: "default", topicName: "orders"))
            let manifest = Self.topic("orders", namespace: "default", partitions: 6)
            let plan = try await ChangePlan.plan(
                KafkaTopicKind(), manifest: manifest, live: nil, dependencies: .none, defaultToken: AivenToken(OperatorHarness.token),
                clients: harness.aivenClients, others: [first]
            )
            #expect(plan.action == .alreadyClaimed(by: Claimant(resource: "default/orders-a")))
            #expect(!plan.hasChanges)
            #expect(plan.description == "kafkatopic default/orders: nothing would change: Kafka topic harness/my-kafka/orders is already claimed by default/orders-a, which named it first")
            let alone = try await ChangePlan.plan(
                KafkaTopicKind(), manifest: manifest, live: nil, dependencies: .none, defaultToken: AivenToken(OperatorHarness.token), clients: harness.aivenClients
            )
            #expect(alone.action != plan.action, "without the other resource the plan reads Aiven")
        }
    }

    /// Connectors get the rule by description too: a second `sink` in another namespace changes
    /// nothing and deleting it leaves the connector.
    @Test func aSecondConnectorOfTheSameNameIsRefusedAndItsDeletionLeavesTheConnector() async throws {
        try await OperatorHarness.run { harness in
            try await KafkaConnectorReconcilerTests.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(KafkaConnectorReconcilerTests.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(KafkaConnectorReconcilerTests.connector())
            try await harness.converge(KafkaConnectorKind(), "sink") { try await KafkaConnectorReconcilerTests.ready(harness)?.status == .true }
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await harness.client.resources(Namespace.self, namespace: nil).create(Namespace(metadata: ObjectMeta(name: "team-b")))
            let teamB = harness.client.resources(KafkaConnector.self, namespace: "team-b")
            var rival = KafkaConnectorReconcilerTests.connector(topics: "payments")
            rival.metadata.namespace = "team-b"
            _ = try await teamB.create(rival)
            let writes = try await harness.aivenWrites()
            try await harness.reconcile(KafkaConnectorKind(), "sink", namespace: "team-b")
            let refused = try #require(try await teamB.get("sink").status?.conditions?.first { $0.type == "Ready" })
            #expect(refused.reason == "AlreadyClaimed")
            #expect(refused.message.contains("already claimed by KafkaConnector default/sink"), "\(refused.message)")
            _ = try await teamB.delete("sink")
            _ = try? await harness.reconcile(KafkaConnectorKind(), "sink", namespace: "team-b")
            await #expect(throws: KubeError.self) { try await teamB.get("sink") }
            #expect(try await harness.aivenWrites() == writes, "nothing sent, nothing deleted")
            #expect(try await KafkaConnectorReconcilerTests.onAiven(harness).first?.config["topics"] == "orders")
        }
    }
}
