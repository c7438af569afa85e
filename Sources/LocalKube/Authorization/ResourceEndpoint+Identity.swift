import Hummingbird
import KubeAPI

extension ResourceEndpoint {
    /// TokenRequests (`serviceaccounts/NAME/token`) and self reviews, answered for the caller;
    /// `nil` for every other request.
    func identityRequest(_ request: Request, type: ServedResource) async throws -> Response? {
        let isServiceAccountToken = type.groupResource == TokenRequestEndpoint.serviceAccounts && path.subresource == "token"
        guard case .review = type.behaviour else {
            guard isServiceAccountToken, let namespace = path.namespace, let name = path.name else { return nil }
            guard request.method == .post else { throw APIError.methodNotAllowed }
            let body = try await requestBody(request)
            let answer = try await TokenRequestEndpoint(store: store, tokens: tokens).create(body, namespace: namespace, name: name)
            return APIResponses.json(answer, status: .created)
        }
        guard request.method == .post, path.name == nil else { throw APIError.methodNotAllowed }
        let body = try await requestBody(request)
        let review = AccessReviewEndpoint(authorizer: await RBACAuthorizer.load(from: store), user: user)
        return APIResponses.json(try review.review(type.kind, body: body), status: .created)
    }

    private func requestBody(_ request: Request) async throws -> JSONValue {
        let bytes = Array(buffer: try await request.body.collect(upTo: APIServer.maxBodySize))
        if bytes.isEmpty { return [:] }
        do {
            return try JSONParser(maxDepth: Self.maxDepth).parse(bytes)
        } catch {
            throw APIError.badRequest("couldn't get version/kind; json parse error: \(error)")
        }
    }
}
