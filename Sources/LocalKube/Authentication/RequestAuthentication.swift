import Foundation
import KubeAPI

/// Who a request comes from. Without an administrator token every request is the
/// administrator (plain HTTP on loopback); with one, a request must carry it or a valid
/// ServiceAccount token, minted for the API server's audience, whose ServiceAccount still exists
/// (same uid).
struct RequestAuthentication: Sendable {
    /// kube-apiserver's `--api-audiences` default: the issuer. A token requested for another
    /// audience (`kubectl create token --audience=vault`) is for that audience only.
    static let apiAudiences = [ServiceAccountTokens.issuer]

    let administratorToken: String?
    let tokens: ServiceAccountTokens
    let store: ObjectStore

    init(administratorToken: String?, store: ObjectStore) {
        self.administratorToken = administratorToken
        self.store = store
        tokens = ServiceAccountTokens(signingSecret: administratorToken ?? UUID().uuidString + UUID().uuidString)
    }

    /// The caller of a request with this `Authorization` header; 401 when it proves no identity.
    func user(authorization: String?, now: Date = Date()) async throws(APIError) -> UserInfo {
        guard let administratorToken else { return .admin }
        guard let authorization, authorization.hasPrefix("Bearer ") else { throw APIError.unauthorized }
        let token = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        if token == administratorToken { return .admin }
        guard let claims = tokens.verify(token, now: now), claims.audiences.contains(where: Self.apiAudiences.contains),
            let account = await store.object(TokenRequestEndpoint.serviceAccounts, namespace: claims.namespace, name: claims.name),
            account[path: ["metadata", "uid"]]?.stringValue == claims.uid,
            account[path: ["metadata", "deletionTimestamp"]] == nil
        else { throw APIError.unauthorized }
        return .serviceAccount(namespace: claims.namespace, name: claims.name)
    }
}
