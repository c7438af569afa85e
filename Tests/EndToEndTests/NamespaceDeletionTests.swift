import Foundation
import KubeAPI
import TestSupport
import Testing

/// Deleting a namespace deletes the Aiven services of its resources, then the namespace: the
/// token Secret they need to do so is kept (its finalizer) until the last of them is released.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct NamespaceDeletionTests {
    @Test func deletingANamespaceDeletesItsServicesThenTheNamespace() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.kubectl.must(["create", "namespace", "team"])
        await try dev.kubectl.must(["-n", "team", "create", "secret", "generic", "team-token", "--from-literal=token=\(dev.token)"])
        let names = ["team-connect-a", "team-connect-b"]
        for name in names {
            await try dev.kubectl.must(["-n", "team", "apply", "-f", "-"], stdin: """
                apiVersion: aiven.io/v1alpha1
                kind: KafkaConnect
                metadata:
                  name: \(name)
                spec:
                  authSecretRef: {name: team-token, key: token}
                  project: e2e
                  plan: business-4
                """)
        }
        for name in names {
            try await dev.eventually("\(name) ready") {
                await try dev.kubectl.get("kafkaconnect", name, namespace: "team")?["status"]?["conditions"]?.arrayValue?
                    .contains { $0["type"] == "Ready" && $0["status"] == "True" } == true
            }
        }
        let secret = await try #require(try dev.get("secret", "team-token", namespace: "team"))
        #expect(secret["metadata"]?["finalizers"] == ["finalizers.aiven.io/needed-to-delete-services"])

        await try dev.kubectl.must(["delete", "namespace", "team", "--wait=false"])
        try await dev.eventually("the namespace to be gone", timeout: .seconds(120)) {
            let result = await try dev.kubectl(["get", "namespace", "team", "-o", "name"])
            return result.status != 0 && result.stderr.contains("NotFound")
        }
        for name in names {
            #expect(try await dev.service("e2e", name) == nil, "\(name)'s service outlived its namespace")
        }
        let log = dev.stop()
        #expect(!log.contains("SecretNotFound"))
    }
}
