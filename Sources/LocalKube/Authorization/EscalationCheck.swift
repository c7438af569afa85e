import KubeAPI

/// kube-apiserver's RBAC escalation prevention. A Role or ClusterRole may be written only by a
/// caller who already holds every rule it grants (or may `escalate` it); a RoleBinding or
/// ClusterRoleBinding only by one who holds every rule of the role it references (or may `bind`
/// that role). `system:masters` is exempt, and so are writes that only touch the fields garbage
/// collection needs (ownerReferences, finalizers).
struct EscalationCheck: Sendable {
    let authorizer: RBACAuthorizer
    let user: UserInfo

    /// The write of `object` (replacing `old`, `nil` on create) as `resource` of the RBAC group.
    func admit(resource: String, object: JSONValue, old: JSONValue?) throws(APIError) {
        guard !user.isMaster, Self.guarded.contains(resource) else { return }
        if let old, Self.withoutGarbageCollectionFields(old) == Self.withoutGarbageCollectionFields(object) { return }
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        let groupResource = GroupResource(group: BuiltInKind.rbacGroup, resource: resource)
        let held = authorizer.rules(for: user, namespace: namespace)
        if resource == "roles" || resource == "clusterroles" {
            let escalate = RequestAttributes.resource("escalate", group: BuiltInKind.rbacGroup, resource: resource, namespace: namespace, name: name)
            if authorizer.allows(user, escalate) { return }
            try confirm(held, cover: (object["rules"]?.arrayValue ?? []).map(PolicyRule.init(json:)), groupResource, name)
            if let aggregation = object["aggregationRule"], !aggregation.isNull, !Self.missing(from: held, Self.fullAuthority).isEmpty {
                throw Self.forbidden(groupResource, name, "must have cluster-admin privileges to use the aggregationRule")
            }
            return
        }
        let roleKind = object[path: ["roleRef", "kind"]]?.stringValue ?? ""
        let roleName = object[path: ["roleRef", "name"]]?.stringValue ?? ""
        let roleResource = roleKind == "Role" ? "roles" : "clusterroles"
        let bind = RequestAttributes.resource("bind", group: BuiltInKind.rbacGroup, resource: roleResource, namespace: namespace, name: roleName)
        if authorizer.allows(user, bind) { return }
        guard let granted = authorizer.roleRules(kind: roleKind, name: roleName, namespace: namespace) else {
            let missingRole = GroupResource(group: BuiltInKind.rbacGroup, resource: roleResource)
            throw Self.forbidden(groupResource, name, "\(missingRole) \(GoFormat.quote(roleName)) not found")
        }
        try confirm(held, cover: granted, groupResource, name)
    }

    /// kube's `ConfirmNoEscalation`: every rule of `requested` must be covered by `held`.
    private func confirm(_ held: [PolicyRule], cover requested: [PolicyRule], _ resource: GroupResource, _ name: String) throws(APIError) {
        let missing = Self.missing(from: held, requested)
        guard !missing.isEmpty else { return }
        let descriptions = Set(Self.compact(missing).map(\.compactDescription)).sorted()
        let groups = "[" + user.groups.map(GoFormat.quote).joined(separator: " ") + "]"
        throw Self.forbidden(
            resource, name,
            "user \(GoFormat.quote(user.name)) (groups=\(groups)) is attempting to grant RBAC permissions not currently held:\n" + descriptions.joined(separator: "\n")
        )
    }

    static let guarded: Set<String> = ["roles", "clusterroles", "rolebindings", "clusterrolebindings"]

    /// What `cluster-admin` holds; setting an `aggregationRule` requires all of it.
    static let fullAuthority = [
        PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"]),
    ]

    /// Rules with more single permissions than this are judged whole (a rule no caller needs, but
    /// one whose breakdown would otherwise take minutes).
    static let maxBreakdown = 100_000

