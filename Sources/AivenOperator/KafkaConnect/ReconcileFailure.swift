import AivenClient
import KubeRuntime

/// Why a reconcile could not finish, as a condition reason and a message a user can act on.
/// Transient trouble (Aiven 5xx, 429, timeouts) is `quiet`: retried without touching the status
/// or recording an event. Messages name where a token came from, never the token.
struct ReconcileFailure: Error, RetryAfterError, CustomStringConvertible {
    var reason: String
    var message: String
    var retryAfter: Duration?
    var event: EventNote?
    var quiet: Bool = false

    init(reason: String, message: String, retryAfter: Duration?, event: EventNote? = nil) {
        self.reason = reason
        self.message = message
        self.retryAfter = retryAfter
        self.event = event
    }

    init(reason: String, message: String, retryAfter: Duration?) {
        self.init(reason: reason, message: message, retryAfter: retryAfter, event: EventNote(reason: reason, message: message))
    }

    init(_ error: AivenError, token: ResolvedToken) {
        switch error {
        case .invalid(let message):
            self.init(reason: "InvalidConfiguration", message: "Aiven rejected the request: \(message)", retryAfter: nil)
        case .unauthorized(let message):
            self.init(reason: "Unauthorized", message: "Aiven rejected the token (\(token.source)): \(message)", retryAfter: nil)
        case .forbidden(let message):
            self.init(reason: "Forbidden", message: "The token (\(token.source)) is not allowed to do this: \(message)", retryAfter: nil)
        case .notFound(let message):
            self.init(reason: "NotFound", message: "Aiven: \(message)", retryAfter: nil)
        case .alreadyExists(let message), .conflict(let message):
            self.init(reason: "Conflict", message: "Aiven: \(message)", retryAfter: nil)
        case .rateLimited(let wait, _):
            self.init(reason: "RateLimited", message: error.description, retryAfter: wait, event: nil)
            quiet = true
        case .server, .transport, .unexpectedStatus, .invalidResponse, .cancelled:
            self.init(reason: "AivenUnavailable", message: error.description, retryAfter: nil, event: nil)
            quiet = true
        }
    }

    var description: String { "\(reason): \(message)" }
}
