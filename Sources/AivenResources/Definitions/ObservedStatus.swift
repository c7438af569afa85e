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
    /// The user_config options the operator last applied (service kinds only).
    public var appliedUserConfig: AppliedUserConfig?
    /// What the applied spec read besides itself (a Secret's uid and resourceVersion, never a
    /// value); `nil` when only the spec.
    public var appliedInputs: String?

    public init(
        state: String? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil, driftedFields: [String]? = nil, appliedUserConfig: AppliedUserConfig? = nil,
        appliedInputs: String? = nil
    ) {
        self.state = state
        self.conditions = conditions
        self.observedGeneration = observedGeneration
        self.driftedFields = driftedFields
        self.appliedUserConfig = appliedUserConfig
        self.appliedInputs = appliedInputs
    }
}

/// What the operator applied of a service's user_config (`status.appliedUserConfig`): the options
/// it owns, so Aiven's own defaults never read as drift and an option removed from the spec is
/// still reset.
public struct AppliedUserConfig: Codable, Sendable, Hashable {
    /// Dotted paths of the applied options, sorted (`ip_filter`, `kafka_connect.session_timeout_ms`).
    public var options: [String]?
    /// A salted SHA-256 (hex) of the applied secret options; `nil` when the spec has none.
    public var secretsHash: String?

    public init(options: [String]? = nil, secretsHash: String? = nil) {
        self.options = options
        self.secretsHash = secretsHash
    }
}
