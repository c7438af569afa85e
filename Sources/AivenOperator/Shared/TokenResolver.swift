import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime

/// Finds the Aiven token for a resource: the Secret key named by `spec.authSecretRef` (in the
/// resource's namespace) first, else the operator's default token. The reconciler reads Secrets
/// from a watched cache (a rotated Secret takes effect at the next reconcile without a restart),
/// `plan` from the API server; both resolve the same way (`data` or `stringData`, trimmed).
public struct TokenResolver: Sendable {
    let dependencies: Dependencies
    let defaultToken: AivenToken?

    public init(dependencies: Dependencies, defaultToken: AivenToken?) {
        self.dependencies = dependencies
        self.defaultToken = defaultToken
    }

    /// The token for a resource in `namespace` with `reference`.
    public func token(namespace: String, reference: SecretKeyReference?) async throws(TokenError) -> ResolvedToken {
        guard let reference, !dependencies.offline else {
            guard let defaultToken else { throw TokenError.noToken }
            return ResolvedToken(token: defaultToken, source: "the operator's default token")
        }
        let source = "key \(GoFormat.quote(reference.key)) of Secret \(namespace)/\(reference.name)"
        let found: Secret?
        do {
            found = try await dependencies.secret(ObjectKey(namespace: namespace, name: reference.name))
        } catch {
            throw TokenError.unreadable(source: "Secret \(namespace)/\(reference.name)", reason: "\(error)")
        }
        guard let secret = found else {
            throw TokenError.secretNotFound(source: "Secret \(namespace)/\(reference.name)")
        }
        guard let value = secret.value(of: reference.key) else {
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
    case unreadable(source: String, reason: String)

    public var description: String {
        switch self {
        case .noToken: "no spec.authSecretRef and no default token (DEFAULT_AIVEN_TOKEN) configured"
        case .secretNotFound(let source): "\(source) not found"
        case .keyNotFound(let source): "\(source) does not exist"
        case .empty(let source): "\(source) is empty"
        case .unreadable(let source, let reason): "\(source) cannot be read: \(reason)"
        }
    }

    /// The condition reason.
    public var reason: String {
        switch self {
        case .noToken: "NoToken"
        case .secretNotFound: "SecretNotFound"
        case .keyNotFound: "SecretKeyNotFound"
        case .empty: "EmptyToken"
        case .unreadable: "SecretUnreadable"
        }
    }
}
