import KubeAPI

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

    init<R: KubeResource>(_ object: JSONValue, as type: R.Type, error: KubeError) {
        apiVersion = R.apiVersion
        kind = R.kind
        namespace = object[path: ["metadata", "namespace"]]?.stringValue
        name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        uid = object[path: ["metadata", "uid"]]?.stringValue
        resourceVersion = object[path: ["metadata", "resourceVersion"]]?.stringValue
        reason = error.description
    }

    public var description: String {
        "\(kind) \(namespace.map { "\($0)/" } ?? "")\(name) cannot be decoded: \(reason)"
    }
}

extension ResourceClient {
    /// Every page of the list, each object decoded on its own.
    public func listAllDecodingEach(_ options: ListOptions = ListOptions()) async throws(KubeError) -> ObjectList<Decoded<R>> {
        let list = try await dynamic.listAll(options)
        return ObjectList(items: list.items.map(Self.decodeEach), resourceVersion: list.resourceVersion, continueToken: list.continueToken)
    }

    /// Watches objects matching `options`, each object decoded on its own: one that cannot be
    /// decoded arrives as ``Decoded/undecodable(_:)`` and the stream goes on.
    public func watchDecodingEach(_ options: ListOptions = ListOptions(), timeout: Duration = .seconds(300), bookmarks: Bool = true) async throws(KubeError) -> WatchEventSequence<Decoded<R>> {
        try await dynamic.watch(options, timeout: timeout, bookmarks: bookmarks) { object throws(KubeError) in Self.decodeEach(object) }
    }

    static func decodeEach(_ object: JSONValue) -> Decoded<R> {
        do {
            return .object(try decode(object))
        } catch {
            return .undecodable(UndecodableObject(object, as: R.self, error: error))
        }
    }
}
