import KubeAPI

/// kube-controller-manager's ClusterRole aggregation: a ClusterRole with an `aggregationRule`
/// holds the rules of every other ClusterRole its `clusterRoleSelectors` match (in name order,
/// each rule once). Run at start and after every ClusterRole write, until nothing changes, so
/// `admin` gets `edit`'s rules once `edit` has `view`'s.
enum ClusterRoleAggregation {
    static let clusterRoles = GroupResource(group: BuiltInKind.rbacGroup, resource: "clusterroles")
    /// Chains of aggregated roles settle within this many passes (kube's own are two deep).
    static let maxPasses = 8

    static func reconcile(in store: ObjectStore) async {
        guard let type = ServedResource.builtIns.first(where: { $0.groupResource == clusterRoles }) else { return }
        let operations = ResourceOperations(store: store, type: type)
        for _ in 0..<maxPasses {
            let roles = await store.list(clusterRoles, namespace: nil).items.sorted {
                ($0[path: ["metadata", "name"]]?.stringValue ?? "") < ($1[path: ["metadata", "name"]]?.stringValue ?? "")
            }
            var changed = false
            for role in roles {
                guard let rules = aggregatedRules(of: role, among: roles), rules != (role["rules"]?.arrayValue ?? []) else { continue }
                var updated = role
                updated["rules"] = .array(rules)
                let name = role[path: ["metadata", "name"]]?.stringValue ?? ""
                changed = (try? await operations.update(updated, namespace: nil, name: name, status: false, options: WriteOptions())) != nil || changed
            }
            if !changed { return }
        }
    }

    /// The rules `role` aggregates; `nil` when it has no `aggregationRule`.
    static func aggregatedRules(of role: JSONValue, among roles: [JSONValue]) -> [JSONValue]? {
        guard let selectors = role[path: ["aggregationRule", "clusterRoleSelectors"]]?.arrayValue else { return nil }
        let name = role[path: ["metadata", "name"]]?.stringValue
        var rules: [JSONValue] = []
        for candidate in roles where candidate[path: ["metadata", "name"]]?.stringValue != name {
            let labels = candidate[path: ["metadata", "labels"]]?.objectValue ?? [:]
            guard selectors.contains(where: { matches($0, labels) }) else { continue }
            for rule in candidate["rules"]?.arrayValue ?? [] where !rules.contains(rule) { rules.append(rule) }
        }
        return rules
    }

    /// A `metav1.LabelSelector`: `matchLabels` and `matchExpressions` all hold (so an empty
    /// selector matches every ClusterRole, as `LabelSelectorAsSelector` makes it).
    static func matches(_ selector: JSONValue, _ labels: [String: JSONValue]) -> Bool {
        let matchLabels = selector["matchLabels"]?.objectValue ?? [:]
        let expressions = selector["matchExpressions"]?.arrayValue ?? []
        for (key, value) in matchLabels where labels[key] != value { return false }
        return expressions.allSatisfy { expression in
            let value = labels[expression["key"]?.stringValue ?? ""]?.stringValue
            let values = expression.strings("values")
            switch expression["operator"]?.stringValue {
            case "In": return value.map(values.contains) ?? false
            case "NotIn": return !(value.map(values.contains) ?? false)
            case "Exists": return value != nil
            case "DoesNotExist": return value == nil
            default: return false
            }
        }
    }
}
