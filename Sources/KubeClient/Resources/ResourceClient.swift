import Foundation
import KubeAPI

/// Typed requests on one kind: the dynamic client plus Codable conversion.
public struct ResourceClient<R: KubeResource>: Sendable {
    public let dynamic: DynamicResourceClient

    public init(client: KubeClient) {
        dynamic = DynamicResourceClient(client: client, descriptor: ResourceDescriptor(R.self))
    }

    public func get(_ name: String, namespace: String?) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.get(name, namespace: namespace))
    }

    public func list(namespace: String?, options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<R> {
        let list = try await dynamic.listAll(namespace: namespace, options: options)
        return ObjectList(items: try list.items.map { object throws(KubeError) in try Self.decode(object) }, resourceVersion: list.resourceVersion, continue: nil)
    }

    public func create(_ object: R, namespace: String?) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.create(try Self.encode(object), namespace: namespace))
    }

    public func replace(_ object: R) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.replace(try Self.encode(object), namespace: object.metadata.namespace))
    }

    public func replaceStatus(_ object: R) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.replaceStatus(try Self.encode(object), namespace: object.metadata.namespace))
    }

    public func mergePatch(_ name: String, namespace: String?, patch: JSONValue, subresource: String? = nil) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.mergePatch(name, namespace: namespace, patch: patch, subresource: subresource))
    }

    public func jsonPatch(_ name: String, namespace: String?, operations: [JSONPatchOperation], subresource: String? = nil) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.jsonPatch(name, namespace: namespace, operations: operations, subresource: subresource))
    }

    public func delete(_ name: String, namespace: String?, preconditions: DeletePreconditions? = nil) async throws(KubeError) {
        try await dynamic.delete(name, namespace: namespace, preconditions: preconditions)
    }

    /// Decodes an object of this kind.
    public static func decode(_ object: JSONValue) throws(KubeError) -> R {
        do {
            return try JSONDecoder().decode(R.self, from: Data(object.jsonBytes))
        } catch {
            throw KubeError.decoding("\(R.kind): \(error)")
        }
    }

    /// Encodes an object of this kind.
    public static func encode(_ object: R) throws(KubeError) -> JSONValue {
        do {
            return try JSONParser().parse(String(decoding: try JSONEncoder().encode(object), as: UTF8.self))
        } catch {
            throw KubeError.decoding("\(R.kind): \(error)")
        }
    }
}

extension KubeClient {
    /// Typed access to `R`.
    public func resources<R: KubeResource>(_ type: R.Type) -> ResourceClient<R> {
        ResourceClient(client: self)
    }

    /// Unstructured access to the kind `descriptor` names.
    public func resources(_ descriptor: ResourceDescriptor) -> DynamicResourceClient {
        DynamicResourceClient(client: self, descriptor: descriptor)
    }
}
