import Foundation
import TestSupport
import KubeAPI
import Testing

/// `aiven-operator plan` against a running `dev`: it reports what a reconcile would do, changes
/// nothing, and exits 2 when changes are pending.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PlanCommandTests {
    static func plan(_ dev: DevEnvironment, _ manifest: String, cluster: Bool) throws -> (status: Int32, output: String) {
        let file = dev.directory.appendingPathComponent("plan-\(UUID().uuidString.prefix(6)).yaml")
        try manifest.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = DevEnvironment.binary
        process.arguments = ["plan", "-f", file.path, "--aiven-api-url", dev.aivenURL] + (cluster ? ["--kubeconfig", dev.kubeconfig] : [])
        var environment = ProcessInfo.processInfo.environment
        environment["DEFAULT_AIVEN_TOKEN"] = cluster ? nil : dev.token
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func planShowsCreateUpdateAndNothing() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let manifest = KafkaConnectLifecycleTests.manifest("planned", spec: "userConfig: {kafka_connect: {consumer_max_poll_records: 100}}")
        let before = try Self.plan(dev, manifest, cluster: true)
        #expect(before.status == 2)
        #expect(before.output.contains("kafkaconnect default/planned: create Aiven service e2e/planned"))
        let requests = try await dev.aivenRequestCount()

        await try dev.apply(manifest)
        try await dev.waitUntilReady("planned")
        let steady = try Self.plan(dev, manifest, cluster: true)
        #expect(steady.status == 0, "\(steady.output)")
        #expect(steady.output.contains("no changes"))

        let changed = manifest.replacingOccurrences(of: "consumer_max_poll_records: 100", with: "consumer_max_poll_records: 200")
        let offline = try Self.plan(dev, changed, cluster: false)
        #expect(offline.status == 2)
        #expect(offline.output.contains("~ user_config.kafka_connect.consumer_max_poll_records: 100 → 200"))
        #expect(try await dev.service("e2e", "planned")?["user_config"]?["kafka_connect"]?["consumer_max_poll_records"] == 100, "plan must change nothing")
        #expect(requests > 0)
    }

    static func topic(_ name: String, partitions: Int) -> String {
        """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaTopic
        metadata:
          name: \(name)
        spec:
          authSecretRef: {name: aiven-token, key: token}
          project: e2e
          serviceName: claims-kafka
          topicName: shared
          replication: 2
          partitions: \(partitions)
        """
    }

    static func ready(_ dev: DevEnvironment, topic: String) async throws -> JSONValue? {
        try await dev.get("kafkatopic", topic)?["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
    }

    /// Two KafkaTopics naming one Aiven topic, through the running operator: `plan` and the
    /// second's status both say it is claimed by the first; deleting the first wakes the second,
    /// which takes over (here: waits for the service, which does not exist).
    @Test func aSecondTopicOfTheSameNameIsClaimedAndTakesOverWhenTheFirstGoes() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        try await dev.apply(Self.topic("first", partitions: 3))
        try await dev.eventually("first waits for its service") { try await Self.ready(dev, topic: "first")?["reason"] == "WaitingForService" }
        // A later creationTimestamp (whole seconds).
        try await Task.sleep(for: .milliseconds(1100))
        let second = Self.topic("second", partitions: 6)
        let planned = try Self.plan(dev, second, cluster: true)
        #expect(planned.status == 0, "\(planned.output)")
        #expect(planned.output.contains("kafkatopic default/second: nothing would change: Kafka topic e2e/claims-kafka/shared is already claimed by default/first, which named it first"), "\(planned.output)")

        try await dev.apply(second)
        try await dev.eventually("second AlreadyClaimed") { try await Self.ready(dev, topic: "second")?["reason"] == "AlreadyClaimed" }
        #expect(try await Self.ready(dev, topic: "second")?["message"]?.stringValue?.contains("already claimed by KafkaTopic default/first") == true)
        #expect(try await Self.ready(dev, topic: "first")?["reason"] == "WaitingForService", "the first is unaffected")

        try await dev.kubectl.must(["delete", "kafkatopic", "first", "--wait=false"])
        try await dev.eventually("second takes over") { try await Self.ready(dev, topic: "second")?["reason"] == "WaitingForService" }
    }
}
