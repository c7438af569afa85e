import KubeAPI

/// `SelfSubjectAccessReview` (`kubectl auth can-i VERB RESOURCE`), `SelfSubjectRulesReview`
/// (`kubectl auth can-i --list`) and `SelfSubjectReview` (`kubectl auth whoami`), answered for the
/// caller from the stored RBAC objects.
struct AccessReviewEndpoint: Sendable {
    let authorizer: RBACAuthorizer
    let user: UserInfo

    func review(_ kind: String, body: JSONValue) throws(APIError) -> JSONValue {
        var answer = body
        answer["apiVersion"] = kind == "SelfSubjectReview" ? "authentication.k8s.io/v1" : "authorization.k8s.io/v1"
        answer["kind"] = .string(kind)
        answer["metadata"] = ["creationTimestamp": .null]
        switch kind {
        case "SelfSubjectAccessReview": answer["status"] = try accessStatus(body["spec"] ?? [:])
        case "SelfSubjectReview": answer["status"] = ["userInfo": user.json]
        default: answer["status"] = rulesStatus(namespace: body[path: ["spec", "namespace"]]?.stringValue)
        }
        return answer
    }

    private func accessStatus(_ spec: JSONValue) throws(APIError) -> JSONValue {
        let request: RequestAttributes
        if let attributes = spec["resourceAttributes"], !attributes.isNull {
            func field(_ name: String) -> String? { attributes[name]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
            request = .resource(
                field("verb") ?? "", group: field("group") ?? "", resource: field("resource") ?? "", subresource: field("subresource"),
                namespace: field("namespace"), name: field("name")
            )
        } else if let attributes = spec["nonResourceAttributes"], !attributes.isNull {
            request = .nonResource(attributes["verb"]?.stringValue ?? "", path: attributes["path"]?.stringValue ?? "")
        } else {
            throw APIError(Status.invalid(kind: "SelfSubjectAccessReview", group: "authorization.k8s.io", name: "", errors: [
                .required(FieldPath("spec", "resourceAttributes"), "exactly one of nonResourceAttributes or resourceAttributes must be specified"),
            ]))
        }
        return authorizer.allows(user, request) ? ["allowed": true, "reason": "RBAC: allowed"] : ["allowed": false]
    }

    private func rulesStatus(namespace: String?) -> JSONValue {
        let rules = authorizer.rules(for: user, namespace: namespace)
        return [
            "resourceRules": .array(rules.filter { $0.nonResourceURLs.isEmpty }.map(\.resourceRuleJSON)),
            "nonResourceRules": .array(rules.filter { !$0.nonResourceURLs.isEmpty }.map(\.nonResourceRuleJSON)),
            "incomplete": false,
        ]
    }
}
