import Foundation
import Hummingbird
import KubeAPI

/// One request on a resource collection, object or `/status`: decodes the body and query,
/// applies the verb and encodes the answer (JSON, or a Table when the client asks for one).
struct ResourceEndpoint: Sendable {
    let store: ObjectStore
    let path: APIRoute.ResourcePath
    let resources: [ServedResource]
    /// The caller, for admission policies, reviews and token requests.
    let user: UserInfo
    let tokens: ServiceAccountTokens
    /// How often an idle watch with `allowWatchBookmarks=true` gets a BOOKMARK.
    let bookmarkInterval: Duration
    /// Registers what to do when the client's connection closes (end its watches).
    let onConnectionClose: WatchStream.ConnectionCloseHook?

    /// Without a timeoutSeconds, watches end after this long; clients then re-watch.
    static let defaultWatchTimeout: Duration = .seconds(1800)

    func respond(to request: Request) async throws -> Response {
        guard let type = resources.first(where: { $0.group == path.group && $0.version == path.version && $0.plural == path.resource }) else {
            throw APIError.pageNotFound
        }
        if !type.namespaced, path.namespace != nil { throw APIError.pageNotFound }
        if type.namespaced, path.namespace == nil, path.name != nil || request.method != .get { throw APIError.pageNotFound }
        if let answer = try await identityRequest(request, type: type) { return answer }
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { _, last in last })
        if let answer = try await scaleRequest(request, query: query, type: type) { return answer }
        if let subresource = path.subresource, subresource != "status" || !type.statusSubresource { throw APIError.pageNotFound }
        var operations = ResourceOperations(store: store, type: type)
        operations.requester = user
        let isStatus = path.subresource == "status"
        switch (request.method, path.name) {
        case (.get, let name?):
            guard let object = await store.object(type.groupResource, namespace: path.namespace, name: name) else {
                throw APIError.notFound(type.groupResource, name: name)
            }
            if let table = tableConverter(request, query: query, type: type) {
                return APIResponses.json(table.table([object], resourceVersion: object[path: ["metadata", "resourceVersion"]]?.stringValue))
            }
            return APIResponses.json(object)
        case (.get, nil):
            if ["true", "True", "1"].contains(query["watch"] ?? "") { return try await watch(request, query: query, type: type) }
            return try await list(request, query: query, type: type)
        case (.post, nil):
            let options = try WriteOptions(query: query, kind: "CreateOptions", userAgent: request.headers[.userAgent])
            let result = try await operations.create(try await body(request, options: options, type: type), namespace: path.namespace, options: options)
            return APIResponses.json(result.object, status: .created, warnings: result.warnings)
        case (.put, let name?):
            let options = try WriteOptions(query: query, kind: "UpdateOptions", userAgent: request.headers[.userAgent])
            let result = try await operations.update(try await body(request, options: options, type: type), namespace: path.namespace, name: name, status: isStatus, options: options)
            return APIResponses.json(result.object, warnings: result.warnings)
        case (.patch, let name?):
            let options = try WriteOptions(query: query, kind: "PatchOptions", userAgent: request.headers[.userAgent])
            let patchType = try patchType(request, type: type)
            if patchType == .apply {
                let applied = try await operations.apply(try await body(request, options: options, type: type), namespace: path.namespace, name: name, status: isStatus, options: options)
                return APIResponses.json(applied.result.object, status: applied.created ? .created : .ok, warnings: applied.result.warnings)
            }
            if options.force != nil {
                throw APIError(Status.invalid(kind: "PatchOptions", group: "meta.k8s.io", name: "", errors: [
                    .forbidden(FieldPath("force"), "may not be specified for non-apply patch"),
                ]))
            }
            let result = try await operations.patch(try await body(request, options: options, type: type), as: patchType, namespace: path.namespace, name: name, status: isStatus, options: options)
            return APIResponses.json(result.object, warnings: result.warnings)
        case (.delete, let name?):
            guard !isStatus else { throw APIError.methodNotAllowed }
            _ = try Self.integer(query, "gracePeriodSeconds", in: 0...Int64.max)
            let raw = Array(buffer: try await request.body.collect(upTo: Self.maxBody))
            var options = raw.isEmpty ? nil : try? Self.isProtobuf(request) ? KubernetesProtobuf.decode(raw) : JSONParser(maxDepth: Self.maxDepth).parse(raw)
            if let policy = query["propagationPolicy"], options?["propagationPolicy"] == nil {
                var merged = options ?? [:]
                merged["propagationPolicy"] = .string(policy)
                options = merged
            }
            let result = try await operations.delete(namespace: path.namespace, name: name, options: options, dryRun: query["dryRun"] == "All")
            return APIResponses.json(result.object, warnings: result.warnings)
        case (.delete, nil):
            let filter = try ObjectFilter(query: query, type: type)
            let items = await store.list(type.groupResource, namespace: path.namespace).items.filter(filter.matches)
            for item in items {
                _ = try? await operations.delete(
                    namespace: item[path: ["metadata", "namespace"]]?.stringValue, name: item[path: ["metadata", "name"]]?.stringValue ?? "",
                    options: nil, dryRun: query["dryRun"] == "All"
                )
            }
            return APIResponses.json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success"])
        default:
            throw APIError.methodNotAllowed
        }
    }

    private static let maxBody = APIServer.maxBodySize
    /// Nesting limit for request bodies: deep enough for any manifest, shallow enough that the
    /// recursive parsers and validators stay well within a task's stack.
    static let maxDepth = 200

    // MARK: Reads

    private func list(_ request: Request, query: [String: String], type: ServedResource) async throws -> Response {
        let filter = try ObjectFilter(query: query, type: type)
        let parameters = try ListParameters(query: query)
        let snapshot = await store.list(type.groupResource, namespace: path.namespace)
        try await parameters.check(current: snapshot.resourceVersion) { [store] version in await store.retains(since: version) }
        var items = snapshot.items.filter { filter.matches($0) && parameters.includes($0) }
        var metadata: [String: JSONValue] = ["resourceVersion": .string(String(snapshot.resourceVersion))]
        if let limit = try Self.integer(query, "limit", in: Int64.min...Int64.max).map(Int.init), limit > 0, items.count > limit {
            metadata["remainingItemCount"] = .integer(Int64(items.count - limit))
            items = Array(items.prefix(limit))
            metadata["continue"] = .string(ListParameters.token(after: items[limit - 1], resourceVersion: snapshot.resourceVersion))
        }
        if let table = tableConverter(request, query: query, type: type) {
            var document = table.table(items, resourceVersion: String(snapshot.resourceVersion))
            document["metadata"] = .object(metadata)
            return APIResponses.json(document)
        }
        return APIResponses.json([
            "apiVersion": .string(type.apiVersion), "kind": .string(type.kind + "List"), "metadata": .object(metadata), "items": .array(items),
        ])
    }

    private func watch(_ request: Request, query: [String: String], type: ServedResource) async throws -> Response {
        if query["sendInitialEvents"] != nil {
            throw APIError.badRequest("sendInitialEvents is not supported; list, then watch from the list's resourceVersion")
        }
        let filter = try ObjectFilter(query: query, type: type)
        var since: Int64?
        if let version = query["resourceVersion"], !version.isEmpty, version != "0" {
            guard let number = Int64(version), number >= 0 else { throw APIError.badRequest("invalid resourceVersion: \(version)") }
            since = number
        }
        let timeout = try Self.integer(query, "timeoutSeconds", in: 0...Self.maxTimeoutSeconds).map { Duration.seconds($0) } ?? Self.defaultWatchTimeout
        let stream = WatchStream(
            type: type, filter: filter, table: tableConverter(request, query: query, type: type), timeout: timeout,
            bookmarks: query["allowWatchBookmarks"] == "true", bookmarkInterval: bookmarkInterval, store: store
        )
        let headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-cache, private"]
        let subscription: ObjectStore.Subscription
        do {
            subscription = try await store.watch(type.groupResource, namespace: path.namespace, since: since)
        } catch {
            guard error.status.reason == "Expired" else { throw error }
            return Response(status: .ok, headers: headers, body: WatchStream.error(error))
        }
        return Response(status: .ok, headers: headers, body: stream.body(subscription, onConnectionClose: onConnectionClose))
    }

    /// The largest `timeoutSeconds` accepted (as kube-apiserver, an int32 number of seconds).
    static let maxTimeoutSeconds: Int64 = Int64(Int32.max)

    /// An integer query parameter, `nil` when absent; `400 BadRequest` when it is not an integer
    /// in `range`.
    static func integer(_ query: [String: String], _ name: String, in range: ClosedRange<Int64>) throws(APIError) -> Int64? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw APIError.badRequest("\(name): Invalid value: \(GoFormat.quote(text)): must be an integer between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    private func tableConverter(_ request: Request, query: [String: String], type: ServedResource) -> TableConverter? {
        guard let accept = request.headers[.accept], accept.contains("as=Table") else { return nil }
        return TableConverter(for: type, rowObject: TableConverter.RowObject(rawValue: query["includeObject"] ?? "") ?? .metadata)
    }

    // MARK: Bodies

    func body(_ request: Request, options: WriteOptions, type: ServedResource) async throws(APIError) -> JSONValue {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxBody)
        } catch {
            throw APIError(code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is \(Self.maxBody)")
        }
        let bytes = Array(buffer: buffer)
        let contentType = request.headers[.contentType] ?? "application/json"
        if Self.isProtobuf(request) {
            do {
                return try KubernetesProtobuf.decode(bytes)
            } catch {
                switch error {
                case .unsupportedKind:
                    let readsProtobuf = KubernetesProtobuf.Message.objects[type.kind] != nil
                    throw APIError.unsupportedMediaType(accepted: ["application/json", "application/yaml"] + (readsProtobuf ? [KubernetesProtobuf.mediaType] : []))
                case .malformed(let problem):
                    throw APIError.badRequest("the body of the request is not a \(type.kind) in protobuf: \(problem)")
                }
            }
        }
        // YAML bodies that are JSON documents (kubectl, Helm and client libraries send apply
        // patches that way) are read as JSON, which keeps integers exact.
        let isJSONDocument = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
        if contentType.contains("yaml"), !isJSONDocument {
            do {
                guard let document = try YAMLDocuments.load(String(decoding: bytes, as: UTF8.self)).first else {
                    throw APIError.badRequest("the request body is empty")
                }
                guard Self.depth(of: document) <= Self.maxDepth else {
                    throw APIError.badRequest("error converting YAML to JSON: exceeded max depth of \(Self.maxDepth)")
                }
                return document
            } catch let error as YAMLLoadError {
                throw APIError.badRequest("error converting YAML to JSON: \(error)")
            } catch {
                throw APIError.badRequest("the request body is empty")
            }
        }
        do {
            return try JSONParser(maxDepth: Self.maxDepth, duplicateKeys: options.fieldValidation == .strict ? .reject : .lastWins).parse(bytes)
        } catch {
            if case .duplicateKey(let key) = error.reason {
                throw APIError.badRequest("\(type.kind) in version \(GoFormat.quote(type.version)) cannot be handled as a \(type.kind): strict decoding error: json: duplicate field \(GoFormat.quote(key))")
            }
            throw APIError.badRequest("couldn't get version/kind; json parse error: \(error)")
        }
    }

    private static func isProtobuf(_ request: Request) -> Bool {
        request.headers[.contentType]?.hasPrefix(KubernetesProtobuf.mediaType) == true
    }

    private static func depth(of value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + (elements.map(depth).max() ?? 0)
        case .object(let members): 1 + (members.values.map(depth).max() ?? 0)
        default: 0
        }
    }

    func patchType(_ request: Request, type: ServedResource) throws(APIError) -> ResourceOperations.PatchType {
        let contentType = (request.headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingSpaces } ?? ""
        var accepted = ["application/json-patch+json", "application/merge-patch+json"]
        if !type.isCustom { accepted.append("application/strategic-merge-patch+json") }
        accepted.append("application/apply-patch+yaml")
        switch contentType {
        case "application/apply-patch+yaml": return .apply
        case "application/merge-patch+json": return .merge
        case "application/json-patch+json": return .json
        case "application/strategic-merge-patch+json" where !type.isCustom: return .strategicMerge
        default: throw APIError.unsupportedMediaType(accepted: accepted)
        }
    }
}
