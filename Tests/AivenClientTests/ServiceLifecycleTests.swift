import KubeAPI
import AivenClient
import TestSupport
import Testing

@Suite struct ServiceLifecycleTests {
    @Test func createReadUpdateDeleteOverHTTP() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            let request = ServiceCreateRequest(
                serviceName: "my-kafka-connect", plan: "business-4", cloud: "google-europe-west1", projectVPC: .publicNetwork,
                maintenance: Maintenance(dow: "sunday", time: "12:00:00"),
                userConfig: ["kafka_connect": ["consumer_isolation_level": "read_committed"], "ip_filter": [IPFilterEntryInfo.network("0.0.0.0/32", description: "bar").json, IPFilterEntryInfo.cidr("10.20.0.0/16").json]],
                terminationProtection: false, tags: ["env": "test"], techEmails: [TechEmail(email: "ops@example.com")])
            let created = try await client.createService(project: "my-proj", request)
            #expect(created.state == .rebuilding)
            #expect(created.cloudName == "google-europe-west1")
            #expect(created.projectVPCId == nil)
            #expect(created.ipFilter == [.network("0.0.0.0/32", description: "bar"), .cidr("10.20.0.0/16")])
            #expect(created.maintenance == Maintenance(dow: "sunday", time: "12:00:00"))
            #expect(created.techEmails == [TechEmail(email: "ops@example.com")])

            harness.time.advance(seconds: 10)
            let running = try await client.getService(project: "my-proj", name: "my-kafka-connect", includeSecrets: true)
            #expect(running.state == .running)

            let rebalancing = try await client.updateService(project: "my-proj", name: "my-kafka-connect", ServiceUpdateRequest(plan: "business-8", projectVPC: .publicNetwork, userConfig: [:], powered: true))
            #expect(rebalancing.state == .rebalancing)
            #expect(rebalancing.plan == "business-8")
            // Aiven merges an update's user_config into the stored options: `{}` changes nothing.
            #expect(rebalancing.userConfig == running.userConfig)
            #expect(rebalancing.userConfig["kafka_connect"] == ["consumer_isolation_level": "read_committed"])

            let off = try await client.updateService(project: "my-proj", name: "my-kafka-connect", ServiceUpdateRequest(powered: false))
            #expect(off.state == .poweroff)

            #expect(try await client.listServices(project: "my-proj").map(\.serviceName) == ["my-kafka-connect"])
            try await client.deleteService(project: "my-proj", name: "my-kafka-connect")
            await #expect(throws: AivenError.notFound(message: "Service my-kafka-connect does not exist")) {
                try await client.getService(project: "my-proj", name: "my-kafka-connect")
            }
        }
    }

    @Test func tagsAreReplacedWholesale() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", ServiceCreateRequest(serviceName: "kc", plan: "startup-4", tags: ["a": "1"]))
            try await client.replaceServiceTags(project: "p", name: "kc", tags: ["b": "2", "c": "3"])
            #expect(try await client.getServiceTags(project: "p", name: "kc") == ["b": "2", "c": "3"])
            try await client.replaceServiceTags(project: "p", name: "kc", tags: [:])
            #expect(try await client.getServiceTags(project: "p", name: "kc") == [:])
        }
    }

    @Test func backupsAppearOnceRunningLongEnough() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", .kafkaConnect("kc"))
            harness.time.advance(seconds: 10)
            #expect(try await client.listServiceBackups(project: "p", name: "kc").isEmpty)
            harness.time.advance(seconds: 30)
            #expect(try await client.listServiceBackups(project: "p", name: "kc").count == 1)
        }
    }

    @Test func projectVPCLifecycle() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            let vpc = try await client.createProjectVPC(project: "p", ProjectVPCCreateRequest(cloudName: "aws-eu-west-1", networkCIDR: "10.1.0.0/24"))
            #expect(vpc.state == ProjectVPCInfo.approved)
            harness.time.advance(seconds: 10)
            #expect(try await client.getProjectVPC(project: "p", id: vpc.projectVPCId).state == ProjectVPCInfo.active)
            #expect(try await client.listProjectVPCs(project: "p").map(\.projectVPCId) == [vpc.projectVPCId])

            var request = ServiceCreateRequest.kafkaConnect("in-vpc")
            request.cloud = "aws-eu-west-1"
            request.projectVPC = .vpc(vpc.projectVPCId)
            #expect(try await client.createService(project: "p", request).projectVPCId == vpc.projectVPCId)
            await #expect(throws: AivenError.conflict(message: "VPC cannot be deleted while there are services in it")) {
                try await client.deleteProjectVPC(project: "p", id: vpc.projectVPCId)
            }
            try await client.deleteService(project: "p", name: "in-vpc")
            #expect(try await client.deleteProjectVPC(project: "p", id: vpc.projectVPCId).state == "DELETING")
        }
    }

    @Test func integrationsIncludingReadReplicaAtCreate() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", .kafkaConnect("primary"))
            _ = try await client.createService(
                project: "p", ServiceCreateRequest(serviceName: "other", serviceType: "kafka", plan: "business-4", projectVPC: .publicNetwork))
            harness.time.advance(seconds: 40)
            var replica = ServiceCreateRequest.kafkaConnect("replica")
            replica.serviceIntegrations = [ServiceIntegrationRequest(integrationType: "read_replica", sourceService: "primary")]
            let created = try await client.createService(project: "p", replica)
            #expect(created.serviceIntegrations.map(\.integrationType) == ["read_replica"])

            let integration = try await client.createServiceIntegration(
                project: "p", ServiceIntegrationRequest(integrationType: "kafka_connect", sourceService: "other", destService: "primary"))
            let id = try #require(integration.serviceIntegrationId)
            #expect(try await client.getServiceIntegration(project: "p", id: id).sourceService == "other")
            #expect(try await client.listServiceIntegrations(project: "p", service: "primary").count == 2)
            try await client.deleteServiceIntegration(project: "p", id: id)
            await #expect(throws: AivenError.self) { try await client.getServiceIntegration(project: "p", id: id) }
        }
    }

    @Test func catalogueOfPlansAndClouds() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            let types = try await client.listServiceTypes(project: "p")
            let kafkaConnect = try #require(types["kafka_connect"])
            #expect(kafkaConnect.servicePlans.map(\.servicePlan).contains("business-4"))
            #expect(kafkaConnect.servicePlans.first?.regions["google-europe-west1"] != nil)
            #expect(kafkaConnect.userConfigSchema?.objectValue?["properties"]?.objectValue?["ip_filter"] != nil)
            #expect(try await client.listClouds().map(\.cloudName).contains("aws-us-east-1"))
        }
    }
}
