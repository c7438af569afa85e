import AivenOperator
import AivenResources
import KubeAPI
import KubeClient
import LocalKube
import Logging
import Synchronization
import Testing

@testable import KubeRuntime

/// `KafkaConnect` as a client with a stricter (older) idea of its schema sees it: tags must be
/// numbers. Objects with string tags cannot be decoded as this type.
struct StrictKafkaConnect: KubeResource, Hashable {
    static let group = KafkaConnect.group
    static let version = KafkaConnect.version
    static let kind = KafkaConnect.kind
    static let plural = KafkaConnect.plural
    static let namespaced = true

    struct Spec: Codable, Sendable, Hashable {
        var plan: String
        var tags: [String: Int]?
    }

    var apiVersion: String = StrictKafkaConnect.apiVersion
    var kind: String = StrictKafkaConnect.kind
    var metadata: ObjectMeta
    var spec: Spec
}

/// Issue 13, item 11: one object the operator cannot decode must not stop it for every other.
@Suite(.timeLimit(.minutes(2)))
struct UndecodableObjectTests {
    @Test func anUndecodableObjectIsReportedAndSkippedAndTheRestCarriesOn() async throws {
        let server = LocalKube(configuration: LocalKubeConfiguration(definitions: Operator.definitions.map(\.definition)))
        let port = try await server.start()
        let kube = try KubeClient(config: try KubeConfig.kubeconfig(yaml: LocalKube.kubeconfig(server: "http://127.0.0.1:\(port)", token: nil)))
        let resources = kube.resources(KafkaConnect.self, namespace: "default")
        func kafkaConnect(_ name: String, tags: [String: String]? = nil) -> KafkaConnect {
            KafkaConnect(metadata: ObjectMeta(name: name, namespace: "default"), spec: KafkaConnectSpec(project: "p", plan: "business-4", tags: tags))
        }
        _ = try await resources.create(kafkaConnect("good-1"))
        _ = try await resources.create(kafkaConnect("bad-1", tags: ["team": "data"]))
        _ = try await resources.create(kafkaConnect("good-2"))

        let skipped = Mutex<[String]>([])
        let reconciler = RecordingReconciler()
        let logger = Logger(label: "test")
        let controller = Controller(
            name: "strict",
            watcher: Watcher(
                client: kube.resources(StrictKafkaConnect.self, namespace: "default"), store: Store(),
                onUndecodable: { object in skipped.withLock { $0.append(object.name) } }, logger: logger
            ),
            reconciler: reconciler,
            logger: logger
        )
        let run = Task { try await controller.run() }
        try await ControllerTests.eventually { await controller.isSynced }
        try await ControllerTests.eventually {
            reconciler.count(ObjectKey(namespace: "default", name: "good-1")) == 1 && reconciler.count(ObjectKey(namespace: "default", name: "good-2")) == 1
        }
        #expect(skipped.withLock { $0 } == ["bad-1"])
        #expect(reconciler.count(ObjectKey(namespace: "default", name: "bad-1")) == 0)

        // On the watch too: a bad object arrives, is reported, and the stream goes on.
        _ = try await resources.create(kafkaConnect("bad-2", tags: ["team": "ops"]))
        _ = try await resources.create(kafkaConnect("good-3"))
        try await ControllerTests.eventually { reconciler.count(ObjectKey(namespace: "default", name: "good-3")) == 1 }
        #expect(skipped.withLock { $0 } == ["bad-1", "bad-2"])
        #expect(await controller.store.count == 3)

        run.cancel()
        _ = try? await run.value
        try await kube.shutdown()
        await server.stop()
    }
}
