import Foundation
import KubeAPI
import Synchronization
import TestSupport
import Testing

@testable import AivenClient

/// The topic and connector endpoints send Aiven's paths and bodies and read Aiven's response shapes
/// (as documented by Aiven's generated API client, `aiven/go-client-codegen`).
@Suite struct KafkaPipelineEndpointTests {
    /// Answers every request with one canned response and remembers the requests.
    final class RecordingTransport: AivenTransport {
        let answer: AivenResponse
        let requests = Mutex<[AivenRequest]>([])

        init(status: Int = 200, body: String) {
            answer = AivenResponse(status: status, body: Array(body.utf8))
        }

        func send(_ request: AivenRequest, timeout: Duration) async throws(AivenError) -> AivenResponse {
            requests.withLock { $0.append(request) }
            return answer
        }

        var only: AivenRequest? { requests.withLock { $0.count == 1 ? $0.first : nil } }
    }

    static func client(_ transport: RecordingTransport) -> AivenClient {
        AivenClient(transport: transport, sleep: { _ in })
    }

    static func body(_ request: AivenRequest?) throws -> JSONValue {
        try JSONParser().parse(request?.body ?? [])
    }

    @Test func topicCreateSendsTheTopicAndItsConfig() async throws {
        let transport = RecordingTransport(body: #"{"message":"created"}"#)
        let request = KafkaTopicRequest(
            topicName: "orders", partitions: 3, replication: 2, config: ["retention_ms": 1000, "cleanup_policy": "compact"],
            tags: [KafkaTopicTag(key: "team", value: "pay")])
        try await Self.client(transport).createKafkaTopic(project: "p", service: "my-kafka", request)
        let sent = try #require(transport.only)
        #expect(sent.method == .post)
        #expect(sent.path == "/v1/project/p/service/my-kafka/topic?limit=999")
        #expect(try Self.body(sent) == [
            "topic_name": "orders", "partitions": 3, "replication": 2,
            "config": ["retention_ms": 1000, "cleanup_policy": "compact"], "tags": [["key": "team", "value": "pay"]],
        ])
    }

    @Test func topicUpdateNeverSendsTheNameAndEncodesThePath() async throws {
        let transport = RecordingTransport(body: #"{"message":"updated"}"#)
        try await Self.client(transport).updateKafkaTopic(project: "p", service: "k", topic: "a.b/c", KafkaTopicRequest(topicName: "ignored", partitions: 6))
        let sent = try #require(transport.only)
        #expect(sent.method == .put)
        #expect(sent.path == "/v1/project/p/service/k/topic/a.b%2Fc?limit=999")
        #expect(try Self.body(sent) == ["partitions": 6])
    }

    @Test func topicGetCountsPartitionsAndSeparatesTopicConfigFromDefaults() async throws {
        let transport = RecordingTransport(body: """
            {"topic": {"topic_name": "orders", "replication": 2, "state": "ACTIVE",
              "partitions": [{"partition": 0, "isr": 2, "size": 0}, {"partition": 1, "isr": 2, "size": 0}],
              "config": {"retention_ms": {"value": 1000, "source": "topic_config", "synonyms": []},
                         "cleanup_policy": {"value": "delete", "source": "default_config"}},
              "tags": [{"key": "team", "value": "pay"}]}}
            """)
        let topic = try await Self.client(transport).getKafkaTopic(project: "p", service: "k", topic: "orders")
        #expect(transport.only?.path == "/v1/project/p/service/k/topic/orders?limit=999")
        #expect(topic.partitions == 2)
        #expect(topic.replication == 2)
        #expect(topic.state == "ACTIVE")
        #expect(topic.config == ["retention_ms": 1000, "cleanup_policy": "delete"])
        #expect(topic.topicConfig == ["retention_ms": 1000])
        #expect(topic.tags == [KafkaTopicTag(key: "team", value: "pay")])
    }

    @Test func topicListReadsPartitionCounts() async throws {
        let transport = RecordingTransport(body: #"{"topics": [{"topic_name": "a", "partitions": 3, "replication": 2, "state": "CONFIGURING"}]}"#)
        let topics = try await Self.client(transport).listKafkaTopics(project: "p", service: "k")
        #expect(topics.map(\.partitions) == [3])
        #expect(topics.map(\.state) == ["CONFIGURING"])
    }

    @Test func aMissingTopicIsNotFound() async throws {
        let transport = RecordingTransport(status: 404, body: #"{"message": "Topic 'x' does not exist", "errors": [{"message": "Topic 'x' does not exist", "status": 404}]}"#)
        await #expect(throws: AivenError.notFound(message: "Topic 'x' does not exist")) {
            try await Self.client(transport).deleteKafkaTopic(project: "p", service: "k", topic: "x")
        }
        #expect(transport.only?.method == .delete)
    }

    @Test func connectorCreateSendsTheFlatConfig() async throws {
        let transport = RecordingTransport(body: """
            {"connector": {"name": "sink", "config": {"name": "sink", "connector.class": "io.example.Sink", "tasks.max": "2"},
              "plugin": {"class": "io.example.Sink", "title": "Example", "type": "sink", "version": "1.0", "author": "Aiven", "docURL": "https://example.com"},
              "tasks": [{"connector": "sink", "task": 0}, {"connector": "sink", "task": 1}]}}
            """)
        let config = ["name": "sink", "connector.class": "io.example.Sink", "tasks.max": "2"]
        let connector = try await Self.client(transport).createKafkaConnector(project: "p", service: "connect", config: config)
        let sent = try #require(transport.only)
        #expect(sent.method == .post)
        #expect(sent.path == "/v1/project/p/service/connect/connectors?limit=999")
        #expect(try Self.body(sent) == ["name": "sink", "connector.class": "io.example.Sink", "tasks.max": "2"])
        #expect(connector.name == "sink")
        #expect(connector.config == config)
        #expect(connector.tasks == [0, 1])
        #expect(connector.plugin?.className == "io.example.Sink")
        #expect(connector.plugin?.type == "sink")
    }

    @Test func connectorEditStatusAndDeletePaths() async throws {
        let edit = RecordingTransport(body: #"{"connector": {"name": "sink", "config": {"name": "sink"}, "tasks": []}}"#)
        _ = try await Self.client(edit).editKafkaConnector(project: "p", service: "connect", connector: "sink", config: ["name": "sink"])
        #expect(edit.only?.method == .put)
        #expect(edit.only?.path == "/v1/project/p/service/connect/connectors/sink?limit=999")

        let status = RecordingTransport(body: """
            {"status": {"state": "RUNNING", "tasks": [{"id": 0, "state": "RUNNING", "trace": ""}, {"id": 1, "state": "FAILED", "trace": "java.lang.Exception: boom\\n\\tat x"}]}}
            """)
        let observed = try await Self.client(status).getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink")
        #expect(status.only?.path == "/v1/project/p/service/connect/connectors/sink/status?limit=999")
        #expect(observed == KafkaConnectorStatusInfo(state: "RUNNING", tasks: [.init(id: 0, state: "RUNNING"), .init(id: 1, state: "FAILED", trace: "java.lang.Exception: boom\n\tat x")]))

        let delete = RecordingTransport(body: #"{"message": "deleted"}"#)
        try await Self.client(delete).deleteKafkaConnector(project: "p", service: "connect", connector: "sink")
        #expect(delete.only?.method == .delete)
        #expect(delete.only?.path == "/v1/project/p/service/connect/connectors/sink?limit=999")
    }

    @Test func integrationUpdateSendsOnlyTheUserConfig() async throws {
        let transport = RecordingTransport(body: """
            {"service_integration": {"service_integration_id": "abc", "integration_type": "kafka_connect", "source_service": "k", "dest_service": "c",
              "active": true, "enabled": true, "user_config": {"kafka_connect": {"group_id": "connect"}}}}
            """)
        let updated = try await Self.client(transport).updateServiceIntegration(project: "p", id: "abc", userConfig: ["kafka_connect": ["group_id": "connect"]])
        let sent = try #require(transport.only)
        #expect(sent.method == .put)
        #expect(sent.path == "/v1/project/p/integration/abc?limit=999")
        #expect(try Self.body(sent) == ["user_config": ["kafka_connect": ["group_id": "connect"]]])
        #expect(updated.serviceIntegrationId == "abc")
        #expect(updated.userConfig == ["kafka_connect": ["group_id": "connect"]])
    }

    @Test func availableConnectorsReadsThePlugins() async throws {
        let transport = RecordingTransport(body: """
            {"plugins": [{"class": "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "title": "OpenSearch sink", "type": "sink", "version": "3.1.0", "author": "Aiven", "docURL": "https://github.com/aiven/opensearch-connector-for-apache-kafka"}]}
            """)
        let plugins = try await Self.client(transport).availableKafkaConnectors(project: "p", service: "connect")
        #expect(transport.only?.path == "/v1/project/p/service/connect/available-connectors?limit=999")
        #expect(plugins.map(\.className) == ["io.aiven.kafka.connect.opensearch.OpensearchSinkConnector"])
    }

    /// The client reads what the emulator answers for the whole pipeline, over the wire.
    @Test func theClientReadsTheEmulatorsPipeline() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(
                project: "p",
                ServiceCreateRequest(
                    serviceName: "kafka", serviceType: "kafka", plan: "business-4", projectVPC: .publicNetwork,
                    userConfig: ["kafka_authentication_methods": ["sasl": true], "schema_registry": true]))
            _ = try await client.createService(project: "p", .kafkaConnect("connect"))
            harness.time.advance(seconds: 10)

            let kafka = try await client.getService(project: "p", name: "kafka", includeSecrets: true)
            #expect(kafka.serviceURIParams?["host"] == "kafka-p.a.aivencloud.com")
            #expect(kafka.users?.first?.username == "avnadmin")
            #expect(kafka.users?.first?.password?.hasPrefix("AVNS_") == true)
            #expect(kafka.users?.first?.accessKey == kafka.connectionInfo?["kafka_access_key"]?.stringValue)
            #expect(kafka.components?.compactMap(\.kafkaAuthenticationMethod) == ["certificate", "sasl"])
            #expect(kafka.components?.contains { $0.component == "schema_registry" } == true)
            #expect(try await client.getProjectCA(project: "p").hasPrefix("-----BEGIN CERTIFICATE-----"))

            try await client.createKafkaTopic(
                project: "p", service: "kafka",
                KafkaTopicRequest(topicName: "orders", partitions: 3, replication: 2, config: ["retention_ms": 1000], tags: [KafkaTopicTag(key: "team", value: "pay")]))
            #expect(try await client.listKafkaTopics(project: "p", service: "kafka").map(\.state) == ["CONFIGURING"])
            // Still configuring: Aiven's 501 "retry later", retried, then surfaced.
            await #expect(throws: AivenError.server(status: 501, message: "Failed to fetch Kafka topic: orders")) {
                try await client.getKafkaTopic(project: "p", service: "kafka", topic: "orders")
            }
            harness.time.advance(seconds: 1)
            let topic = try await client.getKafkaTopic(project: "p", service: "kafka", topic: "orders")
            #expect(topic.partitions == 3)
            #expect(topic.replication == 2)
            #expect(topic.state == "ACTIVE")
            #expect(topic.topicConfig == ["retention_ms": 1000])
            #expect(topic.config["cleanup_policy"] == "delete")
            #expect(topic.tags == [KafkaTopicTag(key: "team", value: "pay")])
            await #expect(throws: AivenError.invalid(message: "Reducing partition count is not supported")) {
                try await client.updateKafkaTopic(project: "p", service: "kafka", topic: "orders", KafkaTopicRequest(partitions: 2))
            }

            _ = try await client.createServiceIntegration(
                project: "p", ServiceIntegrationRequest(integrationType: "kafka_connect", sourceService: "kafka", destService: "connect"))
            #expect(try await client.availableKafkaConnectors(project: "p", service: "connect").contains { $0.className == "io.aiven.connect.jdbc.JdbcSinkConnector" })
            let config = ["name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"]
            let connector = try await client.createKafkaConnector(project: "p", service: "connect", config: config)
            #expect(connector.config == config)
            #expect(connector.tasks == [0, 1])
            #expect(connector.plugin?.type == "sink")
            #expect(try await client.listKafkaConnectors(project: "p", service: "connect").map(\.name) == ["sink"])
            _ = try await harness.control(.post, "/_emulator/project/p/service/connect/connectors/sink/fail", #"{"task": 1, "trace": "boom"}"#)
            #expect(try await client.getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink")
                == KafkaConnectorStatusInfo(state: "RUNNING", tasks: [.init(id: 0, state: "RUNNING"), .init(id: 1, state: "FAILED", trace: "boom")]))
            // Kafka Connect's connector restart leaves failed tasks; the task's restart runs it again.
            try await client.restartKafkaConnector(project: "p", service: "connect", connector: "sink")
            #expect(try await client.getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink").tasks.map(\.state) == ["RUNNING", "FAILED"])
            try await client.restartKafkaConnectorTask(project: "p", service: "connect", connector: "sink", task: 1)
            #expect(try await client.getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink").tasks.map(\.state) == ["RUNNING", "RUNNING"])
            try await client.pauseKafkaConnector(project: "p", service: "connect", connector: "sink")
            #expect(try await client.getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink")
                == KafkaConnectorStatusInfo(state: "PAUSED", tasks: [.init(id: 0, state: "PAUSED"), .init(id: 1, state: "PAUSED")]))
            try await client.resumeKafkaConnector(project: "p", service: "connect", connector: "sink")
            #expect(try await client.getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink").state == "RUNNING")
            await #expect(throws: AivenError.self) {
                try await client.restartKafkaConnectorTask(project: "p", service: "connect", connector: "sink", task: 7)
            }
            let options = try await client.kafkaConnectorPluginConfiguration(project: "p", service: "connect", connectorClass: "io.aiven.connect.jdbc.JdbcSinkConnector")
            #expect(options.filter(\.required).map(\.name) == ["connection.url"])
            #expect(options.first { $0.name == "connection.password" }?.type == "PASSWORD")
            _ = try await client.editKafkaConnector(project: "p", service: "connect", connector: "sink", config: config)
            #expect(try await client.getKafkaConnectorStatus(project: "p", service: "connect", connector: "sink").tasks.map(\.state) == ["RUNNING", "RUNNING"])
            try await client.deleteKafkaConnector(project: "p", service: "connect", connector: "sink")
            #expect(try await client.listKafkaConnectors(project: "p", service: "connect").isEmpty)
        }
    }
}
