import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Testing

@testable import AivenOperator

/// Connectors that stay up, over the wire against LocalKube and the emulator: restarts on
/// demand (once per annotation value), automatic restarts of transient failures only (backoff,
/// limit), credentials failures restarted when their Secret changes, a requested pause, a console
/// pause as drift, plugin checks before a create, and a connector named apart from its resource.
@Suite(.timeLimit(.minutes(2)))
struct KafkaConnectorRecoveryTests {
    typealias Reconciler = KafkaConnectorReconcilerTests
    static let restartRoute = "POST /v1/project/{project}/service/{service_name}/connectors/{connector_name}/restart"
    static let taskRestartRoute = "POST /v1/project/{project}/service/{service_name}/connectors/{connector_name}/tasks/{task_id}/restart"
    static let createRoute = "POST /v1/project/{project}/service/{service_name}/connectors"
    static let configuration = OperatorConfiguration(
        connectorRestartBackoff: Backoff(base: .milliseconds(1), cap: .milliseconds(1), jitter: 0), pollInterval: .milliseconds(100), failureGracePeriod: .zero)

    /// A Ready `sink` with `annotations`, on a Kafka with Kafka Connect.
    static func readyConnector(_ harness: OperatorHarness, annotations: [String: String]? = nil) async throws {
        try await Reconciler.createKafka(harness)
        _ = try await harness.client.resources(Secret.self, namespace: "default").create(Reconciler.pgSecret())
        _ = try await harness.kafkaConnectorClient.create(Reconciler.connector(annotations: annotations))
        try await Reconciler.converge(harness) { try await Reconciler.ready(harness)?.status == .true }
    }

    static func fail(_ harness: OperatorHarness, _ body: JSONValue, connector: String = "sink") async throws {
        try await Reconciler.control(harness, .post, "/_emulator/project/\(OperatorHarness.project)/service/kafka/connectors/\(connector)/fail", body: body)
    }

    static func requests(_ harness: OperatorHarness, _ route: String) async throws -> Int {
        Int(try await Reconciler.control(harness, .get, "/_emulator/requests")["by_route"]?[route]?.integerValue ?? 0)
    }

    static func annotate(_ harness: OperatorHarness, _ annotations: [String: String?], name: String = "sink") async throws {
        let patch: JSONValue = ["metadata": ["annotations": .object(annotations.mapValues { $0.map(JSONValue.string) ?? .null })]]
        _ = try await harness.kafkaConnectorClient.mergePatch(name, patch)
    }

    static func taskStates(_ harness: OperatorHarness) async throws -> [String] {
        try await harness.aiven.getKafkaConnectorStatus(project: OperatorHarness.project, service: "kafka", connector: "sink").tasks.map(\.state)
    }

    static func status(_ harness: OperatorHarness, _ name: String = "sink") async throws -> KafkaConnectorStatus? {
        try await harness.kafkaConnectorClient.get(name).status
    }

