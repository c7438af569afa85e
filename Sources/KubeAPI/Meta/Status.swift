/// `metav1.Status`: the body of every failed Kubernetes API response.
///
/// kubectl builds its message for `422 Invalid` from `details.kind`, `details.name` and each cause's
/// `field` and `message`, so ``StatusDetails/causes`` must always be filled for validation errors.
public struct Status: Codable, Sendable, Hashable, Error {
    public var kind: String = "Status"
    public var apiVersion: String = "v1"
    public var metadata: ListMeta = ListMeta()
    /// `Success` or `Failure`.
    public var status: String?
    public var message: String?
    /// Machine-readable reason: `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `BadRequest`, …
    public var reason: String?
    public var details: StatusDetails?
    /// The HTTP status code.
    public var code: Int?

    public init(status: String? = "Failure", message: String?, reason: String?, details: StatusDetails? = nil, code: Int?) {
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
    }

    /// The `422 Invalid` status the API server returns when `errors` reject an object of `kind`
    /// (`KafkaConnect.aiven.io "name" is invalid: …`).
    public static func invalid(kind: String, group: String, name: String, errors: [FieldError]) -> Status {
        let qualified = group.isEmpty ? kind : "\(kind).\(group)"
        return Status(
            message: "\(qualified) \(GoFormat.quote(name)) is invalid: \(FieldError.aggregate(errors))",
            reason: "Invalid",
            details: StatusDetails(name: name, group: group, kind: kind, causes: errors.map(\.cause)),
            code: 422
        )
    }
}

/// `metav1.StatusDetails`.
public struct StatusDetails: Codable, Sendable, Hashable {
    public var name: String?
    public var group: String?
    public var kind: String?
    public var uid: String?
    public var causes: [StatusCause]?
    public var retryAfterSeconds: Int?

    public init(name: String? = nil, group: String? = nil, kind: String? = nil, causes: [StatusCause]? = nil, retryAfterSeconds: Int? = nil) {
        self.name = name
        self.group = group
        self.kind = kind
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// `metav1.StatusCause`: one reason a request failed, with the field path it concerns.
public struct StatusCause: Codable, Sendable, Hashable {
    public var reason: String?
    public var message: String?
    public var field: String?

    public init(reason: String?, message: String?, field: String?) {
        self.reason = reason
        self.message = message
        self.field = field
    }
}

/// `metav1.ListMeta`.
public struct ListMeta: Codable, Sendable, Hashable {
    public var resourceVersion: String?
    public var `continue`: String?
    public var remainingItemCount: Int64?

    public init(resourceVersion: String? = nil, continue: String? = nil) {
        self.resourceVersion = resourceVersion
        self.continue = `continue`
    }
}
