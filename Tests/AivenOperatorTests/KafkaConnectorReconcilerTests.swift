import AivenClient
import AivenEmulator
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Testing

@testable import AivenOperator

/// `KafkaConnector` on the reconciler skeleton, over the wire against LocalKube and the emulator:
/// it waits for a service running Kafka Connect and for its Secrets, sends the resolved config,
/// re-applies it when a Secret changes, reports task failures and never shows a Secret value.
@Suite(.timeLimit(.minutes(2)))
struct KafkaConnectorReconcilerTests {
    static let password = "pg-password-1f2e3d"
    static let rotated = "pg-password-rotated-9a8b"

    static func connector(_ name: String = "sink", service: String = "kafka", annotations: [String: String]? = nil, topics: String = "orders") -> KafkaConnector {
        KafkaConnector(
            metadata: ObjectMeta(name: name, namespace: "default", annotations: annotations),
            spec: KafkaConnectorSpec(
                authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"),
                connectorClass: "io.aiven.connect.jdbc.JdbcSinkConnector", project: OperatorHarness.project, serviceName: service,
                userConfig: [
                    "topics": topics,
                    "connection.url": #"jdbc:postgresql://{{ fromSecret "pg" "PGHOST" }}:5432/defaultdb"#,
                    "connection.password": #"{{ fromSecret "pg" "PGPASSWORD" }}"#,
                ]
            )
        )
    }

    static func pgSecret(password: String = password) -> Secret {
        Secret(metadata: ObjectMeta(name: "pg", namespace: "default"), stringData: ["PGHOST": "pg.internal", "PGPASSWORD": password])
    }

    static func createKafka(_ harness: OperatorHarness, _ name: String = "kafka", connect: Bool = true) async throws {
        _ = try await harness.aiven.createService(
            project: OperatorHarness.project,
            ServiceCreateRequest(serviceName: name, serviceType: "kafka", plan: "business-4", cloud: "google-europe-west1", userConfig: connect ? ["kafka_connect": true] : nil))
    }

    static func ready(_ harness: OperatorHarness, _ name: String = "sink") async throws -> Condition? {
        try await harness.kafkaConnectorClient.get(name).status?.conditions?.first { $0.type == "Ready" }
    }

    static func converge(_ harness: OperatorHarness, _ name: String = "sink", passes: Int = 10, until check: () async throws -> Bool) async throws {
        for _ in 0..<passes {
            if try await check() { return }
            _ = try? await harness.reconcileConnector(name)
        }
        #expect(try await check(), "not converged after \(passes) passes")
    }

    static func onAiven(_ harness: OperatorHarness, service: String = "kafka") async throws -> [KafkaConnectorInfo] {
        try await harness.aiven.listKafkaConnectors(project: OperatorHarness.project, service: service)
    }

    /// Everything the operator wrote about the connector: its status and events.
    static func visible(_ harness: OperatorHarness, _ name: String = "sink") async throws -> String {
        let status = try await harness.kafkaConnectorClient.get(name).status
        let json = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
        return json + "\n" + (try await harness.events(about: name)).joined(separator: "\n")
    }

    /// Calls one of the emulator's `/_emulator` control endpoints; returns the answer's body.
    @discardableResult
    static func control(_ harness: OperatorHarness, _ method: AivenRequest.Method, _ path: String, body: JSONValue? = nil) async throws -> JSONValue {
        let transport = AivenHTTPTransport(baseURL: harness.emulator.baseURL, token: AivenToken(OperatorHarness.token), userAgent: "test")
        let response = try await transport.send(AivenRequest(method: method, path: path, body: body?.jsonBytes), timeout: .seconds(5))
        #expect(response.status == 200)
        return try JSONValue(json: String(decoding: response.body, as: UTF8.self))
    }

    static func failTask(_ harness: OperatorHarness, connector: String, trace: String) async throws {
        let body: JSONValue = ["task": .integer(0), "trace": .string(trace)]
        try await control(harness, .post, "/_emulator/project/\(OperatorHarness.project)/service/kafka/connectors/\(connector)/fail", body: body)
    }

    @Test func waitsForItsServiceKafkaConnectAndSecretThenCreatesOnce() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.kafkaConnectorClient.create(Self.connector())
            try await harness.reconcileConnector("sink")
            #expect(try await Self.ready(harness)?.reason == "WaitingForSecret")
            #expect(try await Self.ready(harness)?.message.contains("Secret pg") == true)

            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            try await harness.reconcileConnector("sink")
            #expect(try await Self.ready(harness)?.reason == "WaitingForService")
            #expect(try await Self.ready(harness)?.message == "Service harness/kafka does not exist yet")

