import AsyncHTTPClient
import KubeAPI
import NIOCore
import NIOHTTP1

/// Requests on one kind as unstructured JSON: works for any kind, built-in or custom.
public struct DynamicResourceClient: Sendable {
    public let client: KubeClient
    public let descriptor: ResourceDescriptor

    public init(client: KubeClient, descriptor: ResourceDescriptor) {
        self.client = client
        self.descriptor = descriptor
    }

    /// Reads one object.
    public func get(_ name: String, namespace: String?) async throws(KubeError) -> JSONValue {
        try await client.send(.GET, descriptor.path(namespace: namespace, name: name))
    }

    /// Lists objects (one page when `limit` is set; pass the returned `continue` to go on).
    public func list(namespace: String?, options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<JSONValue> {
        let list = try await client.send(.GET, descriptor.path(namespace: namespace), query: options.query)
        return ObjectList(
            items: list["items"]?.arrayValue ?? [],
            resourceVersion: list["metadata"]?["resourceVersion"]?.stringValue ?? "",
            continue: list["metadata"]?["continue"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// Lists every page.
    public func listAll(namespace: String?, options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<JSONValue> {
        var options = options
        var result = try await list(namespace: namespace, options: options)
        while let token = result.continue {
            options.continue = token
            let page = try await list(namespace: namespace, options: options)
            result = ObjectList(items: result.items + page.items, resourceVersion: page.resourceVersion, continue: page.continue)
        }
        return result
    }

    /// Creates `object`.
    public func create(_ object: JSONValue, namespace: String?, dryRun: Bool = false) async throws(KubeError) -> JSONValue {
        try await client.send(.POST, descriptor.path(namespace: namespace), query: dryRun ? [("dryRun", "All")] : [], body: object)
    }

    /// Replaces `object` (its `metadata.resourceVersion` makes the write conditional).
    public func replace(_ object: JSONValue, namespace: String?) async throws(KubeError) -> JSONValue {
        try await client.send(.PUT, descriptor.path(namespace: namespace, name: try Self.name(of: object)), body: object)
    }

    /// Replaces the status of `object` through the `/status` subresource.
    public func replaceStatus(_ object: JSONValue, namespace: String?) async throws(KubeError) -> JSONValue {
        try await client.send(.PUT, descriptor.path(namespace: namespace, name: try Self.name(of: object), subresource: "status"), body: object)
    }

    /// Applies a JSON merge patch (RFC 7386), to the object or to its `status`.
    public func mergePatch(_ name: String, namespace: String?, patch: JSONValue, subresource: String? = nil) async throws(KubeError) -> JSONValue {
        try await client.send(
            .PATCH, descriptor.path(namespace: namespace, name: name, subresource: subresource),
            body: patch, contentType: "application/merge-patch+json"
        )
    }

    /// Applies a JSON patch (RFC 6902); a failing `test` operation rejects the whole patch, which
    /// gives optimistic concurrency on exactly the fields tested.
    public func jsonPatch(_ name: String, namespace: String?, operations: [JSONPatchOperation], subresource: String? = nil) async throws(KubeError) -> JSONValue {
        try await client.send(
            .PATCH, descriptor.path(namespace: namespace, name: name, subresource: subresource),
            body: .array(operations.map(\.json)), contentType: "application/json-patch+json"
        )
    }

    /// Deletes an object; with `resourceVersion` or `uid` preconditions the delete only happens if
    /// the object is still that one.
    public func delete(_ name: String, namespace: String?, preconditions: DeletePreconditions? = nil) async throws(KubeError) {
        var body: JSONValue?
        if let preconditions {
            var conditions: [String: JSONValue] = [:]
            conditions["uid"] = preconditions.uid.map(JSONValue.string)
            conditions["resourceVersion"] = preconditions.resourceVersion.map(JSONValue.string)
            body = ["apiVersion": "v1", "kind": "DeleteOptions", "preconditions": .object(conditions)]
        }
        _ = try await client.send(.DELETE, descriptor.path(namespace: namespace, name: name), body: body)
    }

    /// Opens a watch from `resourceVersion` (`nil`: the current state first, as ADDED events).
    public func watch(namespace: String?, resourceVersion: String?, options: ListOptions = ListOptions(), timeoutSeconds: Int = 300) async throws(KubeError) -> WatchEvents {
        var query = options.query + [("watch", "true"), ("allowWatchBookmarks", "true"), ("timeoutSeconds", String(timeoutSeconds))]
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        let response = try await client.execute(.GET, descriptor.path(namespace: namespace), query: query, timeout: .seconds(timeoutSeconds + 30))
        guard (200..<300).contains(response.status.code) else {
            let body = (try? await response.body.collect(upTo: 1024 * 1024)) ?? .init()
            throw KubeClient.error(status: response.status, headers: response.headers, body: body)
        }
        return WatchEvents(body: response.body, maxLineBytes: 16 * 1024 * 1024)
    }

    private static func name(of object: JSONValue) throws(KubeError) -> String {
        guard let name = object["metadata"]?["name"]?.stringValue else { throw KubeError.configuration("object has no metadata.name") }
        return name
    }
}

/// Query options of list and watch.
public struct ListOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    public var limit: Int?
    public var `continue`: String?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continue: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continue = `continue`
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let limit { query.append(("limit", String(limit))) }
        if let token = self.continue { query.append(("continue", token)) }
        return query
    }
}

/// One page of a list.
public struct ObjectList<Object: Sendable>: Sendable {
    public var items: [Object]
    /// The collection's resourceVersion: watch from here to see every later change.
    public var resourceVersion: String
    /// The token of the next page, if any.
    public var `continue`: String?
}

/// Preconditions of a delete.
public struct DeletePreconditions: Sendable, Hashable {
    public var uid: String?
    public var resourceVersion: String?

    public init(uid: String? = nil, resourceVersion: String? = nil) {
        self.uid = uid
        self.resourceVersion = resourceVersion
    }
}

/// One RFC 6902 operation.
public struct JSONPatchOperation: Sendable, Hashable {
    public var op: String
    public var path: String
    public var value: JSONValue?

    public static func test(_ path: String, _ value: JSONValue) -> JSONPatchOperation { JSONPatchOperation(op: "test", path: path, value: value) }
    public static func add(_ path: String, _ value: JSONValue) -> JSONPatchOperation { JSONPatchOperation(op: "add", path: path, value: value) }
    public static func replace(_ path: String, _ value: JSONValue) -> JSONPatchOperation { JSONPatchOperation(op: "replace", path: path, value: value) }
    public static func remove(_ path: String) -> JSONPatchOperation { JSONPatchOperation(op: "remove", path: path, value: nil) }

    var json: JSONValue {
        var object: [String: JSONValue] = ["op": .string(op), "path": .string(path)]
        object["value"] = value
        return .object(object)
    }
}
