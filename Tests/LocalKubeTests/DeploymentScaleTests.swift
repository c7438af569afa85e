import Foundation
import KubeAPI
import Testing

/// `deployments/NAME/scale`: the autoscaling/v1 Scale `kubectl scale` and autoscalers use, read
/// from and written to the Deployment's `spec.replicas`, discoverable, with kube-apiserver's
/// conflicts and validation.
struct DeploymentScaleTests {
    static let deployments = "/apis/apps/v1/namespaces/default/deployments"

    @Test func theScaleReadsAndWritesTheDeploymentsReplicas() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        var deployment = InstallKindsTests.deployment
        deployment["spec"]?["selector"]?["matchExpressions"] = [["key": "tier", "operator": "In", "values": ["b", "a"]]]
        deployment["spec"]?["template"]?["metadata"]?["labels"]?["tier"] = "a"
        let created = try await server.request("POST", Self.deployments, body: deployment)
        try #require(created.code == 201, "\(created.body)")
        let scale = Self.deployments + "/op/scale"

        let read = try await server.request("GET", scale)
        #expect(read.body["kind"] == "Scale")
        #expect(read.body["apiVersion"] == "autoscaling/v1")
        #expect(read.body[path: ["spec", "replicas"]] == 1, "unset replicas are 1")
        #expect(read.body[path: ["status", "selector"]] == "app=op,tier in (a,b)")
        #expect(read.body[path: ["metadata", "uid"]] == created.body[path: ["metadata", "uid"]])

        let patched = try await server.request("PATCH", scale, body: ["spec": ["replicas": 3]], contentType: "application/merge-patch+json")
        #expect(patched.code == 200)
        #expect(patched.body[path: ["spec", "replicas"]] == 3)
        #expect(try await server.request("GET", Self.deployments + "/op").body[path: ["spec", "replicas"]] == 3)
        let jsonPatched = try await server.request("PATCH", scale, body: [["op": "replace", "path": "/spec/replicas", "value": 0]], contentType: "application/json-patch+json")
        #expect(jsonPatched.body[path: ["spec", "replicas"]] == 0)

        var stale = read.body
        stale["spec"] = ["replicas": 2]
        #expect(try await server.request("PUT", scale, body: stale).code == 409, "the Scale's resourceVersion is a precondition")
        stale["metadata"]?["resourceVersion"] = nil
        let put = try await server.request("PUT", scale, body: stale)
        #expect(put.code == 200)
        #expect(put.body[path: ["spec", "replicas"]] == 2)

        let negative = try await server.request("PATCH", scale, body: ["spec": ["replicas": -1]], contentType: "application/merge-patch+json")
        #expect(negative.code == 422)
        #expect(negative.body["message"] == #"Scale.autoscaling "op" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"#)
        #expect(try await server.request("GET", Self.deployments + "/missing/scale").code == 404)

        let discovery = try await server.request("GET", "/apis/apps/v1")
        let entry = discovery.body["resources"]?.arrayValue?.first { $0["name"] == "deployments/scale" }
        #expect(entry?["group"] == "autoscaling")
        #expect(entry?["kind"] == "Scale")
        #expect(entry?["verbs"] == ["get", "patch", "update"])
    }
}
