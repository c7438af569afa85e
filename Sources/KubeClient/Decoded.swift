import Foundation
import KubeAPI
import NIOHTTP1

/// An object of a list or watch that could (or could not) be decoded as `R`. A cluster can hold
/// objects a client cannot read (written under an older schema, or by a lenient server); list and
/// watch report them one by one instead of failing for every object.
public enum Decoded<R: KubeResource>: Sendable {
    case object(R)
    case undecodable(UndecodableObject)
}

/// An object that did not decode: who it is, and why.
public struct UndecodableObject: Sendable, Hashable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String
    public var uid: String?
    public var resourceVersion: String?
    /// What did not decode, as a sentence.
    public var reason: String

    /// Who `object` is, read leniently (each field on its own).
    init<R: KubeResource>(_ object: JSONValue, as type: R.Type, reason: String) {
        apiVersion = R.apiVersion
        kind = R.kind
        namespace = object[path: ["metadata", "namespace"]]?.stringValue
        name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        uid = object[path: ["metadata", "uid"]]?.stringValue
        resourceVersion = object[path: ["metadata", "resourceVersion"]]?.stringValue
        self.reason = reason
    }

    public var description: String {
        "\(kind) \(namespace.map { "\($0)/" } ?? "")\(name) cannot be decoded: \(reason)"
    }
}

extension ResourceClient {
    /// One page (or all, without `limit`) of the list, each object decoded on its own, straight
    /// from the bytes received.
    public func listDecodingEach(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<Decoded<R>> {
        let bytes = try await dynamic.client.send(.GET, dynamic.resource.path(namespace: dynamic.namespace), query: options.query).body
        return try ObjectList(decodingEach: bytes)
    }

    /// Every page of the list, each object decoded on its own.
    public func listAllDecodingEach(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<Decoded<R>> {
        try await ObjectList.allPages(options) { options throws(KubeError) in try await listDecodingEach(options) }
    }

    /// Watches objects matching `options`, each object decoded on its own: one that cannot be
    /// decoded arrives as ``Decoded/undecodable(_:)`` and the stream goes on.
    public func watchDecodingEach(_ options: ListOptions = ListOptions(), timeout: Duration = .seconds(300), bookmarks: Bool = true) async throws(KubeError) -> WatchEventSequence<Decoded<R>> {
        try await dynamic.watch(options, timeout: timeout, bookmarks: bookmarks) { line throws(KubeError) in try WatchLine<R>.event(from: line) }
    }
}

extension ObjectList {
    /// One page of a list, `{"metadata": …, "items": […]}`, each item decoded on its own.
    init<R>(decodingEach bytes: [UInt8]) throws(KubeError) where Object == Decoded<R> {
        guard case .object(var members) = try DynamicResourceClient.parse(bytes) else {
            throw KubeError.decoding("cannot decode \(R.kind) list: not a JSON object")
        }
        let items = members.removeValue(forKey: "items")?.arrayValue ?? []
        let metadata = members["metadata"]
        self.init(
            items: items.map { Decoded(listItem: $0) },
            resourceVersion: metadata?["resourceVersion"]?.stringValue ?? "",
            continueToken: metadata?["continue"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        )
    }
}

extension Decoded {
    /// `object` decoded as `R` or, failing that, reported as undecodable.
    init(_ object: JSONValue) {
        do {
            self = .object(try JSONValueDecoder().decode(R.self, from: object))
        } catch {
            self = .undecodable(UndecodableObject(object, as: R.self, reason: KubeError.decoding("cannot decode \(R.kind): \(error)").description))
        }
    }

    /// An item of a list: the server leaves out its `apiVersion` and `kind` (the list's, less
    /// `List`); they read as `R`'s.
    init(listItem: JSONValue) {
        var item = listItem
        if case .object(let members) = item, members["apiVersion"] == nil || members["kind"] == nil {
            if members["apiVersion"] == nil { item["apiVersion"] = .string(R.apiVersion) }
            if members["kind"] == nil { item["kind"] = .string(R.kind) }
        }
        self.init(item)
    }
}

/// One line of a watch stream: `{"type": …, "object": …}`.
enum WatchLine<R: KubeResource> {
    /// The event on `line`; a server `ERROR` is thrown as ``KubeError``.
    static func event(from line: [UInt8]) throws(KubeError) -> WatchEvent<Decoded<R>> {
        let envelope: JSONValue
        do {
            envelope = try JSONParser().parse(line)
        } catch {
            throw KubeError.decoding("watch event cannot be decoded: \(error)")
        }
        guard let type = envelope["type"]?.stringValue else { throw KubeError.decoding("watch event cannot be decoded: no type") }
        let object = envelope["object"]
        func decoded() throws(KubeError) -> Decoded<R> {
            guard let object else { throw KubeError.decoding("watch event cannot be decoded: no object") }
            return Decoded(object)
        }
        switch type {
        case "ADDED": return .added(try decoded())
        case "MODIFIED": return .modified(try decoded())
        case "DELETED": return .deleted(try decoded())
        case "BOOKMARK": return .bookmark(resourceVersion: object?[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")
        case "ERROR":
            let status = object.flatMap { try? JSONValueDecoder().decode(Status.self, from: $0) } ?? Status(message: "watch error without a Status", reason: nil, code: 500)
            throw KubeError(code: status.code ?? 500, status: status)
        default:
            throw KubeError.decoding("watch event cannot be decoded: unknown watch event type \(type)")
        }
    }
}
