import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime
import Testing

@testable import AivenOperator

/// The opt-in behaviours of a kind (``ClaimingKind``, ``OwnerTaggingKind``,
/// ``InputsTrackingKind``, ``PolledWhileReadyKind``, ``ConnectionSecretPublishing``) reach the
/// skeleton through its accessors, and a kind that does not opt in gets the neutral answer.
@Suite struct KindTraitsTests {
    static let configuration = OperatorConfiguration(resyncInterval: .seconds(600))

    static func topic(_ name: String) -> KafkaTopic {
        KafkaTopic(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: KafkaTopicSpec(partitions: 3, project: "p", replication: 2, serviceName: "kafka")
        )
    }

    @Test func aClaimingKindIsClaimedByTheObjectItNamesAndOtherKindsClaimNothing() {
        #expect(KafkaTopicKind().claimKey(of: Self.topic("orders")) == "p/kafka/orders")
        #expect(KafkaConnectKind().claimKey(of: OperatorHarness.kafkaConnect("connect")) != nil)
        let vpc = ProjectVPC(metadata: ObjectMeta(name: "vpc", namespace: "default"), spec: ProjectVPCSpec(project: "p", cloudName: "google-europe-west1", networkCidr: "10.0.0.0/24"))
        #expect(ProjectVPCKind().claimKey(of: vpc) == nil)
    }

    @Test func aServiceReadsItsOwnerTag() throws {
        let json = #"{"service_name": "connect", "service_type": "kafka_connect", "state": "RUNNING", "plan": "startup-4", "cloud_name": "google-europe-west1", "tags": {"\#(ServiceSpec.ownerTag)": "uid-1"}}"#
        let service = try JSONDecoder().decode(AivenService.self, from: Data(json.utf8))
        #expect(KafkaConnectKind().ownerTag(of: service) == "uid-1")
    }

    @Test func appliedInputsAreStoredOnlyWhereTheStatusKeepsThem() {
        var connector = KafkaConnectorStatus(state: nil)
        KafkaConnectorKind.record(appliedInputs: "pg@7", in: &connector)
        #expect(connector.appliedSecrets == "pg@7")
        #expect(KafkaConnectorKind.appliedInputs(in: connector) == "pg@7")
        // A service's status keeps them (a PostgreSQL's migration Secret).
        var service = ObservedStatus()
        PostgreSQLKind.record(appliedInputs: "Secret src uid/7", in: &service)
        #expect(service.appliedInputs == "Secret src uid/7")
        // An ACL entry's keeps none: recording is a no-op and it reads none.
        var acl = IdentifiedStatus()
        KafkaACLKind.record(appliedInputs: "pg@7", in: &acl)
        #expect(acl == IdentifiedStatus())
        #expect(KafkaACLKind.appliedInputs(in: acl) == nil)
    }

    @Test func polledKindsAreLookedAtSoonerThanTheResync() {
        #expect(KafkaTopicKind().recheckInterval(Self.configuration) == Self.configuration.resync)
        #expect(KafkaConnectorKind().recheckInterval(Self.configuration).interval < Self.configuration.resyncInterval)
        #expect(ServiceIntegrationKind().recheckInterval(Self.configuration).interval < Self.configuration.resyncInterval)
    }

    @Test func onlyPostgreSQLDeletesSecretsItReads() {
        #expect(PostgreSQLKind().disposesSecrets)
        #expect(!KafkaKind().disposesSecrets && !KafkaConnectKind().disposesSecrets && !ServiceUserKind().disposesSecrets)
        #expect(Operator.kinds.filter(\.access.deletesSecrets).map(\.definition.kind) == ["PostgreSQL"])
        #expect(AccessRule.watched(Operator.kinds).first { $0.resources == ["secrets"] }?.verbs.contains("delete") == true)
    }

    /// Issue 27, per kind: a create goes before the read where Aiven refuses a second object of
    /// the name (`409`), a deletion before the read where the object carries no owner tag (the
    /// name is the object), and a service's DELETE answer ends it. Kinds found by an id, and a
    /// schema (registering into an existing subject changes it), read first.
    @Test func theKindsThatSkipAReadAreThoseAivenKeepsUniqueByName() {
        let createsFirst: [any ManagedKind.Type] = [KafkaConnectKind.self, KafkaKind.self, PostgreSQLKind.self, KafkaTopicKind.self, KafkaConnectorKind.self, ServiceUserKind.self]
        let deletesFirst: [any ManagedKind.Type] = [KafkaTopicKind.self, KafkaConnectorKind.self, ServiceUserKind.self]
        let goneOnceDeleted: [any ManagedKind.Type] = [KafkaConnectKind.self, KafkaKind.self, PostgreSQLKind.self]
        let readFirst: [any ManagedKind.Type] = [
            ProjectVPCKind.self, ServiceIntegrationKind.self, ServiceIntegrationEndpointKind.self, KafkaSchemaKind.self,
            KafkaACLKind.self, KafkaNativeACLKind.self, KafkaSchemaRegistryACLKind.self,
        ]
        #expect(createsFirst.allSatisfy { $0 is any UniquelyNamedOnAiven.Type })
        #expect(deletesFirst.allSatisfy { $0 is any DeletableByIdentity.Type })
        #expect(goneOnceDeleted.allSatisfy { $0 is any GoneOnceDeleted.Type && !($0 is any DeletableByIdentity.Type) })
        #expect(readFirst.allSatisfy { !($0 is any UniquelyNamedOnAiven.Type) && !($0 is any GoneOnceDeleted.Type) })
        #expect(Set((createsFirst + readFirst).map { "\($0)" }).count == Operator.kinds.count, "every kind is in one list")
        #expect(KafkaTopicKind.isDeletableByIdentity(Self.topic("orders")) && !KafkaConnectKind.isDeletableByIdentity(OperatorHarness.kafkaConnect("c")))
        #expect(KafkaTopicKind().deletionByIdentity != nil && KafkaConnectKind().deletionByIdentity == nil)
        #expect(KafkaConnectKind().goneOnceDeleted && !KafkaTopicKind().goneOnceDeleted)
    }

    @Test func onlyPublishersWriteConnectionSecrets() {
        #expect(KafkaKind().connectionSecretSource != nil)
        #expect(ServiceUserKind().connectionSecretSource != nil)
        #expect(KafkaConnectKind().connectionSecretSource == nil)
        #expect(KafkaTopicKind().connectionSecretSource == nil)
    }
}
