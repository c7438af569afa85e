/// A core/v1 `Event`, as `kubectl describe` shows under "Events:".
public struct Event: KubeResource, Hashable {
    public static let group = ""
    public static let version = "v1"
    public static let kind = "Event"
    public static let plural = "events"
    public static let namespaced = true

    /// The object the event is about.
    public struct ObjectReference: Codable, Sendable, Hashable {
        public var apiVersion: String?
        public var kind: String?
        public var namespace: String?
        public var name: String?
        public var uid: String?
        public var resourceVersion: String?

        public init(apiVersion: String? = nil, kind: String? = nil, namespace: String? = nil, name: String? = nil, uid: String? = nil) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.uid = uid
        }
    }

    /// `source`: the reporting component.
    public struct Source: Codable, Sendable, Hashable {
        public var component: String?

        public init(component: String?) {
            self.component = component
        }
    }

    public var apiVersion: String = Event.apiVersion
    public var kind: String = Event.kind
    public var metadata: ObjectMeta
    public var involvedObject: ObjectReference
    public var reason: String?
    public var message: String?
    /// `Normal` or `Warning`.
    public var type: String?
    public var source: Source?
    public var firstTimestamp: String?
    public var lastTimestamp: String?
    public var count: Int?
    public var reportingComponent: String?
    public var reportingInstance: String?

    public init(metadata: ObjectMeta, involvedObject: ObjectReference, reason: String?, message: String?, type: String? = "Normal") {
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.type = type
    }
}
