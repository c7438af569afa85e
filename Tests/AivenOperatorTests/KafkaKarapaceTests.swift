import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import TestSupport
import Testing

@testable import AivenOperator

/// `spec.karapace` of a Kafka, over the wire against LocalKube and the emulator: Aiven takes it
/// on update only, so a Kafka created with it is switched on by the update after the create;
/// drift is corrected while the spec sets it, and never reported when it does not.
@Suite(.timeLimit(.minutes(2)))
struct KafkaKarapaceTests {
    static func kafka(karapace: Bool?) -> Kafka {
        KafkaReconcilerTests.startupKafka { $0.karapace = karapace }
    }

    static func karapace(_ harness: OperatorHarness) async throws -> Bool? {
        try await harness.service("my-kafka")?.karapace
    }

    @Test func aKafkaCreatedWithKarapaceGetsItAndItsDriftIsCorrected() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            _ = try await kafkas.create(Self.kafka(karapace: true))
            try await harness.converge(KafkaKind(), "my-kafka") {
                let ready = KafkaReconcilerTests.ready(try await kafkas.get("my-kafka"))?.status == .true
                let switchedOn = try await Self.karapace(harness) == true
                return ready && switchedOn
            }

            _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "my-kafka", ServiceUpdateRequest(karapace: false))
            try await harness.converge(KafkaKind(), "my-kafka") { try await Self.karapace(harness) == true }
            #expect(try await harness.events(about: "my-kafka").contains { $0.hasPrefix("Normal: DriftCorrected") && $0.contains("karapace") })

            var off = try await kafkas.get("my-kafka")
            off.spec.karapace = false
            _ = try await kafkas.replace(off)
            try await harness.converge(KafkaKind(), "my-kafka") { try await Self.karapace(harness) == false }
        }
    }

    @Test func anUnsetKarapaceIsNeverDrift() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            _ = try await kafkas.create(Self.kafka(karapace: nil))
            try await harness.converge(KafkaKind(), "my-kafka") { KafkaReconcilerTests.ready(try await kafkas.get("my-kafka"))?.status == .true }
            #expect(try await Self.karapace(harness) == false)
            // Someone switches it on outside the operator: the spec sets nothing, so it is not drift.
            _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "my-kafka", ServiceUpdateRequest(karapace: true))
            let writes = try await harness.aivenWrites()
            for _ in 0..<2 { try await harness.reconcile(KafkaKind(), "my-kafka") }
            #expect(try await harness.aivenWrites() == writes, "nothing was sent")
            #expect(try await Self.karapace(harness) == true)
            #expect(try await kafkas.get("my-kafka").status?.driftedFields ?? [] == [])
        }
    }

    @Test func onlyASetKarapaceIsComparedAndSentAndNeverOnCreate() throws {
        func spec(_ karapace: Bool?) throws -> ServiceSpec {
            var kafka = Self.kafka(karapace: karapace)
            kafka.metadata.uid = "uid-1"
            return try ServiceSpec(kafka, projectVPCId: nil)
        }
        let observed = try JSONDecoder().decode(AivenService.self, from: Data("""
            {"service_name": "my-kafka", "service_type": "kafka", "plan": "startup-4", "cloud_name": "google-europe-west1",
             "project_vpc_id": null, "state": "RUNNING", "termination_protection": false, "user_config": {}, "features": {"karapace": false},
             "tech_emails": [], "tags": {"aiven-operator-uid": "uid-1"}, "service_integrations": [], "create_time": "", "update_time": ""}
            """.utf8))
        #expect(observed.karapace == false)
        #expect(ServiceDiff(desired: try spec(nil), observed: observed).isEmpty)
        #expect(ServiceDiff(desired: try spec(false), observed: observed).isEmpty)
        let diff = ServiceDiff(desired: try spec(true), observed: observed)
        #expect(diff.changes.map(\.description) == ["karapace: false → true"])
        #expect(diff.updateRequest == ServiceUpdateRequest(karapace: true), "only karapace is sent")
        let body = try JSONEncoder().encode(ServiceDiff.createRequest(for: try spec(true)))
        #expect(!String(decoding: body, as: UTF8.self).contains("karapace"), "Aiven's create body has no karapace")
    }
}
