import KubeAPI

/// What the operator observed of an Aiven service or topic: the `status` of Kafka, KafkaConnect and
/// KafkaTopic (see ``ServiceSchema/observedStatus(_:state:)``).
public struct ObservedStatus: Codable, Sendable, Hashable {
    /// The Aiven state: for services `REBUILDING`, `RUNNING`, `REBALANCING`, `POWEROFF`; for topics
    /// `ACTIVE`, `CONFIGURING`, `DELETING`.
    public var state: String?
    /// `Initialized`, `Running` and `Ready`, with metav1 semantics.
    public var conditions: [Condition]?
    /// The `metadata.generation` the status describes.
    public var observedGeneration: Int64?
    /// Fields that differ on Aiven from the spec and were left alone (drift policy `Report`).
    public var driftedFields: [String]?

    public init(state: String? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil, driftedFields: [String]? = nil) {
        self.state = state
        self.conditions = conditions
        self.observedGeneration = observedGeneration
        self.driftedFields = driftedFields
    }
}
