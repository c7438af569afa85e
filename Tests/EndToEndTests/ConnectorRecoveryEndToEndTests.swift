import Foundation
import KubeAPI
import TestSupport
import Testing

/// Connectors that stay up on `aiven-operator dev`, driven with the real kubectl: a transient
/// failure restarted automatically, a refused password left alone until its Secret rotates (the sink's password reset on Aiven), a
/// restart annotation acted on once, a requested pause, a console pause corrected, and a
/// misspelled class refused with nothing sent.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ConnectorRecoveryEndToEndTests {
    typealias Pipeline = KafkaConnectPipelineTests
    static let name = "kafka-connector"
    static let fail = "/_emulator/project/\(Pipeline.project)/service/my-kafka-connect/connectors/kafka-connector/fail"

    func status(_ dev: DevEnvironment) async throws -> JSONValue? {
        await try dev.get("kafkaconnector", Self.name)?["status"]
    }

    func annotate(_ dev: DevEnvironment, _ annotation: String) async throws {
        await try dev.kubectl.must(["annotate", "kafkaconnector", Self.name, annotation, "--overwrite"])
    }

    func restartEvents(_ dev: DevEnvironment) async throws -> [String] {
        let events = await try dev.kubectl.must(["get", "events", "--field-selector", "reason=Restarted", "-o", "json"]).stdout
        return (try JSONParser().parse(Array(events.utf8))["items"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
    }

    @Test func connectorsHealTheFailuresARestartCanHealAndSayWhatToFixForTheOthers() async throws {
        let dev = try await DevEnvironment(resyncInterval: 2)
        defer { dev.stop() }
        let pipeline = Pipeline()
        await try dev.apply(Pipeline.pipeline)
        try await pipeline.waitUntil(dev, "kafkaconnector", Self.name)

        // A network failure is restarted automatically and runs again, the count in status.
        try await annotate(dev, "controllers.aiven.io/auto-restart=true")
        #expect(try await dev.aiven("POST", Self.fail, body: ["task": 0, "class": "transient"]).status == 200)
        try await dev.eventually("an automatic restart", timeout: .seconds(60)) {
            try await status(dev)?["restarts"]?["automatic"]?.integerValue == 1
        }
        try await pipeline.waitUntil(dev, "kafkaconnector", Self.name)
        #expect(try await restartEvents(dev).contains { $0.contains("automatically after a transient failure") })

        // A refused password is not restarted; a rotated Secret restarts it at once.
        #expect(try await dev.aiven("POST", Self.fail, body: ["task": 0, "class": "credentials"]).status == 200)
        try await pipeline.waitUntil(dev, "kafkaconnector", Self.name, ready: "False", reason: "TaskFailedCredentials")
        try await Task.sleep(for: .seconds(5))
        #expect(try await status(dev)?["restarts"]?["automatic"]?.integerValue == 1, "a refused password was restarted")
        try await Pipeline.rotatePostgreSQLPassword(dev, to: Pipeline.rotated)
        try await pipeline.waitUntil(dev, "kafkaconnector", Self.name)

        // A restart annotation restarts once.
        let before = try await restartEvents(dev).count
        try await annotate(dev, "controllers.aiven.io/restart=first")
        try await dev.eventually("the restart recorded") { try await status(dev)?["restarts"]?["connector"]?.stringValue == "first" }
        try await Task.sleep(for: .seconds(5))
        #expect(try await restartEvents(dev).count == before + 1)

        // A requested pause is Ready and PAUSED; a console pause of a running connector is resumed.
        try await annotate(dev, "controllers.aiven.io/connector-state=paused")
        try await dev.eventually("PAUSED") { try await status(dev)?["state"]?.stringValue == "PAUSED" }
        try await pipeline.waitUntil(dev, "kafkaconnector", Self.name)
        try await annotate(dev, "controllers.aiven.io/connector-state=running")
        try await dev.eventually("RUNNING") { try await status(dev)?["state"]?.stringValue == "RUNNING" }
        #expect(try await dev.aiven("POST", "\(Pipeline.connectors)/\(Self.name)/pause").status == 200)
        try await dev.eventually("the console pause corrected") {
            let (_, body) = try await dev.aiven("GET", "\(Pipeline.connectors)/\(Self.name)/status")
            return body["status"]?["state"]?.stringValue == "RUNNING"
        }

        // A misspelled class is refused with nothing sent.
        let misspelled = try Pipeline.document("KafkaConnector") {
            $0.replacingOccurrences(of: "name: kafka-connector", with: "name: misspelled")
                .replacingOccurrences(of: "JdbcSinkConnector", with: "JdbcSinkConector")
        }
        await try dev.apply(misspelled)
        try await pipeline.waitUntil(dev, "kafkaconnector", "misspelled", ready: "False", reason: "InvalidSpec")
        let message = await try pipeline.ready(dev, "kafkaconnector", "misspelled")?["message"]?.stringValue ?? ""
        #expect(message.contains("Did you mean io.aiven.connect.jdbc.JdbcSinkConnector?"), "\(message)")
        let (_, connectors) = try await dev.aiven("GET", Pipeline.connectors)
        #expect(connectors["connectors"]?.arrayValue?.map { $0["name"]?.stringValue } == [Self.name])
    }
}
