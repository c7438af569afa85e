import Foundation
import KubeAPI
import Testing

@testable import LocalKube

/// What kube-apiserver refuses a caller who can write RBAC objects or send impersonation headers,
/// over HTTP with its status codes and messages: escalation through Roles, ClusterRoles and
/// bindings (unless `escalate`/`bind`), impersonation without the `impersonate` verb, and tokens
/// minted for another audience.
struct PrivilegeEscalationTests {
    typealias Server = RunningLocalKube
    static let admin = AccessControlTests.admin
    static let rbac = "/apis/rbac.authorization.k8s.io/v1"
    static let binder = "system:serviceaccount:team:binder"
    static let binderGroups = #"(groups=["system:serviceaccounts" "system:serviceaccounts:team" "system:authenticated"])"#
    static let notHeld = "is attempting to grant RBAC permissions not currently held:\n"

    /// A server with namespace `team` and ServiceAccount `team/binder`, which may write Roles and
    /// RoleBindings in `team`, ClusterRoles and ClusterRoleBindings anywhere, and read ConfigMaps
    /// in `team`; returns the ServiceAccount's token.
    static func start(extraRules: [JSONValue] = [], extraClusterRules: [JSONValue] = []) async throws -> (Server, String) {
        let server = try await Server.start(bearerToken: admin)
        #expect(try await server.request("POST", "/api/v1/namespaces", body: ["metadata": ["name": "team"]], token: admin).code == 201)
        #expect(try await server.request("POST", "/api/v1/namespaces/team/serviceaccounts", body: ["metadata": ["name": "binder"]], token: admin).code == 201)
        let minted = try await server.request("POST", "/api/v1/namespaces/team/serviceaccounts/binder/token", body: ["spec": [:]], token: admin)
        let token = try #require(minted.body[path: ["status", "token"]]?.stringValue)
        try await write(server, "POST", rbac + "/namespaces/team/roles", ["metadata": ["name": "binder"], "rules": .array([
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": ["get", "create", "update", "patch"]],
            ["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]],
        ] + extraRules)])
        try await write(server, "POST", rbac + "/namespaces/team/rolebindings", binding("binder", kind: "Role", role: "binder"))
        try await write(server, "POST", rbac + "/clusterroles", ["metadata": ["name": "binder"], "rules": .array([
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles", "clusterrolebindings"], "verbs": ["create", "update", "patch"]],
        ] + extraClusterRules)])
        try await write(server, "POST", rbac + "/clusterrolebindings", binding("binder", kind: "ClusterRole", role: "binder"))
        return (server, token)
    }

    static func write(_ server: Server, _ method: String, _ path: String, _ body: JSONValue) async throws {
        let answer = try await server.request(method, path, body: body, token: admin)
        #expect(answer.code < 300, "\(method) \(path): \(answer.body)")
    }

    static func binding(_ name: String, kind: String, role: String, subject: JSONValue = ["kind": "ServiceAccount", "name": "binder", "namespace": "team"]) -> JSONValue {
        ["metadata": ["name": .string(name)], "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(kind), "name": .string(role)], "subjects": [subject]]
    }

    static let everything: JSONValue = ["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]]

    /// The probe's escalations, each refused with kube-apiserver's 403 and nothing stored.
    @Test(arguments: [
        ("POST", "/clusterrolebindings", binding("take-over", kind: "ClusterRole", role: "cluster-admin"),
         #"clusterrolebindings.rbac.authorization.k8s.io "take-over" is forbidden: user "\#(binder)" \#(binderGroups) \#(notHeld){APIGroups:["*"], Resources:["*"], Verbs:["*"]}"# + "\n" + #"{NonResourceURLs:["*"], Verbs:["*"]}"#),
        ("POST", "/namespaces/team/rolebindings", binding("take-over", kind: "ClusterRole", role: "cluster-admin"),
         #"rolebindings.rbac.authorization.k8s.io "take-over" is forbidden: user "\#(binder)" \#(binderGroups) \#(notHeld){APIGroups:["*"], Resources:["*"], Verbs:["*"]}"# + "\n" + #"{NonResourceURLs:["*"], Verbs:["*"]}"#),
        ("POST", "/namespaces/team/roles", ["metadata": ["name": "all"], "rules": [everything]],
         #"roles.rbac.authorization.k8s.io "all" is forbidden: user "\#(binder)" \#(binderGroups) \#(notHeld){APIGroups:["*"], Resources:["*"], Verbs:["*"]}"#),
        ("POST", "/clusterroles", ["metadata": ["name": "all"], "rules": [everything]],
         #"clusterroles.rbac.authorization.k8s.io "all" is forbidden: user "\#(binder)" \#(binderGroups) \#(notHeld){APIGroups:["*"], Resources:["*"], Verbs:["*"]}"#),
        ("POST", "/namespaces/team/roles", ["metadata": ["name": "secrets"], "rules": [["apiGroups": [""], "resources": ["secrets", "configmaps"], "verbs": ["get", "list", "delete"]]]],
         #"roles.rbac.authorization.k8s.io "secrets" is forbidden: user "\#(binder)" \#(binderGroups) \#(notHeld){APIGroups:[""], Resources:["configmaps"], Verbs:["delete"]}"# + "\n"
             + #"{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list" "delete"]}"#),
        ("POST", "/namespaces/team/rolebindings", binding("ghost", kind: "Role", role: "ghost"),
         #"rolebindings.rbac.authorization.k8s.io "ghost" is forbidden: roles.rbac.authorization.k8s.io "ghost" not found"#),
    ] as [(String, String, JSONValue, String)])
    func escalationIsRefused(method: String, path: String, body: JSONValue, message: String) async throws {
        let (server, token) = try await Self.start()
        defer { Task { await server.stop() } }
        let answer = try await server.request(method, Self.rbac + path, body: body, token: token)
        #expect(answer.code == 403, "\(answer.body)")
        #expect(answer.body["reason"] == "Forbidden")
        #expect(answer.body["message"]?.stringValue == message)
        let name = body[path: ["metadata", "name"]]?.stringValue ?? ""
        #expect(try await server.request("GET", Self.rbac + path + "/" + name, token: Self.admin).code == 404, "nothing was stored")
        #expect(try await server.request("GET", "/api/v1/namespaces/kube-system/secrets", token: token).code == 403)
    }

    @Test func patchingItsOwnRoleToStarIsRefused() async throws {
        let (server, token) = try await Self.start()
        defer { Task { await server.stop() } }
        let patch = try await server.request(
            "PATCH", Self.rbac + "/namespaces/team/roles/binder", body: [["op": "add", "path": "/rules/-", "value": Self.everything]],
            contentType: "application/json-patch+json", token: token
        )
        #expect(patch.code == 403)
        #expect(patch.body["message"]?.stringValue == #"roles.rbac.authorization.k8s.io "binder" is forbidden: user "\#(Self.binder)" \#(Self.binderGroups) \#(Self.notHeld){APIGroups:["*"], Resources:["*"], Verbs:["*"]}"#)
        let role = try await server.request("GET", Self.rbac + "/namespaces/team/roles/binder", token: Self.admin)
        #expect(role.body["rules"]?.arrayValue?.count == 2, "the Role is unchanged")
        #expect(try await server.request("GET", "/api/v1/namespaces/team/secrets", token: token).code == 403)
    }

    /// What the caller holds it may grant; `bind` and `escalate` allow more, as in kube.
    @Test func heldPermissionsBindAndEscalateAreAllowed() async throws {
        let (server, token) = try await Self.start(extraRules: [
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "resourceNames": ["cluster-admin"], "verbs": ["bind"]],
        ], extraClusterRules: [
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "resourceNames": ["wide"], "verbs": ["escalate"]],
        ])
        defer { Task { await server.stop() } }
        let reader: JSONValue = ["metadata": ["name": "cm-reader"], "rules": [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]]]]
        #expect(try await server.request("POST", Self.rbac + "/namespaces/team/roles", body: reader, token: token).code == 201)
        let subject: JSONValue = ["kind": "User", "name": "alice"]
        #expect(try await server.request("POST", Self.rbac + "/namespaces/team/rolebindings", body: Self.binding("alice", kind: "Role", role: "cm-reader", subject: subject), token: token).code == 201)
        let bound = try await server.request("POST", Self.rbac + "/namespaces/team/rolebindings", body: Self.binding("admin", kind: "ClusterRole", role: "cluster-admin", subject: subject), token: token)
        #expect(bound.code == 201, "bind on cluster-admin in team: \(bound.body)")
        let elsewhere = try await server.request("POST", Self.rbac + "/clusterrolebindings", body: Self.binding("admin", kind: "ClusterRole", role: "cluster-admin", subject: subject), token: token)
        #expect(elsewhere.code == 403, "bind was granted in team only")
        let wide = try await server.request("POST", Self.rbac + "/clusterroles", body: ["metadata": ["name": "wide"], "rules": [Self.everything]], token: token)
        #expect(wide.code == 201, "escalate on clusterroles/wide: \(wide.body)")
        let other = try await server.request("POST", Self.rbac + "/clusterroles", body: ["metadata": ["name": "other"], "rules": [Self.everything]], token: token)
        #expect(other.code == 403)
    }

    /// kube's user-facing roles: `view` ⊂ `edit` ⊂ `admin`, aggregated (with any ClusterRole
    /// labelled to join them); a namespace admin may hand out `edit` there, never `cluster-admin`.
    @Test func viewEditAndAdminAggregateAndBindWithinANamespace() async throws {
        let (server, token) = try await Self.start()
        defer { Task { await server.stop() } }
        func rules(_ role: String) async throws -> [JSONValue] {
            try await server.request("GET", Self.rbac + "/clusterroles/" + role, token: Self.admin).body["rules"]?.arrayValue ?? []
        }
        func grants(_ rules: [JSONValue], _ verb: String, _ group: String, _ resource: String) -> Bool {
            rules.map(PolicyRule.init(json:)).contains { $0.allows(.resource(verb, group: group, resource: resource, namespace: "team")) }
        }
        let view = try await rules("view"), edit = try await rules("edit"), admin = try await rules("admin")
        #expect(grants(view, "list", "", "configmaps") && grants(view, "watch", "apps", "deployments"))
        #expect(!grants(view, "get", "", "secrets") && !grants(view, "create", "", "configmaps"))
        #expect(grants(edit, "get", "", "secrets") && grants(edit, "create", "", "configmaps") && grants(edit, "list", "", "configmaps"))
        #expect(!grants(edit, "create", "rbac.authorization.k8s.io", "rolebindings"))
        #expect(grants(admin, "create", "rbac.authorization.k8s.io", "rolebindings") && grants(admin, "delete", "", "secrets") && grants(admin, "list", "", "pods"))

        try await Self.write(server, "POST", Self.rbac + "/clusterroles", [
            "metadata": ["name": "kafkaconnect-viewer", "labels": ["rbac.authorization.k8s.io/aggregate-to-view": "true"]],
            "rules": [["apiGroups": ["aiven.io"], "resources": ["kafkaconnects"], "verbs": ["get", "list", "watch"]]],
        ])
        #expect(grants(try await rules("view"), "list", "aiven.io", "kafkaconnects"))
        #expect(grants(try await rules("admin"), "list", "aiven.io", "kafkaconnects"), "through edit")

        try await Self.write(server, "POST", Self.rbac + "/namespaces/team/rolebindings", Self.binding("alice", kind: "ClusterRole", role: "admin", subject: ["kind": "User", "name": "alice"]))
        let asAlice = ["Impersonate-User": "alice"]
        let bob: JSONValue = ["kind": "User", "name": "bob"]
        let editor = try await server.request("POST", Self.rbac + "/namespaces/team/rolebindings", body: Self.binding("bob", kind: "ClusterRole", role: "edit", subject: bob), token: Self.admin, headers: asAlice)
        #expect(editor.code == 201, "\(editor.body)")
        let takeOver = try await server.request("POST", Self.rbac + "/namespaces/team/rolebindings", body: Self.binding("bob-all", kind: "ClusterRole", role: "cluster-admin", subject: bob), token: Self.admin, headers: asAlice)
        #expect(takeOver.code == 403)
        #expect(takeOver.body["message"]?.stringValue?.hasPrefix(#"rolebindings.rbac.authorization.k8s.io "bob-all" is forbidden: user "alice" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:"#) == true, "\(takeOver.body)")
        let asBob = ["Impersonate-User": "bob"]
        #expect(try await server.request("GET", "/api/v1/namespaces/team/secrets", token: Self.admin, headers: asBob).code == 200)
        #expect(try await server.request("GET", "/api/v1/namespaces/default/secrets", token: Self.admin, headers: asBob).code == 403)
        #expect(try await server.request("GET", Self.rbac + "/namespaces/team/roles", token: Self.admin, headers: asBob).code == 403)

        let sneaky = try await server.request("POST", Self.rbac + "/clusterroles", body: [
            "metadata": ["name": "sneaky"], "aggregationRule": ["clusterRoleSelectors": [["matchLabels": ["rbac.authorization.k8s.io/aggregate-to-admin": "true"]]]],
        ], token: token)
        #expect(sneaky.code == 403)
        #expect(sneaky.body["message"] == #"clusterroles.rbac.authorization.k8s.io "sneaky" is forbidden: must have cluster-admin privileges to use the aggregationRule"#)
    }

    /// `kubectl --as`: kube's 403 without the `impersonate` verb, the impersonated user's answers with it.
    @Test(arguments: [
        (["Impersonate-User": "admin"], #"users "admin" is forbidden: User "\#(binder)" cannot impersonate resource "users" in API group "" at the cluster scope"#),
        (["Impersonate-User": "system:serviceaccount:kube-system:default"],
         #"serviceaccounts "default" is forbidden: User "\#(binder)" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "kube-system""#),
        (["Impersonate-User": "alice", "Impersonate-Group": "system:masters"],
         #"groups "system:masters" is forbidden: User "\#(binder)" cannot impersonate resource "groups" in API group "" at the cluster scope"#),
        (["Impersonate-User": "alice", "Impersonate-Uid": "1234"],
         #"uids.authentication.k8s.io "1234" is forbidden: User "\#(binder)" cannot impersonate resource "uids" in API group "authentication.k8s.io" at the cluster scope"#),
        (["Impersonate-User": "alice", "Impersonate-Extra-Scopes": "view"],
         #"userextras.authentication.k8s.io "view" is forbidden: User "\#(binder)" cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io" at the cluster scope"#),
    ] as [([String: String], String)])
    func impersonationWithoutTheVerbIsRefused(headers: [String: String], message: String) async throws {
        let (server, token) = try await Self.start(extraClusterRules: [["apiGroups": [""], "resources": ["users"], "resourceNames": ["alice"], "verbs": ["impersonate"]]])
        defer { Task { await server.stop() } }
        let answer = try await server.request("GET", "/api/v1/namespaces/kube-system/secrets", token: token, headers: headers)
        #expect(answer.code == 403, "\(answer.body)")
        #expect(answer.body["message"]?.stringValue == message)
    }

    @Test func impersonationAnswersForTheImpersonatedUser() async throws {
        let (server, token) = try await Self.start(extraClusterRules: [["apiGroups": [""], "resources": ["users"], "resourceNames": ["alice"], "verbs": ["impersonate"]]])
        defer { Task { await server.stop() } }
        let asBinder = ["Impersonate-User": Self.binder]
        let secrets = try await server.request("GET", "/api/v1/namespaces/kube-system/secrets", token: Self.admin, headers: asBinder)
        #expect(secrets.code == 403)
        #expect(secrets.body["message"]?.stringValue == #"secrets is forbidden: User "\#(Self.binder)" cannot list resource "secrets" in API group "" in the namespace "kube-system""#)
        #expect(try await server.request("GET", "/api/v1/namespaces/team/configmaps", token: Self.admin, headers: asBinder).code == 200)
        func review(_ headers: [String: String], token: String) async throws -> JSONValue {
            try await server.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", body: ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"], token: token, headers: headers).body
        }
        #expect(try await review(asBinder, token: Self.admin)[path: ["status", "userInfo"]] == [
            "username": .string(Self.binder), "groups": ["system:serviceaccounts", "system:serviceaccounts:team", "system:authenticated"],
        ])
        #expect(try await review(["Impersonate-User": "alice"], token: token)[path: ["status", "userInfo"]] == ["username": "alice", "groups": ["system:authenticated"]])
        let canI = try await server.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: [
            "spec": ["resourceAttributes": ["verb": "get", "resource": "secrets", "namespace": "kube-system"]],
        ], token: Self.admin, headers: asBinder)
        #expect(canI.body[path: ["status", "allowed"]] == false)

        let groupOnly = try await server.request("GET", "/api/v1/namespaces/team/configmaps", token: Self.admin, headers: ["Impersonate-Group": "system:masters"])
        #expect(groupOnly.code == 400)
        #expect(groupOnly.body["message"]?.stringValue == "requested [{Group  system:masters    }] without impersonating a user")
    }

    /// A TokenRequest for another audience is a token for that audience, not for the API server.
    @Test(arguments: [
        (["evil"] as [String], 401), (["https://kubernetes.default.svc.cluster.local", "vault"], 200), ([], 200),
    ])
    func tokenAudiencesAreEnforced(audiences: [String], code: Int) async throws {
        let (server, _) = try await Self.start()
        defer { Task { await server.stop() } }
        let minted = try await server.request("POST", "/api/v1/namespaces/team/serviceaccounts/binder/token", body: [
            "spec": ["audiences": .array(audiences.map(JSONValue.string))],
        ], token: Self.admin)
        #expect(minted.code == 201)
        let token = try #require(minted.body[path: ["status", "token"]]?.stringValue)
        let answer = try await server.request("GET", "/api/v1/namespaces/team/configmaps", token: token)
        #expect(answer.code == code, "\(answer.body)")
        if code == 401 { #expect(answer.body["message"] == "Unauthorized") }
    }
}
