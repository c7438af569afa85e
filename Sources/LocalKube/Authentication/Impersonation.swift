import Foundation
import HTTPTypes
import KubeAPI

/// kube-apiserver's user impersonation (`kubectl --as`, `--as-group`, `--as-uid`): the
/// `Impersonate-User`, `Impersonate-Group`, `Impersonate-Uid` and `Impersonate-Extra-KEY` headers
/// of a request. Each thing impersonated needs the `impersonate` verb on `users`, `groups`,
/// `serviceaccounts` (namespaced), `uids` or `userextras/KEY`; the request then runs, and is
/// authorized, as the impersonated user.
struct Impersonation: Sendable {
    /// One thing the caller asks to act as, in the order kube-apiserver checks them.
    struct Target: Sendable {
        /// `ServiceAccount`, `User`, `Group`, `UserExtra` or `UID`, as kube's error names it.
        var kind: String
        var attributes: RequestAttributes
        var name: String
    }

    private(set) var targets: [Target] = []
    private var userName: String?
    private var serviceAccountNamespace: String?
    private var groups: [String] = []

    static let userHeader = HTTPField.Name("Impersonate-User")!
    static let groupHeader = HTTPField.Name("Impersonate-Group")!
    static let uidHeader = HTTPField.Name("Impersonate-Uid")!
    static let extraPrefix = "impersonate-extra-"

    init(headers: HTTPFields) throws(APIError) {
        if let user = headers[Self.userHeader], !user.isEmpty {
            userName = user
            if let (namespace, name) = Self.serviceAccount(user) {
                serviceAccountNamespace = namespace
                targets.append(Target(kind: "ServiceAccount", attributes: .resource("impersonate", group: "", resource: "serviceaccounts", namespace: namespace, name: name), name: name))
            } else {
                targets.append(Target(kind: "User", attributes: .resource("impersonate", group: "", resource: "users", name: user), name: user))
            }
        }
        for group in headers[values: Self.groupHeader] {
            groups.append(group)
            targets.append(Target(kind: "Group", attributes: .resource("impersonate", group: "", resource: "groups", name: group), name: group))
        }
        for field in headers where field.name.canonicalName.hasPrefix(Self.extraPrefix) {
            let key = String(field.name.canonicalName.dropFirst(Self.extraPrefix.count))
            let unescaped = key.removingPercentEncoding ?? key
            targets.append(Target(
                kind: "UserExtra",
                attributes: .resource("impersonate", group: "authentication.k8s.io", resource: "userextras", subresource: unescaped, name: field.value),
                name: field.value
            ))
        }
        if let uid = headers[Self.uidHeader], !uid.isEmpty {
            targets.append(Target(kind: "UID", attributes: .resource("impersonate", group: "authentication.k8s.io", resource: "uids", name: uid), name: uid))
        }
        if userName == nil, !targets.isEmpty {
            let requested = targets.map { target in
                let version = target.attributes.resource?.group == "authentication.k8s.io" ? "authentication.k8s.io/v1" : ""
                return "{\(target.kind)  \(target.name)  \(version)  \(target.attributes.resource?.subresource ?? "")}"
            }
            throw APIError.badRequest("requested [\(requested.joined(separator: " "))] without impersonating a user")
        }
    }

    /// Who the request runs as: `requestor` itself without impersonation headers, else the
    /// impersonated user once `requestor` may impersonate each part (kube's 403 otherwise).
    func user(for requestor: UserInfo, authorizer: @autoclosure () async -> RBACAuthorizer) async throws(APIError) -> UserInfo {
        guard let userName else { return requestor }
        if !requestor.isMaster {
            let rbac = await authorizer()
            for target in targets where !rbac.allows(requestor, target.attributes) {
                throw RBACAuthorizer.forbidden(requestor, target.attributes)
            }
        }
        var groups = groups
        if groups.isEmpty, let serviceAccountNamespace {
            groups = ["system:serviceaccounts", "system:serviceaccounts:\(serviceAccountNamespace)"]
        }
        if userName == "system:anonymous" {
            if !groups.contains("system:unauthenticated") { groups.append("system:unauthenticated") }
        } else if !groups.contains("system:authenticated"), !groups.contains("system:unauthenticated") {
            groups.append("system:authenticated")
        }
        return UserInfo(name: userName, groups: groups)
    }

    /// `system:serviceaccount:NS:NAME` split into its namespace and name.
    private static func serviceAccount(_ user: String) -> (String, String)? {
        let prefix = "system:serviceaccount:"
        guard user.hasPrefix(prefix) else { return nil }
        let parts = user.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
