import Foundation
import KubeAPI
import TestSupport
import Testing

/// Switching from the reference aiven-operator (docs/migrating.md): its resources, left as it
/// leaves them, are taken over by this operator when it starts, with no create and no delete.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ReferenceMigrationTests {
    /// A KafkaConnect as the reference operator leaves it: its annotations and finalizer.
    static func referenceResource(_ name: String, marked: Bool) -> String {
        ReferenceLeftover.manifest(kind: "KafkaConnect", name: name, marked: marked, spec: """
              cloudName: google-europe-west1
              plan: business-4
              tags: {env: prod}
              userConfig:
                kafka_connect: {consumer_isolation_level: read_committed}
            """)
    }

    /// The reference operator's status of a running service.
    static let referenceStatus = #"""
        {"status": {"state": "RUNNING", "conditions": [
          {"type": "Initialized", "status": "True", "reason": "CreatedOrUpdated", "message": "Successfully created or updated the instance in Aiven", "lastTransitionTime": "2026-01-01T00:00:00Z"},
          {"type": "Running", "status": "True", "reason": "CheckRunning", "message": "Instance is running on Aiven side", "lastTransitionTime": "2026-01-01T00:00:00Z"}]}}
        """#

    @Test func resourcesOfTheReferenceOperatorAreAdoptedWithNoCreateOrDelete() async throws {
        let env = try await FaultEnvironment(operators: 0)
        defer { env.stop() }
        // The scene the reference operator leaves: its services on Aiven (no owner tag of ours),
        // its resources, its finalizer on the token Secret. It is scaled to zero.
        for name in ["legacy-a", "legacy-b", "unrelated"] {
            let created = try await env.aiven("POST", "/v1/project/\(FaultEnvironment.project)/service", body: [
                "service_name": .string(name), "service_type": "kafka_connect", "plan": "business-4", "cloud": "google-europe-west1",
                "user_config": ["kafka_connect": ["consumer_isolation_level": "read_committed"]], "tags": ["env": "prod"],
            ])
            #expect(created.status == 200 || created.status == 201)
        }
        for name in ["legacy-a", "legacy-b"] {
            await try env.apply(Self.referenceResource(name, marked: true))
            await try env.mustKubectl(["patch", "kafkaconnect", name, "--subresource=status", "--type=merge", "-p", Self.referenceStatus])
        }
        // A same-named service with no evidence that the reference operator managed it.
        await try env.apply(Self.referenceResource("unrelated", marked: false))
        await try env.mustKubectl(["patch", "secret", "aiven-token", "--type=merge", "-p", #"{"metadata":{"finalizers":["finalizers.aiven.io/needed-to-delete-services"]}}"#])
        _ = try await env.aiven("DELETE", "/_emulator/requests")

        try env.startOperator()
        for name in ["legacy-a", "legacy-b"] {
            try await env.eventually("\(name) adopted and ready") {
                await try env.condition(name, "Ready")?["status"] == "True"
            }
            await #expect(try env.condition(name, "Initialized")?["reason"] == "Adopted")
            let resource = await try #require(try env.get("kafkaconnect", name))
            #expect(try await env.service(name)?["tags"]?["aiven-operator-uid"] == resource["metadata"]?["uid"])
            #expect(resource["metadata"]?["annotations"]?["controllers.aiven.io/generation-was-processed"] == "1")
            #expect(resource["metadata"]?["annotations"]?["controllers.aiven.io/instance-is-running"] == "true")
            let events = await try env.mustKubectl(["get", "events", "--field-selector", "involvedObject.name=\(name)", "-o", "json"]).stdout
            #expect(events.contains("\"Adopted\""))
        }
        try await env.eventually("the unmarked resource to be refused") {
            await try env.condition("unrelated", "Ready")?["reason"] == "AlreadyExists"
        }
        #expect(try await env.service("unrelated")?["tags"] == ["env": "prod"], "no silent takeover")

        let routes = try await env.aivenRequests()
        #expect(routes["POST /v1/project/{project}/service", default: 0] == 0, "\(routes)")
        #expect(routes["DELETE /v1/project/{project}/service/{service_name}", default: 0] == 0, "\(routes)")
        #expect(try await env.services().count == 3)
    }

    /// Every kind this operator serves, one resource each as the reference leaves it
    /// (``ReferenceLeftover``; the table must cover ``Operator/kinds``): each is taken over — `Ready=True`, the id it recorded kept — with
    /// no create and no delete on Aiven, and the objects on Aiven are the ones it made.
    @Test func everyKindIsTakenOverWithNoCreateOrDelete() async throws {
        let served = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repositoryRoot.appendingPathComponent("deploy/crds").path)
        #expect(Set(ReferenceLeftover.all.map { "aiven.io_\($0.resource)s.yaml" }) == Set(served), "one leftover per kind served (deploy/crds)")
        let env = try await FaultEnvironment(operators: 0)
        defer { env.stop() }
        let project = "/v1/project/\(FaultEnvironment.project)"
        var ids: [String: String] = [:]
        for leftover in ReferenceLeftover.all {
            let made = try await env.aiven(leftover.aivenCreate.method, project + leftover.aivenCreate.path, body: leftover.aivenCreate.body)
            try #require(made.status == 200 || made.status == 201, "\(leftover): \(made.body.jsonString)")
            ids[leftover.name] = leftover.id(made.body)
            if ["kafka", "kafkaconnect", "postgresql"].contains(leftover.resource) {
                try await env.eventually("\(leftover.name) running on Aiven") { try await env.service(leftover.name)?["state"] == "RUNNING" }
            }
        }
        for leftover in ReferenceLeftover.all {
            await try env.apply(leftover.manifest)
            let status: JSONValue = ["status": leftover.status(ids[leftover.name])]
            await try env.mustKubectl(["patch", leftover.resource, leftover.name, "--subresource=status", "--type=merge", "-p", status.jsonString])
        }
        await try env.mustKubectl(["patch", "secret", "aiven-token", "--type=merge", "-p", #"{"metadata":{"finalizers":["finalizers.aiven.io/needed-to-delete-services"]}}"#])
        _ = try await env.aiven("DELETE", "/_emulator/requests")

        try env.startOperator()
        for leftover in ReferenceLeftover.all {
            try await env.eventually("\(leftover) taken over and ready") {
                await try env.get(leftover.resource, leftover.name)?["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }?["status"] == "True"
            }
            let resource = await try #require(try env.get(leftover.resource, leftover.name))
            if let id = ids[leftover.name] {
                // A string id, or a schema's integer id.
                let recorded = resource["status"]?["id"] ?? resource["status"]?["acl_id"]
                #expect(recorded?.stringValue ?? recorded?.integerValue.map { String($0) } == id, "\(leftover) keeps the id it recorded")
            }
            #expect(resource["metadata"]?["finalizers"] == ["finalizers.aiven.io/delete-remote-resource"], "\(leftover)")
        }
        let routes = try await env.aivenRequests()
        for leftover in ReferenceLeftover.all {
            #expect(routes[leftover.createRoute, default: 0] == 0, "\(leftover): \(routes)")
            #expect(routes[leftover.deleteRoute, default: 0] == 0, "\(leftover): \(routes)")
        }
        #expect(Set(try await env.services().keys) == ["legacy-kafka", "legacy-connect", "legacy-pg"])
        #expect(try await env.service("legacy-kafka")?["tags"]?["aiven-operator-uid"] == (try await env.get("kafka", "legacy-kafka"))?["metadata"]?["uid"])
        let topics = try await env.aiven("GET", project + "/service/legacy-kafka/topic").body["topics"]?.arrayValue ?? []
        #expect(topics.compactMap { $0["topic_name"]?.stringValue } == ["legacy-topic"])
        let connectors = try await env.aiven("GET", project + "/service/legacy-connect/connectors").body["connectors"]?.arrayValue ?? []
        #expect(connectors.compactMap { $0["name"]?.stringValue } == ["legacy-connector"])
        let integrations = try await env.aiven("GET", project + "/service/legacy-connect/integration").body["service_integrations"]?.arrayValue ?? []
        #expect(integrations.filter { $0["integration_type"] == "kafka_connect" }.compactMap { $0["service_integration_id"]?.stringValue } == [ids["legacy-integration"] ?? "?"])
        #expect(try await env.aiven("GET", project + "/service/legacy-kafka/user/legacy-user").status == 200)
        #expect(routes["PUT /v1/project/{project}/service/{service_name}/user/{service_username}/credentials/reset", default: 0] == 0, "the password is kept")
        let vpcs = try await env.aiven("GET", project + "/vpcs").body["vpcs"]?.arrayValue ?? []
        #expect(vpcs.compactMap { $0["project_vpc_id"]?.stringValue } == [ids["legacy-vpc"] ?? "?"])
    }
}
