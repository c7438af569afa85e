import KubeAPI

/// A namespaced kind of the `aiven.io/v1alpha1` API this operator serves.
public protocol AivenResource: KubeResource {}

extension AivenResource {
    /// `aiven.io`.
    public static var group: String { "aiven.io" }
    /// `v1alpha1`.
    public static var version: String { "v1alpha1" }
    /// Every Aiven kind lives in a namespace.
    public static var namespaced: Bool { true }
}
