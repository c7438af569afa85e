import AivenClient
import AivenEmulator
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import TestSupport
import Testing

@testable import AivenOperator

/// `Kafka` and `KafkaTopic` on the reconciler skeleton, over the wire against LocalKube and the
/// emulator: a topic waits for its service, grows, refuses to shrink, keeps its config and is
/// released when its service is gone; a Kafka publishes its connection Secret, owned by it,
/// written only when it changes and never logged.
@Suite(.timeLimit(.minutes(2)))
struct KafkaReconcilerTests {
    static let token = SecretKeyReference(name: "aiven-token", key: "token")

    static func topic(_ name: String, partitions: Int = 3, config: KafkaTopicSpec.Config? = .init(retentionMs: 86_400_000), annotations: [String: String]? = nil) -> KafkaTopic {
        KafkaTopic(
            metadata: ObjectMeta(name: name, namespace: "default", annotations: annotations),
            spec: KafkaTopicSpec(
                authSecretRef: token, config: config, partitions: partitions, project: OperatorHarness.project, replication: 2,
                serviceName: "my-kafka", tags: [.init(key: "team", value: "data")]
            )
        )
    }

    static func kafka(_ target: KafkaSpec.ConnInfoSecretTarget? = nil) -> Kafka {
        Kafka(
            metadata: ObjectMeta(name: "my-kafka", namespace: "default"),
            spec: KafkaSpec(authSecretRef: token, cloudName: "google-europe-west1", connInfoSecretTarget: target, plan: "business-4", project: OperatorHarness.project)
        )
    }

    /// A `startup-4` Kafka (180 GiB of disk, 30 GiB steps) without a connection Secret, as the
    /// single-field tests change it.
    static func startupKafka(_ configure: (inout KafkaSpec) -> Void) -> Kafka {
        var spec = KafkaSpec(authSecretRef: token, cloudName: "google-europe-west1", connInfoSecretTargetDisabled: true, plan: "startup-4", project: OperatorHarness.project)
        configure(&spec)
        return Kafka(metadata: ObjectMeta(name: "my-kafka", namespace: "default"), spec: spec)
    }

    static func createKafkaOnAiven(_ harness: OperatorHarness) async throws {
        _ = try await harness.aiven.createService(
            project: OperatorHarness.project,
            ServiceCreateRequest(serviceName: "my-kafka", serviceType: "kafka", plan: "business-4", cloud: "google-europe-west1"))
    }

    static func ready<R: ManagedResource>(_ resource: R?) -> Condition? {
        resource?.status?.conditions?.first { $0.type == "Ready" }
    }

