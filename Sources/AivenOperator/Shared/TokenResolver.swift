import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime

/// Finds the Aiven token for a resource: the Secret key named by `spec.authSecretRef` (in the
/// resource's namespace) first, else the operator's default token. Secrets come from a watched
/// ``Store``, so a rotated Secret takes effect at the next reconcile without a restart.
public struct TokenResolver: Sendable {
    let secrets: Store<Secret>
    let defaultToken: AivenToken?

    public init(secrets: Store<Secret>, defaultToken: AivenToken?) {
        self.secrets = secrets
        self.defaultToken = defaultToken
    }

    /// The token for a resource in `namespace` with `reference`.
    public func token(namespace: String, reference: SecretKeyReference?) async throws(TokenError) -> ResolvedToken {
        guard let reference else {
            guard let defaultToken else { throw TokenError.noToken }
            return ResolvedToken(token: defaultToken, source: "the operator's default token")
        }
        let source = "key \(GoFormat.quote(reference.key)) of Secret \(namespace)/\(reference.name)"
        guard let secret = await secrets.get(ObjectKey(namespace: namespace, name: reference.name)) else {
            throw TokenError.secretNotFound(source: "Secret \(namespace)/\(reference.name)")
        }
        let encoded = secret.data?[reference.key]
        let plain = secret.stringData?[reference.key]
        guard let value = encoded.flatMap({ Data(base64Encoded: $0) }).map({ String(decoding: $0, as: UTF8.self) }) ?? plain else {
            throw TokenError.keyNotFound(source: source)
        }
        let token = AivenToken(value.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !token.isEmpty else { throw TokenError.empty(source: source) }
        return ResolvedToken(token: token, source: source)
    }
}

/// A token and where it came from (for messages; the value itself is never printed).
public struct ResolvedToken: Sendable {
    public var token: AivenToken
    /// `key "token" of Secret default/aiven-token`, or `the operator's default token`.
    public var source: String
}

/// Why no token could be found. Messages name the source, never a value.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
    case noToken
    case secretNotFound(source: String)
    case keyNotFound(source: String)
    case empty(source: String)

    public var description: String {
        switch self {
        case .noToken: "no spec.authSecretRef and no default token (DEFAULT_AIVEN_TOKEN) configured"
        case .secretNotFound(let source): "\(source) not found"
        case .keyNotFound(let source): "\(source) does not exist"
        case .empty(let source): "\(source) is empty"
        }
    }

    /// The condition reason.
    public var reason: String {
        switch self {
        case .noToken: "NoToken"
        case .secretNotFound: "SecretNotFound"
        case .keyNotFound: "SecretKeyNotFound"
        case .empty: "EmptyToken"
        }
    }
}
