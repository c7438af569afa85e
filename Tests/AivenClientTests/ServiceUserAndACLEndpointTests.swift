import AivenClient
import Foundation
import TestSupport
import Testing

/// Service users and the three kinds of ACL entries, from the client over HTTP to the emulator.
@Suite struct ServiceUserAndACLEndpointTests {
    /// A running Kafka service `kafka` in project `p`.
    static func runningKafka(_ harness: EmulatorHarness) async throws -> AivenClient {
        let client = harness.client()
        _ = try await client.createService(project: "p", ServiceCreateRequest(serviceName: "kafka", serviceType: "kafka", plan: "business-4", projectVPC: .publicNetwork))
        harness.time.advance(seconds: 10)
        return client
    }

    /// Whether the emulator would let `username` in with `password`.
    static func logsIn(_ harness: EmulatorHarness, _ username: String, _ password: String) async throws -> Bool {
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["username": username, "password": password]), as: UTF8.self)
        return try await harness.control(.post, "/_emulator/project/p/service/kafka/authenticate", body)["authenticated"] as? Bool == true
    }

    @Test func usersAreCreatedWithSecretsResetAndDeletedButAvnadminStays() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", ServiceCreateRequest(serviceName: "kafka", serviceType: "kafka", plan: "business-4", projectVPC: .publicNetwork))
            await #expect(throws: AivenError.conflict(message: "Service kafka is not running: it is REBUILDING")) {
                try await client.createServiceUser(project: "p", service: "kafka", username: "app")
            }
            harness.time.advance(seconds: 10)

            let created = try await client.createServiceUser(project: "p", service: "kafka", username: "app")
            let password = try #require(created.password)
            #expect(password.hasPrefix("AVNS_") && created.type == "normal" && !created.isPrimary)
            #expect(created.accessCert?.hasPrefix("-----BEGIN CERTIFICATE-----") == true && created.accessKey != nil)
            #expect(!"\(created)".contains(password) && !String(reflecting: created).contains(password))
            #expect(try await client.getServiceUser(project: "p", service: "kafka", username: "app") == created)
            #expect(try await Self.logsIn(harness, "app", password))
            await #expect(throws: AivenError.alreadyExists(message: "Service user 'app' already exists")) {
                try await client.createServiceUser(project: "p", service: "kafka", username: "app")
            }
            let service = try await client.getService(project: "p", name: "kafka")
            #expect(service.users?.map(\.username) == ["avnadmin", "app"])

            // Reset to a chosen password, then to one Aiven picks: the old one stops working each time.
            try await client.resetServiceUserPassword(project: "p", service: "kafka", username: "app", newPassword: "chosen-password-1")
            #expect(try await client.getServiceUser(project: "p", service: "kafka", username: "app").password == "chosen-password-1")
            #expect(try await !Self.logsIn(harness, "app", password))
            #expect(try await Self.logsIn(harness, "app", "chosen-password-1"))
            try await client.resetServiceUserPassword(project: "p", service: "kafka", username: "app", newPassword: nil)
            let random = try #require(try await client.getServiceUser(project: "p", service: "kafka", username: "app").password)
            #expect(random != "chosen-password-1" && random.hasPrefix("AVNS_"))
            #expect(try await !Self.logsIn(harness, "app", "chosen-password-1"))

            // A refused password never comes back in the error.
            do {
                try await client.resetServiceUserPassword(project: "p", service: "kafka", username: "app", newPassword: "short")
                Issue.record("a 5-character password was accepted")
            } catch let error as AivenError {
                #expect(error.status == 400 && !"\(error)".contains("short"))
            }

            // avnadmin: its password can be reset, it cannot be deleted.
            try await client.resetServiceUserPassword(project: "p", service: "kafka", username: "avnadmin", newPassword: "admin-password-2")
            let admin = try await client.getServiceUser(project: "p", service: "kafka", username: "avnadmin")
            #expect(admin.password == "admin-password-2" && admin.isPrimary)
            await #expect(throws: AivenError.invalid(message: "Cannot delete the primary service user 'avnadmin'")) {
                try await client.deleteServiceUser(project: "p", service: "kafka", username: "avnadmin")
            }

            try await client.deleteServiceUser(project: "p", service: "kafka", username: "app")
            await #expect(throws: AivenError.notFound(message: "User app with component main not found")) {
                try await client.getServiceUser(project: "p", service: "kafka", username: "app")
            }
            #expect(try await !Self.logsIn(harness, "app", random))
            #expect(try await harness.requestCount("POST /v1/project/{project}/service/{service_name}/user") == 3)
        }
    }

    @Test func aivenACLsStartWithTheDefaultEntryAndAreAddedAndDeletedById() async throws {
        try await EmulatorHarness.run { harness in
            let client = try await Self.runningKafka(harness)
            let initial = try await client.listACLs(project: "p", service: "kafka", of: KafkaACLEntry.self)
            #expect(initial == [KafkaACLInfo(id: "default", entry: KafkaACLEntry(permission: "admin", topic: "*", username: "avnadmin"))])

            let entry = KafkaACLEntry(permission: "read", topic: "orders-*", username: "app")
            let added = try await client.addACL(project: "p", service: "kafka", entry)
            #expect(added.entry == entry && added.id.hasPrefix("acl"))
            await #expect(throws: AivenError.alreadyExists(message: "Identical ACL entry already exists")) {
                try await client.addACL(project: "p", service: "kafka", entry)
            }
            await #expect(throws: AivenError.self) {
                try await client.addACL(project: "p", service: "kafka", KafkaACLEntry(permission: "owner", topic: "x", username: "app"))
            }
            #expect(try await client.listACLs(project: "p", service: "kafka", of: KafkaACLEntry.self).map(\.id) == ["default", added.id])

            try await client.deleteACL(project: "p", service: "kafka", of: KafkaACLEntry.self, id: "default")
            try await client.deleteACL(project: "p", service: "kafka", of: KafkaACLEntry.self, id: added.id)
            #expect(try await client.listACLs(project: "p", service: "kafka", of: KafkaACLEntry.self).isEmpty)
            await #expect(throws: AivenError.notFound(message: "ACL entry \(added.id) does not exist")) {
                try await client.deleteACL(project: "p", service: "kafka", of: KafkaACLEntry.self, id: added.id)
            }
        }
    }

    @Test func nativeAndSchemaRegistryACLs() async throws {
        try await EmulatorHarness.run { harness in
            let client = try await Self.runningKafka(harness)
            let native = KafkaNativeACLEntry(
                principal: "User:alice", host: "*", operation: "Read", permissionType: "ALLOW", patternType: "LITERAL", resourceName: "orders",
                resourceType: "Topic")
            let added = try await client.addACL(project: "p", service: "kafka", native)
            #expect(added.entry == native)
            #expect(try await client.getKafkaNativeACL(project: "p", service: "kafka", id: added.id) == added)
            #expect(try await client.listACLs(project: "p", service: "kafka", of: KafkaNativeACLEntry.self) == [added])
            try await client.deleteACL(project: "p", service: "kafka", of: KafkaNativeACLEntry.self, id: added.id)
            await #expect(throws: AivenError.notFound(message: "ACL entry \(added.id) does not exist")) {
                try await client.getKafkaNativeACL(project: "p", service: "kafka", id: added.id)
            }

            let defaults = try await client.listACLs(project: "p", service: "kafka", of: SchemaRegistryACLEntry.self)
            #expect(defaults.map(\.id) == ["default-sr-admin-config", "default-sr-admin-subject"])
            let registry = SchemaRegistryACLEntry(permission: "schema_registry_read", resource: "Subject:orders-value", username: "app")
            let entry = try await client.addACL(project: "p", service: "kafka", registry)
            #expect(try await client.listACLs(project: "p", service: "kafka", of: SchemaRegistryACLEntry.self).last == entry)
            try await client.deleteACL(project: "p", service: "kafka", of: SchemaRegistryACLEntry.self, id: entry.id)
            #expect(try await client.listACLs(project: "p", service: "kafka", of: SchemaRegistryACLEntry.self) == defaults)
        }
    }

    @Test func faultsApplyAndDeletingTheServiceTakesItsUsersAndACLs() async throws {
        try await EmulatorHarness.run { harness in
            let client = try await Self.runningKafka(harness)
            try await harness.injectFault(#"{"method": "POST", "path": "/v1/project/p/service/kafka/acl", "count": 1, "status": 503}"#)
            let entry = KafkaACLEntry(permission: "write", topic: "t", username: "u")
            let noRetry = harness.client(retryPolicy: AivenRetryPolicy(maxAttempts: 1))
            await #expect(throws: AivenError.self) { try await noRetry.addACL(project: "p", service: "kafka", entry) }
            #expect(try await client.listACLs(project: "p", service: "kafka", of: KafkaACLEntry.self).map(\.entry) == [
                KafkaACLEntry(permission: "admin", topic: "*", username: "avnadmin")
            ])
            _ = try await client.addACL(project: "p", service: "kafka", entry)
            _ = try await client.createServiceUser(project: "p", service: "kafka", username: "u")
            try await client.deleteService(project: "p", name: "kafka")
            _ = try await client.createService(project: "p", ServiceCreateRequest(serviceName: "kafka", serviceType: "kafka", plan: "business-4", projectVPC: .publicNetwork))
            harness.time.advance(seconds: 10)
            #expect(try await client.listACLs(project: "p", service: "kafka", of: KafkaACLEntry.self).count == 1)
            await #expect(throws: AivenError.self) { try await client.getServiceUser(project: "p", service: "kafka", username: "u") }
        }
    }
}