    /// Issue 27: a topic is created without reading it first (only its service, which must be
    /// running) and deleted without a read before the DELETE: the read after it confirms the 404.
    @Test func aTopicIsCreatedAndDeletedWithoutAReadOfItFirst() async throws {
        try await OperatorHarness.run { harness in
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            try await Self.createKafkaOnAiven(harness)
            _ = try await topics.create(Self.topic("orders"))
            func requests() async throws -> [String: Int] {
                let counts = try await harness.aivenRequests().compactMapValues { $0.integerValue.map(Int.init) }
                _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
                return counts
            }
            _ = try await requests()
            try await harness.reconcile(KafkaTopicKind(), "orders")
            #expect(try await requests() == [
                "GET /v1/project/{project}/service/{service_name}": 1,  // its service is running
                "POST /v1/project/{project}/service/{service_name}/topic": 1,
            ])
            try await harness.converge(KafkaTopicKind(), "orders") { Self.ready(try await topics.get("orders"))?.status == .true }
            _ = try await requests()
            try await topics.delete("orders")
            try await harness.reconcile(KafkaTopicKind(), "orders")
            #expect(try await requests() == [
                "DELETE /v1/project/{project}/service/{service_name}/topic/{topic_name}": 1,
                "GET /v1/project/{project}/service/{service_name}/topic/{topic_name}": 1,
            ])
            #expect((try? await topics.get("orders")) == nil, "released once Aiven answered 404")
            await #expect(throws: AivenError.self) { try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders") }
        }
    }

    @Test func aTopicWaitsForItsServiceThenIsCreatedGrowsAndRefusesToShrink() async throws {
        try await OperatorHarness.run { harness in
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            _ = try await topics.create(Self.topic("orders"))
            for _ in 0..<2 { try await harness.reconcile(KafkaTopicKind(), "orders") }
            let waiting = try #require(Self.ready(try await topics.get("orders")))
            #expect(waiting.status == .false)
            #expect(waiting.reason == "WaitingForService")
            #expect(waiting.message == "Kafka service my-kafka does not exist yet")
            #expect(try await harness.events(about: "orders").allSatisfy { !$0.hasPrefix("Warning") }, "no error events while waiting")

            try await Self.createKafkaOnAiven(harness)
            try await harness.converge(KafkaTopicKind(), "orders") { Self.ready(try await topics.get("orders"))?.status == .true }
            let created = try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders")
            #expect(created.partitions == 3 && created.replication == 2)
            #expect(created.topicConfig["retention_ms"] == 86_400_000, "sent as Aiven's snake_case option")
            #expect(created.tags == [KafkaTopicTag(key: "team", value: "data")])
            #expect(try await topics.get("orders").status?.state == "ACTIVE")

            var grown = try await topics.get("orders")
            grown.spec.partitions = 5
            _ = try await topics.replace(grown)
            try await harness.converge(KafkaTopicKind(), "orders") {
                try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders").partitions == 5
            }

            var shrunk = try await topics.get("orders")
            shrunk.spec.partitions = 2
            _ = try await topics.replace(shrunk)
            let writes = try await harness.aivenWrites()
            try await harness.reconcile(KafkaTopicKind(), "orders")
            let refused = try #require(Self.ready(try await topics.get("orders")))
            #expect(refused.status == .false)
            #expect(refused.reason == "InvalidSpec")
            #expect(refused.message.contains("never remove"), "\(refused.message)")
            #expect(try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders").partitions == 5)
            #expect(try await harness.aivenWrites() == writes, "nothing was sent")
        }
    }

    @Test func topicConfigDriftIsCorrectedOrReported() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafkaOnAiven(harness)
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            _ = try await topics.create(Self.topic("orders"))
            try await harness.converge(KafkaTopicKind(), "orders") { Self.ready(try await topics.get("orders"))?.status == .true }

            try await harness.aiven.updateKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders", KafkaTopicRequest(config: ["retention_ms": 1000]))
            try await harness.reconcile(KafkaTopicKind(), "orders")
            #expect(try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders").config["retention_ms"] == 86_400_000)
            #expect(try await harness.events(about: "orders").contains { $0.hasPrefix("Normal: DriftCorrected") && $0.contains("config.retention_ms") })

            var reporting = try await topics.get("orders")
            reporting.metadata.annotations = [OperatorAnnotations.driftPolicy: "Report"]
            _ = try await topics.replace(reporting)
            try await harness.reconcile(KafkaTopicKind(), "orders")
            try await harness.aiven.updateKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders", KafkaTopicRequest(config: ["retention_ms": 1000]))
            try await harness.reconcile(KafkaTopicKind(), "orders")
            #expect(try await topics.get("orders").status?.driftedFields == ["config.retention_ms"])
            #expect(try await harness.aiven.getKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders").config["retention_ms"] == 1000, "left as is")
        }
    }

    @Test func aTopicWhoseServiceIsGoneIsReleasedOnDelete() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafkaOnAiven(harness)
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            _ = try await topics.create(Self.topic("orders"))
            try await harness.converge(KafkaTopicKind(), "orders") { Self.ready(try await topics.get("orders"))?.status == .true }
            try await harness.aiven.deleteService(project: OperatorHarness.project, name: "my-kafka")
            try await topics.delete("orders")
            for _ in 0..<3 { try? await harness.reconcile(KafkaTopicKind(), "orders") }
            await #expect(throws: KubeError.self, "released, not stuck") { try await topics.get("orders") }
        }
    }

    /// `spec.termination_protection` on a topic is Kubernetes-side: deletion waits, the topic stays.
    @Test func aProtectedTopicIsKeptUntilProtectionIsTurnedOff() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafkaOnAiven(harness)
            let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
            var protected = Self.topic("orders")
            protected.spec.terminationProtection = true
            _ = try await topics.create(protected)
            try await harness.converge(KafkaTopicKind(), "orders") { Self.ready(try await topics.get("orders"))?.status == .true }
            try await topics.delete("orders")
            try await harness.reconcile(KafkaTopicKind(), "orders")
            #expect(Self.ready(try await topics.get("orders"))?.reason == "DeletionBlocked")
            #expect(try await harness.aiven.listKafkaTopics(project: OperatorHarness.project, service: "my-kafka").map(\.topicName) == ["orders"])

            var unprotected = try await topics.get("orders")
            unprotected.spec.terminationProtection = false
            _ = try await topics.replace(unprotected)
            for _ in 0..<3 { try? await harness.reconcile(KafkaTopicKind(), "orders") }
            #expect(try await harness.aiven.listKafkaTopics(project: OperatorHarness.project, service: "my-kafka").isEmpty)
            await #expect(throws: KubeError.self) { try await topics.get("orders") }
        }
    }

    @Test func aKafkaPublishesItsConnectionSecretOwnedByItAndNeverLogged() async throws {
        try await OperatorHarness.run { harness in
            let log = CapturedLog()
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            let target = KafkaSpec.ConnInfoSecretTarget(annotations: ["foo": "bar"], labels: ["baz": "egg"], name: "kafka-secret", prefix: "MY_PREFIX_")
            _ = try await kafkas.create(Self.kafka(target))
            try await harness.converge(KafkaKind(), "my-kafka", logger: log.logger()) { Self.ready(try await kafkas.get("my-kafka"))?.status == .true }
            try await harness.reconcile(KafkaKind(), "my-kafka", logger: log.logger())

            let service = try await harness.aiven.getService(project: OperatorHarness.project, name: "my-kafka", includeSecrets: true)
            #expect(service.serviceType == "kafka")
            #expect(service.tags?[ServiceSpec.ownerTag] == (try await kafkas.get("my-kafka").metadata.uid))
            let password = try #require(service.users?.first { $0.username == "avnadmin" }?.password)
            let secret = try await secrets.get("kafka-secret")
            let data = (secret.data ?? [:]).compactMapValues { Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) } }
            #expect(data["MY_PREFIX_PASSWORD"] == password && data["PASSWORD"] == password)
            #expect(data["MY_PREFIX_USERNAME"] == "avnadmin")
            #expect(data["MY_PREFIX_HOST"] == service.serviceURIParams?["host"] && data["MY_PREFIX_PORT"] == service.serviceURIParams?["port"])
            // Read past the operator's project CA cache.
            let uncached = AivenClient(transport: AivenHTTPTransport(baseURL: harness.emulator.baseURL, token: AivenToken(OperatorHarness.token), userAgent: "test"))
            #expect(data["MY_PREFIX_CA_CERT"] == (try await uncached.getProjectCA(project: OperatorHarness.project)))
            #expect(data["MY_PREFIX_ACCESS_CERT"]?.isEmpty == false && data["MY_PREFIX_ACCESS_KEY"]?.isEmpty == false)
            #expect(data["URI"] == service.serviceURI)
            #expect(secret.metadata.labels?["baz"] == "egg" && secret.metadata.annotations?["foo"] == "bar")
            let owner = try #require(secret.metadata.ownerReferences?.first)
            #expect(owner.kind == "Kafka" && owner.name == "my-kafka" && owner.controller == true)
            #expect(owner.uid == (try await kafkas.get("my-kafka").metadata.uid))

            // An idle pass rewrites nothing, and asks Aiven for the service only: the project CA
            // was fetched once, by the first pass that published the Secret.
            let version = secret.metadata.resourceVersion
            let caRoute = "GET /v1/project/{project}/kms/ca"
            let before = try await harness.aivenRequests()
            #expect(before[caRoute] == 2, "the operator's one request, and the uncached one above")
            for _ in 0..<2 { try await harness.reconcile(KafkaKind(), "my-kafka", logger: log.logger()) }
            #expect(try await secrets.get("kafka-secret").metadata.resourceVersion == version)
            #expect(try await harness.aivenRequests()[caRoute] == before[caRoute])

            // Values never reach logs, events or the status.
            let accessKey = try #require(data["MY_PREFIX_ACCESS_KEY"])
            let status = String(decoding: try JSONEncoder().encode(try await kafkas.get("my-kafka").status), as: UTF8.self)
            for value in [password, accessKey] {
                #expect(!log.text.contains(value))
                #expect(!status.contains(value))
                #expect(try await harness.events(about: "my-kafka").allSatisfy { !$0.contains(value) })
            }
            #expect(log.text.contains("kafka-secret"), "the Secret's name is logged when written")
        }
    }

    @Test func deletingAKafkaDeletesTheServiceAndItsSecretGoesWithIt() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            _ = try await kafkas.create(Self.kafka())
            try await harness.converge(KafkaKind(), "my-kafka") { (try? await secrets.get("my-kafka")) != nil }
            try await kafkas.delete("my-kafka")
            for _ in 0..<5 { try? await harness.reconcile(KafkaKind(), "my-kafka") }
            #expect(try await harness.service("my-kafka") == nil)
            await #expect(throws: KubeError.self) { try await kafkas.get("my-kafka") }
            var gone = false
            for _ in 0..<100 where !gone {
                gone = (try? await secrets.get("my-kafka")) == nil
                if !gone { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(gone, "the connection Secret is garbage-collected with its owner")
        }
    }
}

