import Foundation
import KubeAPI

/// `POST …/serviceaccounts/NAME/token` (what `kubectl create token NAME` calls): a TokenRequest
/// answered with a signed token for `system:serviceaccount:NS:NAME`.
struct TokenRequestEndpoint: Sendable {
    let store: ObjectStore
    let tokens: ServiceAccountTokens

    static let serviceAccounts = GroupResource(group: "", resource: "serviceaccounts")
    static let defaultExpiration: Int64 = 3600
    static let defaultAudiences = [ServiceAccountTokens.issuer]

    func create(_ body: JSONValue, namespace: String, name: String, now: Date = Date()) async throws(APIError) -> JSONValue {
        guard let account = await store.object(Self.serviceAccounts, namespace: namespace, name: name) else {
            throw APIError.notFound(Self.serviceAccounts, name: name)
        }
        if let kind = body["kind"]?.stringValue, kind != "TokenRequest" {
            throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (TokenRequest)")
        }
        let expiration = body[path: ["spec", "expirationSeconds"]]?.integerValue ?? Self.defaultExpiration
        var errors: [FieldError] = []
        if expiration < 600 {
            errors.append(.invalid(FieldPath("spec", "expirationSeconds"), .integer(expiration), "may not specify a duration less than 10 minutes"))
        } else if expiration > 1 << 32 {
            errors.append(.invalid(FieldPath("spec", "expirationSeconds"), .integer(expiration), "may not specify a duration larger than 2^32 seconds"))
        }
        if let bound = body[path: ["spec", "boundObjectRef"]], !bound.isNull {
            errors.append(.forbidden(FieldPath("spec", "boundObjectRef"), "LocalKube does not bind tokens to objects; request an unbound token"))
        }
        if !errors.isEmpty {
            throw APIError(Status.invalid(kind: "TokenRequest", group: "authentication.k8s.io", name: name, errors: errors))
        }
        let audiences = (body[path: ["spec", "audiences"]]?.arrayValue ?? []).compactMap(\.stringValue)
        let claims = ServiceAccountTokens.Claims(
            namespace: namespace, name: name, uid: account[path: ["metadata", "uid"]]?.stringValue ?? "",
            expiry: now.addingTimeInterval(TimeInterval(expiration))
        )
        let token = tokens.mint(claims, audiences: audiences.isEmpty ? Self.defaultAudiences : audiences, issuedAt: now)
        return [
            "kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1",
            "metadata": ["name": .string(name), "namespace": .string(namespace), "creationTimestamp": .string(Timestamp.rfc3339(now))],
            "spec": [
                "audiences": .array((audiences.isEmpty ? Self.defaultAudiences : audiences).map(JSONValue.string)),
                "expirationSeconds": .integer(expiration), "boundObjectRef": .null,
            ],
            "status": ["token": .string(token), "expirationTimestamp": .string(Timestamp.rfc3339(claims.expiry))],
        ]
    }
}
