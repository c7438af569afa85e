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

    static func resource(_ spec: KafkaConnectSpec, applied: AppliedUserConfig?) -> KafkaConnect {
        var resource = resource(spec)
        resource.status = KafkaConnectStatus(appliedUserConfig: applied)
        return resource
    }

    @Test func removedFieldsAreResetExplicitly() throws {
        var spec = Self.spec
        spec.tags = nil
        spec.userConfig = KafkaConnectUserConfig(kafkaConnect: KafkaConnectSettings(consumerIsolationLevel: "read_committed"))
        var observed = try Self.service(Self.running)
        observed.terminationProtection = true
        observed.techEmails = [TechEmail(email: "old@example.com")]
        // ip_filter was applied before and the spec dropped it: reset to Aiven's documented default.
        let applied = AppliedUserConfig(options: ["ip_filter", "kafka_connect.consumer_isolation_level"])
        let diff = ServiceDiff(desired: try ServiceSpec(Self.resource(spec, applied: applied), projectVPCId: nil), observed: observed)
        #expect(diff.changes.map(\.description) == [
            "termination_protection: true → false",
            #"tech_emails: ["old@example.com"] → []"#,
            #"user_config.ip_filter: [{"network":"10.20.0.0/16"}] → [{"network":"0.0.0.0/0"},{"network":"::/0"}]"#,
            #"tags.env: "test" → (unset)"#,
        ])
        let update = try #require(diff.updateRequest)
        #expect(update.terminationProtection == false)
        #expect(update.techEmails == [])
        #expect(update.userConfig == [
            "ip_filter": [["network": "0.0.0.0/0"], ["network": "::/0"]],
            "kafka_connect": ["consumer_isolation_level": "read_committed"],
        ])
    }

    @Test func optionsTheOperatorNeverAppliedAreNotDrift() throws {
        // The seed example sets no ip_filter; Aiven adds its default and options of its own.
        var spec = Self.spec
        spec.userConfig = KafkaConnectUserConfig(kafkaConnect: KafkaConnectSettings(consumerIsolationLevel: "read_committed"))
        var observed = try Self.service(Self.running)
        observed.userConfig = [
            "ip_filter": ["0.0.0.0/0", "::/0"],
            "kafka_connect": ["consumer_isolation_level": "read_committed", "prefer_ipv6_address_enable": false],
            "service_log": false,
            "an_option_from_the_future": 1,
        ]
        for applied in [nil, AppliedUserConfig(options: ["kafka_connect.consumer_isolation_level"])] {
            let diff = ServiceDiff(desired: try ServiceSpec(Self.resource(spec, applied: applied), projectVPCId: nil), observed: observed)
            #expect(diff.changes == [])
        }
        // A console change to an owned option is still a difference.
        observed.userConfig["kafka_connect"] = ["consumer_isolation_level": "read_uncommitted", "prefer_ipv6_address_enable": false]
        let diff = ServiceDiff(desired: try ServiceSpec(Self.resource(spec), projectVPCId: nil), observed: observed)
        #expect(diff.changes.map(\.path) == ["user_config.kafka_connect.consumer_isolation_level"])
    }

    @Test func anOptionWithoutADefaultIsLeftAndDisownedWhenDropped() throws {
        var spec = Self.spec
        spec.userConfig = KafkaConnectUserConfig(ipFilter: [IPFilterEntry(network: "10.20.0.0/16")])
        let applied = AppliedUserConfig(options: ["ip_filter", "kafka_connect.consumer_isolation_level"])
        let desired = try ServiceSpec(Self.resource(spec, applied: applied), projectVPCId: nil)
        // Aiven refuses null for it and documents no default: nothing can reset it.
        #expect(ServiceDiff(desired: desired, observed: try Self.service(Self.running)).changes == [])
        #expect(desired.userConfigOwnership.record == AppliedUserConfig(options: ["ip_filter"]))
    }

    @Test func secretOptionsAreComparedByFingerprintAndNeverShown() throws {
        func spec(token: String) -> KafkaConnectSpec {
            var spec = Self.spec
            spec.userConfig?.secretProviders = [SecretProvider(name: "v", vault: VaultSecretProvider(address: "https://vault", authMethod: "token", token: token))]
            return spec
        }
        var observed = try Self.service(Self.running)
        // Aiven never returns the token.
        observed.userConfig["secret_providers"] = [["name": "v", "vault": ["address": "https://vault", "auth_method": "token"]]]

        // Created by this resource (its owner tag), no record yet: its create sent the secrets.
        let first = try ServiceSpec(Self.resource(spec(token: "s3cr3t-one")), projectVPCId: nil)
        #expect(ServiceDiff(desired: first, observed: observed).changes == [])

        // Never applied by this resource (adoption: no owner tag of its own): applied once.
        var adopted = observed
        adopted.tags?[ServiceSpec.ownerTag] = nil
        let diff = ServiceDiff(desired: first, observed: adopted)
        #expect(diff.changes.filter(\.isUserConfig).map(\.description) == [#"user_config.secret_providers: "(secret)" → "(secret, changed)""#])
        let update = try #require(diff.updateRequest)
        #expect(update.userConfig?["secret_providers"]?.jsonString.contains("s3cr3t-one") == true)

        // Applied: the missing token is not drift.
        let record = first.userConfigOwnership.record
        #expect(record.secretsHash?.count == 64)
        #expect(record.secretsHash?.contains("s3cr3t") == false)
        let same = try ServiceSpec(Self.resource(spec(token: "s3cr3t-one"), applied: record), projectVPCId: nil)
        #expect(ServiceDiff(desired: same, observed: observed).changes == [])

        // A new token in the spec is applied, and shown as a change without its value.
        let rotated = try ServiceSpec(Self.resource(spec(token: "s3cr3t-two"), applied: record), projectVPCId: nil)
        let changes = ServiceDiff(desired: rotated, observed: observed).changes
        #expect(changes.map(\.path) == ["user_config.secret_providers"])
        #expect(!changes.map(\.description).joined().contains("s3cr3t"))

        // Equal secrets of two resources do not show equal fingerprints.
        var other = Self.resource(spec(token: "s3cr3t-one"))
        other.metadata.uid = "uid-2"
        #expect(try ServiceSpec(other, projectVPCId: nil).userConfigOwnership.record.secretsHash != record.secretsHash)
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
