import KubeAPI

/// rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding, validated
/// as kube-apiserver does (aggregated ClusterRoles get their rules from `ClusterRoleAggregation`).
extension BuiltInKind {
    static let role = roleKind(namespaced: true)
    static let clusterRole = roleKind(namespaced: false)
    static let roleBinding = bindingKind(namespaced: true)
    static let clusterRoleBinding = bindingKind(namespaced: false)

    static let rbacGroup = "rbac.authorization.k8s.io"

    private static func roleKind(namespaced: Bool) -> BuiltInKind {
        BuiltInKind(
            fields: namespaced ? ["apiVersion", "kind", "metadata", "rules"] : ["apiVersion", "kind", "metadata", "rules", "aggregationRule"],
            columns: [column("Created At") { .string($0[path: ["metadata", "creationTimestamp"]]?.stringValue ?? "") }],
            showsAge: false,
            namesArePathSegments: true,
            validate: { object, _ in
                var errors: [FieldError] = []
                if let aggregation = object["aggregationRule"], !aggregation.isNull {
                    errors += validate(aggregation: aggregation)
                }
                for (index, rule) in (object["rules"]?.arrayValue ?? []).enumerated() {
                    errors += validate(rule: rule, at: FieldPath("rules").index(index), namespaced: namespaced)
                }
                return errors
            }
        )
    }

    private static func validate(aggregation: JSONValue) -> [FieldError] {
        let path = FieldPath("aggregationRule", "clusterRoleSelectors")
        let selectors = aggregation["clusterRoleSelectors"]?.arrayValue ?? []
        if selectors.isEmpty { return [.required(path, "at least one clusterRoleSelector required if aggregationRule is non-nil")] }
        var errors: [FieldError] = []
        for (index, selector) in selectors.enumerated() {
            for (position, expression) in (selector["matchExpressions"]?.arrayValue ?? []).enumerated() {
                let operatorValue = expression["operator"] ?? .string("")
                let supported = ["In", "NotIn", "Exists", "DoesNotExist"]
                if !supported.contains(operatorValue.stringValue ?? "") {
                    errors.append(.notSupported(path.index(index).child("matchExpressions").index(position).child("operator"), operatorValue, supported: supported))
                }
            }
        }
        return errors
    }

    private static func validate(rule: JSONValue, at path: FieldPath, namespaced: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        if rule.strings("verbs").isEmpty { errors.append(.required(path.child("verbs"), "verbs must contain at least one value")) }
        let urls = rule["nonResourceURLs"] ?? .array([])
        if !rule.strings("nonResourceURLs").isEmpty {
            if namespaced {
                errors.append(.invalid(path.child("nonResourceURLs"), urls, "namespaced rules cannot apply to non-resource URLs"))
            }
            if !rule.strings("apiGroups").isEmpty || !rule.strings("resources").isEmpty {
                errors.append(.invalid(path.child("nonResourceURLs"), urls, "rules cannot apply to both regular resources and non-resource URLs"))
            }
            return errors
        }
        if rule.strings("apiGroups").isEmpty { errors.append(.required(path.child("apiGroups"), "resource rules must supply at least one api group")) }
        if rule.strings("resources").isEmpty { errors.append(.required(path.child("resources"), "resource rules must supply at least one resource")) }
        return errors
    }

    private static func bindingKind(namespaced: Bool) -> BuiltInKind {
        BuiltInKind(
            fields: ["apiVersion", "kind", "metadata", "subjects", "roleRef"],
            columns: [column("Role") { .string("\($0[path: ["roleRef", "kind"]]?.stringValue ?? "")/\($0[path: ["roleRef", "name"]]?.stringValue ?? "")") }],
            namesArePathSegments: true,
            validate: { object, old in
                var errors: [FieldError] = []
                let roleRef = object["roleRef"] ?? [:]
                let group = roleRef["apiGroup"]?.stringValue ?? ""
                if group != rbacGroup { errors.append(.notSupported(FieldPath("roleRef", "apiGroup"), .string(group), supported: [rbacGroup])) }
                let kind = roleRef["kind"]?.stringValue ?? ""
                let kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"]
                if !kinds.contains(kind) { errors.append(.notSupported(FieldPath("roleRef", "kind"), .string(kind), supported: kinds)) }
                if (roleRef["name"]?.stringValue ?? "").isEmpty { errors.append(.required(FieldPath("roleRef", "name"))) }
                if let oldRef = old?["roleRef"], oldRef != roleRef {
                    errors.append(.invalid(FieldPath("roleRef"), roleRef, "cannot change roleRef"))
                }
                var subjects = object["subjects"]?.arrayValue ?? []
                for index in subjects.indices {
                    let path = FieldPath("subjects").index(index)
                    let kind = subjects[index]["kind"]?.stringValue ?? ""
                    if (subjects[index]["name"]?.stringValue ?? "").isEmpty { errors.append(.required(path.child("name"))) }
                    switch kind {
                    case "ServiceAccount":
                        if let group = subjects[index]["apiGroup"]?.stringValue, !group.isEmpty {
                            errors.append(.notSupported(path.child("apiGroup"), .string(group), supported: [""]))
                        }
                        if !namespaced, (subjects[index]["namespace"]?.stringValue ?? "").isEmpty {
                            errors.append(.required(path.child("namespace")))
                        }
                    case "User", "Group":
                        let group = subjects[index]["apiGroup"]?.stringValue ?? ""
                        if group.isEmpty {
                            subjects[index]["apiGroup"] = .string(rbacGroup)
                        } else if group != rbacGroup {
                            errors.append(.notSupported(path.child("apiGroup"), .string(group), supported: [rbacGroup]))
                        }
                    default:
                        errors.append(.notSupported(path.child("kind"), .string(kind), supported: ["ServiceAccount", "User", "Group"]))
                    }
                }
                if object["subjects"] != nil { object["subjects"] = .array(subjects) }
                return errors
            }
        )
    }
}
