import AivenClient
import AivenResources
import Foundation
import KubeAPI
import Testing

@testable import AivenOperator

/// `Kafka` and `KafkaTopic`'s pure parts: the connection Secret's content, that it is rewritten
/// only when its content changes and never shows its values; a topic's diff and the refused
/// partition shrink.
@Suite struct KafkaKindTests {
    static let password = "avnadmin-pa55word"
    static let accessKey = "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----"

    static func service() throws -> AivenService {
        let body: AivenJSON = [
            "service_name": "my-kafka", "service_type": "kafka", "plan": "business-4", "cloud_name": "google-europe-west1",
            "state": "RUNNING", "service_uri": "my-kafka-harness.aivencloud.com:12345",
            "service_uri_params": ["host": "my-kafka-harness.aivencloud.com", "port": "12345"],
            "users": [["username": "avnadmin", "type": "primary", "password": .string(password)]],
            "connection_info": ["kafka_access_cert": "CERT", "kafka_access_key": .string(accessKey)],
            "components": [
                ["component": "kafka", "host": "my-kafka-harness.aivencloud.com", "port": 12345, "route": "dynamic", "usage": "primary", "kafka_authentication_method": "certificate"],
                ["component": "kafka", "host": "my-kafka-harness.aivencloud.com", "port": 12350, "route": "dynamic", "usage": "primary", "kafka_authentication_method": "sasl"],
                ["component": "kafka", "host": "public-my-kafka.aivencloud.com", "port": 12360, "route": "public", "usage": "primary", "kafka_authentication_method": "sasl"],
                ["component": "schema_registry", "host": "my-kafka-harness.aivencloud.com", "port": 12346, "route": "dynamic", "usage": "primary"],
            ],
        ]
        return try JSONDecoder().decode(AivenService.self, from: Data(body.jsonBytes))
    }

    static func kafka(_ target: KafkaSpec.ConnInfoSecretTarget? = nil, disabled: Bool? = nil) -> Kafka {
        Kafka(
            metadata: ObjectMeta(name: "my-kafka", namespace: "default"),
            spec: KafkaSpec(connInfoSecretTarget: target, connInfoSecretTargetDisabled: disabled, plan: "business-4", project: "harness")
        )
    }

