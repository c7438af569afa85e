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

    init<R: KubeResource>(_ identity: ObjectIdentity, as type: R.Type, reason: String) {
        apiVersion = R.apiVersion
        kind = R.kind
        namespace = identity.metadata?.namespace
        name = identity.metadata?.name ?? ""
        uid = identity.metadata?.uid
        resourceVersion = identity.metadata?.resourceVersion
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
        let page: ListPage<R>
        do {
            page = try JSONDecoder().decode(ListPage<R>.self, from: Data(bytes))
        } catch {
            throw KubeError.decoding("cannot decode \(R.kind) list: \(error)")
        }
        return ObjectList(
            items: page.items.map(\.decoded),
            resourceVersion: page.metadata?.resourceVersion ?? "",
            continueToken: page.metadata?.continue.flatMap { $0.isEmpty ? nil : $0 }
        )
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

/// One object of a list or watch, decoded as `R` or, failing that, reported as undecodable. A
/// list leaves its items' `apiVersion` and `kind` out: they read as `R`'s.
struct LenientObject<R: KubeResource>: Decodable {
    let decoded: Decoded<R>

    init(from decoder: any Decoder) throws {
        do {
            decoded = .object(try R(from: KindDefaultingDecoder<R>(base: decoder)))
        } catch {
            let reason = KubeError.decoding("cannot decode \(R.kind): \(error)").description
            decoded = .undecodable(UndecodableObject(try ObjectIdentity(from: decoder), as: R.self, reason: reason))
        }
    }
}

/// One page of a list decoded straight from its bytes: `{"metadata": …, "items": […]}`.
struct ListPage<R: KubeResource>: Decodable {
    struct Metadata: Decodable {
        var resourceVersion: String?
        var `continue`: String?
    }

    var metadata: Metadata?
    var items: [LenientObject<R>]

    enum CodingKeys: String, CodingKey { case metadata, items }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decodeIfPresent(Metadata.self, forKey: .metadata)
        items = try container.decodeIfPresent([LenientObject<R>].self, forKey: .items) ?? []
    }
}

/// Just who an object is, read leniently (each field on its own), for reporting one that does not
/// decode.
struct ObjectIdentity: Decodable {
    struct Metadata: Decodable {
        var name: String?
        var namespace: String?
        var uid: String?
        var resourceVersion: String?

        enum CodingKeys: String, CodingKey { case name, namespace, uid, resourceVersion }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try? container.decode(String.self, forKey: .name)
            namespace = try? container.decode(String.self, forKey: .namespace)
            uid = try? container.decode(String.self, forKey: .uid)
            resourceVersion = try? container.decode(String.self, forKey: .resourceVersion)
        }
    }

    var metadata: Metadata?

    enum CodingKeys: String, CodingKey { case metadata }

    init(from decoder: any Decoder) throws {
        metadata = try? decoder.container(keyedBy: CodingKeys.self).decode(Metadata.self, forKey: .metadata)
    }
}

/// One line of a watch stream decoded straight from its bytes: `{"type": …, "object": …}`.
struct WatchLine<R: KubeResource>: Decodable {
    enum Content {
        case event(WatchEvent<Decoded<R>>)
        case error(Status)
    }

    let content: Content

    enum CodingKeys: String, CodingKey { case type, object }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func object() throws -> Decoded<R> { try container.decode(LenientObject<R>.self, forKey: .object).decoded }
        switch type {
        case "ADDED": content = .event(.added(try object()))
        case "MODIFIED": content = .event(.modified(try object()))
        case "DELETED": content = .event(.deleted(try object()))
        case "BOOKMARK":
            content = .event(.bookmark(resourceVersion: try container.decode(ObjectIdentity.self, forKey: .object).metadata?.resourceVersion ?? ""))
        case "ERROR":
            content = .error((try? container.decode(Status.self, forKey: .object)) ?? Status(message: "watch error without a Status", reason: nil, code: 500))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown watch event type \(type)")
        }
    }

    /// The event on `line`; a server `ERROR` is thrown as ``KubeError``.
    static func event(from line: [UInt8]) throws(KubeError) -> WatchEvent<Decoded<R>> {
        let decoded: WatchLine<R>
        do {
            decoded = try JSONDecoder().decode(WatchLine<R>.self, from: Data(line))
        } catch {
            throw KubeError.decoding("watch event cannot be decoded: \(error)")
        }
        switch decoded.content {
        case .event(let event): return event
        case .error(let status): throw KubeError(code: status.code ?? 500, status: status)
        }
    }
}
