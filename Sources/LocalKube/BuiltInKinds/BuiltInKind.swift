import KubeAPI

/// The rules of one built-in kind LocalKube stores without running it (ServiceAccounts, RBAC
/// objects, Deployments, admission policies, …): its top-level fields, its `kubectl get` columns
/// and the validation (and defaulting) of a write.
struct BuiltInKind: Sendable {
    /// One `kubectl get` column after NAME.
    struct Column: Sendable {
        var title: String
        var cell: @Sendable (JSONValue) -> JSONValue
    }

    /// Checks (and defaults) a write: the new object and, on update, the stored one.
    typealias Validation = @Sendable (_ object: inout JSONValue, _ old: JSONValue?) -> [FieldError]

    /// The top-level fields this kind declares; anything else is an unknown field.
    var fields: Set<String>
    /// Columns between NAME and AGE.
    var columns: [Column]
    /// Whether AGE is the last column (RBAC kinds print CREATED AT instead).
    var showsAge: Bool = true
    /// RBAC objects may be named like `system:discovery`: any path segment, not a DNS subdomain.
    var namesArePathSegments = false
    var validate: Validation = { _, _ in [] }

    static func column(_ title: String, _ cell: @escaping @Sendable (JSONValue) -> JSONValue) -> Column {
        Column(title: title, cell: cell)
    }

    /// A column printing the string at `path`, or `<none>`.
    static func column(_ title: String, path: [String]) -> Column {
        Column(title: title) { .string($0[path: path]?.stringValue ?? "<none>") }
    }
}

extension JSONValue {
    /// The strings of the array at `field` (RBAC rules, admission rules); empty when absent.
    func strings(_ field: String) -> [String] {
        (self[field]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
