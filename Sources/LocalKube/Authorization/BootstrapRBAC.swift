import KubeAPI

/// The ClusterRoles and ClusterRoleBindings every cluster starts with (kube-apiserver's RBAC
/// bootstrap policy, the parts LocalKube serves): `cluster-admin` for `system:masters`;
/// discovery, health, version and self-reviews for every authenticated user; and the user-facing
/// `admin`, `edit` and `view`, aggregated from `system:aggregate-to-*` (and from any ClusterRole
/// labelled `rbac.authorization.k8s.io/aggregate-to-admin|edit|view: "true"`).
enum BootstrapRBAC {
    static let read: JSONValue = ["get", "list", "watch"]
    static let write: JSONValue = ["create", "delete", "deletecollection", "patch", "update"]
    static let readWrite: JSONValue = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    static let clusterRoles: [JSONValue] = [
        aggregated("admin", from: "admin", labels: [:]),
        aggregated("edit", from: "edit", labels: ["rbac.authorization.k8s.io/aggregate-to-admin": "true"]),
        aggregated("view", from: "view", labels: ["rbac.authorization.k8s.io/aggregate-to-edit": "true"]),
        role("system:aggregate-to-admin", labels: ["rbac.authorization.k8s.io/aggregate-to-admin": "true"], [
            ["apiGroups": ["authorization.k8s.io"], "resources": ["localsubjectaccessreviews"], "verbs": ["create"]],
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings", "roles"], "verbs": readWrite],
        ]),
        role("system:aggregate-to-edit", labels: ["rbac.authorization.k8s.io/aggregate-to-edit": "true"], [
            ["apiGroups": [""], "resources": ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], "verbs": read],
            ["apiGroups": [""], "resources": ["serviceaccounts"], "verbs": ["impersonate"]],
            ["apiGroups": [""], "resources": ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], "verbs": write],
            ["apiGroups": [""], "resources": ["pods/eviction"], "verbs": ["create"]],
            ["apiGroups": [""], "resources": [
                "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts",
                "services", "services/proxy",
            ], "verbs": write],
            ["apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]],
            ["apiGroups": ["apps"], "resources": [
                "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale",
            ], "verbs": write],
            ["apiGroups": ["autoscaling"], "resources": ["horizontalpodautoscalers"], "verbs": write],
            ["apiGroups": ["batch"], "resources": ["cronjobs", "jobs"], "verbs": write],
            ["apiGroups": ["extensions"], "resources": [
                "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies", "replicasets", "replicasets/scale",
                "replicationcontrollers/scale",
            ], "verbs": write],
            ["apiGroups": ["policy"], "resources": ["poddisruptionbudgets"], "verbs": write],
            ["apiGroups": ["networking.k8s.io"], "resources": ["ingresses", "networkpolicies"], "verbs": write],
        ]),
        role("system:aggregate-to-view", labels: ["rbac.authorization.k8s.io/aggregate-to-view": "true"], [
            ["apiGroups": [""], "resources": [
                "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers",
                "replicationcontrollers/scale", "serviceaccounts", "services", "services/status",
            ], "verbs": read],
            ["apiGroups": [""], "resources": [
                "bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas",
                "resourcequotas/status",
            ], "verbs": read],
            ["apiGroups": [""], "resources": ["namespaces"], "verbs": read],
            ["apiGroups": ["discovery.k8s.io"], "resources": ["endpointslices"], "verbs": read],
            ["apiGroups": ["apps"], "resources": [
                "controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets",
                "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status",
            ], "verbs": read],
            ["apiGroups": ["autoscaling"], "resources": ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], "verbs": read],
            ["apiGroups": ["batch"], "resources": ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], "verbs": read],
            ["apiGroups": ["extensions"], "resources": [
                "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "networkpolicies",
                "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale",
            ], "verbs": read],
            ["apiGroups": ["policy"], "resources": ["poddisruptionbudgets", "poddisruptionbudgets/status"], "verbs": read],
            ["apiGroups": ["networking.k8s.io"], "resources": ["ingresses", "ingresses/status", "networkpolicies"], "verbs": read],
        ]),
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
                // An aggregated role's rules are the aggregation's to write.
                let fields = object["aggregationRule"] == nil ? ["rules", "roleRef", "subjects"] : ["aggregationRule"]
                for field in fields { existing[field] = object[field] }
                for (key, value) in object[path: ["metadata", "labels"]]?.objectValue ?? [:] { existing["metadata"]?["labels"]?[key] = value }
                _ = try await operations.update(existing, namespace: nil, name: name, status: false, options: WriteOptions())
            }
        }
        await ClusterRoleAggregation.reconcile(in: store)
    }

    private static func role(_ name: String, labels: [String: JSONValue] = [:], _ rules: [JSONValue]) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": [
                "name": .string(name), "labels": .object(labels.merging(["kubernetes.io/bootstrapping": "rbac-defaults"]) { $1 }),
                "annotations": ["rbac.authorization.kubernetes.io/autoupdate": "true"],
            ],
            "rules": .array(rules),
        ]
    }

    /// A user-facing role whose rules are those of every ClusterRole labelled `aggregate-to-NAME`.
    private static func aggregated(_ name: String, from label: String, labels: [String: JSONValue]) -> JSONValue {
        var object = role(name, labels: labels, [])
        object["rules"] = nil
        object["aggregationRule"] = ["clusterRoleSelectors": [["matchLabels": ["rbac.authorization.k8s.io/aggregate-to-\(label)": "true"]]]]
        return object
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
