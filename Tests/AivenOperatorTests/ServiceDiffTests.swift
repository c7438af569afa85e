import AivenClient
import AivenResources
import Foundation
import KubeAPI
import Testing

@testable import AivenOperator

@Suite struct ServiceDiffTests {
    static func resource(_ spec: KafkaConnectSpec) -> KafkaConnect {
        var metadata = ObjectMeta(name: "kc", namespace: "default")
        metadata.uid = "uid-1"
        return KafkaConnect(metadata: metadata, spec: spec)
    }

    static func service(_ json: String) throws -> AivenService {
        try JSONDecoder().decode(AivenService.self, from: Data(json.utf8))
    }

    static let running = """
        {"service_name": "kc", "service_type": "kafka_connect", "plan": "business-4", "cloud_name": "google-europe-west1",
         "project_vpc_id": null, "state": "RUNNING", "termination_protection": false,
         "user_config": {"kafka_connect": {"consumer_isolation_level": "read_committed"}, "ip_filter": ["10.20.0.0/16"]},
         "maintenance": {"dow": "sunday", "time": "12:00:00"}, "tech_emails": [],
         "tags": {"env": "test", "aiven-operator-uid": "uid-1"}, "service_integrations": [], "service_uri": null,
         "create_time": "", "update_time": ""}
        """

    static let spec = KafkaConnectSpec(
        project: "p", plan: "business-4", cloudName: "google-europe-west1", tags: ["env": "test"],
        userConfig: KafkaConnectUserConfig(ipFilter: [IPFilterEntry(network: "10.20.0.0/16")], kafkaConnect: KafkaConnectSettings(consumerIsolationLevel: "read_committed"))
    )

    @Test func matchingServiceHasNoChanges() throws {
        let diff = ServiceDiff(desired: try ServiceSpec(Self.resource(Self.spec), projectVPCId: nil), observed: try Self.service(Self.running))
        #expect(diff.changes == [])
        #expect(diff.updateRequest == nil)
    }

    @Test func everyKindOfFieldIsCompared() throws {
        var spec = Self.spec
        spec.plan = "business-8"
        spec.cloudName = "aws-eu-west-1"
        spec.maintenanceWindowDow = .monday
        spec.terminationProtection = true
        spec.technicalEmails = [TechnicalEmail(email: "ops@example.com")]
        spec.tags = ["env": "prod"]
        spec.powered = false
        spec.userConfig?.kafkaConnect?.consumerIsolationLevel = "read_uncommitted"
        spec.userConfig?.kafkaConnect?.consumerMaxPollRecords = 100
        spec.userConfig?.ipFilter = [IPFilterEntry(network: "10.0.0.0/8", description: "office")]
        let diff = ServiceDiff(desired: try ServiceSpec(Self.resource(spec), projectVPCId: "vpc-1"), observed: try Self.service(Self.running))
        #expect(diff.changes.map(\.description) == [
            #"plan: "business-4" → "business-8""#,
            #"cloud: "google-europe-west1" → "aws-eu-west-1""#,
            #"project_vpc_id: null → "vpc-1""#,
            #"maintenance.dow: "sunday" → "monday""#,
            "termination_protection: false → true",
            #"tech_emails: [] → ["ops@example.com"]"#,
            "powered: true → false",
            #"user_config.ip_filter: [{"network":"10.20.0.0/16"}] → [{"description":"office","network":"10.0.0.0/8"}]"#,
            "user_config.kafka_connect.consumer_isolation_level: \"read_committed\" → \"read_uncommitted\"",
            "user_config.kafka_connect.consumer_max_poll_records: (unset) → 100",
            #"tags.env: "test" → "prod""#,
        ])
        let update = try #require(diff.updateRequest)
        #expect(update.plan == "business-8")
        #expect(update.projectVPC == .vpc("vpc-1"))
        #expect(update.maintenance == Maintenance(dow: "monday", time: "12:00:00"))
        #expect(update.powered == false)
        #expect(diff.tagChanges.count == 1)
    }

    @Test func removedFieldsAreResetExplicitly() throws {
        var spec = Self.spec
        spec.tags = nil
        spec.userConfig = KafkaConnectUserConfig(ipFilter: [IPFilterEntry(network: "10.20.0.0/16")])
        var observed = try Self.service(Self.running)
        observed.terminationProtection = true
        observed.techEmails = [TechEmail(email: "old@example.com")]
        let diff = ServiceDiff(desired: try ServiceSpec(Self.resource(spec), projectVPCId: nil), observed: observed)
        #expect(diff.changes.map(\.path) == [
            "termination_protection", "tech_emails", "user_config.kafka_connect", "tags.env",
        ])
        let update = try #require(diff.updateRequest)
        #expect(update.terminationProtection == false)
        #expect(update.techEmails == [])
        // The whole desired map replaces Aiven's: kafka_connect is absent, so it goes back to defaults.
        #expect(update.userConfig == ["ip_filter": .array([.object(["network": .string("10.20.0.0/16")])])])
    }

    @Test func theOwnerTagIsPartOfTheDesiredTags() throws {
        let desired = try ServiceSpec(Self.resource(Self.spec), projectVPCId: nil)
        #expect(desired.tags == ["env": "test", "aiven-operator-uid": "uid-1"])
        let create = ServiceDiff.createRequest(for: desired)
        #expect(create.tags?["aiven-operator-uid"] == "uid-1")
        #expect(create.serviceType == "kafka_connect")
        #expect(create.techEmails == [])
    }
}
