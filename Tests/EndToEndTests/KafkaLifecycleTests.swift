import Foundation
import KubeAPI
import TestSupport
import Testing

/// `Kafka` and `KafkaTopic` end to end: `aiven-operator dev`, the real kubectl, the emulator.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct KafkaLifecycleTests {
    static func example(_ name: String) throws -> String {
        try String(contentsOf: DevEnvironment.repositoryRoot.appendingPathComponent("examples/\(name).yaml"), encoding: .utf8)
    }

    static func ready(_ dev: DevEnvironment, _ resource: String, _ name: String) async throws -> Bool {
        let conditions = await try dev.get(resource, name)?["status"]?["conditions"]?.arrayValue ?? []
        return conditions.contains { $0["type"] == "Ready" && $0["status"] == "True" }
    }

    /// The examples applied at once, as they are, topic first: the topic waits for its service,
    /// both reach Ready, the connection Secret appears with the example's prefix, labels and annotations,
    /// owned by the Kafka, and put back when deleted by hand; deleting the resources deletes topic,
    /// service and Secret.
    @Test func theExamplesReachReadyAndTheSecretGoesWithTheKafka() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(try Self.example("kafkatopic") + "\n---\n" + Self.example("kafka"))
        try await dev.eventually("the topic waiting for its service", timeout: .seconds(30)) {
            let ready = await try dev.get("kafkatopic", "kafka-topic")?["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
            return ready?["status"] == "True" || ready?["reason"] == "WaitingForService"
        }
        try await dev.eventually("Kafka Ready") { await try Self.ready(dev, "kafka", "my-kafka") }
        try await dev.eventually("KafkaTopic Ready") { await try Self.ready(dev, "kafkatopic", "kafka-topic") }

        let topic = try await dev.aiven("GET", "/v1/project/my-aiven-project/service/my-kafka/topic/my-kafka-topic")
        #expect(topic.status == 200)
        #expect(topic.body["topic"]?["replication"] == 2)
        #expect(topic.body["topic"]?["config"]?["min_cleanable_dirty_ratio"]?["value"] == 0.2)
        let rows = await try dev.kubectl(["get", "kafkatopics"]).stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.dropFirst().first?.first == "kafka-topic", "\(rows)")

        let secret = await try #require(try dev.get("secret", "kafka-secret"))
        let data = (secret["data"]?.objectValue ?? [:]).compactMapValues { $0.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } }
        #expect(data["MY_SECRET_PREFIX_HOST"]?.hasPrefix("my-kafka-") == true)
        #expect(data["MY_SECRET_PREFIX_USERNAME"] == "avnadmin")
        #expect(data["MY_SECRET_PREFIX_CA_CERT"]?.contains("BEGIN CERTIFICATE") == true)
        let password = try #require(data["MY_SECRET_PREFIX_PASSWORD"])
        #expect(!password.isEmpty)
        #expect(secret["metadata"]?["labels"]?["baz"] == "egg")
        #expect(secret["metadata"]?["annotations"]?["foo"] == "bar")
        let owner = secret["metadata"]?["ownerReferences"]?.arrayValue?.first
        #expect(owner?["kind"] == "Kafka" && owner?["name"] == "my-kafka" && owner?["controller"] == true)

        // A connection Secret deleted by hand is put back (the Kafka wakes on it), without waiting for a resync.
        await try dev.kubectl.must(["delete", "secret", "kafka-secret"])
        try await dev.eventually("the connection Secret put back", timeout: .seconds(30)) { await try dev.get("secret", "kafka-secret") != nil }

        let deletion = await try dev.kubectl(["delete", "kafkatopic", "kafka-topic", "--timeout=60s"])
        #expect(deletion.status == 0, "\(deletion.stderr)")
        #expect(try await dev.aiven("GET", "/v1/project/my-aiven-project/service/my-kafka/topic/my-kafka-topic").status == 404)
        let kafkaDeletion = await try dev.kubectl(["delete", "kafka", "my-kafka", "--timeout=60s"])
        #expect(kafkaDeletion.status == 0, "\(kafkaDeletion.stderr)")
        #expect(try await dev.service("my-aiven-project", "my-kafka") == nil)
        try await dev.eventually("the connection Secret garbage-collected", timeout: .seconds(30)) { await try dev.get("secret", "kafka-secret") == nil }
        let log = dev.stop()
        #expect(!log.contains(password), "the Kafka password leaked into the operator's log")
        #expect(!log.contains(dev.token), "the Aiven token leaked into the operator's log")
    }

    /// `spec.disk_space` through the real kubectl: a size in another unit is refused at admission
    /// with the field path; `240GiB` is the service's disk (`disk_space_mb` 245760); removing the
    /// field with a JSON patch leaves the disk as it is.
    @Test func theDiskIsSetWithKubectlAndLeftWhenTheFieldIsRemoved() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let example = try Self.example("kafka")
        let refused = await try dev.kubectl(["apply", "-f", "-"], stdin: example + "\n  disk_space: 600MB\n")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(#"spec.disk_space: Invalid value: "600MB""#), "\(refused.stderr)")
        #expect(await try dev.get("kafka", "my-kafka") == nil)

        await try dev.kubectl.must(["apply", "-f", "-"], stdin: example + "\n  disk_space: 240GiB\n")
        try await dev.eventually("Kafka Ready") { await try Self.ready(dev, "kafka", "my-kafka") }
        #expect(try await dev.service("my-aiven-project", "my-kafka")?["disk_space_mb"] == 245_760)

        await try dev.kubectl.must(["patch", "kafka", "my-kafka", "--type=json", "-p", #"[{"op": "remove", "path": "/spec/disk_space"}]"#])
        try await dev.eventually("the new generation applied") {
            let kafka = await try dev.get("kafka", "my-kafka")
            return kafka?["status"]?["observedGeneration"] != nil && kafka?["status"]?["observedGeneration"] == kafka?["metadata"]?["generation"]
        }
        #expect(try await dev.service("my-aiven-project", "my-kafka")?["disk_space_mb"] == 245_760, "the disk stays as it was")
        let deletion = await try dev.kubectl(["delete", "kafka", "my-kafka", "--timeout=60s"])
        #expect(deletion.status == 0, "\(deletion.stderr)")
    }
}