    @Test func theSecretHasTheReferenceKeysWithTheDefaultPrefix() throws {
        let secret = try #require(Self.kafka().connectionSecret(service: try Self.service(), projectCA: "CA"))
        #expect(secret.name == "my-kafka", "the name defaults to the resource's")
        #expect(secret.data == [
            "KAFKA_HOST": "my-kafka-harness.aivencloud.com", "KAFKA_PORT": "12345", "KAFKA_USERNAME": "avnadmin", "KAFKA_PASSWORD": Self.password,
            "KAFKA_ACCESS_CERT": "CERT", "KAFKA_ACCESS_KEY": Self.accessKey, "KAFKA_CA_CERT": "CA",
            "HOST": "my-kafka-harness.aivencloud.com", "PORT": "12345", "USERNAME": "avnadmin", "PASSWORD": Self.password,
            "ACCESS_CERT": "CERT", "ACCESS_KEY": Self.accessKey, "CA_CERT": "CA", "URI": "my-kafka-harness.aivencloud.com:12345",
            "KAFKA_SASL_HOST": "my-kafka-harness.aivencloud.com", "KAFKA_SASL_PORT": "12350",
            "KAFKA_SCHEMA_REGISTRY_HOST": "my-kafka-harness.aivencloud.com", "KAFKA_SCHEMA_REGISTRY_PORT": "12346",
        ])
        #expect(!"\(secret)".contains(Self.password) && !"\(secret)".contains("PRIVATE KEY"), "the description names keys only")
        #expect(!"\(try Self.service().users ?? [])".contains(Self.password))
    }

    @Test func nameLabelsAnnotationsAndPrefixAreHonouredAndDisabledPublishesNothing() throws {
        let target = KafkaSpec.ConnInfoSecretTarget(annotations: ["foo": "bar"], labels: ["baz": "egg"], name: "kafka-secret", prefix: "MY_SECRET_PREFIX_")
        let secret = try #require(Self.kafka(target).connectionSecret(service: try Self.service(), projectCA: "CA"))
        #expect(secret.name == "kafka-secret")
        #expect(secret.labels == ["baz": "egg"] && secret.annotations == ["foo": "bar"])
        #expect(secret.data["MY_SECRET_PREFIX_PASSWORD"] == Self.password && secret.data["PASSWORD"] == Self.password)
        #expect(secret.data["KAFKA_HOST"] == nil)
        #expect(Self.kafka(disabled: true).connectionSecret(service: try Self.service(), projectCA: "CA") == nil)
        #expect(!Self.kafka(disabled: true).publishesConnectionSecret)
    }

    @Test func theSecretIsRewrittenOnlyWhenItsContentChanges() throws {
        let published = try #require(Self.kafka().connectionSecret(service: try Self.service(), projectCA: "CA"))
        let owner = OwnerReference(apiVersion: "aiven.io/v1alpha1", kind: "Kafka", name: "my-kafka", uid: "uid-1", controller: true)
        let created = try #require(published.secret(updating: nil, namespace: "default", owner: owner))
        #expect(created.metadata.ownerReferences == [owner])
        #expect(created.data?["KAFKA_PASSWORD"] == Data(Self.password.utf8).base64EncodedString())
        #expect(published.secret(updating: created, namespace: "default", owner: owner) == nil, "no write when nothing changed")
        var rotated = published
        rotated.data["KAFKA_PASSWORD"] = "new"
        #expect(rotated.secret(updating: created, namespace: "default", owner: owner)?.data?["KAFKA_PASSWORD"] == Data("new".utf8).base64EncodedString())
    }

    static func topic(_ json: AivenJSON) throws -> KafkaTopicInfo {
        try JSONDecoder().decode(KafkaTopicInfo.self, from: Data(json.jsonBytes))
    }

    static func desiredTopic(partitions: Int = 3, config: KafkaTopicSpec.Config? = nil) async throws -> KafkaTopicKind.Desired {
        let resource = KafkaTopic(
            metadata: ObjectMeta(name: "orders", namespace: "default"),
            spec: KafkaTopicSpec(config: config, partitions: partitions, project: "harness", replication: 2, serviceName: "my-kafka", tags: [.init(key: "team", value: "a")])
        )
        return try await KafkaTopicKind().desired(for: resource, dependencies: .none)
    }

    static let observedTopic: AivenJSON = [
        "topic_name": "orders", "partitions": [["partition": 0], ["partition": 1], ["partition": 2]], "replication": 2, "state": "ACTIVE",
        "config": [
            "retention_ms": ["value": 604800000, "source": "default_config"],
            "cleanup_policy": ["value": "delete", "source": "topic_config"],
            "min_cleanable_dirty_ratio": ["value": 0.5, "source": "default_config"],
        ],
        "tags": [["key": "team", "value": "a"]],
    ]

    @Test func aTopicComparesOnlyTheOptionsItsSpecSets() async throws {
        let kind = KafkaTopicKind()
        let observed = try Self.topic(Self.observedTopic)
        #expect(kind.changes(desired: try await Self.desiredTopic(), observed: observed).isEmpty, "defaults Aiven reports are not drift")
        let desired = try await Self.desiredTopic(config: .init(cleanupPolicy: "compact", minCleanableDirtyRatio: 0.5, retentionMs: 604800000))
        #expect(desired.config == ["cleanup_policy": "compact", "min_cleanable_dirty_ratio": 0.5, "retention_ms": 604800000], "sent in Aiven's snake_case names")
        #expect(kind.changes(desired: desired, observed: observed).map(\.path) == ["config.cleanup_policy"])
        #expect(desired.topic == "orders", "the topic name defaults to metadata.name")
    }

    @Test func partitionsGrowButAShrinkIsRefused() async throws {
        let kind = KafkaTopicKind()
        let observed = try Self.topic(Self.observedTopic)
        let grow = try await Self.desiredTopic(partitions: 5)
        #expect(kind.changes(desired: grow, observed: observed).map(\.path) == ["partitions"])
        #expect(kind.refusedChange(desired: grow, observed: observed) == nil)
        let shrink = try await Self.desiredTopic(partitions: 1)
        let refusal = try #require(kind.refusedChange(desired: shrink, observed: observed))
        #expect(refusal.contains("spec.partitions is 1") && refusal.contains("3"))
    }
}
