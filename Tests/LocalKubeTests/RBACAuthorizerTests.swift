import Foundation
import KubeAPI
import Testing

@testable import LocalKube

/// RBAC decisions as a pure function of roles and bindings, table-driven.
struct RBACAuthorizerTests {
    static let operatorUser = UserInfo.serviceAccount(namespace: "ops", name: "operator")

    static let authorizer = RBACAuthorizer(
        roles: [
            ["metadata": ["name": "leases", "namespace": "ops"], "rules": [["apiGroups": ["coordination.k8s.io"], "resources": ["leases"], "verbs": ["get", "create", "update"]]]],
            ["metadata": ["name": "one-secret", "namespace": "apps"], "rules": [["apiGroups": [""], "resources": ["secrets"], "resourceNames": ["token"], "verbs": ["get"]]]],
        ],
        clusterRoles: [
            ["metadata": ["name": "operator"], "rules": [
                ["apiGroups": ["aiven.io"], "resources": ["kafkaconnects"], "verbs": ["get", "list", "watch", "update", "patch"]],
                ["apiGroups": ["aiven.io"], "resources": ["kafkaconnects/status"], "verbs": ["update", "patch"]],
                ["apiGroups": [""], "resources": ["events"], "verbs": ["create", "patch"]],
            ]],
            ["metadata": ["name": "everything-status"], "rules": [["apiGroups": ["*"], "resources": ["*/status"], "verbs": ["get"]]]],
            ["metadata": ["name": "version-reader"], "rules": [["nonResourceURLs": ["/version", "/apis/*"], "verbs": ["get"]]]],
            ["metadata": ["name": "reader"], "rules": [["apiGroups": ["*"], "resources": ["*"], "verbs": ["get", "list"]]]],
        ],
        bindings: [
            ["metadata": ["name": "operator"], "roleRef": ["kind": "ClusterRole", "name": "operator"], "subjects": [["kind": "ServiceAccount", "name": "operator", "namespace": "ops"]]],
            ["metadata": ["name": "leases", "namespace": "ops"], "roleRef": ["kind": "Role", "name": "leases"], "subjects": [["kind": "ServiceAccount", "name": "operator"]]],
            ["metadata": ["name": "one-secret", "namespace": "apps"], "roleRef": ["kind": "Role", "name": "one-secret"], "subjects": [["kind": "ServiceAccount", "name": "operator", "namespace": "ops"]]],
            ["metadata": ["name": "status", "namespace": "apps"], "roleRef": ["kind": "ClusterRole", "name": "everything-status"], "subjects": [["kind": "Group", "name": "system:serviceaccounts:ops"]]],
            ["metadata": ["name": "version"], "roleRef": ["kind": "ClusterRole", "name": "version-reader"], "subjects": [["kind": "Group", "name": "system:authenticated"]]],
            ["metadata": ["name": "alice"], "roleRef": ["kind": "ClusterRole", "name": "reader"], "subjects": [["kind": "User", "name": "alice"]]],
        ]
    )

    static let alice = UserInfo(name: "alice", groups: ["system:authenticated"])

    static let cases: [(UserInfo, RequestAttributes, Bool)] = [
        (operatorUser, .resource("list", group: "aiven.io", resource: "kafkaconnects"), true),
        (operatorUser, .resource("watch", group: "aiven.io", resource: "kafkaconnects", namespace: "any"), true),
        (operatorUser, .resource("patch", group: "aiven.io", resource: "kafkaconnects", subresource: "status", namespace: "default", name: "x"), true),
        (operatorUser, .resource("patch", group: "aiven.io", resource: "kafkaconnects", subresource: "finalizers", namespace: "default", name: "x"), false),
        (operatorUser, .resource("delete", group: "aiven.io", resource: "kafkaconnects", namespace: "default", name: "x"), false),
        (operatorUser, .resource("create", group: "", resource: "events", namespace: "default"), true),
        (operatorUser, .resource("create", group: "aiven.io", resource: "events", namespace: "default"), false),
        // A Role only counts in its own namespace.
        (operatorUser, .resource("update", group: "coordination.k8s.io", resource: "leases", namespace: "ops", name: "leader"), true),
        (operatorUser, .resource("update", group: "coordination.k8s.io", resource: "leases", namespace: "default", name: "leader"), false),
        (operatorUser, .resource("get", group: "coordination.k8s.io", resource: "leases", name: "leader"), false),
        // resourceNames: the named object only, never a list.
        (operatorUser, .resource("get", group: "", resource: "secrets", namespace: "apps", name: "token"), true),
        (operatorUser, .resource("get", group: "", resource: "secrets", namespace: "apps", name: "other"), false),
        (operatorUser, .resource("list", group: "", resource: "secrets", namespace: "apps"), false),
        // `*/status` via a group subject, in the binding's namespace.
        (operatorUser, .resource("get", group: "apps", resource: "deployments", subresource: "status", namespace: "apps", name: "d"), true),
        (operatorUser, .resource("get", group: "apps", resource: "deployments", namespace: "apps", name: "d"), false),
        // Non-resource URLs, exact and with a trailing `*`.
        (operatorUser, .nonResource("get", path: "/version"), true),
        (operatorUser, .nonResource("get", path: "/apis/aiven.io/v1alpha1"), true),
        (operatorUser, .nonResource("get", path: "/healthz"), false),
        (operatorUser, .nonResource("post", path: "/version"), false),
        // `*` resources cover subresources too (kube's ResourceMatches), not other verbs.
        (alice, .resource("get", group: "apps", resource: "deployments", namespace: "x", name: "d"), true),
        (alice, .resource("get", group: "aiven.io", resource: "kafkaconnects", subresource: "status", namespace: "x", name: "d"), true),
        (alice, .resource("delete", group: "apps", resource: "deployments", namespace: "x", name: "d"), false),
        (UserInfo.admin, .resource("delete", group: "apps", resource: "deployments", namespace: "x", name: "d"), true),
        (UserInfo.serviceAccount(namespace: "other", name: "operator"), .resource("list", group: "aiven.io", resource: "kafkaconnects"), false),
    ]

