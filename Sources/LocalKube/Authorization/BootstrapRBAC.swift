import KubeAPI

/// The ClusterRoles and ClusterRoleBindings every cluster starts with (kube-apiserver's RBAC
/// bootstrap policy, the parts LocalKube serves): `cluster-admin` for `system:masters`, and
/// discovery, health, version and self-reviews for every authenticated user.
enum BootstrapRBAC {
    static let clusterRoles: [JSONValue] = [
        role("cluster-admin", [
            ["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]],
            ["nonResourceURLs": ["*"], "verbs": ["*"]],
        ]),
        role("system:discovery", [
            ["nonResourceURLs": ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], "verbs": ["get"]],
        ]),
        role("system:public-info-viewer", [
            ["nonResourceURLs": ["/healthz", "/livez", "/readyz", "/version", "/version/"], "verbs": ["get"]],
        ]),
        role("system:basic-user", [
            ["apiGroups": ["authorization.k8s.io"], "resources": ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], "verbs": ["create"]],
            ["apiGroups": ["authentication.k8s.io"], "resources": ["selfsubjectreviews"], "verbs": ["create"]],
        ]),
    ]

    static let clusterRoleBindings: [JSONValue] = [
        binding("cluster-admin", group: "system:masters"),
        binding("system:discovery", group: "system:authenticated"),
        binding("system:public-info-viewer", group: "system:authenticated"),
        binding("system:basic-user", group: "system:authenticated"),
    ]

    /// Creates the bootstrap objects, and brings back their rules and subjects where they were
    /// changed, unless annotated `rbac.authorization.kubernetes.io/autoupdate: "false"`, as
    /// kube-apiserver does at every start.
    static func reconcile(in store: ObjectStore) async throws(APIError) {
        for (resource, objects) in [("clusterroles", clusterRoles), ("clusterrolebindings", clusterRoleBindings)] {
            let type = ServedResource.builtIns.first { $0.group == BuiltInKind.rbacGroup && $0.plural == resource }!
            let operations = ResourceOperations(store: store, type: type)
            for object in objects {
                let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
                guard var existing = await store.object(type.groupResource, namespace: nil, name: name) else {
                    _ = try await operations.create(object, namespace: nil, options: WriteOptions())
                    continue
                }
                guard existing[path: ["metadata", "annotations", "rbac.authorization.kubernetes.io/autoupdate"]] != "false" else { continue }
                for field in ["rules", "roleRef", "subjects"] { existing[field] = object[field] }
                _ = try await operations.update(existing, namespace: nil, name: name, status: false, options: WriteOptions())
            }
        }
    }

    private static func role(_ name: String, _ rules: [JSONValue]) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": ["name": .string(name), "labels": ["kubernetes.io/bootstrapping": "rbac-defaults"]], "rules": .array(rules),
        ]
    }

    private static func binding(_ name: String, group: String) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": ["name": .string(name), "labels": ["kubernetes.io/bootstrapping": "rbac-defaults"]],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
            "subjects": [["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string(group)]],
        ]
    }
}
