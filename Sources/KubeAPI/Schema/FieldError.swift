/// One validation failure, rendered exactly like Go's `field.Error` from k8s.io/apimachinery, so the
/// text matches what kube-apiserver and kubectl print (`spec.plan: Too long: may not be longer than 128`).
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error type, which decides the leading words and the `StatusCause.reason`.
    public enum Kind: Sendable, Hashable {
        case required
        case invalid
        case typeInvalid
        case notSupported
        case tooLong
        case tooMany
        case forbidden
        case duplicate
        case notFound
        case `internal`

        /// The words Go prints, e.g. `Required value`.
        public var words: String {
            switch self {
            case .required: "Required value"
            case .invalid, .typeInvalid: "Invalid value"
            case .notSupported: "Unsupported value"
            case .tooLong: "Too long"
            case .tooMany: "Too many"
            case .forbidden: "Forbidden"
            case .duplicate: "Duplicate value"
            case .notFound: "Not found"
            case .internal: "Internal error"
            }
        }

        /// The `StatusCause.reason`, e.g. `FieldValueRequired`.
        public var causeReason: String {
            switch self {
            case .required: "FieldValueRequired"
            case .invalid: "FieldValueInvalid"
            case .typeInvalid: "FieldValueTypeInvalid"
            case .notSupported: "FieldValueNotSupported"
            case .tooLong: "FieldValueTooLong"
            case .tooMany: "FieldValueTooMany"
            case .forbidden: "FieldValueForbidden"
            case .duplicate: "FieldValueDuplicate"
            case .notFound: "FieldValueNotFound"
            case .internal: "InternalError"
            }
        }
    }

    public var kind: Kind
    public var field: FieldPath
    /// The offending value, already rendered with Go's `%v`/`%q`; `nil` when the message omits it.
    public var renderedValue: String?
    public var detail: String

    public init(_ kind: Kind, _ field: FieldPath, renderedValue: String?, detail: String) {
        self.kind = kind
        self.field = field
        self.renderedValue = renderedValue
        self.detail = detail
    }

    /// `field.Required`.
    public static func required(_ field: FieldPath, _ detail: String = "") -> FieldError {
        FieldError(.required, field, renderedValue: nil, detail: detail)
    }

    /// `field.Invalid` with a JSON value.
    public static func invalid(_ field: FieldPath, _ value: JSONValue, _ detail: String) -> FieldError {
        FieldError(.invalid, field, renderedValue: GoFormat.value(value), detail: detail)
    }

    /// `field.NotSupported`: the supported values are quoted and joined.
    public static func notSupported(_ field: FieldPath, _ value: JSONValue, supported: [String]) -> FieldError {
        let detail = supported.isEmpty ? "" : "supported values: " + supported.map(GoFormat.quote).joined(separator: ", ")
        return FieldError(.notSupported, field, renderedValue: GoFormat.value(value), detail: detail)
    }

    /// `field.TooLongMaxLength`.
    public static func tooLong(_ field: FieldPath, maxLength: Int64) -> FieldError {
        FieldError(.tooLong, field, renderedValue: nil, detail: "may not be longer than \(maxLength)")
    }

    /// `field.TooMany`.
    public static func tooMany(_ field: FieldPath, actual: Int, max: Int64) -> FieldError {
        FieldError(.tooMany, field, renderedValue: String(actual), detail: "must have at most \(max) items")
    }

    /// `field.Forbidden`.
    public static func forbidden(_ field: FieldPath, _ detail: String) -> FieldError {
        FieldError(.forbidden, field, renderedValue: nil, detail: detail)
    }

    /// The message after the field path: `Too long: may not be longer than 128`.
    public var body: String {
        var text = kind.words
        switch kind {
        case .required, .forbidden, .tooLong, .internal:
            break
        default:
            if let renderedValue { text += ": " + renderedValue }
        }
        if !detail.isEmpty { text += ": " + detail }
        return text
    }

    /// `field: body`. The root prints as `<nil>`, as Go's nil `*field.Path` does.
    public var description: String {
        "\(fieldString): \(body)"
    }

    /// The field path as Go prints it (`<nil>` for the root).
    public var fieldString: String {
        field.isRoot ? "<nil>" : field.description
    }

    /// The cause for a `Status` body.
    public var cause: StatusCause {
        StatusCause(reason: kind.causeReason, message: body, field: fieldString)
    }

    /// Go's aggregate error text: one error as is, several de-duplicated in `[a, b]`.
    public static func aggregate(_ errors: [FieldError]) -> String {
        var seen: Set<String> = []
        var messages: [String] = []
        for error in errors where seen.insert(error.description).inserted {
            messages.append(error.description)
        }
        if messages.count == 1 { return messages[0] }
        return "[" + messages.joined(separator: ", ") + "]"
    }
}
