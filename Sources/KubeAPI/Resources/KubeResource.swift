/// A Kubernetes kind with a typed Swift representation: its identity on the API (group, version,
/// kind, plural) and its scope.
public protocol KubeResource: Codable, Sendable {
    /// The API group; `""` for the core group.
    static var group: String { get }
    /// The API version within the group, e.g. `v1alpha1`.
    static var version: String { get }
    /// The kind, e.g. `KafkaConnect`.
    static var kind: String { get }
    /// The lowercase plural used in URLs, e.g. `kafkaconnects`.
    static var plural: String { get }
    /// `true` for namespaced kinds.
    static var namespaced: Bool { get }

    var metadata: ObjectMeta { get set }
}

extension KubeResource {
    /// `group/version`, or just `version` for the core group.
    public static var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
}
