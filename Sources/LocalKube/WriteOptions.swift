import Foundation
import KubeAPI

/// The query parameters every write takes.
struct WriteOptions: Sendable {
    /// `fieldValidation`: what happens to unknown fields.
    enum FieldValidation: String, Sendable {
        /// Dropped silently.
        case ignore = "Ignore"
        /// Dropped, with one `Warning` header per field (the default).
        case warn = "Warn"
        /// The request fails with 400.
        case strict = "Strict"
    }

    var fieldValidation: FieldValidation = .warn
    /// `dryRun=All`: validate and answer, but store nothing.
    var dryRun = false
    /// `fieldManager` as given (server-side apply requires one).
    var fieldManager: String?
    /// Whom the fields of a write without `fieldManager` belong to: the product of the client's
    /// `User-Agent` (`kubectl`, `OpenAPI-Generator`), as kube-apiserver names them.
    var userAgentManager: String?
    /// `force`: server-side apply takes over the fields other managers own.
    var force: Bool?
    /// Set by server-side apply, which records `managedFields` itself.
    var isApply = false

    /// The manager of this write's fields; `nil` for LocalKube's own writes, which record none.
    var manager: String? { fieldManager ?? userAgentManager }

    init(fieldValidation: FieldValidation = .warn, dryRun: Bool = false) {
        self.fieldValidation = fieldValidation
        self.dryRun = dryRun
    }

    /// The options of a request; `kind` (`CreateOptions`, `UpdateOptions`, `PatchOptions`)
    /// names them in a `422` for a bad `fieldManager`.
    init(query: [String: String], kind: String = "CreateOptions", userAgent: String? = nil) throws(APIError) {
        if let agent = userAgent?.split(separator: "/").first.map(String.init), !agent.isEmpty {
            userAgentManager = agent
        } else {
            userAgentManager = "unknown"
        }
        if let value = query["fieldManager"], !value.isEmpty {
            var errors: [FieldError] = []
            if value.utf8.count > Self.fieldManagerMaxLength {
                errors.append(.tooLong(FieldPath("fieldManager"), maxLength: Int64(Self.fieldManagerMaxLength)))
            }
            for (position, scalar) in value.unicodeScalars.enumerated() where scalar.properties.generalCategory.isControlOrUnassigned {
                errors.append(.invalid(
                    FieldPath("fieldManager"), .string(value),
                    "invalid character U+\(String(format: "%04X", scalar.value)) (at position \(position))"
                ))
            }
            if !errors.isEmpty { throw APIError(Status.invalid(kind: kind, group: "meta.k8s.io", name: "", errors: errors)) }
            fieldManager = value
        }
        if let value = query["force"], !value.isEmpty {
            guard let flag = Bool(value.lowercased()) ?? (value == "1" ? true : value == "0" ? false : nil) else {
                throw APIError.badRequest("force: invalid boolean value \(GoFormat.quote(value))")
            }
            force = flag
        }
        if let value = query["fieldValidation"], !value.isEmpty {
            guard let validation = FieldValidation(rawValue: value) else {
                throw APIError.badRequest("fieldValidation must be one of \"Ignore\", \"Warn\" or \"Strict\", got \"\(value)\"")
            }
            fieldValidation = validation
        }
        if let value = query["dryRun"], !value.isEmpty {
            guard value == "All" else { throw APIError.badRequest("Unsupported value: \"\(value)\": supported values: \"All\"") }
            dryRun = true
        }
    }

    /// kube-apiserver's `FieldManagerMaxLength`.
    static let fieldManagerMaxLength = 128
}

extension Unicode.GeneralCategory {
    /// Characters Go's `unicode.IsPrint` refuses in a `fieldManager`.
    fileprivate var isControlOrUnassigned: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

/// An object ready to store, and the warnings the response carries.
struct WriteResult: Sendable {
    var object: JSONValue
    var warnings: [String]
}
