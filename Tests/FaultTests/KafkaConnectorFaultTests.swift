import Foundation
import KubeAPI
import TestSupport
import Testing

/// A KafkaConnector against an unreliable Aiven: a create whose answer is lost is not repeated
/// into a conflict or a duplicate, and a failing status endpoint is retried and reported only
/// once it outlasts the grace period.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct KafkaConnectorFaultTests {
    static let connectors = "/v1/project/{project}/service/{service_name}/connectors"
    static let status = "/v1/project/{project}/service/{service_name}/connectors/{connector_name}/status"
    static let connector = "/v1/project/{project}/service/{service_name}/connectors/{connector_name}"
    static let password = "fault-pg-password-77aa"

    /// A Kafka service running Kafka Connect, the Secret and a connector reading it.
    static func pipeline(_ env: FaultEnvironment, connector name: String) async throws {
        let created = try await env.aiven("POST", "/v1/project/\(FaultEnvironment.project)/service", body: [
            "service_name": "kafka", "service_type": "kafka", "plan": "business-4", "cloud": "google-europe-west1",
            "user_config": ["kafka_connect": true],
        ])
        #expect(created.status == 200, "\(created.body.jsonString)")
        await try env.mustKubectl(["create", "secret", "generic", "pg", "--from-literal=PGPASSWORD=\(password)"])
        await try env.apply("""
            apiVersion: aiven.io/v1alpha1
            kind: KafkaConnector
            metadata:
              name: \(name)
            spec:
              authSecretRef: {name: aiven-token, key: token}
              project: \(FaultEnvironment.project)
              serviceName: kafka
              connectorClass: io.aiven.connect.jdbc.JdbcSinkConnector
              userConfig:
                topics: orders
                connection.url: jdbc:postgresql://pg.internal:5432/defaultdb
                connection.password: '{{ fromSecret "pg" "PGPASSWORD" }}'
            """)
    }

    static func ready(_ env: FaultEnvironment, _ name: String) async throws -> JSONValue? {
        await try env.get("kafkaconnector", name)?["status"]?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
    }

    static func connectorNames(_ env: FaultEnvironment) async throws -> [String] {
        let (status, body) = try await env.aiven("GET", "/v1/project/\(FaultEnvironment.project)/service/kafka/connectors")
        #expect(status == 200)
        return body["connectors"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    /// Nothing the operator wrote holds the Secret value.
    static func assertNoSecretValue(_ env: FaultEnvironment) async throws {
        let events = await try env.mustKubectl(["get", "events", "-A", "-o", "json"]).stdout
        let resources = await try env.mustKubectl(["get", "kafkaconnectors", "-A", "-o", "json"]).stdout
        #expect(!events.contains(password))
        #expect(!resources.contains(password))
        #expect(!env.operatorLogs.contains(password))
    }

    /// The operator dies while its connector create hangs on Aiven, which then serves it: the
    /// restarted operator finds the connector and takes it as its own, whether its own new
    /// create races the old one or comes after it.
    @Test(arguments: [0.0, 5.0])
    func aLostCreateAnswerIsNotRepeated(restartAfter seconds: Double) async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        try await env.fault("POST", Self.connectors, count: 1, ["hang_seconds": 3])
        try await Self.pipeline(env, connector: "sink")
        try await env.waitUntilFaultsUsed()
        try await Task.sleep(for: .milliseconds(300))
        env.operators[0].kill9()
        try await env.clearFaults()
        try await Task.sleep(for: .seconds(seconds))
        try env.operators[0].start()
        try await env.eventually("the connector to be Ready") { await try Self.ready(env, "sink")?["status"]?.stringValue == "True" }
        #expect(try await Self.connectorNames(env) == ["sink"])
        let events = await try env.mustKubectl(["get", "events", "--field-selector", "involvedObject.name=sink,type=Warning", "-o", "name"]).stdout
        #expect(events.isEmpty, "\(events)")
        await try Self.assertNoSecretValue(env)
        await try env.assertNoTokenLeak()
    }

    /// Issue 27: a connector is deleted without a read first. A DELETE whose connection drops is
    /// sent again, one Aiven serves late is waited for, and the read after it confirms the 404:
    /// nothing is left on Aiven and the resource goes.
    @Test func lostDeleteAnswersLeaveNoConnectorBehind() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        try await Self.pipeline(env, connector: "gone")
        try await env.eventually("the connector to be Ready") { await try Self.ready(env, "gone")?["status"]?.stringValue == "True" }
        try await env.fault("DELETE", Self.connector, count: 1, ["drop": true])
        try await env.fault("DELETE", Self.connector, count: 1, ["hang_seconds": 2])
        await try env.mustKubectl(["delete", "kafkaconnector", "gone", "--wait=false"])
        try await env.waitUntilFaultsUsed()
        try await env.eventually("the resource to go") { await try env.get("kafkaconnector", "gone") == nil }
        #expect(try await Self.connectorNames(env).isEmpty, "no connector leaked")
        let requests = try await env.aivenRequests()
        #expect(requests["GET \(Self.connectors)"] != nil, "the 404 was read")
    }

    /// A status endpoint failing with 503 is retried; it shows on the resource only after the
    /// grace period (one Warning), and the resource recovers when Aiven does.
    @Test func aFailingStatusEndpointIsRetriedThenReported() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        try await Self.pipeline(env, connector: "polled")
        try await env.eventually("the connector to be Ready") { await try Self.ready(env, "polled")?["status"]?.stringValue == "True" }

        try await env.fault("GET", Self.status, count: 1000, ["status": 503])
        // A spec change makes the operator read the status again at once.
        await try env.mustKubectl(["patch", "kafkaconnector", "polled", "--type", "merge", "-p", #"{"spec":{"userConfig":{"topics":"orders,refunds"}}}"#])
        try await env.eventually("the failure to be reported", timeout: .seconds(120)) {
            await try Self.ready(env, "polled")?["reason"]?.stringValue == "AivenUnavailable"
        }
        let message = await try Self.ready(env, "polled")?["message"]?.stringValue ?? ""
        #expect(message.contains("next attempt at"), "\(message)")
        let warnings = await try env.mustKubectl(["get", "events", "--field-selector", "involvedObject.name=polled,type=Warning", "-o", "json"]).stdout
        #expect(warnings.contains("AivenUnavailable"))

        try await env.clearFaults()
        try await env.eventually("the connector to recover", timeout: .seconds(120)) { await try Self.ready(env, "polled")?["status"]?.stringValue == "True" }
        #expect(try await Self.connectorNames(env) == ["polled"])
        await try Self.assertNoSecretValue(env)
    }
}
