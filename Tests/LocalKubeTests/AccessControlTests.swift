import Foundation
import KubeAPI
import Testing

/// Authentication (administrator and ServiceAccount tokens), RBAC and the self reviews over HTTP.
struct AccessControlTests {
    typealias Server = RunningLocalKube
    static let admin = "admin-token"

    /// Creates ServiceAccount `ns/name` and returns a token minted for it.
    static func serviceAccountToken(_ server: Server, namespace: String = "default", name: String, create: Bool = true) async throws -> String {
        if create {
            let account = try await server.request("POST", "/api/v1/namespaces/\(namespace)/serviceaccounts", body: ["metadata": ["name": .string(name)]], token: admin)
            #expect(account.code == 201, "\(account.body)")
        }
        let minted = try await server.request(
            "POST", "/api/v1/namespaces/\(namespace)/serviceaccounts/\(name)/token",
            body: ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": [:]], token: admin
        )
        #expect(minted.code == 201, "\(minted.body)")
        #expect(minted.body["kind"] == "TokenRequest")
        #expect(minted.body[path: ["spec", "expirationSeconds"]] == 3600)
        return minted.body[path: ["status", "token"]]?.stringValue ?? ""
    }

    @Test func missingOrUnknownTokensGet401WithAStatus() async throws {
        let server = try await Server.start(bearerToken: Self.admin)
        defer { Task { await server.stop() } }
        for token in [nil, "wrong", "a.b.c"] {
            let answer = try await server.request("GET", "/api/v1/namespaces", token: token)
            #expect(answer.code == 401)
            #expect(answer.body["kind"] == "Status")
            #expect(answer.body["reason"] == "Unauthorized")
        }
        #expect(try await server.request("GET", "/healthz").code == 200)
        #expect(try await server.request("GET", "/api/v1/namespaces", token: Self.admin).code == 200)
    }

    @Test func serviceAccountIsForbiddenUntilARoleBindingGrantsIt() async throws {
        let server = try await Server.start(bearerToken: Self.admin)
        defer { Task { await server.stop() } }
        let token = try await Self.serviceAccountToken(server, name: "sa")
        let patch = try await server.request(
            "PATCH", Server.kafkaConnects + "/x/status", body: ["status": [:]], contentType: "application/merge-patch+json", token: token
        )
        #expect(patch.code == 403)
        #expect(patch.body["reason"] == "Forbidden")
        #expect(patch.body["message"] == #"kafkaconnects.aiven.io "x" is forbidden: User "system:serviceaccount:default:sa" cannot patch resource "kafkaconnects/status" in API group "aiven.io" in the namespace "default""#)
        #expect(patch.body[path: ["details", "kind"]] == "kafkaconnects")
        #expect(try await server.request("GET", "/api/v1/namespaces/default/secrets", token: token).code == 403)
        #expect(try await server.request("GET", "/version", token: token).code == 200, "system:discovery")

        let role: JSONValue = [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "secret-reader"],
            "rules": [["apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list", "watch"]]],
        ]
        #expect(try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", body: role, token: Self.admin).code == 201)
        let binding: JSONValue = [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": ["name": "sa-reads-secrets"],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "secret-reader"],
            "subjects": [["kind": "ServiceAccount", "name": "sa", "namespace": "default"]],
        ]
        #expect(try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", body: binding, token: Self.admin).code == 201)
        #expect(try await server.request("GET", "/api/v1/namespaces/default/secrets", token: token).code == 200)
        #expect(try await server.request("GET", "/api/v1/namespaces/default/secrets?watch=true&timeoutSeconds=1", token: token).code == 200)
        let elsewhere = try await server.request("GET", "/api/v1/namespaces/kube-system/secrets", token: token)
        #expect(elsewhere.code == 403)
        #expect(elsewhere.body["message"] == #"secrets is forbidden: User "system:serviceaccount:default:sa" cannot list resource "secrets" in API group "" in the namespace "kube-system""#)
        let create = try await server.request("POST", "/api/v1/namespaces/default/secrets", body: ["metadata": ["name": "s"]], token: token)
        #expect(create.code == 403)
        #expect(create.body["message"] == #"secrets is forbidden: User "system:serviceaccount:default:sa" cannot create resource "secrets" in API group "" in the namespace "default""#)
    }

    @Test func tokensStopWorkingWhenTheirServiceAccountIsDeletedOrRecreated() async throws {
        let server = try await Server.start(bearerToken: Self.admin)
        defer { Task { await server.stop() } }
        let token = try await Self.serviceAccountToken(server, name: "gone")
        #expect(try await server.request("GET", "/version", token: token).code == 200)
        #expect(try await server.request("DELETE", "/api/v1/namespaces/default/serviceaccounts/gone", token: Self.admin).code == 200)
        #expect(try await server.request("GET", "/version", token: token).code == 401)
        _ = try await server.request("POST", "/api/v1/namespaces/default/serviceaccounts", body: ["metadata": ["name": "gone"]], token: Self.admin)
        #expect(try await server.request("GET", "/version", token: token).code == 401, "a new ServiceAccount of the same name has another uid")

        let missing = try await server.request("POST", "/api/v1/namespaces/default/serviceaccounts/nobody/token", body: [:], token: Self.admin)
        #expect(missing.code == 404)
        let short = try await server.request(
            "POST", "/api/v1/namespaces/default/serviceaccounts/gone/token", body: ["spec": ["expirationSeconds": 60]], token: Self.admin
        )
        #expect(short.code == 422)
        #expect(short.body["message"] == #"TokenRequest.authentication.k8s.io "gone" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes"#)
    }

    @Test func selfReviewsAnswerForTheCaller() async throws {
        let server = try await Server.start(bearerToken: Self.admin)
        defer { Task { await server.stop() } }
        let token = try await Self.serviceAccountToken(server, name: "reviewer")
        let role: JSONValue = [
            "metadata": ["name": "kc-reader"], "rules": [["apiGroups": ["aiven.io"], "resources": ["kafkaconnects"], "verbs": ["get", "list"]]],
        ]
        _ = try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/clusterroles", body: role, token: Self.admin)
        _ = try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", body: [
            "metadata": ["name": "reviewer"], "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "kc-reader"],
            "subjects": [["kind": "ServiceAccount", "name": "reviewer", "namespace": "default"]],
        ], token: Self.admin)
        func review(_ attributes: JSONValue) async throws -> JSONValue? {
            let answer = try await server.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: [
                "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview", "spec": ["resourceAttributes": attributes],
            ], token: token)
            #expect(answer.code == 201)
            return answer.body[path: ["status", "allowed"]]
        }
        #expect(try await review(["verb": "list", "group": "aiven.io", "resource": "kafkaconnects", "namespace": "x"]) == true)
        #expect(try await review(["verb": "delete", "group": "aiven.io", "resource": "kafkaconnects", "namespace": "x"]) == false)
        let rules = try await server.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", body: [
            "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectRulesReview", "spec": ["namespace": "default"],
        ], token: token)
        #expect(rules.code == 201)
        let resourceRules = rules.body[path: ["status", "resourceRules"]]?.arrayValue ?? []
        #expect(resourceRules.contains(["verbs": ["get", "list"], "apiGroups": ["aiven.io"], "resources": ["kafkaconnects"]]))
        #expect(resourceRules.contains { $0["resources"] == ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] })
        let nonResourceRules = rules.body[path: ["status", "nonResourceRules"]]?.arrayValue ?? []
        #expect(nonResourceRules.contains { $0["nonResourceURLs"]?.arrayValue?.contains("/version") == true })
    }
}
