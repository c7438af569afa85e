import Foundation
import KubeAPI
import Testing

/// Namespace deletion as Kubernetes does it: Terminating, content deleted (finalizers honoured),
/// new content refused, the namespace removed once empty.
struct NamespaceLifecycleTests {
    typealias Server = RunningLocalKube

    @Test func terminatingNamespaceDeletesItsContentAndWaitsForFinalizers() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        #expect(try await server.request("POST", "/api/v1/namespaces", body: ["metadata": ["name": "team"]]).code == 201)
        let connects = "/apis/aiven.io/v1alpha1/namespaces/team/kafkaconnects"
        var guarded = Server.kafkaConnect("guarded")
        guarded["metadata"]?["finalizers"] = ["aiven.io/finalizer"]
        #expect(try await server.request("POST", connects, body: guarded).code == 201)
        #expect(try await server.request("POST", "/api/v1/namespaces/team/secrets", body: ["metadata": ["name": "s"]]).code == 201)

        let deleted = try await server.request("DELETE", "/api/v1/namespaces/team")
        #expect(deleted.code == 200)
        #expect(deleted.body[path: ["status", "phase"]] == "Terminating")
        #expect(deleted.body[path: ["spec", "finalizers"]] == ["kubernetes"])

        let reactivated = try await server.request(
            "PATCH", "/api/v1/namespaces/team", body: ["spec": ["finalizers": []], "status": ["phase": "Active"]], contentType: "application/merge-patch+json"
        )
        #expect(reactivated.body[path: ["spec", "finalizers"]] == ["kubernetes"], "finalizers belong to the namespace controller")
        #expect(reactivated.body[path: ["status", "phase"]] == "Terminating")
        let refused = try await server.request("POST", "/api/v1/namespaces/team/secrets", body: ["metadata": ["name": "late"]])
        #expect(refused.code == 403)
        #expect(refused.body["message"] == #"secrets "late" is forbidden: unable to create new content in namespace team because it is being terminated"#)

        var namespace = JSONValue.null
        for _ in 0..<50 {
            namespace = try await server.request("GET", "/api/v1/namespaces/team").body
            let types = (namespace[path: ["status", "conditions"]]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
            if types.contains("NamespaceFinalizersRemaining") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let conditions = namespace[path: ["status", "conditions"]]?.arrayValue ?? []
        #expect(conditions.contains { $0["type"] == "NamespaceContentRemaining" && $0["message"] == "Some resources are remaining: kafkaconnects.aiven.io has 1 resource instances" })
        #expect(conditions.contains { $0["type"] == "NamespaceFinalizersRemaining" && $0["status"] == "True" })
        #expect(try await server.request("GET", "/api/v1/namespaces/team/secrets/s").code == 404, "content without finalizers is gone")
        let terminating = try await server.request("GET", connects + "/guarded").body
        #expect(terminating[path: ["metadata", "deletionTimestamp"]] != nil, "the finalizer can run")

        _ = try await server.request("PATCH", connects + "/guarded", body: ["metadata": ["finalizers": nil]], contentType: "application/merge-patch+json")
        var code = 200
        for _ in 0..<50 where code == 200 {
            try await Task.sleep(for: .milliseconds(100))
            code = try await server.request("GET", "/api/v1/namespaces/team").code
        }
        #expect(code == 404, "the namespace is removed once empty")
    }

    @Test func policiesApplyToTheNamespaceControllerAndSystemNamespacesStay() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let refused = try await server.request("DELETE", "/api/v1/namespaces/default")
        #expect(refused.code == 403)
        #expect(refused.body["message"] == #"namespaces "default" is forbidden: this namespace may not be deleted"#)

        #expect(try await server.request("POST", AdmissionPolicyTests.policies, body: AdmissionPolicyTests.terminationProtection).code == 201)
        _ = try await server.request("POST", AdmissionPolicyTests.bindings, body: AdmissionPolicyTests.binding("tp", policy: "termination-protection", actions: ["Deny"]))
        _ = try await server.request("POST", "/api/v1/namespaces", body: ["metadata": ["name": "team"]])
        let connects = "/apis/aiven.io/v1alpha1/namespaces/team/kafkaconnects"
        _ = try await server.request("POST", connects, body: Server.kafkaConnect("kept", extraSpec: ["terminationProtection": true]))
        #expect(try await server.request("DELETE", "/api/v1/namespaces/team").code == 200)
        var failure: JSONValue?
        for _ in 0..<50 where failure == nil {
            try await Task.sleep(for: .milliseconds(100))
            let conditions = try await server.request("GET", "/api/v1/namespaces/team").body[path: ["status", "conditions"]]?.arrayValue ?? []
            failure = conditions.first { $0["type"] == "NamespaceDeletionContentFailure" && $0["status"] == "True" }
        }
        #expect(failure?["message"]?.stringValue?.hasPrefix(#"Failed to delete all resource types, 1 remaining: kafkaconnects.aiven.io "kept" is forbidden: ValidatingAdmissionPolicy 'termination-protection'"#) == true, "\(String(describing: failure))")
        #expect(try await server.request("GET", connects + "/kept").body[path: ["metadata", "deletionTimestamp"]] == nil, "the protected object is untouched")
    }
}