    @Test(arguments: cases.indices)
    func decision(index: Int) {
        let (user, request, allowed) = Self.cases[index]
        #expect(Self.authorizer.allows(user, request) == allowed, "\(user.name) \(request)")
    }

    @Test func forbiddenMessagesAreKubeApiserversWords() {
        let user = UserInfo.serviceAccount(namespace: "ns", name: "sa")
        let patch = RBACAuthorizer.forbidden(user, .resource("patch", group: "aiven.io", resource: "kafkaconnects", subresource: "status", namespace: "default", name: "x"))
        #expect(patch.code == 403)
        #expect(patch.status.message == #"kafkaconnects.aiven.io "x" is forbidden: User "system:serviceaccount:ns:sa" cannot patch resource "kafkaconnects/status" in API group "aiven.io" in the namespace "default""#)
        let list = RBACAuthorizer.forbidden(user, .resource("list", group: "", resource: "secrets"))
        #expect(list.status.message == #"secrets is forbidden: User "system:serviceaccount:ns:sa" cannot list resource "secrets" in API group "" at the cluster scope"#)
        let path = RBACAuthorizer.forbidden(user, .nonResource("get", path: "/version"))
        #expect(path.status.message == #"forbidden: User "system:serviceaccount:ns:sa" cannot get path "/version""#)
    }

    @Test func rulesForAUserInANamespace() {
        let rules = Self.authorizer.rules(for: Self.operatorUser, namespace: "ops")
        #expect(rules.contains(PolicyRule(verbs: ["get", "create", "update"], apiGroups: ["coordination.k8s.io"], resources: ["leases"])))
        #expect(!rules.contains { $0.resources == ["secrets"] }, "the apps Role does not apply in ops")
    }

    @Test func requestAttributesFollowTheVerbMapping() {
        func attributes(_ method: String, _ path: String, watch: Bool = false) -> RequestAttributes {
            RequestAttributes(method: method, path: path, query: watch ? ["watch": "true"] : [:], route: APIRoute(path: path))
        }
        #expect(attributes("GET", "/apis/aiven.io/v1alpha1/namespaces/d/kafkaconnects").verb == "list")
        #expect(attributes("GET", "/apis/aiven.io/v1alpha1/kafkaconnects", watch: true).verb == "watch")
        #expect(attributes("DELETE", "/api/v1/namespaces/d/secrets").verb == "deletecollection")
        let create = attributes("POST", "/api/v1/namespaces/d/serviceaccounts/sa/token")
        #expect(create.verb == "create")
        #expect(create.resource?.combinedResource == "serviceaccounts/token")
        #expect(create.resource?.name == "sa")
        #expect(attributes("GET", "/version").resource == nil)
    }

    @Test func serviceAccountTokensVerifyOnlyTheirOwnSignatureUntilExpiry() throws {
        let tokens = ServiceAccountTokens(signingSecret: "secret")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let claims = ServiceAccountTokens.Claims(namespace: "ns", name: "sa", uid: "u1", expiry: now.addingTimeInterval(600), audiences: ["a"])
        let token = tokens.mint(claims, issuedAt: now)
        #expect(tokens.verify(token, now: now) == claims)
        #expect(tokens.verify(token, now: now.addingTimeInterval(601)) == nil, "expired")
        #expect(ServiceAccountTokens(signingSecret: "other").verify(token, now: now) == nil)
        var tampered = Array(token)
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
        #expect(tokens.verify(String(tampered), now: now) == nil)
    }

    @Test func sha256MatchesTheStandardVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // RFC 4231 test case 2.
        #expect(hex(HMACSHA256.authenticationCode(for: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
