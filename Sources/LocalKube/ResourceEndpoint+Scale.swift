import Hummingbird
import KubeAPI

extension ResourceEndpoint {
    /// `deployments/NAME/scale` (``DeploymentScale``): get, update and merge, strategic merge or
    /// JSON patches of the Scale, written to the Deployment's `spec.replicas`; `nil` for every
    /// other request.
    func scaleRequest(_ request: Request, query: [String: String], type: ServedResource) async throws -> Response? {
        guard path.subresource == "scale", type.scaleSubresource, let name = path.name else { return nil }
        var operations = ResourceOperations(store: store, type: type)
        operations.requester = user
        let result: WriteResult
        switch request.method {
        case .get:
            guard let object = await store.object(type.groupResource, namespace: path.namespace, name: name) else {
                throw APIError.notFound(type.groupResource, name: name)
            }
            return APIResponses.json(DeploymentScale.scale(of: object))
        case .put:
            let options = try WriteOptions(query: query, kind: "UpdateOptions", userAgent: request.headers[.userAgent])
            let scale = try await body(request, options: options, type: type)
            result = try await operations.scale(namespace: path.namespace, name: name, precondition: scale[path: ["metadata", "resourceVersion"]]?.stringValue, options: options) { _ in scale }
        case .patch:
            let options = try WriteOptions(query: query, kind: "PatchOptions", userAgent: request.headers[.userAgent])
            let patchType = try patchType(request, type: type)
            guard patchType != .apply else {
                throw APIError.unsupportedMediaType(accepted: ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"])
            }
            let patch = try await body(request, options: options, type: type)
            let jsonPatch = patchType == .json ? try JSONPatch(patch) : nil
            result = try await operations.scale(namespace: path.namespace, name: name, precondition: patch[path: ["metadata", "resourceVersion"]]?.stringValue, options: options) { current throws(APIError) in
                switch patchType {
                case .json: try jsonPatch!.apply(to: current)
                case .strategicMerge: StrategicMergePatch.apply(patch, to: current)
                default: MergePatch.apply(patch, to: current)
                }
            }
        default:
            throw APIError.methodNotAllowed
        }
        return APIResponses.json(DeploymentScale.scale(of: result.object), warnings: result.warnings)
    }
}
