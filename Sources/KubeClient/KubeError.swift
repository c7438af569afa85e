import KubeAPI

/// A failed Kubernetes API call, decoded from the `Status` body into the cases a controller
/// reacts to differently.
public enum KubeError: Error, Sendable {
    /// 404: the object (or the resource type) does not exist.
    case notFound(Status)
    /// 409 `AlreadyExists` on create.
    case alreadyExists(Status)
    /// 409 `Conflict`: a stale resourceVersion or a failed precondition; re-read and retry.
    case conflict(Status)
    /// 422 `Invalid`, with the field causes (`spec.plan`: `Too long: …`).
    case invalid(Status, causes: [StatusCause])
    /// 410 `Expired`/`Gone`: the resourceVersion is too old; relist.
    case expired(Status)
    /// 400 `BadRequest` (including strict field validation).
    case badRequest(Status)
    /// 401.
    case unauthorized(Status)
    /// 403.
    case forbidden(Status)
    /// 429, with the server's `Retry-After` in seconds when given.
    case tooManyRequests(Status, retryAfterSeconds: Int?)
    /// Any other non-2xx answer (5xx, 405, 415, …).
    case server(code: Int, Status)
    /// The request never got an HTTP answer.
    case transport(String)
    /// The answer could not be decoded.
    case decoding(String)
    /// A watch stream line exceeded the configured limit.
    case lineTooLong(limit: Int)
    /// The configuration is unusable (bad kubeconfig, unreadable token file, bad certificate).
    case configuration(String)

    /// The server's `Status`, when the error came from one.
    public var status: Status? {
        switch self {
        case .notFound(let status), .alreadyExists(let status), .conflict(let status), .invalid(let status, _), .expired(let status),
            .badRequest(let status), .unauthorized(let status), .forbidden(let status), .tooManyRequests(let status, _),
            .server(_, let status):
            status
        case .transport, .decoding, .lineTooLong, .configuration:
            nil
        }
    }

    /// Maps an HTTP code and `Status` body to a case.
    public init(code: Int, status: Status, retryAfterSeconds: Int? = nil) {
        switch (code, status.reason) {
        case (404, _): self = .notFound(status)
        case (409, "AlreadyExists"): self = .alreadyExists(status)
        case (409, _): self = .conflict(status)
        case (422, _): self = .invalid(status, causes: status.details?.causes ?? [])
        case (410, _), (_, "Expired"), (_, "Gone"): self = .expired(status)
        case (400, _): self = .badRequest(status)
        case (401, _): self = .unauthorized(status)
        case (403, _): self = .forbidden(status)
        case (429, _): self = .tooManyRequests(status, retryAfterSeconds: retryAfterSeconds ?? status.details?.retryAfterSeconds)
        default: self = .server(code: code, status)
        }
    }
}

extension KubeError: CustomStringConvertible {
    /// The error as a sentence: the API server's own message and HTTP code, never an enum dump.
    public var description: String {
        switch self {
        case .transport(let reason): "Kubernetes API unreachable: \(reason)"
        case .decoding(let reason): "Kubernetes API answer could not be decoded: \(reason)"
        case .lineTooLong(let limit): "a watch event is longer than \(limit) bytes"
        case .configuration(let reason): "Kubernetes client configuration: \(reason)"
        case .notFound(let status), .alreadyExists(let status), .conflict(let status), .invalid(let status, _), .expired(let status),
            .badRequest(let status), .unauthorized(let status), .forbidden(let status), .tooManyRequests(let status, _),
            .server(_, let status):
            Self.sentence(status, code: code)
        }
    }

    /// The HTTP code of the answer, when there was one.
    public var code: Int? {
        switch self {
        case .notFound: 404
        case .alreadyExists, .conflict: 409
        case .invalid: 422
        case .expired(let status): status.code ?? 410
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .tooManyRequests: 429
        case .server(let code, _): code
        case .transport, .decoding, .lineTooLong, .configuration: nil
        }
    }

    private static func sentence(_ status: Status, code: Int?) -> String {
        let message = status.message.flatMap { $0.isEmpty ? nil : $0 } ?? status.reason ?? "no message"
        return "Kubernetes API error \(code.map(String.init) ?? "?"): \(message)"
    }
}