            try await Self.createKafka(harness, connect: false)
            try await harness.reconcileConnector("sink")
            #expect(try await Self.ready(harness)?.reason == "WaitingForKafkaConnect")

            _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "kafka", ServiceUpdateRequest(userConfig: ["kafka_connect": true]))
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            let connectors = try await Self.onAiven(harness)
            #expect(connectors.count == 1)
            #expect(connectors.first?.config["connection.password"] == Self.password)
            #expect(connectors.first?.config["connection.url"] == "jdbc:postgresql://pg.internal:5432/defaultdb")
            #expect(connectors.first?.config["name"] == "sink")
            let status = try await harness.kafkaConnectorClient.get("sink").status
            #expect(status?.state == "RUNNING")
            #expect(status?.tasksStatus?.total == 1)
            #expect(status?.tasksStatus?.running == 1)
            #expect(status?.appliedSecrets?.hasPrefix("pg@") == true)
            let events = try await harness.events(about: "sink")
            #expect(events.allSatisfy { !$0.hasPrefix("Warning") }, "\(events)")
            #expect(!(try await Self.visible(harness)).contains(Self.password))
        }
    }

    @Test func aRotatedSecretIsReappliedEvenWithDriftPolicyReport() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Self.connector(annotations: [OperatorAnnotations.driftPolicy: "Report"]))
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }

            var secret = try await harness.client.resources(Secret.self, namespace: "default").get("pg")
            secret.data = nil
            secret.stringData = ["PGHOST": "pg.internal", "PGPASSWORD": Self.rotated]
            _ = try await harness.client.resources(Secret.self, namespace: "default").replace(secret)
            try await Self.converge(harness) { try await Self.onAiven(harness).first?.config["connection.password"] == Self.rotated }
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            let events = try await harness.events(about: "sink")
            #expect(events.contains { $0.hasPrefix("Normal: Updated:") && $0.contains("config.connection.password") }, "\(events)")
            #expect(try await harness.kafkaConnectorClient.get("sink").status?.driftedFields == nil)
            let visible = try await Self.visible(harness)
            #expect(!visible.contains(Self.password))
            #expect(!visible.contains(Self.rotated))
        }
    }

    @Test func configDriftIsCorrectedOrReported() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Self.connector())
            _ = try await harness.kafkaConnectorClient.create(Self.connector("watched", annotations: [OperatorAnnotations.driftPolicy: "Report"]))
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            try await Self.converge(harness, "watched") { try await Self.ready(harness, "watched")?.status == .true }
            for name in ["sink", "watched"] {
                var config = try #require(try await Self.onAiven(harness).first { $0.name == name }?.config)
                config["topics"] = "elsewhere"
                config["connection.password"] = "changed-by-hand"
                _ = try await harness.aiven.editKafkaConnector(project: OperatorHarness.project, service: "kafka", connector: name, config: config)
            }
            try await harness.reconcileConnector("sink")
            let sink = try #require(try await Self.onAiven(harness).first { $0.name == "sink" })
            #expect(sink.config["topics"] == "orders")
            #expect(sink.config["connection.password"] == Self.password)
            #expect(try await harness.events(about: "sink").contains { $0.hasPrefix("Normal: DriftCorrected:") })

            try await harness.reconcileConnector("watched")
            let watched = try await harness.kafkaConnectorClient.get("watched").status
            #expect(watched?.driftedFields == ["config.connection.password", "config.topics"])
            #expect(try await Self.onAiven(harness).first { $0.name == "watched" }?.config["topics"] == "elsewhere")
            #expect(!(try await Self.visible(harness, "watched")).contains("changed-by-hand"))
        }
    }

    @Test func aFailedTaskIsReportedAndRecovers() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Self.connector())
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }

            let trace = "org.apache.kafka.connect.errors.ConnectException: login failed with \(Self.password)\n\tat io.aiven.connect.jdbc.sink.JdbcSinkTask.put(JdbcSinkTask.java:1)"
            try await Self.failTask(harness, connector: "sink", trace: trace)
            try await harness.reconcileConnector("sink")
            let failed = try #require(try await Self.ready(harness))
            #expect(failed.status == .false)
            #expect(failed.reason == "TaskFailed")
            #expect(failed.message.hasPrefix("1 of 1 tasks FAILED; task 0: org.apache.kafka.connect.errors.ConnectException: login failed with (redacted). Restart it with kubectl annotate kafkaconnector sink controllers.aiven.io/restart="))
            let status = try await harness.kafkaConnectorClient.get("sink").status
            #expect(status?.tasksStatus?.failed == 1)
            #expect(status?.tasksStatus?.running == 0)
            #expect(status?.tasksStatus?.stackTrace == "org.apache.kafka.connect.errors.ConnectException")
            #expect(!(try await Self.visible(harness)).contains(Self.password))

            // A new config restarts the tasks.
            var edited = try await harness.kafkaConnectorClient.get("sink")
            edited.spec.userConfig["topics"] = "orders,refunds"
            _ = try await harness.kafkaConnectorClient.replace(edited)
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            #expect(try await harness.kafkaConnectorClient.get("sink").status?.tasksStatus?.failed == 0)
        }
    }

    /// A Ready connector is read again every `connectorStatusInterval`, not only at the resync: a
    /// task failing later shows at the next poll, and an idle poll costs two Aiven GETs and no
    /// Kubernetes write.
    @Test func aReadyConnectorIsPolledAtTheConnectorStatusInterval() async throws {
        let configuration = OperatorConfiguration(
            resyncInterval: .seconds(3600), connectorStatusInterval: .seconds(30), pollInterval: .milliseconds(100), failureGracePeriod: .zero)
        try await OperatorHarness.run(configuration: configuration) { harness in
            try await Self.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Self.connector())
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            _ = try await harness.reconcileConnector("sink")

            let before = try await harness.kafkaConnectorClient.get("sink").metadata.resourceVersion
            let events = try await harness.events(about: "sink")
            try await Self.control(harness, .delete, "/_emulator/requests")
            let idle = try await harness.reconcileConnector("sink")
            guard case .requeue(let after) = idle else { Issue.record("idle poll returned \(idle)"); return }
            let jittered = Duration.seconds(27)...Duration.seconds(33)
            #expect(jittered.contains(after), "requeued after \(after), not the 30 s connector status interval ±10 %")
            #expect(try await harness.kafkaConnectorClient.get("sink").metadata.resourceVersion == before)
            #expect(try await harness.events(about: "sink") == events)
            let requests = try await Self.control(harness, .get, "/_emulator/requests")
            #expect(requests["total"]?.integerValue == 2, "\(requests.jsonString)")
            #expect((requests["by_route"]?.objectValue ?? [:]).keys.allSatisfy { $0.hasPrefix("GET ") }, "\(requests.jsonString)")

            try await Self.failTask(harness, connector: "sink", trace: "org.apache.kafka.connect.errors.ConnectException: broker gone")
            try await harness.reconcileConnector("sink")
            let failed = try #require(try await Self.ready(harness))
            #expect(failed.status == .false)
            #expect(failed.reason == "TaskFailed")
        }
    }

    @Test func deletionRemovesTheConnectorOrReleasesItWhenTheServiceIsGone() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafka(harness)
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Self.connector())
            _ = try await harness.kafkaConnectorClient.create(Self.connector("orphaned"))
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            try await Self.converge(harness, "orphaned") { try await Self.ready(harness, "orphaned")?.status == .true }

            try await harness.kafkaConnectorClient.delete("sink")
            try await harness.reconcileConnector("sink")
            #expect(try await Self.onAiven(harness).map(\.name) == ["orphaned"])
            await #expect(throws: KubeError.self) { try await harness.kafkaConnectorClient.get("sink") }

            try await harness.aiven.deleteService(project: OperatorHarness.project, name: "kafka")
            try await harness.kafkaConnectorClient.delete("orphaned")
            try await harness.reconcileConnector("orphaned")
            await #expect(throws: KubeError.self) { try await harness.kafkaConnectorClient.get("orphaned") }
        }
    }

    @Test func onAKafkaConnectServiceItWaitsForTheIntegration() async throws {
        try await OperatorHarness.run { harness in
            try await Self.createKafka(harness, connect: false)
            _ = try await harness.aiven.createService(
                project: OperatorHarness.project,
                ServiceCreateRequest(serviceName: "connect", serviceType: "kafka_connect", plan: "business-4", cloud: "google-europe-west1"))
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(Self.pgSecret())
            _ = try await harness.kafkaConnectorClient.create(Self.connector(service: "connect"))
            try await harness.reconcileConnector("sink")
            let waiting = try #require(try await Self.ready(harness))
            #expect(waiting.reason == "WaitingForKafkaConnect")
            #expect(waiting.message == "Kafka Connect service harness/connect has no active kafka_connect integration with a Kafka service yet")

            _ = try await harness.aiven.createServiceIntegration(
                project: OperatorHarness.project, ServiceIntegrationRequest(integrationType: "kafka_connect", sourceService: "kafka", destService: "connect"))
            try await Self.converge(harness) { try await Self.ready(harness)?.status == .true }
            #expect(try await Self.onAiven(harness, service: "connect").map(\.name) == ["sink"])
            #expect(try await harness.events(about: "sink").allSatisfy { !$0.hasPrefix("Warning") })
        }
    }
}
