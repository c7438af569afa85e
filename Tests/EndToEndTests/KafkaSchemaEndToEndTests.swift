import Foundation
import KubeAPI
import TestSupport
import Testing

/// `KafkaSchema` on `dev`, driven with kubectl: each usage example of the reference page
/// (`Fixtures/reference-kafkaschema.md`) applies unchanged and reaches Ready; a changed schema is
/// version 2; a schema the registry refuses — an incompatible change, an invalid first schema —
/// shows the registry's message and is registered once, not again on later passes; the token
/// appears in no log line, event or status.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct KafkaSchemaEndToEndTests {
    static let project = "my-aiven-project"
    static let registry = "/v1/project/\(project)/service/my-kafka/kafka/schema"
    static let registerRoute = "POST /v1/project/{project}/service/{service_name}/kafka/schema/subjects/{subject_name}/versions"

    /// The reference examples' Kafka: `examples/kafka.yaml` (`my-kafka`) with its schema registry.
    static var kafka: String {
        get throws {
            try String(contentsOf: DevEnvironment.repositoryRoot.appendingPathComponent("examples/kafka.yaml"), encoding: .utf8)
                + "\n  userConfig:\n    schema_registry: true\n"
        }
    }

    func ready(_ dev: DevEnvironment, _ name: String) async throws -> JSONValue? {
        await try dev.get("kafkaschema", name)?["status"]?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
    }

    func waitUntil(_ dev: DevEnvironment, _ name: String, ready status: String = "True", reason: String? = nil, version: Int64? = nil) async throws {
        try await dev.eventually("kafkaschema/\(name) Ready=\(status)\(reason.map { " (\($0))" } ?? "")", timeout: .seconds(120)) {
            guard let condition = await try ready(dev, name) else { return false }
            let registered = await try dev.get("kafkaschema", name)?["status"]?["version"]?.integerValue
            return condition["status"]?.stringValue == status && (reason == nil || condition["reason"]?.stringValue == reason)
                && (version == nil || registered == version)
        }
    }

    func versions(_ dev: DevEnvironment, _ subject: String) async throws -> JSONValue? {
        let (status, body) = try await dev.aiven("GET", "\(Self.registry)/subjects/\(subject)/versions")
        return status == 200 ? body["versions"] : nil
    }

    func registrations(_ dev: DevEnvironment) async throws -> Int64 {
        try await dev.aiven("GET", "/_emulator/requests").body["by_route"]?[Self.registerRoute]?.integerValue ?? 0
    }

    @Test func everyReferenceExampleIsRegisteredAndARefusedSchemaIsNotSentAgain() async throws {
        let examples = try ReferencePage.examples("kafkaschema")
        #expect(examples.count == 3)
        let explicitReferences = try #require(examples.first { $0.contains("name: order-event-pinned") })
        let resourceReferences = try #require(examples.first { $0.contains("name: money-type") })
        let example = try #require(examples.first { $0.contains("name: my-schema") })
        let dev = try await DevEnvironment(resyncInterval: 1)
        defer { dev.stop() }
        await try dev.apply(try Self.kafka)

        // The plain example, before its service runs: it waits, then registers version 1 at its level.
        await try dev.apply(example)
        try await waitUntil(dev, "my-schema")
        #expect(try await versions(dev, "mny-subject") == [1])
        #expect(try await dev.aiven("GET", "\(Self.registry)/config/mny-subject").body["compatibilityLevel"] == "BACKWARD")

        // A referent and its dependant, the dependant first.
        await try dev.apply(resourceReferences.components(separatedBy: "\n---\n").reversed().joined(separator: "\n---\n"))
        try await waitUntil(dev, "money-type")
        try await waitUntil(dev, "order-event")
        let (_, registered) = try await dev.aiven("GET", "\(Self.registry)/subjects/com.example.OrderEvent/versions/1")
        #expect(registered["version"]?["references"] == [["name": "common/money.proto", "subject": "common.Money", "version": 1]], "\(registered.jsonString)")

        // The pinned example names order-event's subject: it stands aside, then takes over.
        await try dev.apply(explicitReferences)
        try await waitUntil(dev, "order-event-pinned", ready: "False", reason: "AlreadyClaimed")
        await try dev.kubectl.must(["delete", "kafkaschema", "order-event", "--timeout=60s"])
        try await waitUntil(dev, "order-event-pinned")
        let columns = await try dev.kubectl.must(["get", "kafkaschemas", "order-event-pinned", "--no-headers"]).stdout
        #expect(columns.split(whereSeparator: \.isWhitespace) == ["order-event-pinned", "my-kafka", "my-aiven-project", "com.example.OrderEvent", "1"], "\(columns)")

        // A compatible change is version 2; an incompatible one (a field without a default under
        // BACKWARD) is refused with the registry's message and registered once, however many
        // passes follow (a resync each second).
        let compatible = example.replacingOccurrences(of: "        }],", with: "        }, {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}],")
        #expect(compatible != example)
        await try dev.apply(compatible)
        try await waitUntil(dev, "my-schema", version: 2)
        #expect(try await versions(dev, "mny-subject") == [1, 2])
        let sent = try await registrations(dev)
        await try dev.apply(example.replacingOccurrences(of: "        }],", with: "        }, {\"name\": \"total\", \"type\": \"long\"}],"))
        try await waitUntil(dev, "my-schema", ready: "False", reason: "SchemaRefused")
        let refusal = try #require(await try ready(dev, "my-schema")?["message"]?.stringValue)
        #expect(refusal.contains("Incompatible schema, compatibility_mode=BACKWARD") && refusal.contains("Version 2 stays registered"), "\(refusal)")
        try await Task.sleep(for: .seconds(4))
        #expect(try await registrations(dev) == sent + 1, "the refused schema was registered once")

        // An invalid first schema: refused, registered once, not retried.
        let broken = example.replacingOccurrences(of: "name: my-schema", with: "name: broken")
            .replacingOccurrences(of: "subjectName: mny-subject", with: "subjectName: broken-value")
            .replacingOccurrences(of: #""type": "int""#, with: #""type": "integer""#)
        #expect(broken.contains("broken-value") && broken.contains("integer"))
        await try dev.apply(broken)
        try await waitUntil(dev, "broken", ready: "False", reason: "SchemaRefused")
        let invalid = try #require(await try ready(dev, "broken")?["message"]?.stringValue)
        #expect(invalid.contains("Invalid AVRO schema. Error: Unknown named schema 'integer'") && invalid.hasSuffix("Nothing is sent again until the spec changes."), "\(invalid)")
        let afterInvalid = try await registrations(dev)
        try await Task.sleep(for: .seconds(4))
        #expect(try await registrations(dev) == afterInvalid, "the invalid first schema was not sent again")
        // One Warning per refusal, and no Updated beside it: only the compatible change is one.
        let events = try JSONValue(json: await try dev.kubectl.must(["get", "events", "-o", "json"]).stdout)["items"]?.arrayValue ?? []
        let count = { (reason: String) in
            events.filter { $0["reason"]?.stringValue == reason }.map { $0["count"]?.integerValue ?? 1 }.reduce(0, +)
        }
        #expect(count("SchemaRefused") == 2 && count("Updated") == 1, "\(events.map { "\($0["reason"]?.stringValue ?? "") \($0["count"]?.integerValue ?? 1)" })")

        // Deleting the resources deletes their subjects; the token was never shown.
        await try dev.kubectl.must(["delete", "kafkaschemas", "--all", "--timeout=60s"])
        let (_, subjects) = try await dev.aiven("GET", "\(Self.registry)/subjects")
        #expect(subjects["subjects"] == [], "\(subjects.jsonString)")
        let shown = await try dev.kubectl.must(["get", "kafkaschemas,events", "-o", "json"]).stdout
        #expect(!shown.contains(dev.token))
        let log = dev.stop()
        #expect(!log.contains(dev.token), "the Aiven token leaked into the operator's log")
    }
}
