import Foundation
import KubeAPI
import Testing

/// The built-in kinds an operator install uses: stored, validated, listed and discoverable.
struct InstallKindsTests {
    typealias Server = RunningLocalKube

    static let deployment: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "op"],
        "spec": [
            "selector": ["matchLabels": ["app": "op"]],
            "template": ["metadata": ["labels": ["app": "op"]], "spec": ["serviceAccountName": "op", "containers": [["name": "op", "image": "op:1"]]]],
        ],
    ]

    @Test func everyKindIsStoredAndListed() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let objects: [(String, JSONValue)] = [
            ("/api/v1/namespaces/default/serviceaccounts", ["metadata": ["name": "op"]]),
            ("/api/v1/namespaces/default/configmaps", ["metadata": ["name": "cm"], "data": ["k": "v"]]),
            ("/api/v1/namespaces/default/services", ["metadata": ["name": "metrics"], "spec": ["selector": ["app": "op"], "ports": [["name": "metrics", "port": 8080]]]]),
            ("/apis/apps/v1/namespaces/default/deployments", Self.deployment),
            ("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", ["metadata": ["name": "r"], "rules": [["apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]]]]),
            ("/apis/rbac.authorization.k8s.io/v1/clusterroles", ["metadata": ["name": "cr"], "rules": [["nonResourceURLs": ["/metrics"], "verbs": ["get"]]]]),
            ("/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", [
                "metadata": ["name": "rb"], "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "r"],
                "subjects": [["kind": "ServiceAccount", "name": "op"]],
            ]),
            ("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", [
                "metadata": ["name": "crb"], "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cr"],
                "subjects": [["kind": "User", "name": "alice"]],
            ]),
        ]
        for (path, object) in objects {
            let created = try await server.request("POST", path, body: object)
            #expect(created.code == 201, "\(path): \(created.body)")
            let listed = try await server.request("GET", path)
            #expect(listed.body["items"]?.arrayValue?.contains { $0[path: ["metadata", "name"]] == object[path: ["metadata", "name"]] } == true, "\(path)")
        }
        let deployment = try await server.request("GET", "/apis/apps/v1/namespaces/default/deployments/op")
        #expect(deployment.body[path: ["spec", "replicas"]] == 1)
        #expect(deployment.body[path: ["spec", "strategy", "type"]] == "RollingUpdate")
        #expect(deployment.body["status"] == nil, "no controller runs it")
        let service = try await server.request("GET", "/api/v1/namespaces/default/services/metrics")
        #expect(service.body[path: ["spec", "clusterIP"]]?.stringValue?.hasPrefix("10.") == true)
        #expect(service.body[path: ["spec", "ports"]]?.arrayValue?.first?["targetPort"] == 8080)
        let binding = try await server.request("GET", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/crb")
        #expect(binding.body["subjects"]?.arrayValue?.first?["apiGroup"] == "rbac.authorization.k8s.io")

        let discovery = try await server.request("GET", "/api/v1")
        let names = (discovery.body["resources"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(names.contains("serviceaccounts/token"))
        #expect(names.contains("configmaps") && names.contains("services"))
        let groups = (try await server.request("GET", "/apis").body["groups"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        for group in ["apps", "rbac.authorization.k8s.io", "admissionregistration.k8s.io", "authorization.k8s.io"] {
            #expect(groups.contains(group), "\(group)")
        }
        let table = try await server.request("GET", "/apis/apps/v1/namespaces/default/deployments", accept: "application/json;as=Table;v=v1;g=meta.k8s.io")
        #expect(table.body["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Name", "Ready", "Up-to-date", "Available", "Age"])
        #expect(table.body["rows"]?.arrayValue?.first?["cells"]?.arrayValue?.prefix(2) == ["op", "0/1"])
    }

    @Test func invalidInstallObjectsAreRefusedInKubeApiserversWords() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        var mismatched = Self.deployment
        mismatched["spec"]?["selector"] = ["matchLabels": ["app": "other"]]
        mismatched["spec"]?["template"]?["spec"]?["containers"] = [["name": "op"]]
        let deployment = try await server.request("POST", "/apis/apps/v1/namespaces/default/deployments", body: mismatched)
        #expect(deployment.code == 422)
        #expect(deployment.body["message"] == #"Deployment.apps "op" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"op"}: `selector` does not match template `labels`, spec.template.spec.containers[0].image: Required value]"#)

        let aggregated = try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/clusterroles", body: [
            "metadata": ["name": "agg"], "aggregationRule": ["clusterRoleSelectors": []],
        ])
        #expect(aggregated.code == 422)
        #expect(aggregated.body["message"] == #"ClusterRole.rbac.authorization.k8s.io "agg" is invalid: aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil"#)

        let rule = try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", body: [
            "metadata": ["name": "bad"], "rules": [["resources": ["secrets"], "verbs": []]],
        ])
        #expect(rule.body["message"] == #"Role.rbac.authorization.k8s.io "bad" is invalid: [rules[0].verbs: Required value: verbs must contain at least one value, rules[0].apiGroups: Required value: resource rules must supply at least one api group]"#)

        let binding: JSONValue = [
            "metadata": ["name": "b"], "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"], "subjects": [],
        ]
        let created = try await server.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", body: binding)
        #expect(created.code == 201)
        let changed = try await server.request(
            "PATCH", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/b", body: ["roleRef": ["name": "edit"]],
            contentType: "application/merge-patch+json"
        )
        #expect(changed.code == 422)
        #expect(changed.body["message"]?.stringValue?.contains("roleRef: Invalid value") == true)
        #expect(changed.body["message"]?.stringValue?.contains("cannot change roleRef") == true)

        let unknownKind = try await server.request("POST", "/apis/monitoring.coreos.com/v1/namespaces/default/servicemonitors", body: ["metadata": ["name": "m"]])
        #expect(unknownKind.code == 404)
        #expect(unknownKind.body["message"] == "the server could not find the requested resource")
    }
}
