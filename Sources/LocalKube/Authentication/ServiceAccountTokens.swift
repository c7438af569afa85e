import Foundation
import KubeAPI

/// Mints and checks ServiceAccount tokens: JWTs (HS256) whose claims name the ServiceAccount,
/// its uid and the expiry, signed with a key derived from the administrator token, so tokens
/// survive a restart with the same state directory and nothing secret is stored per token.
struct ServiceAccountTokens: Sendable {
    /// What a valid token claims.
    struct Claims: Sendable, Equatable {
        var namespace: String
        var name: String
        var uid: String
        var expiry: Date
        /// Who the token is for (`aud`): only tokens for the API server's audiences authenticate.
        var audiences: [String] = []
    }

    private let key: [UInt8]
    static let issuer = "https://kubernetes.default.svc.cluster.local"

    init(signingSecret: String) {
        key = HMACSHA256.authenticationCode(for: Array("localkube service account tokens".utf8), key: Array(signingSecret.utf8))
    }

    func mint(_ claims: Claims, issuedAt: Date) -> String {
        let header: JSONValue = ["alg": "HS256", "typ": "JWT"]
        let payload: JSONValue = [
            "iss": .string(Self.issuer), "aud": .array(claims.audiences.map(JSONValue.string)),
            "sub": .string("system:serviceaccount:\(claims.namespace):\(claims.name)"),
            "iat": .integer(Int64(issuedAt.timeIntervalSince1970)), "nbf": .integer(Int64(issuedAt.timeIntervalSince1970)),
            "exp": .integer(Int64(claims.expiry.timeIntervalSince1970)),
            "kubernetes.io": ["namespace": .string(claims.namespace), "serviceaccount": ["name": .string(claims.name), "uid": .string(claims.uid)]],
        ]
        let signingInput = Self.base64URL(Array(header.jsonString.utf8)) + "." + Self.base64URL(Array(payload.jsonString.utf8))
        return signingInput + "." + Self.base64URL(HMACSHA256.authenticationCode(for: Array(signingInput.utf8), key: key))
    }

    /// The claims of a well-signed, unexpired token; `nil` for anything else.
    func verify(_ token: String, now: Date) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Self.decodeBase64URL(parts[2]) else { return nil }
        let expected = HMACSHA256.authenticationCode(for: Array("\(parts[0]).\(parts[1])".utf8), key: key)
        guard signature.count == expected.count, zip(signature, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        guard let payloadBytes = Self.decodeBase64URL(parts[1]), let payload = try? JSONParser().parse(payloadBytes),
            let exp = payload["exp"]?.integerValue,
            let namespace = payload[path: ["kubernetes.io", "namespace"]]?.stringValue,
            let name = payload[path: ["kubernetes.io", "serviceaccount", "name"]]?.stringValue,
            let uid = payload[path: ["kubernetes.io", "serviceaccount", "uid"]]?.stringValue
        else { return nil }
        let expiry = Date(timeIntervalSince1970: TimeInterval(exp))
        guard expiry > now else { return nil }
        let audiences = payload["aud"]?.stringValue.map { [$0] } ?? (payload["aud"]?.arrayValue ?? []).compactMap(\.stringValue)
        return Claims(namespace: namespace, name: name, uid: uid, expiry: expiry, audiences: audiences)
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
