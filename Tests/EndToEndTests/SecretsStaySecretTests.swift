import Foundation
import KubeAPI
import TestSupport
import Testing

/// Issue 21, items 3 and 5: the Kafka Connect pipeline on `dev` at debug level, with sentinel
/// secret values — a `fromSecret` value that Aiven's error quotes back (`Invalid value … for
/// configuration tasks.max`), a `fromSecret` password, the token, the Kafka's password — and
/// every output the operator produces grepped for them: the whole log (every module, every
/// level), every event, every resource's status, and `/metrics`, whose route labels are
/// templates that name no object.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct SecretsStaySecretTests {
    static let echoed = "SECRET-TASKS-999"
    static let password = "SENTINEL-PGPASS-4242"

    /// The pipeline example with the sentinels: the sink's PostgreSQL created with the sentinel
    /// as its admin password (so it is in its connection Secret and the connector's config), and
    /// the connector's `tasks.max` read from a Secret of its own (the emulator, as Aiven, refuses
    /// it quoting the value).
    static var pipeline: String {
        KafkaConnectPipelineTests.pipeline
            .replacingOccurrences(
                of: "  maintenanceWindowDow: friday\n  maintenanceWindowTime: 23:00:00\n\n---\n\napiVersion: aiven.io/v1alpha1\nkind: KafkaConnector",
                with: "  maintenanceWindowDow: friday\n  maintenanceWindowTime: 23:00:00\n  userConfig:\n    admin_password: \(password)\n\n---\n\napiVersion: aiven.io/v1alpha1\nkind: KafkaConnector"
            )
            .replacingOccurrences(
                of: "    topics: kafka-topic-connect\n",
                with: "    topics: kafka-topic-connect\n    tasks.max: '{{ fromSecret \"connector-tuning\" \"TASKS\" }}'\n"
            )
            + "\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: connector-tuning\nstringData:\n  TASKS: \(echoed)\n"
    }

    @Test func noSecretReachesTheLogEventsStatusOrMetricsAndRoutesAreTemplates() async throws {
        #expect(Self.pipeline.contains("TASKS: \(Self.echoed)") && Self.pipeline.contains("tasks.max: '{{ fromSecret"), "the sentinels are in the manifest")
        #expect(Self.pipeline.contains("admin_password: \(Self.password)"), "the sentinel password is in the manifest")
        let metricsPort = try freePort()
        let dev = try await DevEnvironment(arguments: ["--metrics-bind-address", "127.0.0.1:\(metricsPort)"])
        defer { dev.stop() }
        await try dev.apply(Self.pipeline)
        let pipeline = KafkaConnectPipelineTests()
        for (resource, name) in KafkaConnectPipelineTests.objects where resource != "kafkaconnector" {
            try await pipeline.waitUntil(dev, resource, name)
        }
        // Aiven refuses the connector, quoting the value it was sent; the resource says so
        // without the value.
        try await pipeline.waitUntil(dev, "kafkaconnector", "kafka-connector", ready: "False", reason: "InvalidConfiguration")
        let refusal = try #require(await try pipeline.ready(dev, "kafkaconnector", "kafka-connector")?["message"]?.stringValue)
        #expect(refusal.contains("Invalid value (redacted) for configuration tasks.max"), "\(refusal)")

        let kafkaPassword = try #require(
            await try dev.get("secret", "kafka-auth")?["data"]?["PASSWORD"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
        )
        let scrape = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["timeout", "10", "curl", "-sf", "http://127.0.0.1:\(metricsPort)/metrics"]).stdout
        #expect(await try pipeline.pgConnection(dev)["PGPASSWORD"] == Self.password, "the sink's connection Secret holds the sentinel")
        // The PostgreSQL's spec holds the password its user wrote; its status must not.
        let pgStatus = await try dev.get("postgresql", "pg-connect")?["status"]?.jsonString ?? ""
        let resources = await try dev.kubectl.must(["get", "kafka,kafkatopic,kafkaconnect,serviceintegration,kafkaconnector", "-A", "-o", "json"]).stdout + pgStatus
        let events = await try dev.kubectl.must(["get", "events", "-A", "-o", "json"]).stdout
        let log = dev.stop()
        #expect(log.contains("debug"), "the log is at debug level")
        for (output, text) in [("the log", log), ("events", events), ("resources", resources), ("/metrics", scrape)] {
            for (secret, value) in [("the echoed fromSecret value", Self.echoed), ("the fromSecret password", Self.password), ("the token", dev.token), ("the Kafka password", kafkaPassword)] {
                #expect(!text.contains(value), "\(secret) appears in \(output)")
            }
        }

        // One series per route, whatever the objects are called.
        let routes = Set(scrape.split(separator: "\n").filter { $0.hasPrefix("aiven_api_requests_total{") }.compactMap { line -> String? in
            guard let start = line.range(of: "route=\"") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "\"" })
        })
        #expect(routes.contains("/v1/project/{project}/service/{service}/topic/{topic}"), "\(routes.sorted())")
        #expect(routes.contains("/v1/project/{project}/service/{service}/connectors"), "\(routes.sorted())")
        for route in routes {
            for name in ["my-aiven-project", "kafka-sample-connect", "kafka-topic-connect", "my-kafka-connect", "kafka-connector"] {
                #expect(!route.contains(name), "route label \(route) names \(name)")
            }
        }
    }
}
