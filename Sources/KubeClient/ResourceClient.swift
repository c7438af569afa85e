import Foundation
import KubeAPI

/// CRUD, `/status`, patches and watch for one typed kind `R`.
public struct ResourceClient<R: KubeResource>: Sendable {
    /// The untyped client underneath, for calls that need raw JSON.
    public let dynamic: DynamicResourceClient

    init(client: KubeClient, namespace: String?) {
        dynamic = DynamicResourceClient(client: client, resource: ResourceType(R.self), namespace: namespace)
    }

    public func get(_ name: String) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.get(name))
    }

    public func list(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<R> {
        try Self.decode(try await dynamic.list(options))
    }

    /// Every page of the list, following continue tokens.
    public func listAll(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<R> {
        try Self.decode(try await dynamic.listAll(options))
    }

    public func create(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.create(try Self.encode(object), options: options))
    }

    /// PUT; conditional on `object.metadata.resourceVersion` (409 ``KubeError/conflict(_:)`` when stale).
    public func replace(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.replace(try Self.encode(object), options: options))
    }

    /// PUT on `/status`: only the status of `object` is written.
    public func replaceStatus(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.replaceStatus(try Self.encode(object), options: options))
    }

    public func mergePatch(_ name: String, _ patch: JSONValue, status: Bool = false, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.mergePatch(name, patch, status: status, options: options))
    }

    public func jsonPatch(_ name: String, _ operations: [JSONPatchOperation], status: Bool = false, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(try await dynamic.jsonPatch(name, operations, status: status, options: options))
    }

    public func delete(_ name: String, options: DeleteOptions = DeleteOptions()) async throws(KubeError) -> DeletionOutcome<R> {
        switch try await dynamic.delete(name, options: options) {
        case .deleted: .deleted
        case .pending(let object): .pending(try Self.decode(object))
        }
    }

    /// Watches objects matching `options`; see ``DynamicResourceClient/watch(_:timeout:bookmarks:)``.
    public func watch(_ options: ListOptions = ListOptions(), timeout: Duration = .seconds(300), bookmarks: Bool = true) async throws(KubeError) -> WatchEventSequence<R> {
        try await dynamic.watch(options, timeout: timeout, bookmarks: bookmarks) { object throws(KubeError) in try Self.decode(object) }
    }

    // MARK: Coding

    static func decode(_ object: JSONValue) throws(KubeError) -> R {
        do {
            return try JSONDecoder().decode(R.self, from: Data(object.jsonBytes))
        } catch {
            throw KubeError.decoding("cannot decode \(R.kind): \(error)")
        }
    }

    static func decode(_ list: ObjectList<JSONValue>) throws(KubeError) -> ObjectList<R> {
        var items: [R] = []
        for item in list.items { items.append(try decode(item)) }
        return ObjectList(items: items, resourceVersion: list.resourceVersion, continueToken: list.continueToken)
    }

    static func encode(_ object: R) throws(KubeError) -> JSONValue {
        do {
            var json = try JSONParser().parse(Array(try JSONEncoder().encode(object)))
            json["apiVersion"] = .string(R.apiVersion)
            json["kind"] = .string(R.kind)
            return json
        } catch {
            throw KubeError.decoding("cannot encode \(R.kind): \(error)")
        }
    }
}
