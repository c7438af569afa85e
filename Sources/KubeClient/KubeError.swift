import KubeAPI

/// A failed Kubernetes API call, classified from the HTTP status and the `Status` body.
public enum KubeError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(Status)
    case alreadyExists(Status)
    /// Optimistic-concurrency conflict: the object changed since it was read.
    case conflict(Status)
    /// `422`: the object failed validation; `Status.details.causes` names the fields.
    case invalid(Status)
    case badRequest(Status)
    /// `410`: the resourceVersion is too old (watch or list continue).
    case gone(Status)
    case unauthorized(Status)
    case forbidden(Status)
    /// `429`, with the server's wait time when it gave one.
    case tooManyRequests(Status, retryAfter: Duration?)
    case server(Status)
    /// Any other non-success status.
    case unexpected(Status)
    /// The request did not complete (connection refused, timeout, TLS failure, …).
    case transport(String)
    /// The response could not be decoded.
    case decoding(String)
    /// The client configuration is unusable (no server, unreadable kubeconfig, bad certificate).
    case configuration(String)

    /// The error for a non-success response with `status` code and decoded body.
    public init(code: Int, status: Status, retryAfter: Duration?) {
        switch code {
        case 400: self = .badRequest(status)
        case 401: self = .unauthorized(status)
        case 403: self = .forbidden(status)
        case 404: self = .notFound(status)
        case 409: self = status.reason == "AlreadyExists" ? .alreadyExists(status) : .conflict(status)
        case 410: self = .gone(status)
        case 422: self = .invalid(status)
        case 429: self = .tooManyRequests(status, retryAfter: retryAfter)
        case 500...599: self = .server(status)
        default: self = .unexpected(status)
        }
    }

    /// The `Status` the server sent, if any.
    public var status: Status? {
        switch self {
        case .notFound(let status), .alreadyExists(let status), .conflict(let status), .invalid(let status),
            .badRequest(let status), .gone(let status), .unauthorized(let status), .forbidden(let status),
            .tooManyRequests(let status, _), .server(let status), .unexpected(let status):
            status
        case .transport, .decoding, .configuration:
            nil
        }
    }

    /// `true` for errors worth retrying unchanged: conflicts aside, server-side and transport trouble.
    public var isTransient: Bool {
        switch self {
        case .tooManyRequests, .server, .transport, .gone: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .transport(let message): "Kubernetes API unreachable: \(message)"
        case .decoding(let message): "Kubernetes API answered unexpectedly: \(message)"
        case .configuration(let message): "Kubernetes client configuration: \(message)"
        default: status?.message ?? "Kubernetes API error \(status?.code ?? 0)"
        }
    }
}