    @Test func theRestartAnnotationRestartsExactlyOnceAndAnIdleConnectorCostsNoWrites() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness)
            try await Self.fail(harness, ["task": 0, "class": "transient"])
            try await harness.reconcileConnector("sink")
            #expect(try await Reconciler.ready(harness)?.reason == "TaskFailed", "no automatic restart without the annotation")
            #expect(try await Reconciler.ready(harness)?.message.contains("controllers.aiven.io/restart=") == true)

            try await Reconciler.control(harness, .delete, "/_emulator/requests")
            try await Self.annotate(harness, [ConnectorAnnotations.restart: "2026-12-07T16:00"])
            try await harness.reconcileConnector("sink")
            #expect(try await Self.taskStates(harness) == ["RUNNING"])
            #expect(try await Reconciler.ready(harness)?.status == .true)
            #expect(try await Self.status(harness)?.restarts?.connector == "2026-12-07T16:00")
            #expect(try await Self.requests(harness, Self.restartRoute) == 1)
            #expect(try await Self.requests(harness, Self.taskRestartRoute) == 1)

            // Acted on once: further passes make no restart, no event and no Kubernetes write.
            let events = try await harness.events(about: "sink")
            #expect(events.filter { $0.hasPrefix("Normal: Restarted:") }.count == 1, "\(events)")
            let version = try await harness.kafkaConnectorClient.get("sink").metadata.resourceVersion
            try await Reconciler.control(harness, .delete, "/_emulator/requests")
            for _ in 0..<3 { try await harness.reconcileConnector("sink") }
            #expect(try await Self.requests(harness, Self.restartRoute) == 0)
            #expect(try await Self.requests(harness, Self.taskRestartRoute) == 0)
            let total = try await Reconciler.control(harness, .get, "/_emulator/requests")["total"]?.integerValue
            #expect(total == 6, "an idle pass is two GETs")
            #expect(try await harness.kafkaConnectorClient.get("sink").metadata.resourceVersion == version)
            #expect(try await harness.events(about: "sink") == events)
        }
    }

    @Test func theRestartTaskAnnotationRestartsThatTask() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness)
            try await Self.fail(harness, ["task": 0, "class": "transient"])
            try await Self.annotate(harness, [ConnectorAnnotations.restartTask: "0"])
            try await harness.reconcileConnector("sink")
            #expect(try await Self.taskStates(harness) == ["RUNNING"])
            #expect(try await Self.status(harness)?.restarts?.task == "0")
            #expect(try await harness.events(about: "sink").contains { $0.hasPrefix("Normal: Restarted: Restarted task 0") })
            try await Self.annotate(harness, [ConnectorAnnotations.restartTask: "9"])
            try await harness.reconcileConnector("sink")
            #expect(try await harness.events(about: "sink").contains { $0.hasPrefix("Warning: RestartRefused:") })
        }
    }

    @Test func aTransientFailureIsRestartedAutomaticallyWithTheCountInStatus() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness, annotations: [ConnectorAnnotations.autoRestart: "true"])
            try await Self.fail(harness, ["task": 0, "class": "transient"])
            try await harness.reconcileConnector("sink")
            #expect(try await Self.taskStates(harness) == ["RUNNING"])
            let status = try await Self.status(harness)
            #expect(status?.restarts?.automatic == 1)
            #expect(status?.restarts?.nextAttemptTime != nil)
            #expect(status?.state == "RUNNING")
            #expect(try await Reconciler.ready(harness)?.status == .true)
            #expect(try await harness.events(about: "sink").contains {
                $0 == "Normal: Restarted: Restarted task 0 automatically after a transient failure (restart 1 of at most 10)"
            })
        }
    }

    @Test func theRestartLimitIsHonouredAndReported() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness, annotations: [ConnectorAnnotations.autoRestart: "2"])
            try await Self.fail(harness, ["task": 0, "class": "transient", "failing_restarts": 50])
            try await Reconciler.control(harness, .delete, "/_emulator/requests")
            for _ in 0..<6 {
                try await Task.sleep(for: .milliseconds(5))
                try await harness.reconcileConnector("sink")
            }
            #expect(try await Self.requests(harness, Self.taskRestartRoute) == 2)
            #expect(try await Self.status(harness)?.restarts?.automatic == 2)
            let ready = try #require(try await Reconciler.ready(harness))
            #expect(ready.status == .false)
            #expect(ready.reason == "RestartLimitReached")
            #expect(ready.message.contains("Gave up after 2 automatic restarts"))
            #expect(try await Self.taskStates(harness) == ["FAILED"])
        }
    }

    @Test func aCredentialsFailureWaitsForItsSecretThenIsRestartedAtOnce() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness, annotations: [ConnectorAnnotations.autoRestart: "true"])
            try await Self.fail(harness, ["task": 0, "class": "credentials"])
            try await Reconciler.control(harness, .delete, "/_emulator/requests")
            for _ in 0..<3 { try await harness.reconcileConnector("sink") }
            #expect(try await Self.requests(harness, Self.taskRestartRoute) == 0, "a refused password is not restarted")
            let ready = try #require(try await Reconciler.ready(harness))
            #expect(ready.reason == "TaskFailedCredentials")
            #expect(ready.message.contains("password authentication failed"))
            #expect(ready.message.contains("Secret"))

            var secret = try await harness.client.resources(Secret.self, namespace: "default").get("pg")
            secret.data = nil
            secret.stringData = ["PGHOST": "pg.internal", "PGPASSWORD": Reconciler.rotated]
            _ = try await harness.client.resources(Secret.self, namespace: "default").replace(secret)
            try await harness.reconcileConnector("sink")
            #expect(try await Self.taskStates(harness) == ["RUNNING"])
            try await Reconciler.converge(harness) { try await Reconciler.ready(harness)?.status == .true }
            #expect(!(try await Reconciler.visible(harness)).contains(Reconciler.rotated))
        }
    }

    @Test func aConsolePauseIsDriftCorrectedOrReported() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness)
            _ = try await harness.kafkaConnectorClient.create(Reconciler.connector("watched", annotations: [OperatorAnnotations.driftPolicy: "Report"]))
            try await Reconciler.converge(harness, "watched") { try await Reconciler.ready(harness, "watched")?.status == .true }
            for name in ["sink", "watched"] {
                try await harness.aiven.pauseKafkaConnector(project: OperatorHarness.project, service: "kafka", connector: name)
                try await harness.reconcileConnector(name)
            }
            #expect(try await Self.taskStates(harness) == ["RUNNING"])
            #expect(try await Reconciler.ready(harness)?.status == .true)
            #expect(try await harness.events(about: "sink").contains { $0 == "Normal: DriftCorrected: Reverted changes made outside Kubernetes: state" })

            let watched = try await Self.status(harness, "watched")
            #expect(watched?.driftedFields == ["state"])
            #expect(watched?.state == "PAUSED")
            #expect(try await Reconciler.ready(harness, "watched")?.reason == "Drifted")
            #expect(try await harness.aiven.getKafkaConnectorStatus(project: OperatorHarness.project, service: "kafka", connector: "watched").state == "PAUSED")
        }
    }

    @Test func aRequestedPauseIsReadyAndPausedEvenUnderDriftPolicyReport() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness, annotations: [OperatorAnnotations.driftPolicy: "Report"])
            try await Self.annotate(harness, [ConnectorAnnotations.state: "paused"])
            try await Reconciler.converge(harness) { try await Self.status(harness)?.state == "PAUSED" }
            let ready = try #require(try await Reconciler.ready(harness))
            #expect(ready.status == .true)
            #expect(ready.message.hasPrefix("Connector is PAUSED as asked"))
            let running = try await Self.status(harness)?.conditions?.first { $0.type == "Running" }
            #expect(running?.reason == "Paused")
            #expect(try await Self.status(harness)?.state == "PAUSED")
            #expect(try await Self.status(harness)?.appliedState == "PAUSED")
            #expect(try await Self.status(harness)?.appliedSecrets?.hasPrefix("pg@") == true)
            #expect(try await Self.taskStates(harness) == ["PAUSED"])

            try await Self.annotate(harness, [ConnectorAnnotations.state: nil])
            try await Reconciler.converge(harness) { try await Self.status(harness)?.state == "RUNNING" }
            #expect(try await Reconciler.ready(harness)?.status == .true)
            #expect(try await Self.taskStates(harness) == ["RUNNING"])
            #expect(try await Self.status(harness)?.appliedState == nil)
        }
    }

    @Test func aMisspelledClassOrAMissingRequiredOptionIsRefusedByPlanAndReconcileWithNothingSent() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Reconciler.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Reconciler.pgSecret())
            var misspelled = Reconciler.connector()
            misspelled.spec.connectorClass = "io.aiven.connect.jdbc.JdbcSinkConector"
            var incomplete = Reconciler.connector("incomplete")
            incomplete.spec.userConfig["connection.url"] = nil
            for (manifest, fragment) in [(misspelled, "Did you mean io.aiven.connect.jdbc.JdbcSinkConnector?"), (incomplete, "spec.userConfig[connection.url]: required by JDBC Sink")] {
                await #expect(throws: InvalidSpec.self) {
                    try await ChangePlan.plan(
                        KafkaConnectorKind(), manifest: manifest, live: nil, dependencies: .live(harness.client), defaultToken: nil, clients: harness.aivenClients)
                }
                let name = manifest.metadata.name ?? ""
                _ = try await harness.kafkaConnectorClient.create(manifest)
                try await harness.reconcileConnector(name)
                let ready = try #require(try await Reconciler.ready(harness, name))
                #expect(ready.reason == "InvalidSpec")
                #expect(ready.message.contains(fragment), "\(ready.message)")
            }
            #expect(try await Self.requests(harness, Self.createRoute) == 0)
            #expect(try await Reconciler.onAiven(harness).isEmpty)
        }
    }

    @Test func theStatusShowsThePluginAsTheReferenceCRDDefinesIt() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Self.readyConnector(harness)
            let plugin = try #require(try await Self.status(harness)?.pluginStatus)
            #expect(plugin.class == "io.aiven.connect.jdbc.JdbcSinkConnector")
            #expect(plugin.type == "sink")
            #expect(plugin.author == "Aiven")
            #expect(plugin.title == "JDBC Sink")
            #expect(!plugin.version.isEmpty)
            #expect(plugin.docUrl.hasPrefix("https://"))
        }
    }

    @Test func aConnectorNamedApartFromItsResourceIsManagedAndClaimedByItsAivenName() async throws {
        try await OperatorHarness.run(configuration: Self.configuration) { harness in
            try await Reconciler.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Reconciler.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Reconciler.connector("orders-sink", annotations: [ConnectorAnnotations.name: "Orders_Sink"]))
            try await Reconciler.converge(harness, "orders-sink") { try await Reconciler.ready(harness, "orders-sink")?.status == .true }
            #expect(try await Reconciler.onAiven(harness).map(\.name) == ["Orders_Sink"])
            #expect(try await Self.status(harness, "orders-sink")?.connectorName == "Orders_Sink")

            // A second resource naming the same Aiven connector stands aside.
            try await Task.sleep(for: .seconds(1.1))
            _ = try await harness.kafkaConnectorClient.create(Reconciler.connector("other", annotations: [ConnectorAnnotations.name: "Orders_Sink"]))
            // (The generic harness pass: the kind's stores indexed by claim, as the operator has them.)
            _ = try await harness.reconcile(KafkaConnectorKind(), "other")
            #expect(try await Reconciler.ready(harness, "other")?.reason == "AlreadyClaimed")

            // The name is fixed once the connector exists.
            try await Self.annotate(harness, [ConnectorAnnotations.name: "Renamed"], name: "orders-sink")
            try await harness.reconcileConnector("orders-sink")
            let ready = try #require(try await Reconciler.ready(harness, "orders-sink"))
            #expect(ready.reason == "InvalidSpec")
            #expect(ready.message.contains("cannot be renamed"))
            #expect(try await Reconciler.onAiven(harness).map(\.name) == ["Orders_Sink"])
        }
    }
}
