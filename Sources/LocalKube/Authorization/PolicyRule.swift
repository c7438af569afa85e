import KubeAPI

/// One RBAC rule of a Role or ClusterRole, matched with Kubernetes' semantics (`*` wildcards,
/// `resource/subresource`, `*/subresource`, `resourceNames`, `nonResourceURLs` with a trailing `*`).
struct PolicyRule: Sendable, Hashable {
    var verbs: [String]
    var apiGroups: [String]
    var resources: [String]
    var resourceNames: [String]
    var nonResourceURLs: [String]

    init(verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [], nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    init(json: JSONValue) {
        self.init(
            verbs: json.strings("verbs"), apiGroups: json.strings("apiGroups"), resources: json.strings("resources"), resourceNames: json.strings("resourceNames"),
            nonResourceURLs: json.strings("nonResourceURLs")
        )
    }

    func allows(_ request: RequestAttributes) -> Bool {
        guard verbs.contains("*") || verbs.contains(request.verb) else { return false }
        guard let resource = request.resource else {
            return nonResourceURLs.contains { $0 == "*" || $0 == request.path || ($0.hasSuffix("*") && request.path.hasPrefix(String($0.dropLast()))) }
        }
        guard apiGroups.contains("*") || apiGroups.contains(resource.group) else { return false }
        let combined = resource.combinedResource
        let resourceMatches = resources.contains { rule in
            if rule == "*" || rule == combined { return true }
            guard let subresource = resource.subresource else { return false }
            return rule == "*/\(subresource)"
        }
        guard resourceMatches else { return false }
        return resourceNames.isEmpty || resource.name.map(resourceNames.contains) == true
    }

    /// As a SelfSubjectRulesReview lists it.
    var resourceRuleJSON: JSONValue {
        var rule: [String: JSONValue] = [
            "verbs": .array(verbs.map(JSONValue.string)), "apiGroups": .array(apiGroups.map(JSONValue.string)),
            "resources": .array(resources.map(JSONValue.string)),
        ]
        if !resourceNames.isEmpty { rule["resourceNames"] = .array(resourceNames.map(JSONValue.string)) }
        return .object(rule)
    }

    var nonResourceRuleJSON: JSONValue {
        ["verbs": .array(verbs.map(JSONValue.string)), "nonResourceURLs": .array(nonResourceURLs.map(JSONValue.string))]
    }
}
