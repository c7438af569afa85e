import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import TestSupport
import Testing

@testable import AivenOperator

/// `KafkaACL`, `KafkaNativeACL` and `KafkaSchemaRegistryACL` from resource to emulator: ids in
/// status, identical entries taken over, a changed entry replaced without a gap, deletion.
@Suite struct ACLReconcilerTests {
    static func kafkaACL(_ name: String, topic: String = "orders", username: String = "app") -> KafkaACL {
        KafkaACL(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: KafkaACLSpec(authSecretRef: KafkaReconcilerTests.token, permission: "read", project: OperatorHarness.project, serviceName: "my-kafka", topic: topic, username: username))
    }

    /// `app` may read the subject `orders-value` of `my-kafka`'s schema registry.
    static func schemaRegistryACL(_ name: String) -> KafkaSchemaRegistryACL {
        KafkaSchemaRegistryACL(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: KafkaSchemaRegistryACLSpec(
                authSecretRef: KafkaReconcilerTests.token, permission: "schema_registry_read", project: OperatorHarness.project, resource: "Subject:orders-value",
                serviceName: "my-kafka", username: "app"))
    }

    static func entries(_ harness: OperatorHarness) async throws -> [KafkaACLInfo] {
        try await harness.aiven.listACLs(project: OperatorHarness.project, service: "my-kafka", of: KafkaACLEntry.self)
    }

    @Test func aKafkaACLWaitsForItsServiceRecordsItsIdAndIsReplacedNewFirst() async throws {
        try await OperatorHarness.run { harness in
            let acls = harness.client.resources(KafkaACL.self, namespace: "default")
            _ = try await acls.create(Self.kafkaACL("read-orders"))
            try await harness.reconcile(KafkaACLKind(), "read-orders")
            let waiting = try #require(KafkaReconcilerTests.ready(try await acls.get("read-orders")))
            #expect(waiting.reason == "WaitingForService" && waiting.message == "Kafka service my-kafka does not exist yet")
            #expect(try await harness.events(about: "read-orders").allSatisfy { !$0.hasPrefix("Warning") })

            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            try await harness.converge(KafkaACLKind(), "read-orders") { KafkaReconcilerTests.ready(try await acls.get("read-orders"))?.status == .true }
            let first = try #require(try await Self.entries(harness).first { $0.entry.topic == "orders" })
            #expect(try await acls.get("read-orders").status?.id == first.id)
            #expect(try await Self.entries(harness).count == 2, "the default entry and this one")

            // A change adds the new entry before it deletes the old one: with the delete failing,
            // both are there, and access never lapses.
            var changed = try await acls.get("read-orders")
            changed.spec.topic = "orders-*"
            _ = try await acls.replace(changed)
            try await harness.injectFault(#"{"method": "DELETE", "path": "/v1/project/{project}/service/{service_name}/acl/{acl_id}", "count": 1, "status": 500}"#)
            _ = try? await harness.reconcile(KafkaACLKind(), "read-orders")
            #expect(Set(try await Self.entries(harness).map(\.entry.topic)) == ["*", "orders", "orders-*"])
            try await harness.converge(KafkaACLKind(), "read-orders") { try await Self.entries(harness).count == 2 }
            let replaced = try #require(try await Self.entries(harness).first { $0.entry.topic == "orders-*" })
            #expect(try await acls.get("read-orders").status?.id == replaced.id)
            #expect(try await !Self.entries(harness).contains { $0.id == first.id })

            try await acls.delete("read-orders")
            try await harness.converge(KafkaACLKind(), "read-orders") { (try? await acls.get("read-orders")) == nil }
            #expect(try await Self.entries(harness).map(\.id) == ["default"])
        }
    }

    @Test func anIdenticalEntryIsTakenOverAndASecondResourceForItStandsAside() async throws {
        try await OperatorHarness.run { harness in
            let acls = harness.client.resources(KafkaACL.self, namespace: "default")
            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            let existing = try await harness.aiven.addACL(project: OperatorHarness.project, service: "my-kafka", KafkaACLEntry(permission: "read", topic: "orders", username: "app"))
            _ = try await acls.create(Self.kafkaACL("first"))
            try await harness.converge(KafkaACLKind(), "first") { KafkaReconcilerTests.ready(try await acls.get("first"))?.status == .true }
            #expect(try await acls.get("first").status?.id == existing.id)
            #expect(try await Self.entries(harness).count == 2, "taken over, not duplicated")

            _ = try await acls.create(Self.kafkaACL("second"))
            try await harness.reconcile(KafkaACLKind(), "second")
            #expect(KafkaReconcilerTests.ready(try await acls.get("second"))?.reason == "AlreadyClaimed")
            try await acls.delete("second")
            try await harness.converge(KafkaACLKind(), "second") { (try? await acls.get("second")) == nil }
            #expect(try await Self.entries(harness).contains { $0.id == existing.id }, "the holder's entry stays")
        }
    }

    @Test func nativeAndSchemaRegistryEntriesAreCreatedObservedByIdAndDeleted() async throws {
        try await OperatorHarness.run { harness in
            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            let natives = harness.client.resources(KafkaNativeACL.self, namespace: "default")
            _ = try await natives.create(KafkaNativeACL(
                metadata: ObjectMeta(name: "alice", namespace: "default"),
                spec: KafkaNativeACLSpec(
                    authSecretRef: KafkaReconcilerTests.token, operation: "Read", patternType: "LITERAL", permissionType: "ALLOW", principal: "User:alice",
                    project: OperatorHarness.project, resourceName: "orders", resourceType: "Topic", serviceName: "my-kafka")))
            try await harness.converge(KafkaNativeACLKind(), "alice") { KafkaReconcilerTests.ready(try await natives.get("alice"))?.status == .true }
            let id = try #require(try await natives.get("alice").status?.id)
            let entry = try await harness.aiven.getKafkaNativeACL(project: OperatorHarness.project, service: "my-kafka", id: id)
            #expect(entry.entry.host == "*", "the CRD's default")
            let reads = try await harness.aivenRequests()["GET /v1/project/{project}/service/{service_name}/kafka/acl/{acl_id}"]
            try await harness.reconcile(KafkaNativeACLKind(), "alice")
            #expect(try await harness.aivenRequests()["GET /v1/project/{project}/service/{service_name}/kafka/acl/{acl_id}"] != reads, "observed by id")
            try await natives.delete("alice")
            try await harness.converge(KafkaNativeACLKind(), "alice") { (try? await natives.get("alice")) == nil }
            #expect(try await harness.aiven.listACLs(project: OperatorHarness.project, service: "my-kafka", of: KafkaNativeACLEntry.self).isEmpty)

            let registry = harness.client.resources(KafkaSchemaRegistryACL.self, namespace: "default")
            _ = try await registry.create(Self.schemaRegistryACL("subjects"))
            try await harness.converge(KafkaSchemaRegistryACLKind(), "subjects") { KafkaReconcilerTests.ready(try await registry.get("subjects"))?.status == .true }
            let status = try #require(try await registry.get("subjects").status)
            #expect(status.state == "RUNNING" && status.aclId?.hasPrefix("acl") == true)
            try await registry.delete("subjects")
            try await harness.converge(KafkaSchemaRegistryACLKind(), "subjects") { (try? await registry.get("subjects")) == nil }
            #expect(try await harness.aiven.listACLs(project: OperatorHarness.project, service: "my-kafka", of: SchemaRegistryACLEntry.self).map(\.id) == [
                "default-sr-admin-config", "default-sr-admin-subject",
            ])
        }
    }
}
