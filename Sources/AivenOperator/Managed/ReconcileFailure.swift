import AivenClient
import KubeClient
import KubeRuntime

/// Why a reconcile could not finish, as a condition reason and a message a user can act on.
///
/// *Terminal* failures (Aiven rejected the spec or the token, a missing Secret) will not go away
/// by retrying: the resource shows `Ready=False` with the message at once and is looked at again
/// when it or its Secret changes, or after a long interval. *Transient* ones (Aiven 5xx, 429,
/// timeouts) retry with backoff and reach the status only when they outlast a grace period.
/// Messages name where a token came from, never the token.
struct ReconcileFailure: Error, RetryAfterError, CustomStringConvertible {
    enum Severity: Sendable, Hashable { case terminal, transient }

    var severity: Severity
    var reason: String
    var message: String
    /// Aiven's own wait (429), if it gave one.
    var retryAfter: Duration?

    init(_ severity: Severity, reason: String, message: String, retryAfter: Duration? = nil) {
        self.severity = severity
        self.reason = reason
        self.message = message
        self.retryAfter = retryAfter
    }

    init(_ error: AivenError, tokenSource: String) {
        switch error {
        case .invalid(let message):
            self.init(.terminal, reason: "InvalidConfiguration", message: "Aiven rejected the request: \(message)")
        case .unauthorized(let message):
            self.init(.terminal, reason: "Unauthorized", message: "Aiven rejected the token (\(tokenSource)): \(message)")
        case .forbidden(let message):
            self.init(.terminal, reason: "Forbidden", message: "The token (\(tokenSource)) is not allowed to do this: \(message)")
        case .alreadyExists(let message), .conflict(let message):
            self.init(.terminal, reason: "Conflict", message: "Aiven refused the request: \(message)")
        case .notFound(let message):
            self.init(.transient, reason: "NotFound", message: "Aiven: \(message)")
        case .rateLimited(let wait, _):
            self.init(.transient, reason: "RateLimited", message: error.description, retryAfter: wait)
        case .transport(let failure) where failure.isTimeout:
            self.init(.transient, reason: "Timeout", message: error.description)
        case .server, .transport, .unexpectedStatus, .invalidResponse, .cancelled:
            self.init(.transient, reason: "AivenUnavailable", message: error.description)
        }
    }

    /// A Kubernetes API failure, on the same path and counter as Aiven's: a write the API server
    /// refuses as invalid (422, 400) shows at once, since retrying sends the same object; the
    /// rest (conflicts with a newer version, missing objects, throttling, an unreachable or
    /// forbidding API server, which an administrator fixes) retry with backoff.
    init(_ error: KubeError) {
        switch error {
        case .invalid, .badRequest:
            self.init(.terminal, reason: "KubernetesRejected", message: "The Kubernetes API refused a write: \(error)")
        case .conflict, .alreadyExists, .notFound, .expired:
            self.init(.transient, reason: "KubernetesConflict", message: "The Kubernetes API answered: \(error)")
        case .tooManyRequests(_, let seconds):
            self.init(.transient, reason: "KubernetesThrottled", message: "The Kubernetes API answered: \(error)", retryAfter: seconds.map { .seconds($0) })
        case .unauthorized, .forbidden:
            self.init(.transient, reason: "KubernetesForbidden", message: "The operator is not allowed to do this in Kubernetes: \(error)")
        case .server, .transport, .decoding, .lineTooLong, .configuration:
            self.init(.transient, reason: "KubernetesUnavailable", message: "The Kubernetes API could not be used: \(error)")
        }
    }

    init(_ error: TokenError) {
        self.init(.terminal, reason: error.reason, message: "Cannot find the Aiven token: \(error)")
    }

    var description: String { "\(reason): \(message)" }
}
