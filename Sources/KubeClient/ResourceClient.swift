import Foundation
import KubeAPI
import NIOHTTP1

/// CRUD, `/status`, patches and watch for one typed kind `R`. Objects are encoded straight to the
/// bytes sent, and answers, lists and watch events decoded straight from the bytes received (no
/// intermediate ``JSONValue``).
public struct ResourceClient<R: KubeResource>: Sendable {
    /// The untyped client underneath, for calls that need raw JSON.
    public let dynamic: DynamicResourceClient

    init(client: KubeClient, resource: ResourceType = ResourceType(R.self), namespace: String?) {
        dynamic = DynamicResourceClient(client: client, resource: resource, namespace: namespace)
    }

    private var http: KubeClient { dynamic.client }

    public func get(_ name: String) async throws(KubeError) -> R {
        try Self.decode(bytes: try await http.send(.GET, dynamic.path(name)).body)
    }

    public func list(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<R> {
        try Self.strict(try await listDecodingEach(options))
    }

    /// Every page of the list, following continue tokens.
    public func listAll(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<R> {
        try Self.strict(try await listAllDecodingEach(options))
    }

    public func create(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        let target = dynamic.resource.path(namespace: object.metadata.namespace ?? dynamic.namespace ?? http.config.namespace)
        return try Self.decode(bytes: try await http.send(.POST, target, query: options.query, body: try Self.encode(object)).body)
    }

    /// PUT; conditional on `object.metadata.resourceVersion` (409 ``KubeError/conflict(_:)`` when stale).
    public func replace(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try await put(object, subresource: nil, options: options)
    }

    /// PUT on `/status`: only the status of `object` is written.
    public func replaceStatus(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try await put(object, subresource: "status", options: options)
    }

    /// PUT on `/status` for a caller that does not read the answer: it is not decoded.
    public func writeStatus(_ object: R, options: WriteOptions = WriteOptions()) async throws(KubeError) {
        _ = try await putReturningBytes(object, subresource: "status", options: options)
    }

    private func put(_ object: R, subresource: String?, options: WriteOptions) async throws(KubeError) -> R {
        try Self.decode(bytes: try await putReturningBytes(object, subresource: subresource, options: options))
    }

    private func putReturningBytes(_ object: R, subresource: String?, options: WriteOptions) async throws(KubeError) -> [UInt8] {
        guard let name = object.metadata.name else { throw KubeError.configuration("object has no metadata.name") }
        let target = dynamic.path(name, namespace: object.metadata.namespace, subresource: subresource)
        return try await http.send(.PUT, target, query: options.query, body: try Self.encode(object)).body
    }

    public func mergePatch(_ name: String, _ patch: JSONValue, status: Bool = false, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(bytes: try await http.send(
            .PATCH, dynamic.path(name, subresource: status ? "status" : nil), query: options.query, body: patch.jsonBytes,
            contentType: "application/merge-patch+json"
        ).body)
    }

    public func jsonPatch(_ name: String, _ operations: [JSONPatchOperation], status: Bool = false, options: WriteOptions = WriteOptions()) async throws(KubeError) -> R {
        try Self.decode(bytes: try await http.send(
            .PATCH, dynamic.path(name, subresource: status ? "status" : nil), query: options.query, body: JSONValue.array(operations.map(\.json)).jsonBytes,
            contentType: "application/json-patch+json"
        ).body)
    }

    public func delete(_ name: String, options: DeleteOptions = DeleteOptions()) async throws(KubeError) -> DeletionOutcome<R> {
        switch try await dynamic.delete(name, options: options) {
        case .deleted: .deleted
        case .pending(let object): .pending(try Self.decode(object))
        }
    }

    /// Watches objects matching `options`; see ``DynamicResourceClient/watch(_:timeout:bookmarks:)``.
    /// An object that cannot be decoded fails the stream (see ``watchDecodingEach(_:timeout:bookmarks:)``).
    public func watch(_ options: ListOptions = ListOptions(), timeout: Duration = .seconds(300), bookmarks: Bool = true) async throws(KubeError) -> WatchEventSequence<R> {
        try await dynamic.watch(options, timeout: timeout, bookmarks: bookmarks) { line throws(KubeError) in
            switch try WatchLine<R>.event(from: line) {
            case .added(.object(let object)): return .added(object)
            case .modified(.object(let object)): return .modified(object)
            case .deleted(.object(let object)): return .deleted(object)
            case .bookmark(let version): return .bookmark(resourceVersion: version)
            case .added(.undecodable(let object)), .modified(.undecodable(let object)), .deleted(.undecodable(let object)):
                throw KubeError.decoding(object.reason)
            }
        }
    }

    // MARK: Coding

    static func decode(bytes: [UInt8]) throws(KubeError) -> R {
        do {
            return try JSONValueDecoder().decode(R.self, from: bytes)
        } catch {
            throw KubeError.decoding("cannot decode \(R.kind): \(error)")
        }
    }

    static func decode(_ object: JSONValue) throws(KubeError) -> R {
        do {
            return try JSONValueDecoder().decode(R.self, from: object)
        } catch {
            throw KubeError.decoding("cannot decode \(R.kind): \(error)")
        }
    }

    /// The list with every item decoded, or the first item that did not decode as the error.
    static func strict(_ list: ObjectList<Decoded<R>>) throws(KubeError) -> ObjectList<R> {
        var items: [R] = []
        for item in list.items {
            switch item {
            case .object(let object): items.append(object)
            case .undecodable(let object): throw KubeError.decoding(object.reason)
            }
        }
        return ObjectList(items: items, resourceVersion: list.resourceVersion, continueToken: list.continueToken)
    }

    /// The object's JSON with `apiVersion` and `kind` set from the type.
    static func encode(_ object: R) throws(KubeError) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(TypedObject(object: object)))
        } catch {
            throw KubeError.decoding("cannot encode \(R.kind): \(error)")
        }
    }
}

/// An object as the API server wants it written: its own encoding, with the `apiVersion` and
/// `kind` of its type (a typed resource leaves them out).
struct TypedObject<R: KubeResource>: Encodable {
    let object: R

    enum CodingKeys: String, CodingKey { case apiVersion, kind }

    func encode(to encoder: any Encoder) throws {
        try object.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(R.apiVersion, forKey: .apiVersion)
        try container.encode(R.kind, forKey: .kind)
    }
}
