import KubeAPI

/// One write as admission policies see it: the operation, the caller, the kind and the
/// objects (`object` is null on DELETE, `oldObject` on CREATE).
struct AdmissionRequest: Sendable {
    enum Operation: String, Sendable {
        case create = "CREATE"
        case update = "UPDATE"
        case delete = "DELETE"
    }

    var operation: Operation
    var type: ServedResource
    var subresource: String?
    var namespace: String?
    var name: String
    var user: UserInfo
    var object: JSONValue?
    var oldObject: JSONValue?
    var dryRun: Bool

    /// The CEL variables `object`, `oldObject` and `request`.
    var bindings: [CELVariable: JSONValue] {
        var request: [String: JSONValue] = [
            "operation": .string(operation.rawValue), "name": .string(name), "namespace": .string(namespace ?? ""),
            "userInfo": user.json, "dryRun": .bool(dryRun),
            "kind": ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)],
            "resource": ["group": .string(type.group), "version": .string(type.version), "resource": .string(type.plural)],
        ]
        if let subresource { request["subResource"] = .string(subresource) }
        return [.object: object ?? .null, .oldObject: oldObject ?? .null, .request: .object(request)]
    }

    /// `kafkaconnects.aiven.io "x"` (or without the name), as denial messages begin.
    var qualifiedName: String {
        let resource = type.groupResource.description
        return name.isEmpty ? resource : "\(resource) \(GoFormat.quote(name))"
    }
}
