import KubeAPI

/// The status of a kind whose Aiven object is known by the id Aiven gave it (a service
/// integration, an ACL entry): the id, the conditions and the generation they describe.
public struct IdentifiedStatus: Codable, Sendable, Hashable {
    /// Aiven's id of the object: its identity on Aiven.
    public var id: String?
    /// `Initialized`, `Running` and `Ready`, with metav1 semantics.
    public var conditions: [Condition]?
    /// The `metadata.generation` the status describes.
    public var observedGeneration: Int64?

    public init(id: String? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil) {
        self.id = id
        self.conditions = conditions
        self.observedGeneration = observedGeneration
    }
}
