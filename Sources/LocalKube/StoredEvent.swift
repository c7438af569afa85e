import KubeAPI

/// One change in the store, as watchers receive it.
struct StoredEvent: Sendable {
    enum Kind: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    var kind: Kind
    var resource: GroupResource
    /// The object after the change (for `deleted`, its last state with the deletion's resourceVersion).
    var object: JSONValue
    /// The global resourceVersion the change produced.
    var resourceVersion: Int64

    var namespace: String? { object[path: ["metadata", "namespace"]]?.stringValue }
}
