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
    /// For `modified`, the object before the change; watches with selectors use it to turn an
    /// object leaving the selection into DELETED and one entering it into ADDED.
    var previous: JSONValue?
    /// The global resourceVersion the change produced.
    var resourceVersion: Int64

    init(kind: Kind, resource: GroupResource, object: JSONValue, previous: JSONValue? = nil, resourceVersion: Int64) {
        self.kind = kind
        self.resource = resource
        self.object = object
        self.previous = previous
        self.resourceVersion = resourceVersion
    }

    var namespace: String? { object[path: ["metadata", "namespace"]]?.stringValue }
}

/// What a watcher receives: a change, or a note that every change up to a resourceVersion has
/// been sent to it (what a BOOKMARK may carry).
enum WatchItem: Sendable {
    case change(StoredEvent)
    /// `ending`: the watch ends after this note (its timeout passed).
    case progress(Int64, ending: Bool)
}
