import Foundation
import KubeAPI
import NIOHTTP1

/// CRUD, `/status`, patches and watch for any resource type, over unstructured ``JSONValue``
/// objects.
public struct DynamicResourceClient: Sendable {
    let client: KubeClient
    public let resource: ResourceType
    /// The namespace for object calls; for list and watch `nil` means all namespaces.
    public let namespace: String?

    /// Watch lines longer than this fail the stream with ``KubeError/lineTooLong(limit:)``.
    public static let maxWatchLineLength = 16 * 1024 * 1024

    init(client: KubeClient, resource: ResourceType, namespace: String?) {
        self.client = client
        self.resource = resource
        self.namespace = namespace
    }

    private var objectNamespace: String { namespace ?? client.config.namespace }

    func path(_ name: String? = nil, namespace: String? = nil, subresource: String? = nil) -> String {
        resource.path(namespace: namespace ?? objectNamespace, name: name, subresource: subresource)
    }

    // MARK: Reads

    public func get(_ name: String) async throws(KubeError) -> JSONValue {
        try Self.parse(try await client.send(.GET, path(name)).body)
    }

    /// One page (or all, without `limit`) of the objects matching `options`.
    public func list(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<JSONValue> {
        let document = try Self.parse(try await client.send(.GET, resource.path(namespace: namespace), query: options.query).body)
        let items: [JSONValue] = (document["items"]?.arrayValue ?? []).map { item in
            var item = item
            if item["kind"] == nil, let listKind = document["kind"]?.stringValue, listKind.hasSuffix("List") {
                item["kind"] = .string(String(listKind.dropLast(4)))
            }
            if item["apiVersion"] == nil { item["apiVersion"] = document["apiVersion"] }
            return item
        }
        return ObjectList(
            items: items,
            resourceVersion: document[path: ["metadata", "resourceVersion"]]?.stringValue ?? "",
            continueToken: document[path: ["metadata", "continue"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// Every page of the list, following continue tokens.
    public func listAll(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<JSONValue> {
        try await ObjectList.allPages(options) { options throws(KubeError) in try await list(options) }
    }

    // MARK: Writes

    public func create(_ object: JSONValue, options: WriteOptions = WriteOptions()) async throws(KubeError) -> JSONValue {
        let target = resource.path(namespace: object[path: ["metadata", "namespace"]]?.stringValue ?? objectNamespace)
        return try Self.parse(try await client.send(.POST, target, query: options.query, body: object.jsonBytes).body)
    }

    /// PUT: the object's `metadata.resourceVersion` makes it conditional (409 when stale).
    public func replace(_ object: JSONValue, options: WriteOptions = WriteOptions()) async throws(KubeError) -> JSONValue {
        try await put(object, subresource: nil, options: options)
    }

    /// PUT on `/status`: only `status` is taken from `object`.
    public func replaceStatus(_ object: JSONValue, options: WriteOptions = WriteOptions()) async throws(KubeError) -> JSONValue {
        try await put(object, subresource: "status", options: options)
    }

    private func put(_ object: JSONValue, subresource: String?, options: WriteOptions) async throws(KubeError) -> JSONValue {
        guard let name = object[path: ["metadata", "name"]]?.stringValue else { throw KubeError.configuration("object has no metadata.name") }
        let target = path(name, namespace: object[path: ["metadata", "namespace"]]?.stringValue, subresource: subresource)
        return try Self.parse(try await client.send(.PUT, target, query: options.query, body: object.jsonBytes).body)
    }

    /// JSON merge patch (RFC 7386) of the object or (`status: true`) its `/status`.
    public func mergePatch(_ name: String, _ patch: JSONValue, status: Bool = false, options: WriteOptions = WriteOptions()) async throws(KubeError) -> JSONValue {
        try Self.parse(try await client.send(
            .PATCH, path(name, subresource: status ? "status" : nil), query: options.query, body: patch.jsonBytes,
            contentType: "application/merge-patch+json"
        ).body)
    }

    /// JSON patch (RFC 6902); include a ``JSONPatchOperation/test(path:value:)`` for optimistic
    /// concurrency.
    public func jsonPatch(_ name: String, _ operations: [JSONPatchOperation], status: Bool = false, options: WriteOptions = WriteOptions()) async throws(KubeError) -> JSONValue {
        try Self.parse(try await client.send(
            .PATCH, path(name, subresource: status ? "status" : nil), query: options.query, body: JSONValue.array(operations.map(\.json)).jsonBytes,
            contentType: "application/json-patch+json"
        ).body)
    }

    public func delete(_ name: String, options: DeleteOptions = DeleteOptions()) async throws(KubeError) -> DeletionOutcome<JSONValue> {
        var body: [String: JSONValue] = ["kind": "DeleteOptions", "apiVersion": "v1"]
        var preconditions: [String: JSONValue] = [:]
        preconditions["uid"] = options.uid.map(JSONValue.string)
        preconditions["resourceVersion"] = options.resourceVersion.map(JSONValue.string)
        if !preconditions.isEmpty { body["preconditions"] = .object(preconditions) }
        body["propagationPolicy"] = options.propagationPolicy.map(JSONValue.string)
        if options.dryRun { body["dryRun"] = ["All"] }
        let answer = try Self.parse(try await client.send(.DELETE, path(name), body: JSONValue.object(body).jsonBytes).body)
        return answer["kind"]?.stringValue == "Status" ? .deleted : .pending(answer)
    }

    // MARK: Watch

    /// Watches objects matching `options`. Without `options.resourceVersion` the current objects
    /// arrive first as `added`. The server ends the stream after `timeout`.
    public func watch(_ options: ListOptions = ListOptions(), timeout: Duration = .seconds(300), bookmarks: Bool = true) async throws(KubeError) -> WatchEventSequence<JSONValue> {
        try await watch(options, timeout: timeout, bookmarks: bookmarks) { object throws(KubeError) in object }
    }

    func watch<Object>(
        _ options: ListOptions, timeout: Duration, bookmarks: Bool, decode: @escaping @Sendable (JSONValue) throws(KubeError) -> Object
    ) async throws(KubeError) -> WatchEventSequence<Object> {
        try await watch(options, timeout: timeout, bookmarks: bookmarks) { line throws(KubeError) in try WatchEventSequence.event(from: line, decode: decode) }
    }

    func watch<Object>(
        _ options: ListOptions, timeout: Duration, bookmarks: Bool, decodeLine: @escaping @Sendable ([UInt8]) throws(KubeError) -> WatchEvent<Object>
    ) async throws(KubeError) -> WatchEventSequence<Object> {
        var query = options.query.filter { $0.0 != "limit" && $0.0 != "continue" }
        query.append(("watch", "true"))
        query.append(("timeoutSeconds", String(timeout.components.seconds)))
        if bookmarks { query.append(("allowWatchBookmarks", "true")) }
        let body = try await client.stream(resource.path(namespace: namespace), query: query, timeout: timeout + .seconds(30))
        return WatchEventSequence(body: body, maxLineLength: Self.maxWatchLineLength, decodeLine: decodeLine)
    }

    static func parse(_ bytes: [UInt8]) throws(KubeError) -> JSONValue {
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw KubeError.decoding("response is not JSON: \(error)")
        }
    }
}
