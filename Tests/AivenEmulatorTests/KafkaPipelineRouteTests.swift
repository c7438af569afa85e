import Foundation
import KubeAPI
import Logging
import TestSupport
import Testing

@testable import AivenEmulator

/// The Kafka pipeline routes over the wire: the `kafka` service type and its connection details,
/// the project CA, topics, integrations between Kafka and Kafka Connect, connectors and the
/// connector-task failure control route. The clock is manual: services take 10 s to build,
/// topics 2 s to configure.
@Suite struct KafkaPipelineRouteTests {
    let time = ManualTime()

    struct Response {
        var status: Int
        var json: JSONValue?
        var message: String? { EmulatorHardeningTests.aivenError(json, status: status) }
        /// The value at `path`; a number in it indexes an array.
        subscript(path: String...) -> JSONValue? {
            path.reduce(json) { value, key in
                if let items = value?.arrayValue, let index = Int(key) { return items.indices.contains(index) ? items[index] : nil }
                return value?[key]
            }
        }
    }

    final class Emulator: Sendable {
        let running: RunningAivenEmulator
        let time: ManualTime

        init(_ running: RunningAivenEmulator, time: ManualTime) {
            self.running = running
            self.time = time
        }

        @discardableResult
        func call(_ method: String, _ path: String, _ body: String? = nil) async throws -> Response {
            let port = running.port
            let (status, text) = try await offThePool {
                try RawHTTPConnection.exchange(host: "127.0.0.1", port: port, method: method, path: path, body: body, authorization: "aivenv1 t")
            }
            return Response(status: status, json: try? JSONParser().parse(Array(text.utf8)))
        }

