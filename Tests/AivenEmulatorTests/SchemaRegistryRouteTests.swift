import Foundation
import KubeAPI
import TestSupport
import Testing

@testable import AivenEmulator

/// The schema registry over the wire: only on a Kafka with `schema_registry: true`, Karapace's
/// error codes inside Aiven's error shape, ids and versions, the Avro compatibility check at each
/// level, references, soft and permanent deletion, and the registry kept across a restart.
@Suite struct SchemaRegistryRouteTests {
    let routes = KafkaPipelineRouteTests()
    static let base = "/v1/project/p/service/k/kafka/schema"

    static func body(_ schema: String, type: String? = nil, references: String? = nil) -> String {
        var object: JSONValue = ["schema": .string(schema)]
        if let type { object["schemaType"] = .string(type) }
        if let references { object["references"] = try! JSONValue(json: references) }
        return object.jsonString
    }

    static let v1 = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}]}"#
    /// `note` added with a default: compatible both ways.
    static let withDefault = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}, {"name": "note", "type": "string", "default": ""}]}"#
    /// `total` added without a default: not BACKWARD.
    static let added = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}, {"name": "total", "type": "long"}]}"#
    /// `qty` (no default) removed: not FORWARD.
    static let removed = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]}"#
    /// `qty` promoted from int to long: BACKWARD, not FORWARD.
    static let promoted = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "long"}]}"#

    @Test func theRegistryAnswersOnlyOnAKafkaThatEnablesIt() async throws {
        try await routes.withEmulator { emulator in
            #expect(try await emulator.call("GET", "\(Self.base)/subjects").status == 404)
            try await emulator.running("k")
            let disabled = try await emulator.call("GET", "\(Self.base)/subjects")
            #expect(disabled.status == 404 && disabled.message == "Schema Registry is not enabled on service k")
            _ = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"user_config": {"schema_registry": true}}"#)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects")["subjects"] == [])
        }
    }

    @Test func karapacesCodesAndMessages() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("k", userConfig: #"{"schema_registry": true}"#)
            let missing = try await emulator.call("GET", "\(Self.base)/subjects/orders/versions")
            #expect(missing.status == 404 && missing.message == "Subject 'orders' not found." && missing["error_code"] == 40401)
            #expect(missing["errors", "0", "error_code"] == 40401)
            let invalid = try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", Self.body("{not json"))
            #expect(invalid.status == 422 && invalid["error_code"] == 42201 && invalid.message?.hasPrefix("Invalid AVRO schema. Error: ") == true)
            let unknownType = try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", Self.body(#"{"type": "record", "name": "A", "fields": [{"name": "x", "type": "Nope"}]}"#))
            #expect(unknownType.status == 422 && unknownType["error_code"] == 42201)
            let badProto = try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", Self.body("message A {", type: "PROTOBUF"))
            #expect(badProto.status == 422 && badProto.message == "Invalid PROTOBUF schema. Error: unbalanced '{'")
            #expect(try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", #"{"schema": 5}"#).status == 400, "Aiven's own request check")
            #expect(try await emulator.call("PUT", "\(Self.base)/config", #"{"compatibility": "SIDEWAYS"}"#).status == 400)

            #expect(try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", Self.body(Self.v1))["id"] == 1)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/orders/versions/2").message == "Version 2 not found.")
            let noLevel = try await emulator.call("GET", "\(Self.base)/config/orders")
            #expect(noLevel.status == 404 && noLevel["error_code"] == 40408)
            #expect(try await emulator.call("GET", "\(Self.base)/config/orders?global_default_fallback=true")["compatibilityLevel"] == "BACKWARD")
            let incompatible = try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", Self.body(Self.added))
            #expect(incompatible.status == 409 && incompatible["error_code"] == 409)
            #expect(incompatible.message == "Incompatible schema, compatibility_mode=BACKWARD. Incompatibilities: total")
            #expect(try await emulator.call("GET", "\(Self.base)/schemas/ids/9").message == "Schema 9 not found")
        }
    }

    @Test func idsVersionsAndEachLevelsCheck() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("k", userConfig: #"{"schema_registry": true}"#)
            func register(_ subject: String, _ schema: String) async throws -> KafkaPipelineRouteTests.Response {
                try await emulator.call("POST", "\(Self.base)/subjects/\(subject)/versions", Self.body(schema))
            }
            #expect(try await register("orders", Self.v1)["id"] == 1)
            #expect(try await register("orders", Self.v1)["id"] == 1, "the same schema: no new version")
            #expect(try await register("copy", Self.v1)["id"] == 1, "the same schema under another subject keeps its id")
            #expect(try await register("orders", Self.withDefault)["id"] == 2)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/orders/versions")["versions"] == [1, 2])
            let latest = try await emulator.call("GET", "\(Self.base)/subjects/orders/versions/latest")
            #expect(latest["version", "version"] == 2 && latest["version", "id"] == 2 && latest["version", "schemaType"] == nil)
            #expect(try await register("orders", Self.v1)["id"] == 1, "an earlier schema gets its id back, no version")
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/orders/versions")["versions"] == [1, 2])

            // FORWARD: removing a field without a default is refused, adding one is not.
            _ = try await emulator.call("PUT", "\(Self.base)/config/orders", #"{"compatibility": "FORWARD"}"#)
            #expect(try await register("orders", Self.removed).message == "Incompatible schema, compatibility_mode=FORWARD. Incompatibilities: qty")
            #expect(try await register("orders", Self.promoted).status == 409, "an old reader cannot read a long as an int")
            _ = try await emulator.call("PUT", "\(Self.base)/config/orders", #"{"compatibility": "BACKWARD"}"#)
            #expect(try await register("orders", Self.promoted)["id"] == 3, "a new reader reads the int as a long")
            // FULL: both directions.
            _ = try await emulator.call("PUT", "\(Self.base)/config/orders", #"{"compatibility": "FULL"}"#)
            #expect(try await register("orders", Self.added).status == 409)
            #expect(try await register("orders", Self.removed).status == 409)
            _ = try await emulator.call("PUT", "\(Self.base)/config/orders", #"{"compatibility": "NONE"}"#)
            #expect(try await register("orders", Self.removed)["id"] == 4)
            #expect(try await emulator.call("POST", "\(Self.base)/compatibility/subjects/orders/versions/1", Self.body(Self.added)).json == ["is_compatible": true])
            _ = try await emulator.call("PUT", "\(Self.base)/config/orders", #"{"compatibility": "BACKWARD_TRANSITIVE"}"#)
            let check = try await emulator.call("POST", "\(Self.base)/compatibility/subjects/orders/versions/1", Self.body(Self.added))
            #expect(check["is_compatible"] == false && check["messages"] == ["total"], "against version 1 alone")
            // JSON and Protobuf: syntax only.
            #expect(try await emulator.call("POST", "\(Self.base)/subjects/j/versions", Self.body(#"{"type": "object"}"#, type: "JSON"))["id"] == 5)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/j/versions/1")["version", "schemaType"] == "JSON")
        }
    }

    @Test func referencesAndDeletion() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("k", userConfig: #"{"schema_registry": true}"#)
            let money = #"syntax = "proto3"; message Money { int64 cents = 1; }"#
            #expect(try await emulator.call("POST", "\(Self.base)/subjects/money/versions", Self.body(money, type: "PROTOBUF"))["id"] == 1)
            let order = #"syntax = "proto3"; import "money.proto"; message Order { Money total = 1; }"#
            let dangling = try await emulator.call(
                "POST", "\(Self.base)/subjects/order/versions", Self.body(order, type: "PROTOBUF", references: #"[{"name": "money.proto", "subject": "money", "version": 2}]"#))
            #expect(dangling.status == 422 && dangling["error_code"] == 42201)
            #expect(try await emulator.call(
                "POST", "\(Self.base)/subjects/order/versions", Self.body(order, type: "PROTOBUF", references: #"[{"name": "money.proto", "subject": "money", "version": 1}]"#))["id"] == 2)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/order/versions/1")["version", "references"] == [["name": "money.proto", "subject": "money", "version": 1]])

            let referenced = try await emulator.call("DELETE", "\(Self.base)/subjects/money")
            #expect(referenced.status == 422 && referenced["error_code"] == 42206)
            let early = try await emulator.call("DELETE", "\(Self.base)/subjects/order?permanent=true")
            #expect(early.status == 404 && early["error_code"] == 40405)
            #expect(try await emulator.call("DELETE", "\(Self.base)/subjects/order")["versions"] == [1])
            #expect(try await emulator.call("DELETE", "\(Self.base)/subjects/order")["error_code"] == 40404)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects")["subjects"] == ["money"])
            #expect(try await emulator.call("DELETE", "\(Self.base)/subjects/money").status == 422, "a soft-deleted referrer still holds it")
            #expect(try await emulator.call("DELETE", "\(Self.base)/subjects/order?permanent=true")["versions"] == [1])
            #expect(try await emulator.call("DELETE", "\(Self.base)/subjects/money")["versions"] == [1])
            #expect(try await emulator.call("POST", "\(Self.base)/subjects/order/versions", Self.body(money, type: "PROTOBUF"))["id"] == 1)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/order/versions")["versions"] == [1], "a new subject starts at 1")
        }
    }

    @Test func theRegistrySurvivesARestartAndGoesWithItsService() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("registry-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await routes.withEmulator(stateFile: path) { emulator in
            try await emulator.running("k", userConfig: #"{"schema_registry": true}"#)
            _ = try await emulator.call("POST", "\(Self.base)/subjects/orders/versions", Self.body(Self.v1))
            _ = try await emulator.call("PUT", "\(Self.base)/config/orders", #"{"compatibility": "FULL"}"#)
        }
        try await routes.withEmulator(stateFile: path) { (emulator: KafkaPipelineRouteTests.Emulator) async throws in
            #expect(try await emulator.call("GET", "\(Self.base)/subjects/orders/versions")["versions"] == [1])
            #expect(try await emulator.call("GET", "\(Self.base)/config/orders")["compatibilityLevel"] == "FULL")
            _ = try await emulator.call("DELETE", "/v1/project/p/service/k")
            try await emulator.running("k", userConfig: #"{"schema_registry": true}"#)
            #expect(try await emulator.call("GET", "\(Self.base)/subjects")["subjects"] == [])
        }
    }
}
