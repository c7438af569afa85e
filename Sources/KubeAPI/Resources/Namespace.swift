/// A core/v1 `Namespace`.
public struct Namespace: KubeResource, Hashable {
    public static let group = ""
    public static let version = "v1"
    public static let kind = "Namespace"
    public static let plural = "namespaces"
    public static let namespaced = false

    /// `status`: the phase (`Active` or `Terminating`).
    public struct Status: Codable, Sendable, Hashable {
        public var phase: String?
    }

    public var apiVersion: String = Namespace.apiVersion
    public var kind: String = Namespace.kind
    public var metadata: ObjectMeta
    public var status: Status?

    public init(metadata: ObjectMeta) {
        self.metadata = metadata
    }
}
