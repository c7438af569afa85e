/// Options of a list or watch.
public struct ListOptions: Sendable {
    /// `labelSelector`, e.g. `app=web,tier!=db`.
    public var labelSelector: String?
    /// `fieldSelector`, e.g. `metadata.name=x`.
    public var fieldSelector: String?
    /// Page size; `nil` lists everything in one response.
    public var limit: Int?
    /// The continue token of the previous page.
    public var continueToken: String?
    /// `resourceVersion` (for a watch: where to resume; `nil` = send the current state first).
    public var resourceVersion: String?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil, resourceVersion: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        if let limit { query.append(("limit", String(limit))) }
        if let continueToken { query.append(("continue", continueToken)) }
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        return query
    }
}

/// Options of a delete: preconditions and propagation.
public struct DeleteOptions: Sendable {
    /// Delete only if the object still has this uid.
    public var uid: String?
    /// Delete only if the object still has this resourceVersion.
    public var resourceVersion: String?
    /// `Background` (default), `Foreground` or `Orphan`.
    public var propagationPolicy: String?
    public var dryRun: Bool

    public init(uid: String? = nil, resourceVersion: String? = nil, propagationPolicy: String? = nil, dryRun: Bool = false) {
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.propagationPolicy = propagationPolicy
        self.dryRun = dryRun
    }
}

/// Options of a create, replace or patch.
public struct WriteOptions: Sendable {
    /// `fieldManager`.
    public var fieldManager: String?
    /// `fieldValidation`: `Strict`, `Warn` or `Ignore`.
    public var fieldValidation: String?
    public var dryRun: Bool

    public init(fieldManager: String? = nil, fieldValidation: String? = nil, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.fieldValidation = fieldValidation
        self.dryRun = dryRun
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let fieldManager { query.append(("fieldManager", fieldManager)) }
        if let fieldValidation { query.append(("fieldValidation", fieldValidation)) }
        if dryRun { query.append(("dryRun", "All")) }
        return query
    }
}
