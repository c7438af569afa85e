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
        """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnect
        metadata:
          name: \(name)
        \(marked ? """
          annotations:
            controllers.aiven.io/generation-was-processed: "1"
            controllers.aiven.io/instance-is-running: "true"
        """ : "")
          finalizers: [finalizers.aiven.io/delete-remote-resource]
        spec:
          authSecretRef: {name: aiven-token, key: token}
          project: \(FaultEnvironment.project)
          cloudName: google-europe-west1
          plan: business-4
          tags: {env: prod}
          userConfig:
            kafka_connect: {consumer_isolation_level: read_committed}
        """
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
}
