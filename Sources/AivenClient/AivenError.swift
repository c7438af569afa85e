import KubeAPI

/// A failed Aiven API call, classified by what the caller can do about it.
///
/// Built from the status code and Aiven's error body
/// (`{"errors":[{"message":…,"status":…}],"message":…}`); `message` is Aiven's own text.
public enum AivenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 404: the project, service, VPC or integration does not exist.
    case notFound(message: String)
    /// 409 whose message says `already exists` (for example a taken service name).
    case alreadyExists(message: String)
    /// Any other 409, such as a VPC that still has services in it.
    case conflict(message: String)
    /// 400: Aiven rejected the request; `message` says why (invalid plan, invalid user_config, …).
    case invalid(message: String)
    /// 401: the token is missing, wrong or expired.
    case unauthorized(message: String)
    /// 403: the token may not do this, or the service is protected against termination.
    case forbidden(message: String)
    /// 429: too many requests; `retryAfter` comes from `Retry-After` or from the message.
    case rateLimited(retryAfter: Duration?, message: String)
    /// 5xx.
    case server(status: Int, message: String)
    /// Another status code (405, 417, …).
    case unexpectedStatus(status: Int, message: String)
    /// No response was received.
    case transport(TransportFailure)
    /// A success status with a body that is not what the endpoint documents.
    case invalidResponse(message: String)
    /// The calling task was cancelled.
    case cancelled

    /// The HTTP status, when a response was received.
    public var status: Int? {
        switch self {
        case .notFound: 404
        case .alreadyExists, .conflict: 409
        case .invalid: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .rateLimited: 429
        case .server(let status, _), .unexpectedStatus(let status, _): status
        case .transport, .invalidResponse, .cancelled: nil
        }
    }

    /// Aiven's message, or a description of the failure when there was no response.
    public var message: String {
        switch self {
        case .notFound(let message), .alreadyExists(let message), .conflict(let message),
            .invalid(let message), .unauthorized(let message), .forbidden(let message),
            .rateLimited(_, let message), .server(_, let message), .unexpectedStatus(_, let message),
            .invalidResponse(let message):
            message
        case .transport(let failure): failure.reason
        case .cancelled: "cancelled"
        }
    }

    /// `true` for the 403 Aiven answers when deleting or powering off a protected service.
    public var isTerminationProtection: Bool {
        guard case .forbidden(let message) = self else { return false }
        return message.contains("protected against termination")
    }

    /// Whether the failed write may still have changed something on Aiven: no answer after the
    /// request may have been sent, a server error, or a success whose body did not read. A `4xx`
    /// answer, or a request that never left (the connection could not be made), changed nothing.
    public var mayHaveTakenEffect: Bool {
        switch self {
        case .notFound, .alreadyExists, .conflict, .invalid, .unauthorized, .forbidden, .rateLimited: false
        case .transport(let failure): failure.requestMayHaveBeenSent
        case .unexpectedStatus(let status, _): status >= 500
        case .server, .invalidResponse, .cancelled: true
        }
    }

    /// What is shown of the error: secret values the process knows (``Redactor``) are removed;
    /// ``message`` keeps Aiven's text as it came.
    public var description: String {
        Redactor.shared.scrub(unredactedDescription)
    }

    private var unredactedDescription: String {
        switch self {
        case .transport(let failure): "Aiven API unreachable: \(failure.reason)"
        case .cancelled: "Aiven API call cancelled"
        case .invalidResponse(let message): "Aiven API answered unexpectedly: \(message)"
        default: "Aiven API error \(status ?? 0): \(message)"
        }
    }
}

/// Why no response arrived.
public struct TransportFailure: Sendable, Hashable {
    /// A short description of the failure (never includes headers).
    public var reason: String
    /// `false` only when the request certainly never reached the server (the connection could
    /// not be made), so even a create can be retried safely.
    public var requestMayHaveBeenSent: Bool
    /// `true` when the per-call timeout expired.
    public var isTimeout: Bool

    /// Describes a failure; see the properties.
    public init(reason: String, requestMayHaveBeenSent: Bool, isTimeout: Bool = false) {
        self.reason = reason
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
        self.isTimeout = isTimeout
    }
}
