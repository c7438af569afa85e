import Foundation
import KubeAPI
import TestSupport
import Testing

/// `avn service schema …` (every subcommand aiven-client 4.18 has) against the emulator's schema
/// registry (see ``AvnCompatibilityTests``).
extension AvnCompatibilityTests {
    static let orderV1 = #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}"#
    static let orderV2 = #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"note","type":"string","default":""}]}"#
    /// A field added without a default: refused under BACKWARD.
    static let orderBreaking = #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"total","type":"long"}]}"#

    @Test func schemaRegistryCommands() async throws {
        try await Self.withSession { avn in
            try await Self.runningKafka(avn)
            func parsed(_ arguments: [String]) async throws -> JSONValue {
                try JSONParser().parse(Array(try await avn.avn(["service", "schema"] + arguments).utf8))
            }
            #expect(try await parsed(["configuration", "kafka"]) == ["compatibilityLevel": "BACKWARD"])
            #expect(try await parsed(["create", "kafka", "--subject", "orders-value", "--schema", Self.orderV1]) == ["id": 1])
            // The same schema again: its id, no new version.
            #expect(try await parsed(["create", "kafka", "--subject", "orders-value", "--schema", Self.orderV1]) == ["id": 1])
            #expect(try await parsed(["check", "kafka", "--subject", "orders-value", "--version-id", "latest", "--schema", Self.orderBreaking])
                == ["is_compatible": false, "messages": ["total"]])
            #expect(try await parsed(["check", "kafka", "--subject", "orders-value", "--version-id", "1", "--schema", Self.orderV2]) == ["is_compatible": true])
            try await avn.avn(["service", "schema", "create", "kafka", "--subject", "orders-value", "--schema", Self.orderBreaking], expect: 1)
            try await avn.avn(["service", "schema", "create", "kafka", "--subject", "orders-value", "--schema", "{not avro"], expect: 1)
            #expect(try await parsed(["create", "kafka", "--subject", "orders-value", "--schema", Self.orderV2]) == ["id": 2])
            #expect(try await parsed(["subject-list", "kafka"]) == ["subjects": ["orders-value"]])
            #expect(try await parsed(["subject-version", "list", "kafka", "--subject", "orders-value"]) == ["versions": [1, 2]])
            let version = try await parsed(["subject-version", "get", "kafka", "--subject", "orders-value", "--version-id", "2"])
            #expect(version["id"] == 2 && version["version"] == 2 && version["subject"] == "orders-value")
            #expect(try await parsed(["subject-version", "schema", "kafka", "--subject", "orders-value", "--version-id", "2"])["schema"] == version["schema"])
            #expect(try await parsed(["get", "kafka", "--schema-id", "1"])["schema"]?.stringValue.flatMap { try? JSONValue(json: $0) } == (try JSONValue(json: Self.orderV1)))

            // A subject's own level, then the global one.
            try await avn.avn(["service", "schema", "subject-configuration", "kafka", "--subject", "orders-value"], expect: 1)
            try await avn.avn(["service", "schema", "subject-update", "kafka", "--subject", "orders-value", "--compatibility", "NONE"])
            #expect(try await parsed(["subject-configuration", "kafka", "--subject", "orders-value"]) == ["compatibilityLevel": "NONE"])
            try await avn.avn(["service", "schema", "subject-configuration-update", "kafka", "--subject", "orders-value", "--compatibility", "FULL"])
            #expect(try await parsed(["subject-configuration", "kafka", "--subject", "orders-value"]) == ["compatibilityLevel": "FULL"])
            try await avn.avn(["service", "schema", "configuration-update", "kafka", "--compatibility", "FORWARD"])
            #expect(try await parsed(["configuration", "kafka"]) == ["compatibilityLevel": "FORWARD"])

            try await avn.avn(["service", "schema", "subject-version", "delete", "kafka", "--subject", "orders-value", "--version-id", "1"])
            #expect(try await parsed(["subject-version", "list", "kafka", "--subject", "orders-value"]) == ["versions": [2]])
            try await avn.avn(["service", "schema", "subject-delete", "kafka", "--subject", "orders-value"])
            #expect(try await parsed(["subject-list", "kafka"]) == ["subjects": []])
            try await avn.avn(["service", "schema", "subject-version", "list", "kafka", "--subject", "orders-value"], expect: 1)
            try await avn.avn(["service", "schema", "subject-list", "kafka-missing"], expect: 1)
        }
    }
}
