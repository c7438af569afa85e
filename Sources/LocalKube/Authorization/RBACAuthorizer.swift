import KubeAPI

/// Kubernetes RBAC as a pure function of the stored Roles, ClusterRoles and their bindings: which
/// rules apply to a user in a namespace, and whether a request is allowed. `system:masters` is
/// allowed everything, as kube-apiserver hard-wires it.
struct RBACAuthorizer: Sendable {
    /// A RoleBinding (`namespace` set) or ClusterRoleBinding.
    struct Binding: Sendable {
        struct Subject: Sendable {
            var kind: String
            var name: String
            var namespace: String?
        }

        var namespace: String?
        var roleKind: String
        var roleName: String
        var subjects: [Subject]

        init(json: JSONValue) {
            namespace = json[path: ["metadata", "namespace"]]?.stringValue
            roleKind = json[path: ["roleRef", "kind"]]?.stringValue ?? ""
            roleName = json[path: ["roleRef", "name"]]?.stringValue ?? ""
            subjects = (json["subjects"]?.arrayValue ?? []).map { subject in
                Subject(kind: subject["kind"]?.stringValue ?? "", name: subject["name"]?.stringValue ?? "", namespace: subject["namespace"]?.stringValue)
            }
        }

        func applies(to user: UserInfo) -> Bool {
            subjects.contains { subject in
                switch subject.kind {
                case "User": subject.name == user.name
                case "Group": user.groups.contains(subject.name)
                case "ServiceAccount":
                    user.name == "system:serviceaccount:\(subject.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? namespace ?? ""):\(subject.name)"
                default: false
                }
            }
        }
    }

    private var roles: [String: [PolicyRule]] = [:]
    private var clusterRoles: [String: [PolicyRule]] = [:]
    private var bindings: [Binding] = []

    init(roles: [JSONValue], clusterRoles: [JSONValue], bindings: [JSONValue]) {
        for role in roles {
            let key = "\(role[path: ["metadata", "namespace"]]?.stringValue ?? "")/\(role[path: ["metadata", "name"]]?.stringValue ?? "")"
            self.roles[key] = (role["rules"]?.arrayValue ?? []).map(PolicyRule.init(json:))
        }
        for role in clusterRoles {
            self.clusterRoles[role[path: ["metadata", "name"]]?.stringValue ?? ""] = (role["rules"]?.arrayValue ?? []).map(PolicyRule.init(json:))
        }
        self.bindings = bindings.map(Binding.init(json:))
    }

    /// The current RBAC objects of `store`.
    static func load(from store: ObjectStore) async -> RBACAuthorizer {
        func all(_ resource: String) async -> [JSONValue] {
            await store.list(GroupResource(group: BuiltInKind.rbacGroup, resource: resource), namespace: nil).items
        }
        return RBACAuthorizer(
            roles: await all("roles"), clusterRoles: await all("clusterroles"),
            bindings: await all("clusterrolebindings") + all("rolebindings")
        )
    }

    /// Whether `user` may do `request`.
    func allows(_ user: UserInfo, _ request: RequestAttributes) -> Bool {
        if user.isMaster { return true }
        return rules(for: user, namespace: request.resource?.namespace).contains { $0.allows(request) }
    }

    /// The rules granted to `user` by ClusterRoleBindings and, in `namespace`, by RoleBindings.
    func rules(for user: UserInfo, namespace: String?) -> [PolicyRule] {
        bindings.filter { binding in
            (binding.namespace == nil || binding.namespace == namespace) && binding.applies(to: user)
        }.flatMap { binding in
            roleRules(kind: binding.roleKind, name: binding.roleName, namespace: binding.namespace) ?? []
        }
    }

    /// The rules of the role a binding in `namespace` (`nil`: a ClusterRoleBinding) references;
    /// `nil` when that role does not exist.
    func roleRules(kind: String, name: String, namespace: String?) -> [PolicyRule]? {
        switch kind {
        case "ClusterRole": clusterRoles[name]
        case "Role": namespace.flatMap { roles["\($0)/\(name)"] }
        default: nil
        }
    }

    /// kube-apiserver's 403 for a denied request, word for word.
    static func forbidden(_ user: UserInfo, _ request: RequestAttributes) -> APIError {
        guard let resource = request.resource else {
            return APIError(
                code: 403, reason: "Forbidden", message: "forbidden: User \(GoFormat.quote(user.name)) cannot \(request.verb) path \(GoFormat.quote(request.path))",
                details: StatusDetails()
            )
        }
        let qualified = GroupResource(group: resource.group, resource: resource.resource).description
        let subject = resource.name.map { "\(qualified) \(GoFormat.quote($0))" } ?? qualified
        let scope = resource.namespace.map { "in the namespace \(GoFormat.quote($0))" } ?? "at the cluster scope"
        return APIError(
            code: 403, reason: "Forbidden",
            message: "\(subject) is forbidden: User \(GoFormat.quote(user.name)) cannot \(request.verb) resource \(GoFormat.quote(resource.combinedResource)) in API group \(GoFormat.quote(resource.group)) \(scope)",
            details: StatusDetails(name: resource.name, group: resource.group, kind: resource.resource)
        )
    }
}
