import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import TestSupport
import Testing

@testable import AivenOperator

/// Tenancy for service users and ACL entries, which carry no owner tag (``Claims``): a resource in
/// another namespace naming a user or an entry a first namespace manages never takes it over,
/// rotates it, publishes its password or deletes it.
@Suite(.timeLimit(.minutes(2)))
struct UserAndACLClaimsTests {
    static func user(_ name: String, namespace: String, username: String? = nil, annotations: [String: String]? = nil) -> ServiceUser {
        ServiceUser(
            metadata: ObjectMeta(name: name, namespace: namespace, annotations: annotations),
            spec: ServiceUserSpec(authSecretRef: KafkaReconcilerTests.token, project: OperatorHarness.project, serviceName: "my-kafka", username: username))
    }

    static func acl(_ name: String, namespace: String) -> KafkaACL {
        KafkaACL(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: KafkaACLSpec(authSecretRef: KafkaReconcilerTests.token, permission: "read", project: OperatorHarness.project, serviceName: "my-kafka", topic: "orders", username: "app"))
    }

    /// Puts the operator's finalizer on, as an earlier pass (or another operator) may have, then
    /// deletes the resource and runs one pass.
    static func deleteWithFinalizer<Kind: ManagedKind>(_ harness: OperatorHarness, _ kind: Kind, _ name: String, namespace: String) async throws {
        let resources = harness.client.resources(Kind.Resource.self, namespace: namespace)
        var finalized = try await resources.get(name)
        finalized.metadata.finalizers = [OperatorAnnotations.finalizer]
        _ = try await resources.replace(finalized)
        _ = try await resources.delete(name)
        try await harness.reconcile(kind, name, namespace: namespace)
        await #expect(throws: KubeError.self, "released") { try await resources.get(name) }
    }