extension OperatorHarness {
    /// One pass of `kind` for `name` (in `namespace`), with its cache (every namespace's, indexed
    /// as the operator's) and the Secrets' refilled from the API server.
    @discardableResult
    func reconcile<Kind: ManagedKind>(_ kind: Kind, _ name: String, namespace: String = "default", logger: Logger? = nil) async throws -> ReconcileResult {
        try await sync()
        let store = Store<Kind.Resource>(indexes: Claims<Kind.Resource>.indexes(kind))
        await store.replace(with: try await client.resources(Kind.Resource.self, namespace: nil).list().items)
        var quiet = Logger(label: "operator")
        quiet.logLevel = .critical
        let logger = logger ?? quiet
        let reconciler = ManagedReconciler(
            kind: kind, kube: client, store: store, dependencies: .cached(secrets: secrets, projectVPCs: projectVPCs),
            aiven: aivenClients, events: EventRecorder(client: client, component: "aiven-operator", logger: logger),
            configuration: configuration, logger: logger
        )
        return try await reconciler.reconcile(ObjectKey(namespace: namespace, name: name))
    }

    /// Passes of `kind` for `name` until `check` holds (at most `passes`).
    func converge<Kind: ManagedKind>(
        _ kind: Kind, _ name: String, namespace: String = "default", passes: Int = 20, logger: Logger? = nil, until check: () async throws -> Bool
    ) async throws {
        for _ in 0..<passes {
            if try await check() { return }
            _ = try? await reconcile(kind, name, namespace: namespace, logger: logger)
        }
        #expect(try await check(), "not converged after \(passes) passes")
    }

    /// The requests the emulator answered so far, counted by route (its request log).
    func aivenRequests() async throws -> [String: JSONValue] {
        let transport = AivenHTTPTransport(baseURL: emulator.baseURL, token: AivenToken(Self.token), userAgent: "test")
        let response = try await transport.send(AivenRequest(method: .get, path: "/_emulator/requests"), timeout: .seconds(5))
        return try JSONParser().parse(String(decoding: response.body, as: UTF8.self))["by_route"]?.objectValue ?? [:]
    }

    /// The writes the emulator answered so far, counted by route.
    func aivenWrites() async throws -> [String: JSONValue] {
        try await aivenRequests().filter { !$0.key.hasPrefix("GET ") }
    }
}