    /// The single permissions (one verb on one group/resource/name, or one verb on one URL) of
    /// `requested` that no rule of `held` covers, in kube's `BreakdownRule` order.
    static func missing(from held: [PolicyRule], _ requested: [PolicyRule]) -> [PolicyRule] {
        var missing: [PolicyRule] = []
        for rule in requested where !held.contains(where: { $0.covers(rule) }) {
            let names = rule.resourceNames.isEmpty ? [nil] : rule.resourceNames.map(Optional.some)
            let count = Double(rule.apiGroups.count) * Double(rule.resources.count) * Double(rule.verbs.count) * Double(names.count)
                + Double(rule.nonResourceURLs.count) * Double(rule.verbs.count)
            guard count <= Double(maxBreakdown) else {
                missing.append(rule)
                continue
            }
            for group in rule.apiGroups {
                for resource in rule.resources {
                    for verb in rule.verbs {
                        for name in names {
                            let single = PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: name.map { [$0] } ?? [])
                            if !held.contains(where: { $0.covers(single) }) { missing.append(single) }
                        }
                    }
                }
            }
            for url in rule.nonResourceURLs {
                for verb in rule.verbs {
                    let single = PolicyRule(verbs: [verb], nonResourceURLs: [url])
                    if !held.contains(where: { $0.covers(single) }) { missing.append(single) }
                }
            }
        }
        return missing
    }

    /// kube's `CompactRules`: single-resource rules that differ only in their verbs become one.
    static func compact(_ rules: [PolicyRule]) -> [PolicyRule] {
        var compacted: [PolicyRule] = []
        var simple: [[String]: Int] = [:]
        for rule in rules {
            guard rule.apiGroups.count == 1, rule.resources.count == 1, rule.resourceNames.count <= 1, rule.nonResourceURLs.isEmpty else {
                compacted.append(rule)
                continue
            }
            let key = rule.apiGroups + rule.resources + rule.resourceNames
            if let index = simple[key] {
                compacted[index].verbs += rule.verbs.filter { !compacted[index].verbs.contains($0) }
            } else {
                simple[key] = compacted.count
                compacted.append(rule)
            }
        }
        return compacted
    }

    private static func forbidden(_ resource: GroupResource, _ name: String, _ reason: String) -> APIError {
        APIError(
            code: 403, reason: "Forbidden",
            message: name.isEmpty ? "\(resource) is forbidden: \(reason)" : "\(resource) \(GoFormat.quote(name)) is forbidden: \(reason)",
            details: StatusDetails(name: name.isEmpty ? nil : name, group: resource.group, kind: resource.resource)
        )
    }

    /// The object without what garbage collection writes, so such writes pass unchecked.
    private static func withoutGarbageCollectionFields(_ object: JSONValue) -> JSONValue {
        var object = object
        for field in ["ownerReferences", "finalizers", "resourceVersion", "managedFields", "generation"] { object["metadata"]?[field] = nil }
        return object
    }
}

extension PolicyRule {
    /// kube's `ruleCovers`: this rule allows everything `other` allows.
    func covers(_ other: PolicyRule) -> Bool {
        func all(_ mine: [String], _ theirs: [String], wildcard: String? = "*") -> Bool {
            (wildcard.map(mine.contains) ?? false) || theirs.allSatisfy(mine.contains)
        }
        let resourcesCovered = resources.contains("*") || other.resources.allSatisfy { resource in
            if resources.contains(resource) { return true }
            guard let slash = resource.firstIndex(of: "/") else { return false }
            return resources.contains("*" + resource[slash...])
        }
        let urlsCovered = other.nonResourceURLs.allSatisfy { url in
            nonResourceURLs.contains { $0 == url || ($0.hasSuffix("*") && url.hasPrefix(String($0.dropLast()))) }
        }
        let namesCovered = resourceNames.isEmpty || (!other.resourceNames.isEmpty && other.resourceNames.allSatisfy(resourceNames.contains))
        return all(verbs, other.verbs) && all(apiGroups, other.apiGroups) && resourcesCovered && urlsCovered && namesCovered
    }

    /// kube's `CompactString`: `{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "list"]}`.
    var compactDescription: String {
        var parts: [String] = []
        func field(_ name: String, _ values: [String]) {
            if !values.isEmpty { parts.append("\(name):[" + values.map(GoFormat.quote).joined(separator: " ") + "]") }
        }
        field("APIGroups", apiGroups)
        field("Resources", resources)
        field("NonResourceURLs", nonResourceURLs)
        field("ResourceNames", resourceNames)
        field("Verbs", verbs)
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