    @Test func aUserAnotherNamespaceManagesIsNotTakenOverRotatedPublishedOrDeleted() async throws {
        try await OperatorHarness.run { harness in
            try await ClaimsTests.twoTeams(harness)
            let teamA = harness.client.resources(ServiceUser.self, namespace: "team-a")
            let teamB = harness.client.resources(ServiceUser.self, namespace: "team-b")
            _ = try await teamA.create(Self.user("app", namespace: "team-a"))
            try await harness.converge(ServiceUserKind(), "app", namespace: "team-a") { KafkaReconcilerTests.ready(try await teamA.get("app"))?.status == .true }
            let password = try #require(try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "app").password)
            // A later creationTimestamp (whole seconds) for the second claimant.
            try await Task.sleep(for: .milliseconds(1100))
            let writes = try await harness.aivenWrites()

            // Team-b names the same user, asks for a rotation and a Secret of its own.
            _ = try await teamB.create(Self.user("intruder", namespace: "team-b", username: "app", annotations: [OperatorAnnotations.rotateCredentials: "now"]))
            for _ in 0..<2 { try await harness.reconcile(ServiceUserKind(), "intruder", namespace: "team-b") }
            let refused = try #require(KafkaReconcilerTests.ready(try await teamB.get("intruder")))
            #expect(refused.status == .false && refused.reason == "AlreadyClaimed")
            #expect(refused.message.contains("service user harness/my-kafka/app is already claimed by ServiceUser team-a/app"), "\(refused.message)")
            #expect(try await teamB.get("intruder").metadata.finalizers == nil)
            #expect(try await harness.aivenWrites() == writes, "nothing team-b asked reached Aiven")
            await #expect(throws: KubeError.self, "no Secret with the password in team-b") {
                try await harness.client.resources(Secret.self, namespace: "team-b").get("intruder")
            }
            #expect(try await ServiceUserReconcilerTests.logsIn(harness, "app", password), "team-a's password still works")

            // Deleting team-b's resource, even with the operator's finalizer on, leaves the user.
            try await Self.deleteWithFinalizer(harness, ServiceUserKind(), "intruder", namespace: "team-b")
            #expect(try await harness.aivenWrites() == writes)
            #expect(try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "app").password == password)
            try await harness.reconcile(ServiceUserKind(), "app", namespace: "team-a")
            #expect(KafkaReconcilerTests.ready(try await teamA.get("app"))?.status == .true)
        }
    }

    /// A service's `avnadmin` is part of the service: team-b, whose token reaches the same
    /// project, can neither take over, reset nor publish the password of the Kafka team-a manages
    /// (its connection Secret publishes it); a ServiceUser in team-a's namespace can.
    @Test func avnadminOfAServiceAnotherNamespaceManagesIsNotReset() async throws {
        try await OperatorHarness.run { harness in
            for namespace in ["team-a", "team-b"] {
                _ = try await harness.client.resources(Namespace.self, namespace: nil).create(Namespace(metadata: ObjectMeta(name: namespace)))
                _ = try await harness.client.resources(Secret.self, namespace: namespace).create(
                    Secret(metadata: ObjectMeta(name: "aiven-token", namespace: namespace), stringData: ["token": OperatorHarness.token]))
            }
            var kafka = KafkaReconcilerTests.kafka()
            kafka.metadata.namespace = "team-a"
            let kafkas = harness.client.resources(Kafka.self, namespace: "team-a")
            _ = try await kafkas.create(kafka)
            try await harness.converge(KafkaKind(), "my-kafka", namespace: "team-a") { KafkaReconcilerTests.ready(try await kafkas.get("my-kafka"))?.status == .true }
            let avnadmin = { try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "avnadmin").password }
            let password = try #require(try await avnadmin())
            let writes = try await harness.aivenWrites()

            let teamB = harness.client.resources(ServiceUser.self, namespace: "team-b")
            _ = try await teamB.create(Self.user("admin", namespace: "team-b", username: "avnadmin", annotations: [OperatorAnnotations.rotateCredentials: "now"]))
            for _ in 0..<2 { try await harness.reconcile(ServiceUserKind(), "admin", namespace: "team-b") }
            let refused = try #require(KafkaReconcilerTests.ready(try await teamB.get("admin")))
            #expect(refused.status == .false && refused.reason == "NotPermitted", "\(refused)")
            #expect(refused.message.contains("which Kafka team-a/my-kafka manages: only a resource in namespace team-a may change it"), "\(refused.message)")
            #expect(try await harness.aivenWrites() == writes, "nothing team-b asked reached Aiven")
            #expect(try await avnadmin() == password)

            await #expect(throws: KubeError.self, "no Secret with the password in team-b") {
                try await harness.client.resources(Secret.self, namespace: "team-b").get("admin")
            }
            #expect(try await teamB.get("admin").metadata.finalizers == nil)

            // In the Kafka's own namespace it may, once team-b's resource (the first claimant of
            // the user) is gone.
            try await teamB.delete("admin")
            _ = try await harness.client.resources(Secret.self, namespace: "team-a").create(
                Secret(metadata: ObjectMeta(name: "admin-password", namespace: "team-a"), stringData: ["PASSWORD": "ChosenAdminPassword1!"]))
            var admin = Self.user("admin", namespace: "team-a", username: "avnadmin")
            admin.spec.connInfoSecretSource = ServiceUserSpec.ConnInfoSecretSource(name: "admin-password", passwordKey: "PASSWORD")
            let teamA = harness.client.resources(ServiceUser.self, namespace: "team-a")
            _ = try await teamA.create(admin)
            try await harness.converge(ServiceUserKind(), "admin", namespace: "team-a") { KafkaReconcilerTests.ready(try await teamA.get("admin"))?.status == .true }
            #expect(try await avnadmin() == "ChosenAdminPassword1!")
        }
    }

    @Test func anEntryAnotherNamespaceManagesIsNotTakenOverOrDeleted() async throws {
        try await OperatorHarness.run { harness in
            try await ClaimsTests.twoTeams(harness)
            let teamA = harness.client.resources(KafkaACL.self, namespace: "team-a")
            let teamB = harness.client.resources(KafkaACL.self, namespace: "team-b")
            _ = try await teamA.create(Self.acl("read-orders", namespace: "team-a"))
            try await harness.converge(KafkaACLKind(), "read-orders", namespace: "team-a") { KafkaReconcilerTests.ready(try await teamA.get("read-orders"))?.status == .true }
            let id = try #require(try await teamA.get("read-orders").status?.id)
            try await Task.sleep(for: .milliseconds(1100))
            let writes = try await harness.aivenWrites()

            _ = try await teamB.create(Self.acl("read-orders", namespace: "team-b"))
            for _ in 0..<2 { try await harness.reconcile(KafkaACLKind(), "read-orders", namespace: "team-b") }
            let refused = try #require(KafkaReconcilerTests.ready(try await teamB.get("read-orders")))
            #expect(refused.reason == "AlreadyClaimed" && refused.message.contains("KafkaACL team-a/read-orders"), "\(refused.message)")
            #expect(try await teamB.get("read-orders").status?.id == nil, "the entry's id is not recorded as team-b's")

            try await Self.deleteWithFinalizer(harness, KafkaACLKind(), "read-orders", namespace: "team-b")
            #expect(try await harness.aivenWrites() == writes, "nothing sent, nothing deleted")
            #expect(try await ACLReconcilerTests.entries(harness).contains { $0.id == id })
            try await harness.reconcile(KafkaACLKind(), "read-orders", namespace: "team-a")
            #expect(try await teamA.get("read-orders").status?.id == id)
        }
    }
}
