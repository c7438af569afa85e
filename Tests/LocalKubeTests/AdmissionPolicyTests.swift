import Foundation
import KubeAPI
import Testing

/// ValidatingAdmissionPolicy enforcement over HTTP: Deny, Warn, match conditions and CEL refused
/// at creation.
struct AdmissionPolicyTests {
    typealias Server = RunningLocalKube
    static let policies = "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies"
    static let bindings = "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings"

    static let terminationProtection: JSONValue = [
        "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicy", "metadata": ["name": "termination-protection"],
        "spec": [
            "failurePolicy": "Fail",
            "matchConstraints": ["resourceRules": [["apiGroups": ["aiven.io"], "apiVersions": ["*"], "resources": ["*"], "operations": ["DELETE"]]]],
            "validations": [[
                "expression": "!(has(oldObject.spec.terminationProtection) && oldObject.spec.terminationProtection == true)",
                "messageExpression": "'resource ' + oldObject.metadata.name + ' has spec.terminationProtection set; set it to false first'",
                "reason": "Forbidden",
            ]],
        ],
    ]

    static func binding(_ name: String, policy: String, actions: [JSONValue]) -> JSONValue {
        [
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicyBinding", "metadata": ["name": .string(name)],
            "spec": ["policyName": .string(policy), "validationActions": .array(actions)],
        ]
    }

    @Test func denyRefusesADeleteWithKubeApiserversMessage() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        #expect(try await server.request("POST", Self.policies, body: Self.terminationProtection).code == 201)
        #expect(try await server.request("POST", Self.bindings, body: Self.binding("termination-protection", policy: "termination-protection", actions: ["Deny"])).code == 201)
        _ = try await server.request("POST", Server.kafkaConnects, body: Server.kafkaConnect("kept", extraSpec: ["terminationProtection": true]))
        _ = try await server.request("POST", Server.kafkaConnects, body: Server.kafkaConnect("free"))

        let refused = try await server.request("DELETE", Server.kafkaConnects + "/kept")
        #expect(refused.code == 403)
        #expect(refused.body["reason"] == "Forbidden")
        #expect(refused.body["message"] == #"kafkaconnects.aiven.io "kept" is forbidden: ValidatingAdmissionPolicy 'termination-protection' with binding 'termination-protection' denied request: resource kept has spec.terminationProtection set; set it to false first"#)
        #expect(try await server.request("GET", Server.kafkaConnects + "/kept").code == 200, "the object is untouched")
        #expect(try await server.request("DELETE", Server.kafkaConnects + "/free").code == 200)
        let unprotect = try await server.request(
            "PATCH", Server.kafkaConnects + "/kept", body: ["spec": ["terminationProtection": false]], contentType: "application/merge-patch+json"
        )
        #expect(unprotect.code == 200, "UPDATE is not matched")
        #expect(try await server.request("DELETE", Server.kafkaConnects + "/kept").code == 200)
    }

    @Test func warnAddsAWarningHeaderAndMatchConditionsNarrow() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let policy: JSONValue = [
            "metadata": ["name": "plan-size"],
            "spec": [
                "matchConstraints": ["resourceRules": [["apiGroups": ["aiven.io"], "apiVersions": ["v1alpha1"], "resources": ["kafkaconnects"], "operations": ["CREATE", "UPDATE"]]]],
                "matchConditions": [["name": "not-admin-test", "expression": "request.userInfo.username == 'admin'"]],
                "validations": [["expression": "object.spec.plan in ['business-4', 'business-8']", "message": "plan should be business-4 or business-8"]],
            ],
        ]
        #expect(try await server.request("POST", Self.policies, body: policy).code == 201)
        _ = try await server.request("POST", Self.bindings, body: Self.binding("plan-size", policy: "plan-size", actions: ["Warn", "Audit"]))
        let warned = try await server.request("POST", Server.kafkaConnects, body: Server.kafkaConnect("big", plan: "business-16"))
        #expect(warned.code == 201)
        #expect(warned.warnings == [#""Validation failed for ValidatingAdmissionPolicy 'plan-size' with binding 'plan-size': plan should be business-4 or business-8""#])
        let quiet = try await server.request("POST", Server.kafkaConnects, body: Server.kafkaConnect("small"))
        #expect(quiet.warnings.isEmpty)

        _ = try await server.request("POST", Self.bindings, body: Self.binding("plan-size-deny", policy: "plan-size", actions: ["Deny"]))
        let denied = try await server.request("POST", Server.kafkaConnects, body: Server.kafkaConnect("bigger", plan: "business-16"))
        #expect(denied.code == 422, "reason Invalid by default")
        #expect(denied.body["message"] == #"kafkaconnects.aiven.io "bigger" is forbidden: ValidatingAdmissionPolicy 'plan-size' with binding 'plan-size-deny' denied request: plan should be business-4 or business-8"#)
    }

    @Test func unsupportedCELAndBindingsAreRefusedWhenWritten() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        var policy = Self.terminationProtection
        policy["spec"]?["validations"] = [["expression": "object.spec.plan.startsWith('business')"], ["expression": "params.x == 1"]]
        let refused = try await server.request("POST", Self.policies, body: policy)
        #expect(refused.code == 422)
        let message = refused.body["message"]?.stringValue ?? ""
        #expect(message.hasPrefix(#"ValidatingAdmissionPolicy.admissionregistration.k8s.io "termination-protection" is invalid: [spec.validations[0].expression: Invalid value: "object.spec.plan.startsWith('business')": compilation failed: "#), "\(message)")
        #expect(message.contains(#"spec.validations[1].expression: Invalid value: "params.x == 1": compilation failed: undeclared reference to "params""#), "\(message)")
        let both = try await server.request("POST", Self.bindings, body: Self.binding("b", policy: "p", actions: ["Deny", "Warn"]))
        #expect(both.code == 422)
        #expect(both.body["message"]?.stringValue?.contains("must not contain both Deny and Warn") == true)
    }
}
