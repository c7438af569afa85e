import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import TestSupport
import Testing

@testable import AivenOperator

/// `spec.disk_space` of a Kafka, over the wire against LocalKube and the emulator: sent on create
/// and update as `disk_space_mb`, drift corrected, never owned when the spec does not set it, left
/// as it is when the spec drops it, and Aiven's refusal of a size the plan does not allow shown
/// in the resource's condition.
@Suite(.timeLimit(.minutes(2)))
struct KafkaDiskSpaceTests {
    /// `startup-4` includes 180 GiB (184320 MB) and grows in 30 GiB steps up to 720 GiB.
    static func kafka(diskSpace: String?) -> Kafka {
        KafkaReconcilerTests.startupKafka { $0.diskSpace = diskSpace }
    }

    static func disk(_ harness: OperatorHarness) async throws -> Int? {
        try await harness.service("my-kafka")?.diskSpaceMB
    }

    @Test func theDiskIsSentOnCreateAndUpdateAndItsDriftCorrected() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            _ = try await kafkas.create(Self.kafka(diskSpace: "240GiB"))
            try await harness.converge(KafkaKind(), "my-kafka") { KafkaReconcilerTests.ready(try await kafkas.get("my-kafka"))?.status == .true }
            #expect(try await Self.disk(harness) == 245_760, "240 GiB on create")

            var larger = try await kafkas.get("my-kafka")
            larger.spec.diskSpace = "300G"
            _ = try await kafkas.replace(larger)
            try await harness.converge(KafkaKind(), "my-kafka") { try await Self.disk(harness) == 307_200 }

            _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "my-kafka", ServiceUpdateRequest(diskSpaceMB: 276_480))
            try await harness.converge(KafkaKind(), "my-kafka") { try await Self.disk(harness) == 307_200 }
            #expect(try await harness.events(about: "my-kafka").contains { $0.hasPrefix("Normal: DriftCorrected") && $0.contains("disk_space_mb") })
        }
    }

    @Test func anUnsetDiskIsNotOwnedAndDroppingItLeavesTheDisk() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            _ = try await kafkas.create(Self.kafka(diskSpace: nil))
            try await harness.converge(KafkaKind(), "my-kafka") { KafkaReconcilerTests.ready(try await kafkas.get("my-kafka"))?.status == .true }
            #expect(try await Self.disk(harness) == 184_320, "the plan's disk")
            // Someone adds disk outside the operator: the spec sets none, so it is not drift.
            _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "my-kafka", ServiceUpdateRequest(diskSpaceMB: 215_040))
            let writes = try await harness.aivenWrites()
            for _ in 0..<2 { try await harness.reconcile(KafkaKind(), "my-kafka") }
            #expect(try await harness.aivenWrites() == writes, "nothing was sent")
            #expect(try await Self.disk(harness) == 215_040)
            #expect(try await kafkas.get("my-kafka").status?.driftedFields ?? [] == [])

            var sized = try await kafkas.get("my-kafka")
            sized.spec.diskSpace = "360GiB"
            _ = try await kafkas.replace(sized)
            try await harness.converge(KafkaKind(), "my-kafka") { try await Self.disk(harness) == 368_640 }

            try await harness.reconcile(KafkaKind(), "my-kafka")
            let beforeDrop = try await harness.aivenWrites()
            var dropped = try await kafkas.get("my-kafka")
            dropped.spec.diskSpace = nil
            _ = try await kafkas.replace(dropped)
            for _ in 0..<3 { try await harness.reconcile(KafkaKind(), "my-kafka") }
            #expect(KafkaReconcilerTests.ready(try await kafkas.get("my-kafka"))?.status == .true)
            #expect(try await harness.aivenWrites() == beforeDrop, "dropping disk_space sends nothing")
            #expect(try await Self.disk(harness) == 368_640, "the disk stays as it was")
        }
    }

    @Test func aSizeThePlanDoesNotAllowIsRefusedByAivenAndShown() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            _ = try await kafkas.create(Self.kafka(diskSpace: "200GiB"))
            for _ in 0..<2 { _ = try? await harness.reconcile(KafkaKind(), "my-kafka") }
            let ready = try #require(KafkaReconcilerTests.ready(try await kafkas.get("my-kafka")))
            #expect(ready.status == .false)
            #expect(ready.message.contains("in steps of 30720 MB"), "\(ready.message)")
            #expect(try await harness.service("my-kafka") == nil, "no service with another disk was created")
        }
    }

    @Test func diskSpaceQuantitiesAreGibibytes() throws {
        #expect(try DiskSpace.megabytes("600GiB") == 614_400)
        #expect(try DiskSpace.megabytes("600gib") == 614_400)
        #expect(try DiskSpace.megabytes("600G") == 614_400)
        #expect(try DiskSpace.megabytes("90") == 92_160, "a bare number is GiB, not bytes")
        #expect(throws: ServiceSpecError.self) { try DiskSpace.megabytes("600MB") }
        #expect(throws: ServiceSpecError.self) { try DiskSpace.megabytes("GiB") }
        #expect(throws: ServiceSpecError.self) { try DiskSpace.megabytes("99999999999999999999GiB") }
        #expect(throws: ServiceSpecError.self) { try DiskSpace.megabytes("9999999999999999GiB") }
    }

    @Test func onlyASetDiskIsComparedAndSent() throws {
        func spec(_ disk: String?) throws -> ServiceSpec {
            var kafka = Self.kafka(diskSpace: disk)
            kafka.metadata.uid = "uid-1"
            return try ServiceSpec(kafka, projectVPCId: nil)
        }
        let observed = try JSONDecoder().decode(AivenService.self, from: Data("""
            {"service_name": "my-kafka", "service_type": "kafka", "plan": "startup-4", "cloud_name": "google-europe-west1",
             "project_vpc_id": null, "state": "RUNNING", "termination_protection": false, "user_config": {}, "disk_space_mb": 215040,
             "tech_emails": [], "tags": {"aiven-operator-uid": "uid-1"}, "service_integrations": [], "create_time": "", "update_time": ""}
            """.utf8))
        #expect(ServiceDiff(desired: try spec(nil), observed: observed).isEmpty)
        #expect(ServiceDiff.createRequest(for: try spec(nil)).diskSpaceMB == nil)
        let diff = ServiceDiff(desired: try spec("240GiB"), observed: observed)
        #expect(diff.changes.map(\.description) == ["disk_space_mb: 215040 → 245760"])
        #expect(diff.updateRequest == ServiceUpdateRequest(diskSpaceMB: 245_760), "only the disk is sent")
        #expect(ServiceDiff.createRequest(for: try spec("240GiB")).diskSpaceMB == 245_760)
    }
}