        /// Creates a service and lets it build.
        func running(_ name: String, type: String = "kafka", plan: String = "business-4", userConfig: String = "{}") async throws {
            let created = try await call(
                "POST", "/v1/project/p/service",
                #"{"service_name": "\#(name)", "service_type": "\#(type)", "plan": "\#(plan)", "user_config": \#(userConfig)}"#)
            #expect(created.status == 200, "\(created.json?.jsonString ?? "")")
            time.advance(seconds: 10)
        }

        /// A Kafka `kafka`, a Kafka Connect `connect` and the integration joining them, all running.
        func pipeline() async throws {
            try await running("kafka")
            try await running("connect", type: "kafka_connect")
            let integration = try await call(
                "POST", "/v1/project/p/integration", #"{"integration_type": "kafka_connect", "source_service": "kafka", "dest_service": "connect"}"#)
            #expect(integration.status == 200)
        }
    }

    func withEmulator(stateFile: String? = nil, _ body: (Emulator) async throws -> Void) async throws {
        var quiet = Logger(label: "aiven-emulator")
        quiet.logLevel = .critical
        let time = time
        let running = try await AivenEmulator(
            configuration: AivenEmulatorConfiguration(
                tokens: [EmulatorToken("t")], timings: EmulatorTimings(provisionDelay: .seconds(10), topicDelay: .seconds(2)), stateFile: stateFile,
                now: { time.now }),
            logger: quiet
        ).start()
        do {
            try await body(Emulator(running, time: time))
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }

    // MARK: Kafka service type and connection details

    @Test func theCatalogueSellsKafkaWithAivensSchema() async throws {
        try await withEmulator { emulator in
            let types = try await emulator.call("GET", "/v1/service_types")
            #expect(types["service_types", "kafka", "user_config_schema", "properties", "kafka_authentication_methods"] != nil)
            #expect(types["service_types", "kafka_connect", "user_config_schema", "properties", "kafka_authentication_methods"] == nil)
            let kafka = try await emulator.call("GET", "/v1/project/p/service-types/kafka")
            let plans = kafka["service_plans"]?.arrayValue?.compactMap { $0["service_plan"]?.stringValue } ?? []
            #expect(plans.contains("startup-2") && plans.contains("startup-4") && plans.contains("business-4"))
            #expect(kafka["service_plans", "0", "service_type"] == "kafka")

            let wrongPlan = try await emulator.call("POST", "/v1/project/p/service", #"{"service_name": "k", "service_type": "kafka", "plan": "premium-4"}"#)
            #expect(wrongPlan.status == 400)
            #expect(wrongPlan.message == "Invalid plan 'premium-4' for service type 'kafka'")
            let badConfig = try await emulator.call(
                "POST", "/v1/project/p/service", #"{"service_name": "k", "service_type": "kafka", "plan": "startup-2", "user_config": {"kafka_rest": 1}}"#)
            #expect(badConfig.message == "Invalid 'user_config': Invalid input for kafka_rest: 1 is not of type 'boolean'")
            #expect(try await emulator.call("GET", "/v1/project/p/service/k").status == 404)
        }
    }

    @Test func aKafkaServiceHasItsConnectionDetails() async throws {
        try await withEmulator { emulator in
            try await emulator.running("kafka")
            let service = try await emulator.call("GET", "/v1/project/p/service/kafka")
            #expect(service["service", "service_type"] == "kafka")
            #expect(service["service", "state"] == "RUNNING")
            let host = try #require(service["service", "service_uri_params", "host"]?.stringValue)
            let port = try #require(service["service", "service_uri_params", "port"]?.stringValue)
            #expect(host == "kafka-p.a.aivencloud.com")
            #expect(service["service", "service_uri"]?.stringValue == "\(host):\(port)")
            let user = try #require(service["service", "users", "0"])
            #expect(user["username"] == "avnadmin")
            #expect(user["type"] == "primary")
            let password = try #require(user["password"]?.stringValue)
            #expect(password.hasPrefix("AVNS_") && password.count == 24)
            #expect(user["access_cert"]?.stringValue?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
            #expect(user["access_key"]?.stringValue?.hasPrefix("-----BEGIN PRIVATE KEY-----") == true)
            #expect(service["service", "connection_info", "kafka_access_cert"] == user["access_cert"])
            #expect(service["service", "connection_info", "kafka_access_key"] == user["access_key"])
            #expect(service["service", "connection_info", "kafka"] == [.string("\(host):\(port)")])
            #expect(service["service", "connection_info", "schema_registry_uri"] != nil)
            #expect(service["service", "connection_info", "kafka_rest_uri"] != nil)
            // Only the certificate listener by default.
            let components = service["service", "components"]?.arrayValue ?? []
            #expect(components.map { $0["component"] } == ["kafka"])
            #expect(components.first?["kafka_authentication_method"] == "certificate")
            #expect(components.first?["port"]?.integerValue.map(String.init) == port)
            // Stable across reads; another service has its own.
            #expect(try await emulator.call("GET", "/v1/project/p/service/kafka")["service", "users"] == service["service", "users"])
            try await emulator.running("other")
            let other = try await emulator.call("GET", "/v1/project/p/service/other")
            #expect(other["service", "users", "0", "password"] != user["password"])
            #expect(other["service", "users", "0", "access_key"] != user["access_key"])
        }
    }

    @Test func componentsFollowTheUserConfig() async throws {
        try await withEmulator { emulator in
            try await emulator.running(
                "kafka",
                userConfig: #"{"kafka_authentication_methods": {"sasl": true}, "schema_registry": true, "kafka_rest": true, "kafka_connect": true}"#)
            let service = try await emulator.call("GET", "/v1/project/p/service/kafka")
            let components = service["service", "components"]?.arrayValue ?? []
            let names = components.map { "\($0["component"]?.stringValue ?? "")/\($0["kafka_authentication_method"]?.stringValue ?? "-")" }
            #expect(names == ["kafka/certificate", "kafka/sasl", "schema_registry/-", "kafka_rest/-", "kafka_connect/-"])
            #expect(Set(components.compactMap { $0["port"]?.integerValue }).count == 5)
            #expect(components.allSatisfy { $0["host"]?.stringValue == "kafka-p.a.aivencloud.com" })
            #expect(service["service", "connection_info", "kafka_connect_uri"]?.stringValue?.hasPrefix("https://avnadmin:AVNS_") == true)
        }
    }

    @Test func credentialsSurviveARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var users: JSONValue?
        try await withEmulator(stateFile: path) { emulator in
            try await emulator.running("kafka")
            _ = try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders", "partitions": 3, "replication": 2}"#)
            users = try await emulator.call("GET", "/v1/project/p/service/kafka")["service", "users"]
        }
        let expected = try #require(users)
        try await withEmulator(stateFile: path) { (emulator: Emulator) async throws in
            let service = try await emulator.call("GET", "/v1/project/p/service/kafka")
            #expect(service["service", "users"] == expected)
            let topics = try await emulator.call("GET", "/v1/project/p/service/kafka/topic")
            #expect(topics["topics", "0", "partitions"] == 3)
        }
    }

    @Test func theProjectCAIsAPEMCertificate() async throws {
        try await withEmulator { emulator in
            let ca = try await emulator.call("GET", "/v1/project/p/kms/ca")
            #expect(ca.status == 200)
            let certificate = try #require(ca["certificate"]?.stringValue)
            #expect(certificate.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
            #expect(certificate.hasSuffix("-----END CERTIFICATE-----\n"))
        }
    }

    // MARK: Topics

    @Test func topicsLiveOnARunningKafka() async throws {
        try await withEmulator { emulator in
            _ = try await emulator.call("POST", "/v1/project/p/service", #"{"service_name": "kafka", "service_type": "kafka", "plan": "business-4"}"#)
            let early = try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders"}"#)
            #expect(early.status == 409)
            emulator.time.advance(seconds: 10)
            try await emulator.running("connect", type: "kafka_connect")
            let notKafka = try await emulator.call("POST", "/v1/project/p/service/connect/topic", #"{"topic_name": "orders"}"#)
            #expect(notKafka.status == 400)
            #expect(try await emulator.call("POST", "/v1/project/p/service/nothing/topic", #"{"topic_name": "orders"}"#).message == "Service nothing does not exist")
            _ = try await emulator.call("PUT", "/v1/project/p/service/kafka", #"{"powered": false}"#)
            let off = try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders"}"#)
            #expect(off.status == 409)
            #expect(off.message == "Database not powered on")
            #expect(try await emulator.call("GET", "/v1/project/p/service/kafka/topic")["topics"] == [])
        }
    }

    @Test func aTopicConfiguresThenReadsAsAiven() async throws {
        try await withEmulator { emulator in
            try await emulator.running("kafka")
            let created = try await emulator.call(
                "POST", "/v1/project/p/service/kafka/topic",
                #"{"topic_name": "orders", "partitions": 3, "replication": 2, "config": {"retention_ms": 1000, "cleanup_policy": "compact"}, "tags": [{"key": "team", "value": "pay"}]}"#
            )
            #expect(created.status == 200)
            let listed = try await emulator.call("GET", "/v1/project/p/service/kafka/topic")
            #expect(listed["topics", "0", "topic_name"] == "orders")
            #expect(listed["topics", "0", "partitions"] == 3)
            #expect(listed["topics", "0", "state"] == "CONFIGURING")
            #expect(listed["topics", "0", "cleanup_policy"] == "compact")
            #expect(listed["topics", "0", "tags"] == [["key": "team", "value": "pay"]])
            let configuring = try await emulator.call("GET", "/v1/project/p/service/kafka/topic/orders")
            #expect(configuring.status == 501)
            #expect(configuring.message == "Failed to fetch Kafka topic: orders")
            emulator.time.advance(seconds: 2)
            let topic = try await emulator.call("GET", "/v1/project/p/service/kafka/topic/orders")
            #expect(topic["topic", "state"] == "ACTIVE")
            #expect(topic["topic", "partitions"]?.arrayValue?.compactMap { $0["partition"]?.integerValue } == [0, 1, 2])
            #expect(topic["topic", "replication"] == 2)
            #expect(topic["topic", "config", "retention_ms"] == ["value": 1000, "source": "topic_config", "synonyms": []])
            #expect(topic["topic", "config", "segment_ms", "source"] == "default_config")
            #expect(topic["topic", "config", "min_insync_replicas", "value"] == 1)
            #expect(topic["topic", "retention_hours"] == 0)
            #expect(try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders"}"#).message == "Topic 'orders' already exists")
        }
    }

    @Test func partitionsOnlyGrowAndReplicationFitsTheBrokers() async throws {
        try await withEmulator { emulator in
            try await emulator.running("kafka")
            _ = try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders", "partitions": 3, "replication": 2}"#)
            let shrink = try await emulator.call("PUT", "/v1/project/p/service/kafka/topic/orders", #"{"partitions": 2}"#)
            #expect(shrink.status == 400)
            #expect(shrink.message == "Reducing partition count is not supported")
            let tooMany = try await emulator.call("PUT", "/v1/project/p/service/kafka/topic/orders", #"{"replication": 4}"#)
            #expect(tooMany.message == "Replication factor: 4 larger than available brokers: 3.")
            let unknown = try await emulator.call("PUT", "/v1/project/p/service/kafka/topic/orders", #"{"config": {"retention_days": 1}}"#)
            #expect(unknown.message == "Invalid input for config: Additional properties are not allowed ('retention_days' was unexpected)")
            let grow = try await emulator.call(
                "PUT", "/v1/project/p/service/kafka/topic/orders", #"{"partitions": 6, "replication": null, "config": {"retention_ms": 5000}, "tags": []}"#)
            #expect(grow.status == 200)
            emulator.time.advance(seconds: 2)
            let topic = try await emulator.call("GET", "/v1/project/p/service/kafka/topic/orders")
            #expect(topic["topic", "partitions"]?.arrayValue?.count == 6)
            #expect(topic["topic", "replication"] == 2)
            #expect(topic["topic", "config", "retention_ms", "value"] == 5000)
            #expect(try await emulator.call("DELETE", "/v1/project/p/service/kafka/topic/orders").status == 200)
            let gone = try await emulator.call("GET", "/v1/project/p/service/kafka/topic/orders")
            #expect(gone.status == 404)
            #expect(gone.message == "Topic 'orders' does not exist")
            #expect(try await emulator.call("DELETE", "/v1/project/p/service/kafka/topic/orders").status == 404)
            #expect(try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "a/b"}"#).status == 400)
        }
    }

    @Test(arguments: [
        #"[]"#, #"{"#, #"{"topic_name": 5}"#, #"{}"#, #"{"topic_name": ""}"#, #"{"topic_name": "a", "partitions": 1e300}"#,
        #"{"topic_name": "a", "partitions": 0}"#, #"{"topic_name": "a", "partitions": "3"}"#, #"{"topic_name": "a", "config": null}"#,
        #"{"topic_name": "a", "config": {"retention_ms": "1"}}"#, #"{"topic_name": "a", "config": {"cleanup_policy": "never"}}"#,
        #"{"topic_name": "a", "tags": {"k": "v"}}"#, #"{"topic_name": "a", "tags": [{"key": "k"}]}"#, #"{"topic_name": "a", "colour": 1}"#,
        #"{"topic_name": "\#(String(repeating: "x", count: 250))"}"#, #"{"topic_name": ".."}"#, #"{"topic_name": "a", "min_insync_replicas": 4}"#,
    ])
    func badTopicBodiesAreA400AndCreateNothing(body: String) async throws {
        try await withEmulator { emulator in
            try await emulator.running("kafka")
            let response = try await emulator.call("POST", "/v1/project/p/service/kafka/topic", body)
            #expect(response.status == 400)
            #expect(response.message != nil)
            #expect(try await emulator.call("GET", "/v1/project/p/service/kafka/topic")["topics"] == [])
        }
    }

    @Test func oddTopicAndConnectorPathsAreAnsweredInAivensShape() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            for path in [
                "/v1/project/p/service/kafka/topic/%ff%fe", "/v1/project/p/service/kafka/topic/a%2Fb", "/v1/project/p/service/kafka/topic/%00",
                "/v1/project/p/service/connect/connectors/%ff/status", "/v1/project/p/service/connect/connectors/..%2F..%2Fx",
            ] {
                let response = try await emulator.call("GET", path)
                #expect(response.status == 404, "\(path)")
                #expect(response.message != nil)
            }
            #expect(try await emulator.call("POST", "/v1/project/p/service/connect/connectors/sink/tasks/x/restart").status == 404)
        }
    }

    // MARK: Integrations

    @Test func integrationsJoinCompatibleServicesOnce() async throws {
        try await withEmulator { emulator in
            try await emulator.running("kafka")
            try await emulator.running("connect", type: "kafka_connect")
            let reversed = try await emulator.call(
                "POST", "/v1/project/p/integration", #"{"integration_type": "kafka_connect", "source_service": "connect", "dest_service": "kafka"}"#)
            #expect(reversed.status == 400)
            let badConfig = try await emulator.call(
                "POST", "/v1/project/p/integration",
                #"{"integration_type": "kafka_connect", "source_service": "kafka", "dest_service": "connect", "user_config": {"kafka_connect": {"group": "x"}}}"#)
            #expect(badConfig.status == 400)
            let body = #"{"integration_type": "kafka_connect", "source_service": "kafka", "dest_service": "connect", "user_config": {"kafka_connect": {"group_id": "connect"}}}"#
            let created = try await emulator.call("POST", "/v1/project/p/integration", body)
            #expect(created["service_integration", "source_service_type"] == "kafka")
            #expect(created["service_integration", "dest_service_type"] == "kafka_connect")
            #expect(try await emulator.call("POST", "/v1/project/p/integration", body).status == 409)
            #expect(try await emulator.call("GET", "/v1/project/p/service/connect/integration")["service_integrations"]?.arrayValue?.count == 1)
        }
    }

    @Test func deletingAServiceRemovesItsIntegrationsTopicsAndConnectors() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            _ = try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders"}"#)
            _ = try await emulator.call("POST", "/v1/project/p/service/connect/connectors", #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#)
            #expect(try await emulator.call("DELETE", "/v1/project/p/service/kafka").status == 200)
            #expect(try await emulator.call("GET", "/v1/project/p/service/connect/integration")["service_integrations"] == [])
            // The connector outlives the Kafka it read (it is the Connect service's); it goes with that service.
            #expect(try await emulator.call("GET", "/v1/project/p/service/connect/connectors")["connectors"]?.arrayValue?.count == 1)
            #expect(try await emulator.call("DELETE", "/v1/project/p/service/connect").status == 200)
            try await emulator.running("kafka")
            try await emulator.running("connect", type: "kafka_connect")
            #expect(try await emulator.call("GET", "/v1/project/p/service/kafka/topic")["topics"] == [])
            #expect(try await emulator.call("GET", "/v1/project/p/service/connect/connectors")["connectors"] == [])
        }
    }

    // MARK: Connectors

    @Test func aConnectorNeedsKafkaConnect() async throws {
        try await withEmulator { emulator in
            let connector = #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#
            try await emulator.running("connect", type: "kafka_connect")
            let lonely = try await emulator.call("POST", "/v1/project/p/service/connect/connectors", connector)
            #expect(lonely.status == 400)
            #expect(lonely.message == "Service connect has no kafka_connect integration with a Kafka service")
            try await emulator.running("plain")
            let plain = try await emulator.call("POST", "/v1/project/p/service/plain/connectors", connector)
            #expect(plain.status == 400)
            #expect(plain.message?.contains("Kafka Connect is not enabled") == true)
            try await emulator.running("kafka", userConfig: #"{"kafka_connect": true}"#)
            #expect(try await emulator.call("POST", "/v1/project/p/service/kafka/connectors", connector).status == 200)
            #expect(try await emulator.call("GET", "/v1/project/p/service/kafka/available-connectors")["plugins"]?.arrayValue?.count == ConnectorCatalog.plugins.count)
        }
    }

    @Test(arguments: [
        (#"{"connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#, "Invalid input: 'name' is a required property"),
        (#"{"name": "sink"}"#, "Invalid input: 'connector.class' is a required property"),
        (#"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": 2}"#, "Invalid input for tasks.max: 2 is not of type 'string'"),
        (#"["name"]"#, "Invalid input: ['name'] is not of type 'object'"),
    ])
    func badConnectorConfigsAreRefused(body: String, message: String) async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            let response = try await emulator.call("POST", "/v1/project/p/service/connect/connectors", body)
            #expect(response.status == 400)
            #expect(response.message == message)
            #expect(try await emulator.call("GET", "/v1/project/p/service/connect/connectors")["connectors"] == [])
        }
    }

    @Test func unknownConnectorClassesAreRefused() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            let response = try await emulator.call("POST", "/v1/project/p/service/connect/connectors", #"{"name": "x", "connector.class": "com.example.Nope"}"#)
            #expect(response.status == 400)
            #expect(response.message?.hasPrefix("Failed to find any class that implements Connector and which name matches com.example.Nope") == true)
        }
    }

    @Test func aConnectorsLifecycle() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            let connectors = "/v1/project/p/service/connect/connectors"
            let created = try await emulator.call(
                "POST", connectors,
                #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2", "connection.password": "s3cret"}"#)
            #expect(created["connector", "name"] == "sink")
            #expect(created["connector", "plugin", "class"] == "io.aiven.connect.jdbc.JdbcSinkConnector")
            #expect(created["connector", "plugin", "type"] == "sink")
            #expect(created["connector", "tasks"] == [["connector": "sink", "task": 0], ["connector": "sink", "task": 1]])
            #expect(try await emulator.call("POST", connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#).status == 409)
            let listed = try await emulator.call("GET", connectors)
            #expect(listed["connectors", "0", "config", "connection.password"] == "s3cret")
            let status = try await emulator.call("GET", "\(connectors)/sink/status")
            #expect(status["status"] == ["state": "RUNNING", "tasks": [["id": 0, "state": "RUNNING", "trace": ""], ["id": 1, "state": "RUNNING", "trace": ""]]])

            let edited = try await emulator.call("PUT", "\(connectors)/sink", #"{"connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "1"}"#)
            #expect(edited["connector", "config"] == ["name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "1"])
            let renamed = try await emulator.call("PUT", "\(connectors)/sink", #"{"name": "other", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#)
            #expect(renamed.status == 400)
            #expect(try await emulator.call("PUT", "\(connectors)/nope", #"{"connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#).status == 404)

            #expect(try await emulator.call("POST", "\(connectors)/sink/pause").status == 200)
            #expect(try await emulator.call("GET", "\(connectors)/sink/status")["status", "state"] == "PAUSED")
            #expect(try await emulator.call("POST", "\(connectors)/sink/resume").status == 200)
            #expect(try await emulator.call("GET", "\(connectors)/sink/status")["status", "tasks", "0", "state"] == "RUNNING")
            #expect(try await emulator.call("DELETE", "\(connectors)/sink").status == 200)
            let gone = try await emulator.call("GET", "\(connectors)/sink/status")
            #expect(gone.status == 404)
            #expect(gone.message == "Connector sink not found")
        }
    }

    @Test func aFailedTaskIsReportedUntilTheConnectorIsEditedOrRestarted() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            let connectors = "/v1/project/p/service/connect/connectors"
            _ = try await emulator.call("POST", connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            let fail = "/_emulator/project/p/service/connect/connectors/sink/fail"
            let trace = "org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat x"
            let failed = try await emulator.call("POST", fail, #"{"task": 1, "trace": "\#(trace)"}"#)
            #expect(failed.status == 200)
            let status = try await emulator.call("GET", "\(connectors)/sink/status")
            #expect(status["status", "state"] == "RUNNING")
            #expect(status["status", "tasks", "0", "state"] == "RUNNING")
            #expect(status["status", "tasks", "1", "state"] == "FAILED")
            #expect(status["status", "tasks", "1", "trace"] == "org.apache.kafka.connect.errors.ConnectException: boom\n\tat x")
            // Kafka Connect's connector restart leaves the tasks as they are; the task's own restart runs it again.
            #expect(try await emulator.call("POST", "\(connectors)/sink/restart").status == 200)
            #expect(try await emulator.call("GET", "\(connectors)/sink/status")["status", "tasks", "1", "state"] == "FAILED")
            #expect(try await emulator.call("POST", "\(connectors)/sink/tasks/1/restart").status == 200)
            #expect(try await emulator.call("GET", "\(connectors)/sink/status")["status", "tasks", "1", "state"] == "RUNNING")

            _ = try await emulator.call("POST", fail, #"{"task": 0, "trace": "x"}"#)
            _ = try await emulator.call("PUT", "\(connectors)/sink", #"{"connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            #expect(try await emulator.call("GET", "\(connectors)/sink/status")["status", "tasks", "0", "state"] == "RUNNING")
        }
    }

    @Test(arguments: [
        #"{"task": 2, "trace": "x"}"#, #"{"task": -1, "trace": "x"}"#, #"{"task": 0}"#, #"{"task": 0, "class": "cosmic-rays"}"#, #"{"task": "0", "trace": "x"}"#,
        #"{"task": 0, "class": "transient", "failing_restarts": -1}"#,
        #"{"task": 0, "trace": ""}"#, #"{"task": 0, "trace": "x", "state": "FAILED"}"#, #"{"task": 1e300, "trace": "x"}"#, #"[]"#, #"{"#,
    ])
    func badFailuresAreA400AndChangeNothing(body: String) async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            let connectors = "/v1/project/p/service/connect/connectors"
            _ = try await emulator.call("POST", connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            let response = try await emulator.call("POST", "/_emulator/project/p/service/connect/connectors/sink/fail", body)
            #expect(response.status == 400)
            #expect(response.message != nil)
            let tasks = try await emulator.call("GET", "\(connectors)/sink/status")["status", "tasks"]?.arrayValue ?? []
            #expect(tasks.map { $0["state"] } == ["RUNNING", "RUNNING"])
            let missing = try await emulator.call("POST", "/_emulator/project/p/service/connect/connectors/none/fail", #"{"task": 0, "trace": "x"}"#)
            #expect(missing.status == 404)
        }
    }

    // MARK: Request log and faults

    @Test func theNewRoutesAreLoggedAndTakeFaults() async throws {
        try await withEmulator { emulator in
            try await emulator.running("kafka")
            let template = "/v1/project/{project}/service/{service_name}/topic"
            _ = try await emulator.call("POST", "/_emulator/faults", #"{"method": "POST", "path": "\#(template)", "status": 503, "count": 1}"#)
            #expect(try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders"}"#).status == 503)
            #expect(try await emulator.call("GET", "/v1/project/p/service/kafka/topic")["topics"] == [])
            #expect(try await emulator.call("POST", "/v1/project/p/service/kafka/topic", #"{"topic_name": "orders"}"#).status == 200)
            let log = try await emulator.call("GET", "/_emulator/requests")
            #expect(log["by_route", "POST \(template)"] == 2)
            #expect(log["by_route", "GET \(template)"] == 1)
        }
    }
}
