import Foundation
import KubeAPI
import TestSupport
import Testing

/// The whole Kafka Connect pipeline end to end: `examples/kafka-connect-pipeline.yaml` (the
/// reference's Kafka Connect guide: its PostgreSQL sink's connection Secret feeds the connector;
/// the topic's record schema in the Kafka's schema registry) on `aiven-operator dev`, driven with
/// the real kubectl.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct KafkaConnectPipelineTests {
    static let path = DevEnvironment.repositoryRoot.appendingPathComponent("examples/kafka-connect-pipeline.yaml").path
    static let pipeline = try! String(contentsOfFile: path, encoding: .utf8)
    static let project = "my-aiven-project"
    /// Every aiven.io object of the file, as (kubectl resource, name).
    static let objects = [
        ("kafka", "kafka-sample-connect"), ("kafkatopic", "kafka-topic-connect"), ("kafkaconnect", "my-kafka-connect"),
        ("serviceintegration", "service-integration-kafka-connect"), ("postgresql", "pg-connect"), ("kafkaconnector", "kafka-connector"),
        ("serviceuser", "connect-sink"), ("kafkaacl", "connect-sink-reads-topic"), ("serviceuser", "orders-app"), ("kafkaacl", "orders-app-writes-topic"),
        ("kafkaschema", "kafka-topic-connect-value"), ("kafkaschemaregistryacl", "connect-sink-reads-schema"),
        ("kafkaschemaregistryacl", "orders-app-reads-schema"),
    ]
    /// The topic's value subject in the Kafka's schema registry (`<topic>-value`).
    static let subject = "/v1/project/\(project)/service/kafka-sample-connect/kafka/schema/subjects/kafka-topic-connect-value"
    static let rotated = "rotated-pw-5c1d7e"
    static let connectors = "/v1/project/\(project)/service/my-kafka-connect/connectors"

    /// The file's documents with `edit` applied to the one of `kind`.
    static func document(_ kind: String, _ edit: (String) -> String = { $0 }) throws -> String {
        let document = try #require(pipeline.components(separatedBy: "\n---\n").first { $0.contains("\nkind: \(kind)\n") })
        return edit(document)
    }

    func ready(_ dev: DevEnvironment, _ resource: String, _ name: String) async throws -> JSONValue? {
        await try dev.get(resource, name)?["status"]?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
    }

    func waitUntil(_ dev: DevEnvironment, _ resource: String, _ name: String, ready status: String = "True", reason: String? = nil) async throws {
        try await dev.eventually("\(resource)/\(name) Ready=\(status)\(reason.map { " (\($0))" } ?? "")", timeout: .seconds(120)) {
            guard let condition = await try ready(dev, resource, name) else { return false }
            return condition["status"]?.stringValue == status && (reason == nil || condition["reason"]?.stringValue == reason)
        }
    }

    /// The PostgreSQL connection Secret the sink's `PostgreSQL` writes, decoded.
    func pgConnection(_ dev: DevEnvironment) async throws -> [String: String] {
        let data = await try dev.get("secret", "pg-connection")?["data"]?.objectValue ?? [:]
        return data.compactMapValues { $0.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Sets the sink's `avnadmin` password on Aiven, as a reset in the console would.
    static func rotatePostgreSQLPassword(_ dev: DevEnvironment, to password: String) async throws {
        let reset = try await dev.aiven(
            "PUT", "/v1/project/\(project)/service/pg-connect/user/avnadmin", body: ["operation": "reset-credentials", "new_password": .string(password)])
        #expect(reset.status == 200, "\(reset.body)")
    }

    /// The connector's config on Aiven.
    func connectorConfig(_ dev: DevEnvironment) async throws -> JSONValue? {
        let (status, body) = try await dev.aiven("GET", Self.connectors)
        guard status == 200 else { return nil }
        return body["connectors"]?.arrayValue?.first { $0["name"]?.stringValue == "kafka-connector" }?["config"]
    }

    /// What the operator shows about the connector: its object, the events and the dev log.
    func visible(_ dev: DevEnvironment) async throws -> String {
        let object = await try dev.kubectl.must(["get", "kafkaconnector", "kafka-connector", "-o", "json"]).stdout
        let events = await try dev.kubectl.must(["get", "events", "-o", "json"]).stdout
        let log = (try? String(contentsOf: dev.logFile, encoding: .utf8)) ?? ""
        return [object, events, log].joined(separator: "\n")
    }

    @Test func thePipelineConvergesChangesReportsFailuresAndIsDeletedWithoutATrace() async throws {
        let dev = try await DevEnvironment(resyncInterval: 2)
        defer { dev.stop() }
        // In any order: the connector first, the services last.
        await try dev.apply(Self.pipeline.components(separatedBy: "\n---\n").reversed().joined(separator: "\n---\n"))
        for (resource, name) in Self.objects {
            try await waitUntil(dev, resource, name)
        }
        let table = await try dev.kubectl.must(["get", "kafkaconnectors"]).stdout
        let rows = table.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.first == "NAME SERVICE NAME PROJECT CONNECTOR CLASS STATE TASKS TOTAL TASKS RUNNING")
        #expect(rows.dropFirst().first == "kafka-connector my-kafka-connect my-aiven-project io.aiven.connect.jdbc.JdbcSinkConnector RUNNING 1 1")
        // The sink's connection Secret, written by its PostgreSQL, is what the connector got.
        let connection = try await pgConnection(dev)
        let (_, pg) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/pg-connect?include_secrets=true")
        let params = try #require(pg["service"]?["service_uri_params"])
        let password = try #require(params["password"]?.stringValue)
        #expect(connection["PGHOST"] == "pg-connect-my-aiven-project.a.aivencloud.com" && connection["PGHOST"] == params["host"]?.stringValue)
        #expect(connection["PGPORT"] == params["port"]?.stringValue && connection["PGDATABASE"] == "defaultdb" && connection["PGUSER"] == "avnadmin")
        #expect(connection["PGPASSWORD"] == password && connection["POSTGRESQL_PASSWORD"] == password && connection["PGSSLMODE"] == "require")
        #expect(connection["DATABASE_URI"] == pg["service"]?["service_uri"]?.stringValue && connection["POSTGRESQL_CA_CERT"]?.contains("BEGIN CERTIFICATE") == true)
        let config = try await connectorConfig(dev)
        #expect(config?["connection.password"]?.stringValue == password)
        #expect(config?["connection.user"]?.stringValue == "avnadmin")
        #expect(config?["connection.url"]?.stringValue == "jdbc:postgresql://\(connection["PGHOST"] ?? ""):\(connection["PGPORT"] ?? "")/defaultdb")
        // The connector reads as its own user, allowed to read its topic only; so is the application.
        let (_, sinkUser) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/kafka-sample-connect/user/connect-sink")
        let sinkPassword = try #require(sinkUser["user"]?["password"]?.stringValue)
        #expect(config?["consumer.override.sasl.jaas.config"]?.stringValue?.contains(#"username="connect-sink" password="\#(sinkPassword)""#) == true)
        let (_, acls) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/kafka-sample-connect/acl")
        let entries = Set((acls["acl"]?.arrayValue ?? []).map { "\($0["username"]?.stringValue ?? "") \($0["permission"]?.stringValue ?? "") \($0["topic"]?.stringValue ?? "")" })
        #expect(entries == ["avnadmin admin *", "connect-sink read kafka-topic-connect", "orders-app write kafka-topic-connect"])
        // The records' schema: version 1 of the topic's value subject, read by the connector from
        // the registry as its own user, which like the application may read that subject only.
        let (versionsStatus, versions) = try await dev.aiven("GET", "\(Self.subject)/versions")
        #expect(versionsStatus == 200 && versions["versions"] == [1], "\(versions.jsonString)")
        let (_, registered) = try await dev.aiven("GET", "\(Self.subject)/versions/1")
        let written = try #require(try YAMLDocuments.load(try Self.document("KafkaSchema")).first?["spec"]?["schema"]?.stringValue)
        #expect(try registered["version"]?["schema"]?.stringValue.map { try JSONValue(json: $0) } == JSONValue(json: written), "\(registered.jsonString)")
        let schemaStatus = await try dev.get("kafkaschema", "kafka-topic-connect-value")?["status"]
        #expect(schemaStatus?["version"] == 1 && schemaStatus?["id"] == registered["version"]?["id"], "\(schemaStatus?.jsonString ?? "")")
        let (_, kafka) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/kafka-sample-connect")
        let registry = try #require(kafka["service"]?["components"]?.arrayValue?.first { $0["component"]?.stringValue == "schema_registry" })
        #expect(config?["value.converter.schema.registry.url"]?.stringValue == "https://\(registry["host"]?.stringValue ?? ""):\(registry["port"]?.integerValue ?? 0)")
        #expect(config?["value.converter.basic.auth.user.info"]?.stringValue == "connect-sink:\(sinkPassword)")
        let (_, registryACLs) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/kafka-sample-connect/kafka/schema-registry/acl")
        let registryEntries = Set((registryACLs["acl"]?.arrayValue ?? []).map { "\($0["username"]?.stringValue ?? "") \($0["permission"]?.stringValue ?? "") \($0["resource"]?.stringValue ?? "")" })
        #expect(registryEntries.isSuperset(of: ["connect-sink schema_registry_read Subject:kafka-topic-connect-value", "orders-app schema_registry_read Subject:kafka-topic-connect-value"]), "\(registryEntries)")
        #expect(registryEntries.filter { !$0.hasPrefix("avnadmin ") }.count == 2, "\(registryEntries)")
        // Waiting is not an error.
        let warnings = await try dev.kubectl.must(["get", "events", "--field-selector", "type=Warning", "-o", "name"]).stdout
        #expect(warnings.isEmpty, "\(warnings)")

        // A topic's partitions grow.
        await try dev.apply(try Self.document("KafkaTopic") { $0.replacingOccurrences(of: "partitions: 1", with: "partitions: 3") })
        try await dev.eventually("3 partitions on Aiven") {
            let (_, body) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/kafka-sample-connect/topic")
            return body["topics"]?.arrayValue?.first { $0["topic_name"]?.stringValue == "kafka-topic-connect" }?["partitions"]?.integerValue == 3
        }

        // The connector's config changes, then the sink's password is reset on Aiven: its
        // PostgreSQL rewrites the Secret and the connector gets the new password.
        await try dev.apply(try Self.document("KafkaConnector") { $0.replacingOccurrences(of: "topics: kafka-topic-connect", with: "topics: kafka-topic-connect,orders") })
        try await dev.eventually("the new topics on Aiven") { try await connectorConfig(dev)?["topics"]?.stringValue == "kafka-topic-connect,orders" }
        try await Self.rotatePostgreSQLPassword(dev, to: Self.rotated)
        try await dev.eventually("the rotated password on Aiven") { try await connectorConfig(dev)?["connection.password"]?.stringValue == Self.rotated }
        try await waitUntil(dev, "kafkaconnector", "kafka-connector")

        // `plan` shows a changed placeholder, never a value.
        let planned = try PlanCommandTests.plan(dev, try Self.document("KafkaConnector") {
            $0.replacingOccurrences(of: #""PGPASSWORD" }}'"#, with: #""PGUSER" }}'"#)
        }, cluster: true)
        #expect(planned.status == 2, "\(planned.output)")
        #expect(planned.output.contains(#"~ config.connection.password: "(redacted)" → "{{ fromSecret \"pg-connection\" \"PGUSER\" }}""#), "\(planned.output)")
        #expect(!planned.output.contains(Self.rotated) && !planned.output.contains("avnadmin"), "\(planned.output)")
        #expect(try await connectorConfig(dev)?["connection.password"]?.stringValue == Self.rotated, "plan must change nothing")

        // A failing task is reported by its class (a refused password: what to fix, no restart), with its trace's first line scrubbed of the password.
        let trace = "org.apache.kafka.connect.errors.ConnectException: FATAL: password authentication failed (\(Self.rotated))\n\tat io.aiven.connect.jdbc.sink.JdbcDbWriter.write(JdbcDbWriter.java:1)"
        let failed = try await dev.aiven("POST", "/_emulator/project/\(Self.project)/service/my-kafka-connect/connectors/kafka-connector/fail", body: ["task": 0, "trace": .string(trace)])
        #expect(failed.status == 200)
        try await waitUntil(dev, "kafkaconnector", "kafka-connector", ready: "False", reason: "TaskFailedCredentials")
        let message = await try ready(dev, "kafkaconnector", "kafka-connector")?["message"]?.stringValue ?? ""
        #expect(message.contains("ConnectException: FATAL: password authentication failed ((redacted))"), "\(message)")
        await #expect(try dev.get("kafkaconnector", "kafka-connector")?["status"]?["tasksStatus"]?["failed"] == 1)
        // An edit restarts the tasks.
        await try dev.apply(try Self.document("KafkaConnector") { $0.replacingOccurrences(of: "topics: kafka-topic-connect", with: "topics: kafka-topic-connect,refunds") })
        try await waitUntil(dev, "kafkaconnector", "kafka-connector")
        await #expect(try dev.get("kafkaconnector", "kafka-connector")?["status"]?["tasksStatus"]?["running"] == 1)

        let shown = await try visible(dev)
        #expect(!shown.contains(Self.rotated), "the rotated Secret value leaked into status, events or the operator log")
        #expect(!shown.contains(sinkPassword), "the connector user's password leaked into status, events or the operator log")
        #expect(!shown.contains(password), "the sink's first password leaked into status, events or the operator log")

        // Deleting the file leaves nothing behind, on Aiven or in Kubernetes.
        let deletion = await try dev.kubectl(["delete", "-f", Self.path, "--timeout=150s"])
        #expect(deletion.status == 0, "\(deletion.stderr)")
        for (resource, name) in Self.objects {
            await #expect(try dev.get(resource, name) == nil, "\(resource)/\(name) is stuck")
        }
        let subjectLeft = try await dev.aiven("GET", "\(Self.subject)/versions")
        #expect(subjectLeft.status == 404, "\(subjectLeft.body.jsonString)")
        let (_, services) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service")
        #expect(services["services"]?.arrayValue?.isEmpty == true, "\(services.jsonString)")
        let connectors = try await dev.aiven("GET", Self.connectors)
        #expect(connectors.status == 404)
        let log = dev.stop()
        #expect(!log.contains(dev.token), "the Aiven token leaked into the operator's log")
    }
}
