import KubeAPI

/// Who sent a request: the user name and groups RBAC and admission policies see.
struct UserInfo: Sendable, Hashable {
    var name: String
    var groups: [String]

    /// The administrator of `DIR/kubeconfig`, and everyone when LocalKube runs without a token.
    static let admin = UserInfo(name: "admin", groups: ["system:masters", "system:authenticated"])

    /// `system:serviceaccount:NS:NAME` with the groups kube-apiserver gives ServiceAccount tokens.
    static func serviceAccount(namespace: String, name: String) -> UserInfo {
        UserInfo(
            name: "system:serviceaccount:\(namespace):\(name)",
            groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)", "system:authenticated"]
        )
    }

    var isMaster: Bool { groups.contains("system:masters") }

    var json: JSONValue {
        ["username": .string(name), "groups": .array(groups.map(JSONValue.string))]
    }
}
