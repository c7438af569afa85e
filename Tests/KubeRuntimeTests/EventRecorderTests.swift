import AivenOperator
import AivenResources
import KubeAPI
import KubeClient
import LocalKube
import Logging
import ServiceLifecycle
import TestSupport
import Testing

@testable import KubeRuntime

/// The event recorder against LocalKube over HTTP.
@Suite(.timeLimit(.minutes(2)))
struct EventRecorderTests {
    static func events(_ kube: KubeClient) async throws -> [JSONValue] {
        try await kube.resources(ResourceType(group: "", version: "v1", plural: "events", namespaced: true), namespace: "default").list().items
    }

    /// Running as a service, `record` hands the event over and returns; the events are sent in
    /// the background, a repeat is dropped, and graceful shutdown sends whatever still waits.
    @Test func runningItSendsInTheBackgroundAndShutdownSendsWhatWaits() async throws {
        let server = LocalKube(configuration: LocalKubeConfiguration(definitions: Operator.definitions.map(\.definition)))
        let port = try await server.start()
        let kube = try KubeClient(config: try KubeConfig.kubeconfig(yaml: LocalKube.kubeconfig(server: "http://127.0.0.1:\(port)", token: nil)))
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let recorder = EventRecorder(client: kube, component: "test", logger: quiet)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [recorder], logger: quiet))
        let running = Task { try await group.run() }
        var objects: [KafkaConnect] = []
        for index in 0..<40 {
            var object = KafkaConnect(metadata: ObjectMeta(name: "kc-\(index)", namespace: "default"), spec: KafkaConnectSpec(project: "p", plan: "business-4"))
            object.metadata.uid = "uid-\(index)"
            objects.append(object)
        }
        let started = try await Eventually.poll(timeout: .seconds(10), interval: .milliseconds(10)) { await recorder.isSending }
        #expect(started.reached)
        for object in objects {
            await recorder.record(.normal, reason: "Created", message: "Created \(object.metadata.name ?? "")", about: object)
            await recorder.record(.normal, reason: "Created", message: "Created \(object.metadata.name ?? "")", about: object)
        }
        await group.triggerGracefulShutdown()
        try await running.value
        let sent = try await Self.events(kube)
        let created = sent.filter { $0["reason"]?.stringValue == "Created" }
        #expect(created.count == 40, "every event sent once (repeats dropped), none lost at shutdown")
        #expect(Set(created.compactMap { $0["involvedObject"]?["name"]?.stringValue }).count == 40)

        // After the sender stopped, an event is sent before `record` returns.
        await recorder.record(.warning, reason: "Late", message: "after shutdown", about: objects[1])
        #expect(try await Self.events(kube).contains { $0["reason"]?.stringValue == "Late" })
        try await kube.shutdown()
        await server.stop()
    }
}
