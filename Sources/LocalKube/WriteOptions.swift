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

    init(fieldValidation: FieldValidation = .warn, dryRun: Bool = false) {
        self.fieldValidation = fieldValidation
        self.dryRun = dryRun
    }

    init(query: [String: String]) throws(APIError) {
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
}

/// An object ready to store, and the warnings the response carries.
struct WriteResult: Sendable {
    var object: JSONValue
    var warnings: [String]
}
