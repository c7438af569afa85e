import KubeAPI

/// A failed API request: the `Status` body and HTTP code the client receives.
struct APIError: Error, Sendable {
    var status: Status

    init(_ status: Status) {
        self.status = status
    }

    init(code: Int, reason: String, message: String, details: StatusDetails? = nil) {
        status = Status(message: message, reason: reason, details: details, code: code)
    }

    var code: Int { status.code ?? 500 }

    static func notFound(_ resource: GroupResource, name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "\(resource) \(GoFormat.quote(name)) not found",
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource)
        )
    }

    static func alreadyExists(_ resource: GroupResource, name: String) -> APIError {
        APIError(
            code: 409, reason: "AlreadyExists", message: "\(resource) \(GoFormat.quote(name)) already exists",
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource)
        )
    }

    static func conflict(_ resource: GroupResource, name: String, problem: String = modifiedProblem) -> APIError {
        APIError(
            code: 409, reason: "Conflict", message: "Operation cannot be fulfilled on \(resource) \(GoFormat.quote(name)): \(problem)",
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource)
        )
    }

    static let modifiedProblem = "the object has been modified; please apply your changes to the latest version and try again"

    static func invalid(_ type: ServedResource, name: String, errors: [FieldError]) -> APIError {
        APIError(Status.invalid(kind: type.kind, group: type.group, name: name, errors: errors))
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    static func expired(_ message: String) -> APIError {
        APIError(code: 410, reason: "Expired", message: message)
    }

    static func unsupportedMediaType(accepted: [String]) -> APIError {
        APIError(
            code: 415, reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: " + accepted.joined(separator: ", ")
        )
    }

    static let methodNotAllowed = APIError(
        code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource"
    )

    static let unauthorized = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")

    static let pageNotFound = APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource")
}
