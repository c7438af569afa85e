/// What a request asks to do, as RBAC sees it: a verb on a resource (group, resource,
/// subresource, namespace, name) or on a non-resource path such as `/version`.
struct RequestAttributes: Sendable, Hashable {
    var verb: String
    /// `nil` for non-resource requests.
    var resource: ResourceAttributes?
    /// The URL path of a non-resource request.
    var path: String

    struct ResourceAttributes: Sendable, Hashable {
        var group: String
        var resource: String
        var subresource: String?
        var namespace: String?
        var name: String?

        /// `kafkaconnects/status`, as RBAC rules and messages spell a subresource.
        var combinedResource: String { subresource.map { "\(resource)/\($0)" } ?? resource }
    }

    static func resource(
        _ verb: String, group: String, resource: String, subresource: String? = nil, namespace: String? = nil, name: String? = nil
    ) -> RequestAttributes {
        RequestAttributes(
            verb: verb,
            resource: ResourceAttributes(group: group, resource: resource, subresource: subresource, namespace: namespace, name: name),
            path: ""
        )
    }

    static func nonResource(_ verb: String, path: String) -> RequestAttributes {
        RequestAttributes(verb: verb, resource: nil, path: path)
    }

    /// The attributes of an HTTP request on `route`.
    init(method: String, path: String, query: [String: String], route: APIRoute) {
        self.path = path
        guard case .resource(let resourcePath) = route else {
            verb = method.lowercased() == "head" ? "get" : method.lowercased()
            resource = nil
            return
        }
        switch (method, resourcePath.name) {
        case ("GET", nil): verb = ["true", "True", "1"].contains(query["watch"] ?? "") ? "watch" : "list"
        case ("GET", _): verb = "get"
        case ("POST", _): verb = "create"
        case ("PUT", _): verb = "update"
        case ("PATCH", _): verb = "patch"
        case ("DELETE", nil): verb = "deletecollection"
        case ("DELETE", _): verb = "delete"
        default: verb = method.lowercased()
        }
        let isSubresourceCreate = method == "POST" && resourcePath.subresource != nil
        resource = ResourceAttributes(
            group: resourcePath.group, resource: resourcePath.resource, subresource: resourcePath.subresource,
            namespace: resourcePath.namespace, name: isSubresourceCreate || method != "POST" ? resourcePath.name : nil
        )
    }

    private init(verb: String, resource: ResourceAttributes?, path: String) {
        self.verb = verb
        self.resource = resource
        self.path = path
    }
}
