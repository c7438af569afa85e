import Foundation
import KubeAPI
import TestSupport
import Testing

/// `ServiceUser`, `KafkaACL`, `KafkaNativeACL` and `KafkaSchemaRegistryACL` end to end: the
/// reference's examples applied unchanged with the real kubectl on `aiven-operator dev`, before
/// their Kafka services exist.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct UsersAndACLsEndToEndTests {
    /// Each kind's example and the object it declares.
    static let examples = [
        ("serviceuser", "my-service-user"), ("kafkaacl", "my-kafka-acl"), ("kafkanativeacl", "my-kafka-native-acl"),
        ("kafkaschemaregistryacl", "my-kafka-schema-registry-acl"),
    ]
    /// The Kafka services the examples name (project, service).
    static let services = [("aiven-project-name", "my-service-name"), ("my-aiven-project", "my-kafka"), ("aiven-project-name", "my-kafka")]

    static func path(_ kind: String) -> String {
        DevEnvironment.repositoryRoot.appendingPathComponent("examples/\(kind).yaml").path
    }

    static func secretData(_ dev: DevEnvironment, _ name: String) async throws -> [String: String] {
        let secret = try await dev.get("secret", name)
        return (secret?["data"]?.objectValue ?? [:]).compactMapValues { $0.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Whether the emulator lets the example's user into `my-service-name` with `password`.
    static func logsIn(_ dev: DevEnvironment, _ password: String) async throws -> Bool {
        let (_, body) = try await dev.aiven(
            "POST", "/_emulator/project/aiven-project-name/service/my-service-name/authenticate",
            body: ["username": "my-service-user", "password": .string(password)])
        return body["authenticated"] == true
    }

    /// Applied unchanged, each waits for its service without a Warning, then reaches Ready; the
    /// user's Secret has the example's prefix, labels and annotations; a rotation reaches Aiven and
    /// the Secret (the old password no longer works); `kubectl delete -f` of every example leaves
    /// only `avnadmin` and Aiven's default entries; no password reaches the log.
    @Test func theReferenceExamplesReachReadyRotateAndLeaveNothingBehind() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        for (kind, _) in Self.examples { try await dev.kubectl.must(["apply", "-f", Self.path(kind)]) }
        try await dev.eventually("the user waiting for its service", timeout: .seconds(30)) {
            let ready = try await dev.get("serviceuser", "my-service-user")?["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
            return ready?["reason"] == "WaitingForService"
        }
        for (project, name) in Self.services {
            let (status, body) = try await dev.aiven(
                "POST", "/v1/project/\(project)/service",
                body: ["service_name": .string(name), "service_type": "kafka", "plan": "business-4", "cloud": "google-europe-west1"])
            #expect(status == 200, "\(body.jsonString)")
        }
        for (kind, name) in Self.examples {
            try await dev.eventually("\(kind) \(name) Ready") { try await KafkaLifecycleTests.ready(dev, kind, name) }
        }
        let warnings = try await dev.kubectl.must(["get", "events", "--field-selector", "type=Warning", "-o", "name"]).stdout
        #expect(warnings.isEmpty, "waiting is not an error: \(warnings)")

        let data = try await Self.secretData(dev, "service-user-secret")
        #expect(data["MY_SECRET_PREFIX_USERNAME"] == "my-service-user")
        let password = try #require(data["MY_SECRET_PREFIX_PASSWORD"])
        #expect(try await Self.logsIn(dev, password))
        #expect(data["MY_SECRET_PREFIX_ACCESS_KEY"]?.contains("PRIVATE KEY") == true)
        let secret = try #require(try await dev.get("secret", "service-user-secret"))
        #expect(secret["metadata"]?["labels"]?["baz"] == "egg" && secret["metadata"]?["annotations"]?["foo"] == "bar")
        let id = try await dev.get("kafkaacl", "my-kafka-acl")?["status"]?["id"]?.stringValue
        let (_, acls) = try await dev.aiven("GET", "/v1/project/my-aiven-project/service/my-kafka/acl")
        #expect(acls["acl"]?.arrayValue?.contains { $0["id"]?.stringValue == id && $0["username"] == "my-user" && $0["topic"] == "my-topic" } == true)
        #expect(try await dev.get("kafkanativeacl", "my-kafka-native-acl")?["status"]?["id"]?.stringValue?.isEmpty == false)
        #expect(try await dev.get("kafkaschemaregistryacl", "my-kafka-schema-registry-acl")?["status"]?["state"] == "RUNNING")

        // Rotation on demand: Aiven and the Secret, and the old password stops working.
        try await dev.kubectl.must(["annotate", "serviceuser", "my-service-user", "controllers.aiven.io/rotate-credentials=first"])
        try await dev.eventually("the rotated password in the Secret") {
            let rotated = try await Self.secretData(dev, "service-user-secret")["MY_SECRET_PREFIX_PASSWORD"]
            return rotated != nil && rotated != password
        }
        let rotated = try #require(try await Self.secretData(dev, "service-user-secret")["MY_SECRET_PREFIX_PASSWORD"])
        #expect(try await Self.logsIn(dev, rotated))
        #expect(try await !Self.logsIn(dev, password), "the old password no longer works")
        #expect(try await dev.get("serviceuser", "my-service-user")?["status"]?["passwordResetTime"]?.stringValue != nil)

        for (kind, _) in Self.examples {
            let deletion = try await dev.kubectl(["delete", "-f", Self.path(kind), "--timeout=60s"])
            #expect(deletion.status == 0, "\(deletion.stderr)")
        }
        let users = try await dev.service("aiven-project-name", "my-service-name")?["users"]?.arrayValue?.compactMap { $0["username"]?.stringValue }
        #expect(users == ["avnadmin"])
        let (_, left) = try await dev.aiven("GET", "/v1/project/my-aiven-project/service/my-kafka/acl")
        #expect(left["acl"]?.arrayValue?.map { "\($0["username"]?.stringValue ?? "") \($0["permission"]?.stringValue ?? "") \($0["topic"]?.stringValue ?? "")" } == ["avnadmin admin *"])
        let (_, native) = try await dev.aiven("GET", "/v1/project/my-aiven-project/service/my-kafka/kafka/acl")
        #expect(native["kafka_acl"]?.arrayValue?.isEmpty == true)
        let (_, registry) = try await dev.aiven("GET", "/v1/project/aiven-project-name/service/my-kafka/kafka/schema-registry/acl")
        #expect(registry["acl"]?.arrayValue?.allSatisfy { $0["username"] == "avnadmin" } == true)
        let log = dev.stop()
        #expect(!log.contains(password) && !log.contains(rotated), "a password leaked into the operator's log")
    }
}
