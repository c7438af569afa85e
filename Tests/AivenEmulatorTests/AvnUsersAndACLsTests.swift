import Foundation
import KubeAPI
import TestSupport
import Testing

/// `avn`'s service-user and ACL commands against the emulator (see ``AvnCompatibilityTests``).
extension AvnCompatibilityTests {
    /// A running Kafka service `kafka`.
    static func runningKafka(_ avn: Session) async throws {
        try await avn.avn(["service", "create", "kafka", "-t", "kafka", "--plan", "business-4", "-c", "schema_registry=true"])
        try await avn.avn(["service", "wait", "kafka", "--timeout", "30"])
    }

    @Test func serviceUsersCreateListResetAndDelete() async throws {
        try await Self.withSession { avn in
            try await Self.runningKafka(avn)
            try await avn.avn(["service", "user-create", "kafka", "--username", "app"])
            try await avn.avn(["service", "user-create", "kafka", "--username", "app"], expect: 1)
            let users = try await avn.json(["service", "user-list", "kafka"]).arrayValue ?? []
            #expect(users.map { $0["username"] } == ["avnadmin", "app"])
            #expect(users.map { $0["type"] } == ["primary", "normal"])
            let before = try #require(try await avn.json(["service", "user-get", "kafka", "--username", "app"])["password"]?.stringValue)

            try await avn.avn(["service", "user-password-reset", "kafka", "--username", "app", "--new-password", "a-new-password-1"])
            #expect(try await avn.json(["service", "user-get", "kafka", "--username", "app"])["password"] == "a-new-password-1")
            try await avn.avn(["service", "user-password-reset", "kafka", "--username", "app"])
            let random = try await avn.json(["service", "user-get", "kafka", "--username", "app"])["password"]?.stringValue
            #expect(random != "a-new-password-1" && random != before && random?.hasPrefix("AVNS_") == true)

            try await avn.expectSignedCredentials(service: "kafka", username: "app")

            try await avn.avn(["service", "user-delete", "kafka", "--username", "avnadmin"], expect: 1)
            try await avn.avn(["service", "user-delete", "kafka", "--username", "app"])
            try await avn.avn(["service", "user-delete", "kafka", "--username", "app"], expect: 1)
            #expect(try await avn.json(["service", "user-list", "kafka"]).arrayValue?.map { $0["username"] } == ["avnadmin"])
        }
    }

    @Test func aivenACLsAddListAndDelete() async throws {
        try await Self.withSession { avn in
            try await Self.runningKafka(avn)
            var acls = try await avn.json(["service", "acl-list", "kafka"]).arrayValue ?? []
            #expect(acls == [["id": "default", "permission": "admin", "topic": "*", "username": "avnadmin"]])
            let message = try await avn.avn(["service", "acl-add", "kafka", "--permission", "read", "--topic", "orders-*", "--username", "app"])
            #expect(message.contains("added"))
            try await avn.avn(["service", "acl-add", "kafka", "--permission", "read", "--topic", "orders-*", "--username", "app"], expect: 1)
            try await avn.avn(["service", "acl-add", "kafka", "--permission", "owner", "--topic", "orders", "--username", "app"], expect: 1)
            acls = try await avn.json(["service", "acl-list", "kafka"]).arrayValue ?? []
            #expect(acls.map { $0["username"] } == ["avnadmin", "app"])
            let id = try #require(acls.last?["id"]?.stringValue)
            try await avn.avn(["service", "acl-delete", "kafka", id])
            try await avn.avn(["service", "acl-delete", "kafka", "default"])
            #expect(try await avn.json(["service", "acl-list", "kafka"]) == [])
        }
    }

    @Test func nativeAndSchemaRegistryACLCommands() async throws {
        try await Self.withSession { avn in
            try await Self.runningKafka(avn)
            try await avn.avn(["service", "kafka-acl-add", "kafka", "--principal", "User:app", "--topic", "orders", "--operation", "Read"])
            try await avn.avn(["service", "kafka-acl-add", "kafka", "--principal", "User:app", "--group", "app-", "--resource-pattern-type", "PREFIXED", "--operation", "Read", "--deny"])
            try await avn.avn(["service", "kafka-acl-add", "kafka", "--principal", "app", "--topic", "orders", "--operation", "Read"], expect: 1)
            let native = try await avn.json(["service", "kafka-acl-list", "kafka"]).arrayValue ?? []
            #expect(native.map { $0["resource_type"] } == ["Topic", "Group"])
            #expect(native.last?["permission_type"] == "DENY" && native.last?["pattern_type"] == "PREFIXED" && native.last?["host"] == "*")
            for entry in native { try await avn.avn(["service", "kafka-acl-delete", "kafka", try #require(entry["id"]?.stringValue)]) }
            #expect((try await avn.avn(["service", "kafka-acl-list", "kafka", "--json"])).contains("\"id\": \"\""))

            var registry = try await avn.json(["service", "schema-registry-acl-list", "kafka"]).arrayValue ?? []
            #expect(registry.map { $0["resource"] } == ["Config:", "Subject:*"])
            try await avn.avn(["service", "schema-registry-acl-add", "kafka", "--permission", "schema_registry_read", "--resource", "Subject:orders-value", "--username", "app"])
            try await avn.avn(["service", "schema-registry-acl-add", "kafka", "--permission", "schema_registry_read", "--resource", "Topic:x", "--username", "app"], expect: 1)
            registry = try await avn.json(["service", "schema-registry-acl-list", "kafka"]).arrayValue ?? []
            #expect(registry.last?["resource"] == "Subject:orders-value")
            try await avn.avn(["service", "schema-registry-acl-delete", "kafka", try #require(registry.last?["id"]?.stringValue)])
            #expect(try await avn.json(["service", "schema-registry-acl-list", "kafka"]).arrayValue?.count == 2)
        }
    }
}
