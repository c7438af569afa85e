import KubeAPI
import Testing

@testable import AivenEmulator

/// The emulated Kafka Connect's pause, resume and restarts per connector and per task, failures
/// of each class through the control route, and the plugin configuration endpoint.
extension KafkaPipelineRouteTests {
    static let connectors = "/v1/project/p/service/connect/connectors"
    static let fail = "/_emulator/project/p/service/connect/connectors/sink/fail"

    func states(_ emulator: Emulator) async throws -> [String] {
        let status = try await emulator.call("GET", "\(Self.connectors)/sink/status")
        let tasks = status["status", "tasks"]?.arrayValue ?? []
        return [status["status", "state"]?.stringValue ?? ""] + tasks.map { $0["state"]?.stringValue ?? "" }
    }

    @Test(arguments: [
        ("credentials", "password authentication failed"), ("configuration", "org.apache.kafka.common.config.ConfigException"),
        ("transient", "java.net.ConnectException: Connection refused"),
    ])
    func aFailureOfEachClassHasARealTraceAndRecursAsKafkaConnectWould(failureClass: String, fragment: String) async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            _ = try await emulator.call("POST", Self.connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            #expect(try await emulator.call("POST", Self.fail, #"{"task": 1, "class": "\#(failureClass)"}"#).status == 200)
            let status = try await emulator.call("GET", "\(Self.connectors)/sink/status")
            let trace = status["status", "tasks", "1", "trace"]?.stringValue ?? ""
            #expect(trace.contains(fragment))
            #expect(trace.contains("\n\tat "), "a trace has stack frames")
            #expect(try await states(emulator) == ["RUNNING", "RUNNING", "FAILED"])
            // A wrong password or option fails again on every restart; a transient failure does not.
            #expect(try await emulator.call("POST", "\(Self.connectors)/sink/tasks/1/restart").status == 200)
            let again = failureClass == "transient" ? "RUNNING" : "FAILED"
            #expect(try await states(emulator) == ["RUNNING", "RUNNING", again])
            // An edited config restarts everything with it.
            _ = try await emulator.call("PUT", "\(Self.connectors)/sink", #"{"connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            #expect(try await states(emulator) == ["RUNNING", "RUNNING", "RUNNING"])
        }
    }

    @Test func aTransientFailureMayOutlastSomeRestarts() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            _ = try await emulator.call("POST", Self.connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector"}"#)
            _ = try await emulator.call("POST", Self.fail, #"{"task": 0, "class": "transient", "failing_restarts": 2}"#)
            for _ in 0..<2 {
                _ = try await emulator.call("POST", "\(Self.connectors)/sink/tasks/0/restart")
                #expect(try await states(emulator) == ["RUNNING", "FAILED"])
            }
            _ = try await emulator.call("POST", "\(Self.connectors)/sink/tasks/0/restart")
            #expect(try await states(emulator) == ["RUNNING", "RUNNING"])
            #expect(try await emulator.call("POST", "\(Self.connectors)/sink/tasks/5/restart").status == 404)
        }
    }

    @Test func theConnectorItselfFailsAndRestartsWithoutItsTasks() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            _ = try await emulator.call("POST", Self.connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            _ = try await emulator.call("POST", Self.fail, #"{"class": "transient"}"#)
            _ = try await emulator.call("POST", Self.fail, #"{"task": 0, "class": "transient"}"#)
            #expect(try await states(emulator) == ["FAILED", "FAILED", "RUNNING"])
            _ = try await emulator.call("POST", "\(Self.connectors)/sink/restart")
            #expect(try await states(emulator) == ["RUNNING", "FAILED", "RUNNING"])
        }
    }

    @Test func pauseAndResumeApplyToTheConnectorAndEveryTaskButAFailedOne() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            _ = try await emulator.call("POST", Self.connectors, #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#)
            _ = try await emulator.call("POST", Self.fail, #"{"task": 1, "class": "transient"}"#)
            _ = try await emulator.call("POST", "\(Self.connectors)/sink/pause")
            #expect(try await states(emulator) == ["PAUSED", "PAUSED", "FAILED"])
            // A task restarted while its connector is paused comes back paused.
            _ = try await emulator.call("POST", "\(Self.connectors)/sink/tasks/1/restart")
            #expect(try await states(emulator) == ["PAUSED", "PAUSED", "PAUSED"])
            _ = try await emulator.call("POST", "\(Self.connectors)/sink/resume")
            #expect(try await states(emulator) == ["RUNNING", "RUNNING", "RUNNING"])
            #expect(try await emulator.call("POST", "\(Self.connectors)/nope/pause").status == 404)
        }
    }

    @Test func thePluginConfigurationListsTheRealRequiredOptions() async throws {
        try await withEmulator { emulator in
            try await emulator.pipeline()
            let path = "/v1/project/p/service/connect/connector-plugins"
            let jdbc = try await emulator.call("GET", "\(path)/io.aiven.connect.jdbc.JdbcSinkConnector/configuration")
            #expect(jdbc.status == 200)
            let options = jdbc["configuration_schema"]?.arrayValue ?? []
            let required = options.filter { $0["required"] == true }.compactMap { $0["name"]?.stringValue }
            #expect(required == ["connection.url"])
            #expect(options.contains { $0["name"] == "topics" && $0["type"] == "LIST" })
            #expect(options.allSatisfy { $0["display_name"] != nil && $0["importance"] != nil && $0["group"] != nil })
            let debezium = try await emulator.call("GET", "\(path)/io.debezium.connector.postgresql.PostgresConnector/configuration")
            let debeziumRequired = (debezium["configuration_schema"]?.arrayValue ?? []).filter { $0["required"] == true }.compactMap { $0["name"]?.stringValue }
            #expect(Set(debeziumRequired) == ["database.hostname", "database.user", "database.dbname", "topic.prefix"])
            // The short class name is accepted as Kafka Connect accepts it.
            #expect(try await emulator.call("GET", "\(path)/JdbcSourceConnector/configuration").status == 200)
            let missing = try await emulator.call("GET", "\(path)/com.example.Nope/configuration")
            #expect(missing.status == 404)
            #expect(missing.message == "Connector plugin com.example.Nope not found")
        }
    }
}
