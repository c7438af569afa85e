import Foundation
import KubeAPI

/// `POST …/serviceaccounts/NAME/token` (what `kubectl create token NAME` calls): a TokenRequest
/// answered with a signed token for `system:serviceaccount:NS:NAME`.
struct TokenRequestEndpoint: Sendable {
    let store: ObjectStore
    let tokens: ServiceAccountTokens

    static let serviceAccounts = GroupResource(group: "", resource: "serviceaccounts")
    static let defaultExpiration: Int64 = 3600

    func create(_ body: JSONValue, namespace: String, name: String, now: Date = Date()) async throws(APIError) -> JSONValue {
        guard let account = await store.object(Self.serviceAccounts, namespace: namespace, name: name) else {
            throw APIError.notFound(Self.serviceAccounts, name: name)
        }
        if let kind = body["kind"]?.stringValue, kind != "TokenRequest" {
            throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (TokenRequest)")
        }
        let expiration = try Self.expirationSeconds(body[path: ["spec", "expirationSeconds"]])
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
        let requested = (body[path: ["spec", "audiences"]]?.arrayValue ?? []).compactMap(\.stringValue)
        let audiences = requested.isEmpty ? RequestAuthentication.apiAudiences : requested
        let claims = ServiceAccountTokens.Claims(
            namespace: namespace, name: name, uid: account[path: ["metadata", "uid"]]?.stringValue ?? "",
            expiry: now.addingTimeInterval(TimeInterval(expiration)), audiences: audiences
        )
        let token = tokens.mint(claims, issuedAt: now)
        return [
            "kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1",
            "metadata": ["name": .string(name), "namespace": .string(namespace), "creationTimestamp": .string(Timestamp.rfc3339(now))],
            "spec": [
                "audiences": .array(audiences.map(JSONValue.string)),
                "expirationSeconds": .integer(expiration), "boundObjectRef": .null,
            ],
            "status": ["token": .string(token), "expirationTimestamp": .string(Timestamp.rfc3339(claims.expiry))],
        ]
    }

    /// `spec.expirationSeconds` decoded as kube-apiserver decodes it into an `int64`: anything
    /// but a JSON integer in range (`"abc"`, `600.5`, `1e30`) is a 400, never the default.
    private static func expirationSeconds(_ value: JSONValue?) throws(APIError) -> Int64 {
        guard let value, !value.isNull else { return defaultExpiration }
        if case .integer(let seconds) = value { return seconds }
        let shown: String
        if case .number(let number) = value, number.rounded() == number {
            shown = "number \(GoFormat.float(number))"
        } else {
            shown = GoFormat.unmarshalValue(value)
        }
        throw APIError.badRequest(
            "TokenRequest in version \"v1\" cannot be handled as a TokenRequest: json: cannot unmarshal \(shown) into Go struct field TokenRequestSpec.spec.expirationSeconds of type int64"
        )
    }
}
