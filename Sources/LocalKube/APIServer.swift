import Foundation
import Hummingbird
import NIOCore
import KubeAPI
import Logging

/// Answers every Kubernetes API request: discovery, OpenAPI, health, the request log and the
/// resource verbs. Malformed requests get a `Status` error, never a crash.
struct APIServer: HTTPResponder {
    typealias Context = LocalKubeRequestContext

    let store: ObjectStore
    let requestLog: RequestLog
    /// Who a request comes from (everyone is the administrator when LocalKube runs without a token).
    let authentication: RequestAuthentication
    /// How often an idle watch with `allowWatchBookmarks=true` gets a BOOKMARK.
    let bookmarkInterval: Duration
    let logger: Logger

    /// Largest request body accepted (etcd's limit is 1.5 MiB; kubectl adds last-applied).
    static let maxBodySize = 3 * 1024 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        let route = APIRoute(path: request.uri.path)
        await requestLog.record(method: request.method.rawValue, route: route)
        do {
            var user = UserInfo.admin
            if case .health = route {} else {
                let authenticated = try await authentication.user(authorization: request.headers[.authorization])
                user = try await Impersonation(headers: request.headers).user(for: authenticated, authorizer: await RBACAuthorizer.load(from: store))
                try await authorize(user, request, route: route)
            }
            return try await answer(request, route: route, user: user, context: context)
        } catch let error as APIError {
            logger.debug("request failed", metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "code": "\(error.code)"])
            return APIResponses.error(error)
        } catch {
            logger.error("internal error", metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(error)"])
            return APIResponses.error(APIError(code: 500, reason: "InternalError", message: "Internal error occurred: \(error)"))
        }
    }

    /// RBAC: a request the caller's roles do not allow gets kube-apiserver's 403.
    private func authorize(_ user: UserInfo, _ request: Request, route: APIRoute) async throws(APIError) {
        guard !user.isMaster else { return }
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { _, last in last })
        let attributes = RequestAttributes(method: request.method.rawValue, path: request.uri.path, query: query, route: route)
        guard await RBACAuthorizer.load(from: store).allows(user, attributes) else { throw RBACAuthorizer.forbidden(user, attributes) }
    }

    private func answer(_ request: Request, route: APIRoute, user: UserInfo, context: Context) async throws -> Response {
        let isRead = request.method == .get
        switch route {
        case .resource(let path):
            let channel = context.channel
            let response = try await ResourceEndpoint(
                store: store, path: path, resources: await store.servedResources, user: user, tokens: authentication.tokens,
                bookmarkInterval: bookmarkInterval, onConnectionClose: { callback in channel.closeFuture.whenComplete { _ in callback() } }
            ).respond(to: request)
            if !isRead, path.group == BuiltInKind.rbacGroup, path.resource == "clusterroles" { await ClusterRoleAggregation.reconcile(in: store) }
            return response
        case .health:
            guard isRead else { throw APIError.methodNotAllowed }
            return APIResponses.text("ok")
        case .openAPIVersion2:
            guard isRead else { throw APIError.methodNotAllowed }
            return OpenAPIDocuments.emptyVersion2
        case .unknown:
            throw APIError.pageNotFound
        default:
            guard isRead else { throw APIError.methodNotAllowed }
        }
        let resources = await store.servedResources
        let document: JSONValue?
        switch route {
        case .version: document = DiscoveryDocuments.version
        case .coreVersions: document = DiscoveryDocuments.coreVersions(serverAddress: request.head.authority ?? "127.0.0.1")
        case .groups: document = DiscoveryDocuments.groups(resources)
        case .resourceList(let group, let version): document = DiscoveryDocuments.resourceList(resources, group: group, version: version)
        case .openAPIIndex: document = OpenAPIDocuments.index(resources)
        case .openAPIDocument(let group, let version): document = OpenAPIDocuments.document(resources, group: group, version: version)
        case .requestLog: document = await requestLog.json
        case .resource, .health, .unknown, .openAPIVersion2: document = nil
        }
        guard let document else { throw APIError.pageNotFound }
        return APIResponses.json(document)
    }
}

/// The request context: Hummingbird's basics plus the connection, so a watch ends when its
/// client goes away.
struct LocalKubeRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}
