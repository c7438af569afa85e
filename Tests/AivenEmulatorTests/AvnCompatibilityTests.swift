import AivenEmulator
import Foundation
import KubeAPI
import Logging
import TestSupport
import Testing

/// Aiven's own CLI (`avn`, PyPI `aiven-client`) against the emulator, for every operation the
/// emulator serves. `avn` runs under `timeout` with a private `HOME`, pointed at the emulator
/// with `--url` and `--auth-token`; the emulator is in `like-aiven` user-config mode.
@Suite(.serialized) struct AvnCompatibilityTests {
    static let token = "avn-test-token"

    /// An emulator and a way to run `avn` against it.
    struct Session {
        let emulator: RunningAivenEmulator
        let home: URL
        let tool: PythonToolCommand

        /// Runs `avn ARGS --project p` and returns what it printed; `expect` is the exit status wanted.
        @discardableResult
        func avn(_ arguments: [String], project: String? = "p", expect: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
            var environment = tool.environment.filter { !$0.key.hasPrefix("AIVEN_") }
            environment["HOME"] = home.path
            environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
            let command = ["timeout", "60"] + tool.arguments + ["--auth-token", AvnCompatibilityTests.token, "--url", emulator.baseURL]
                + arguments + (project.map { ["--project", $0] } ?? [])
            let finalEnvironment = environment
            let output = try await offThePool {
                try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), command, environment: finalEnvironment)
            }
            #expect(
                output.status == expect, "avn \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)\(output.stdout)",
                sourceLocation: sourceLocation)
            return output.stdout
        }

        /// `avn … --json`, parsed.
        func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
            let text = try await avn(arguments + ["--json"], sourceLocation: sourceLocation)
            return try JSONParser().parse(Array(text.utf8))
        }

        /// `avn service integration-list NAME --json`, only those of `type`.
        func integrations(of name: String, type: String) async throws -> [JSONValue] {
            let list = try await json(["service", "integration-list", name]).arrayValue ?? []
            return list.filter { $0["integration_type"]?.stringValue == type }
        }

        /// `avn service tags list --json` as `key=value` strings.
        func tags(_ name: String) async throws -> [String] {
            let list = try await json(["service", "tags", "list", name]).arrayValue ?? []
            return list.map { "\($0["key"]?.stringValue ?? "")=\($0["value"]?.stringValue ?? "")" }.sorted()
        }

        func service(_ name: String) async throws -> JSONValue {
            try await json(["service", "get", name])
        }

        /// `avn service user-creds-download`: the user's certificate is a real client certificate
        /// signed by the project CA, for the user's key.
        func expectSignedCredentials(service: String, username: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let credentials = home.appendingPathComponent("creds-\(username)")
            try await avn(["service", "user-creds-download", service, "--username", username, "-d", credentials.path], sourceLocation: sourceLocation)
            let verify = try await offThePool {
                try CommandRunner.run(
                    URL(fileURLWithPath: "/usr/bin/env"),
                    ["timeout", "30", "openssl", "verify", "-purpose", "sslclient", "-CAfile", credentials.appendingPathComponent("ca.pem").path,
                     credentials.appendingPathComponent("service.cert").path])
            }
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)", sourceLocation: sourceLocation)
            let publicKeys = try await offThePool {
                try ["x509 -in service.cert -noout -pubkey", "pkey -in service.key -pubout"].map { command in
                    try CommandRunner.run(
                        URL(fileURLWithPath: "/usr/bin/env"), ["timeout", "30", "openssl"] + command.split(separator: " ").map(String.init),
                        currentDirectory: credentials
                    ).stdout
                }
            }
            #expect(publicKeys[0] == publicKeys[1] && !publicKeys[0].isEmpty, sourceLocation: sourceLocation)
        }
    }

    static func withSession(_ body: (Session) async throws -> Void) async throws {
        let tool = try await PythonTools.require(.avn)
        var quiet = Logger(label: "aiven-emulator")
        quiet.logLevel = .critical
        let emulator = try await AivenEmulator(
            configuration: AivenEmulatorConfiguration(
                tokens: [EmulatorToken(token)],
                timings: EmulatorTimings(provisionDelay: .milliseconds(500), backupAfter: .milliseconds(500)),
                userConfigBehaviour: .likeAiven),
            logger: quiet
        ).start()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("avn-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            try await body(Session(emulator: emulator, home: home, tool: tool))
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    @Test func serviceCreateGetListWaitUpdateAndTerminate() async throws {
        try await Self.withSession { avn in
            try await avn.avn([
                "service", "create", "kc", "-t", "kafka_connect", "--plan", "startup-4", "--cloud", "google-europe-west1",
                "-c", "kafka_connect.consumer_isolation_level=read_committed",
            ])
            var service = try await avn.service("kc")
            #expect(service["service_type"] == "kafka_connect")
            #expect(service["plan"] == "startup-4")
            #expect(service["user_config"] == ["ip_filter": ["0.0.0.0/0", "::/0"], "kafka_connect": ["consumer_isolation_level": "read_committed"]])

            let list = try await avn.json(["service", "list"])
            #expect(list.arrayValue?.compactMap { $0["service_name"]?.stringValue } == ["kc"])

            try await avn.avn(["service", "wait", "kc", "--timeout", "30"])
            #expect(try await avn.service("kc")["state"] == "RUNNING")

            try await avn.avn(["service", "update", "kc", "--plan", "business-4"])
            service = try await avn.service("kc")
            #expect(service["plan"] == "business-4")
            #expect(service[path: ["user_config", "kafka_connect", "consumer_isolation_level"]] == "read_committed")

            let ipFilter = "ip_filter=[\"10.0.0.0/8\"]"
            try await avn.avn(["service", "update", "kc", "-c", "public_access.kafka_connect=true", "-c", ipFilter])
            service = try await avn.service("kc")
            #expect(service["user_config"] == [
                "ip_filter": ["10.0.0.0/8"], "kafka_connect": ["consumer_isolation_level": "read_committed"],
                "public_access": ["kafka_connect": true],
            ])

            try await avn.avn(["service", "wait", "kc", "--timeout", "30"])
            try await avn.avn(["service", "update", "kc", "--power-off"])
            service = try await avn.service("kc")
            #expect(service["state"] == "POWEROFF")
            #expect(service[path: ["user_config", "public_access", "kafka_connect"]] == true)
            try await avn.avn(["service", "update", "kc", "--power-on"])
            try await avn.avn(["service", "wait", "kc", "--timeout", "30"])
            #expect(try await avn.service("kc")["state"] == "RUNNING")

            try await avn.avn(["service", "terminate", "kc", "--force"])
            try await avn.avn(["service", "get", "kc"], expect: 1)
        }
    }

    @Test func invalidUserConfigAndUnknownServiceTypesAreRefusedInAvnsWords() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "create", "kc", "-t", "kafka_connect", "--plan", "startup-4", "-c", "kafka_connect.consumer_max_poll_records=0"], expect: 1)
            try await avn.avn(["service", "create", "redis1", "-t", "redis", "--plan", "startup-4"], expect: 1)
            try await avn.avn(["service", "create", "pg1", "-t", "pg", "--plan", "startup-4", "-c", "work_mem=0"], expect: 1)
            try await avn.avn(["service", "create", "pg1", "-t", "pg", "--plan", "business-2"], expect: 1)
            #expect(try await avn.json(["service", "list"]) == [])
        }
    }

    /// `avn service create -t pg`, get, list, update and terminate: Aiven's PostgreSQL
    /// connection details (`service_uri`, `service_uri_params`, `defaultdb`, `avnadmin`), its
    /// user-config schema's defaults, a create-only option refused in an update.
    @Test func postgreSQLServiceCreateGetListUpdateAndTerminate() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "create", "pg1", "-t", "pg", "--plan", "startup-4", "-c", "pg_version=17", "-c", "pg.log_min_duration_statement=1000"])
            try await avn.avn(["service", "wait", "pg1", "--timeout", "30"])
            let service = try await avn.service("pg1")
            #expect(service["service_type"] == "pg" && service["plan"] == "startup-4" && service["state"] == "RUNNING")
            #expect(service[path: ["user_config", "pg_version"]] == "17")
            #expect(service[path: ["user_config", "pg", "log_min_duration_statement"]] == 1000)
            #expect(service[path: ["user_config", "ip_filter"]] == ["0.0.0.0/0", "::/0"], "the schema's default")
            let params = try #require(service["service_uri_params"])
            #expect(params["host"] == "pg1-p.a.aivencloud.com" && params["dbname"] == "defaultdb" && params["user"] == "avnadmin" && params["sslmode"] == "require")
            let password = try #require(params["password"]?.stringValue)
            #expect(service["service_uri"]?.stringValue == "postgres://avnadmin:\(password)@pg1-p.a.aivencloud.com:\(params["port"]?.stringValue ?? "")/defaultdb?sslmode=require")
            #expect(service[path: ["connection_info", "pg"]] == [service["service_uri"] ?? .null])
            #expect((service["components"]?.arrayValue ?? []).compactMap { $0["component"]?.stringValue } == ["pg", "pgbouncer"])
            #expect(service["users"]?.arrayValue?.first?["username"] == "avnadmin")
            #expect(service["users"]?.arrayValue?.first?["access_cert"] == nil, "PostgreSQL users authenticate by password")

            let list = try await avn.json(["service", "list"])
            #expect(list.arrayValue?.compactMap { $0["service_name"]?.stringValue } == ["pg1"])
            #expect(try await avn.avn(["service", "list"]).contains("pg1"))
            try await avn.avn(["service", "update", "pg1", "-c", "work_mem=16"])
            #expect(try await avn.service("pg1")[path: ["user_config", "work_mem"]] == 16)
            try await avn.avn(["service", "update", "pg1", "-c", "admin_username=admin"], expect: 1)
            #expect(try await avn.json(["service", "types"])["pg"]?["description"] != nil)
            #expect(try await avn.avn(["service", "plans", "--service-type", "pg", "--cloud", "google-europe-west1"]).contains("pg:startup-4"))

            try await avn.avn(["service", "terminate", "pg1", "--force"])
            try await avn.avn(["service", "get", "pg1"], expect: 1)
        }
    }

    @Test func serviceTypesPlansAndClouds() async throws {
        try await Self.withSession { avn in
            #expect(try await avn.json(["service", "types"])["kafka_connect"]?["description"] == "Kafka Connect")
            let plans = try await avn.avn(["service", "plans", "--service-type", "kafka_connect", "--cloud", "aws-eu-west-1"])
            #expect(plans.contains("kafka_connect:business-4"))
            #expect(plans.contains("Business-4 (1 CPU, 4 GB RAM) 3-node high availability set"))
            let clouds = try await avn.json(["cloud", "list"]).arrayValue?.compactMap { $0["cloud_name"]?.stringValue } ?? []
            #expect(clouds.contains("google-europe-west1"))
        }
    }

    @Test func kafkaDiskSpaceInGibibytes() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "plans", "--service-type", "kafka", "--cloud", "google-europe-west1"])
            try await avn.avn(["service", "create", "k", "-t", "kafka", "--plan", "startup-4", "--disk-space-gib", "200"], expect: 1)
            try await avn.avn(["service", "create", "k", "-t", "kafka", "--plan", "startup-4", "--disk-space-gib", "240"])
            #expect(try await avn.service("k")["disk_space_mb"] == 245_760)
            try await avn.avn(["service", "update", "k", "--disk-space-gib", "270"])
            #expect(try await avn.service("k")["disk_space_mb"] == 276_480)
            try await avn.avn(["service", "update", "k", "--disk-space-gib", "1000"], expect: 1)
            #expect(try await avn.service("k")["disk_space_mb"] == 276_480, "a refused size changes nothing")
        }
    }

    @Test func tags() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "create", "kc", "-t", "kafka_connect", "--plan", "startup-4"])
            try await avn.avn(["service", "tags", "update", "kc", "--add-tag", "env=test", "--add-tag", "team=data"])
            #expect(try await avn.tags("kc") == ["env=test", "team=data"])
            try await avn.avn(["service", "tags", "update", "kc", "--remove-tag", "env"])
            #expect(try await avn.tags("kc") == ["team=data"])
            try await avn.avn(["service", "tags", "replace", "kc", "--tag", "owner=me"])
            #expect(try await avn.tags("kc") == ["owner=me"])
        }
    }

    @Test func projectVPCs() async throws {
        try await Self.withSession { avn in
            let created = try await avn.json(["vpc", "create", "--cloud", "aws-eu-west-1", "--network-cidr", "10.1.0.0/24"])
            let id = try #require((created.arrayValue?.first ?? created)["project_vpc_id"]?.stringValue)
            let list = try await avn.json(["vpc", "list"])
            #expect(list.arrayValue?.compactMap { $0["project_vpc_id"]?.stringValue } == [id])
            try await avn.avn(["vpc", "delete", "--project-vpc-id", id])
        }
    }

    @Test func integrationsAndBackups() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "create", "source", "-t", "kafka", "--plan", "startup-2"])
            try await avn.avn(["service", "create", "sink", "-t", "kafka_connect", "--plan", "startup-4"])
            try await avn.avn(["service", "integration-create", "-t", "kafka_connect", "-s", "source", "-d", "sink"])
            var integrations = try await avn.integrations(of: "sink", type: "kafka_connect")
            #expect(integrations.count == 1)
            #expect(integrations.first?["source_service"] == "source")
            let id = try #require(integrations.first?["service_integration_id"]?.stringValue)
            let userConfig = "{\"kafka_connect\": {\"group_id\": \"connect-2\"}}"
            try await avn.avn(["service", "integration-update", id, "--user-config-json", userConfig])
            integrations = try await avn.integrations(of: "sink", type: "kafka_connect")
            #expect(integrations.first?[path: ["user_config", "kafka_connect", "group_id"]] == "connect-2")
            try await avn.avn(["service", "integration-delete", id])
            integrations = try await avn.integrations(of: "sink", type: "kafka_connect")
            #expect(integrations.isEmpty)

            try await avn.avn(["service", "wait", "sink", "--timeout", "30"])
            try await Task.sleep(for: .seconds(1))
            let backups = try await avn.json(["service", "backup-list", "sink"])
            #expect(backups.arrayValue?.count == 1)
        }
    }

    @Test func kafkaServiceConnectionDetailsAndProjectCA() async throws {
        try await Self.withSession { avn in
            try await avn.avn([
                "service", "create", "kafka", "-t", "kafka", "--plan", "startup-2", "-c", "kafka_connect=true",
                "-c", "kafka_authentication_methods.sasl=true", "-c", "schema_registry=true",
            ])
            try await avn.avn(["service", "wait", "kafka", "--timeout", "30"])
            let service = try await avn.service("kafka")
            #expect(service["service_type"] == "kafka")
            #expect(service[path: ["user_config", "kafka_connect"]] == true)
            #expect(service[path: ["service_uri_params", "host"]] == "kafka-p.a.aivencloud.com")
            let users = service["users"]?.arrayValue ?? []
            #expect(users.first?["username"] == "avnadmin")
            #expect(users.first?["access_cert"]?.stringValue?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
            let methods = (service["components"]?.arrayValue ?? []).compactMap { $0["kafka_authentication_method"]?.stringValue }
            #expect(methods == ["certificate", "sasl"])
            try await avn.avn(["service", "create", "bad", "-t", "kafka", "--plan", "startup-2", "-c", "kafka_rest=maybe"], expect: 1)
            #expect(try await avn.json(["service", "user-get", "kafka", "--username", "avnadmin"])["type"] == "primary")
            try await avn.avn(["service", "user-get", "kafka", "--username", "nobody"], expect: 1)

            let caFile = avn.home.appendingPathComponent("ca.pem")
            try await avn.avn(["project", "ca-get", "--target-filepath", caFile.path])
            #expect(try String(contentsOf: caFile, encoding: .utf8).hasPrefix("-----BEGIN CERTIFICATE-----"))

            try await avn.expectSignedCredentials(service: "kafka", username: "avnadmin")
        }
    }

    @Test func kafkaTopics() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "create", "kafka", "-t", "kafka", "--plan", "business-4"])
            try await avn.avn(["service", "wait", "kafka", "--timeout", "30"])
            try await avn.avn(["service", "topic-create", "kafka", "orders", "--partitions", "3", "--replication", "2", "--tag", "team=pay"])
            let listed = try await avn.json(["service", "topic-list", "kafka"]).arrayValue ?? []
            #expect(listed.map { $0["topic_name"] } == ["orders"])
            #expect(listed.first?["partitions"] == 3)
            #expect(listed.first?["tags"] == [["key": "team", "value": "pay"]])
            try await Task.sleep(for: .milliseconds(600))  // CONFIGURING → ACTIVE
            let topic = try await avn.avn(["service", "topic-get", "kafka", "orders"])
            #expect(topic.contains("orders"))
            try await avn.avn(["service", "topic-update", "kafka", "orders", "--partitions", "6", "--retention-ms", "3600000", "--tag", "env=test"])
            let updated = try await avn.json(["service", "topic-list", "kafka"]).arrayValue?.first
            #expect(updated?["partitions"] == 6)
            #expect(updated?["retention_hours"] == 1)
            #expect(updated?["tags"] == [["key": "team", "value": "pay"], ["key": "env", "value": "test"]])
            try await avn.avn(["service", "topic-update", "kafka", "orders", "--partitions", "2"], expect: 1)
            try await avn.avn(["service", "topic-delete", "kafka", "orders"])
            #expect(try await avn.json(["service", "topic-list", "kafka"]) == [])
        }
    }

    @Test func kafkaConnectIntegrationAndConnectors() async throws {
        try await Self.withSession { avn in
            try await avn.avn(["service", "create", "kafka", "-t", "kafka", "--plan", "business-4"])
            try await avn.avn(["service", "create", "connect", "-t", "kafka_connect", "--plan", "startup-4"])
            try await avn.avn(["service", "wait", "kafka", "--timeout", "30"])
            try await avn.avn(["service", "wait", "connect", "--timeout", "30"])
            let connector = #"{"name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "tasks.max": "2"}"#
            try await avn.avn(["service", "connector", "create", "connect", connector], expect: 1)
            try await avn.avn(["service", "integration-create", "-t", "kafka_connect", "-s", "connect", "-d", "kafka"], expect: 1)
            try await avn.avn(["service", "integration-create", "-t", "kafka_connect", "-s", "kafka", "-d", "connect"])
            let id = try #require(try await avn.integrations(of: "connect", type: "kafka_connect").first?["service_integration_id"]?.stringValue)

            let available = try JSONParser().parse(Array(try await avn.avn(["service", "connector", "available", "connect"]).utf8))
            #expect(available["plugins"]?.arrayValue?.contains { $0["class"] == "io.debezium.connector.postgresql.PostgresConnector" } == true)
            let schema = try JSONParser().parse(Array(try await avn.avn(["service", "connector", "schema", "connect", "io.aiven.connect.jdbc.JdbcSinkConnector"]).utf8))
            let options = schema["configuration_schema"]?.arrayValue ?? []
            #expect(options.filter { $0["required"] == true }.map { $0["name"] } == ["connection.url"])
            try await avn.avn(["service", "connector", "create", "connect", connector])
            let list = try JSONParser().parse(Array(try await avn.avn(["service", "connector", "list", "connect"]).utf8))
            #expect(list[path: ["connectors"]]?.arrayValue?.first?["name"] == "sink")
            var status = try JSONParser().parse(Array(try await avn.avn(["service", "connector", "status", "connect", "sink"]).utf8))
            #expect(status[path: ["status", "state"]] == "RUNNING")
            #expect(status[path: ["status", "tasks"]]?.arrayValue?.count == 2)
            try await avn.avn(["service", "connector", "pause", "connect", "sink"])
            status = try JSONParser().parse(Array(try await avn.avn(["service", "connector", "status", "connect", "sink"]).utf8))
            #expect(status[path: ["status", "state"]] == "PAUSED")
            try await avn.avn(["service", "connector", "resume", "connect", "sink"])
            try await avn.avn(["service", "connector", "restart", "connect", "sink"])
            try await avn.avn(["service", "connector", "restart-task", "connect", "sink", "1"])
            try await avn.avn(["service", "connector", "update", "connect", "sink", "--fetch-current", #"{"tasks.max": "1"}"#])
            status = try JSONParser().parse(Array(try await avn.avn(["service", "connector", "status", "connect", "sink"]).utf8))
            #expect(status[path: ["status", "state"]] == "RUNNING")
            #expect(status[path: ["status", "tasks"]]?.arrayValue?.count == 1)
            try await avn.avn(["service", "connector", "delete", "connect", "sink"])
            try await avn.avn(["service", "connector", "status", "connect", "sink"], expect: 1)
            try await avn.avn(["service", "integration-delete", id])
            #expect(try await avn.integrations(of: "connect", type: "kafka_connect").isEmpty)
        }
    }
}
