import KubeAPI

/// Identifies a resource type on the API for the dynamic client: group, version, plural, scope.
public struct ResourceType: Sendable, Hashable {
    public var group: String
    public var version: String
    public var plural: String
    public var namespaced: Bool

    public init(group: String, version: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.plural = plural
        self.namespaced = namespaced
    }

    /// The resource type of a typed kind.
    public init<R: KubeResource>(_ type: R.Type) {
        self.init(group: R.group, version: R.version, plural: R.plural, namespaced: R.namespaced)
    }

    /// `/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]`.
    func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace { path += "/namespaces/\(namespace)" }
        path += "/\(plural)"
        if let name { path += "/\(name)" }
        if let subresource { path += "/\(subresource)" }
        return path
    }
}
