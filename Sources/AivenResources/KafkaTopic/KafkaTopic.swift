import KubeAPI

/// A topic of an Aiven for Apache Kafka® service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `KafkaTopic`). The topic name is `spec.topicName`, or `metadata.name` when unset.
public struct KafkaTopic: KubeResource, Hashable {
    public static let group = "aiven.io"
    public static let version = "v1alpha1"
    public static let kind = "KafkaTopic"
    public static let plural = "kafkatopics"
    public static let namespaced = true

    public var apiVersion: String = KafkaTopic.apiVersion
    public var kind: String = KafkaTopic.kind
    public var metadata: ObjectMeta
    public var spec: KafkaTopicSpec
    public var status: KafkaTopicStatus?

    public init(metadata: ObjectMeta, spec: KafkaTopicSpec, status: KafkaTopicStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// What the operator observed of the topic.
public struct KafkaTopicStatus: Codable, Sendable, Hashable {
    /// The Aiven topic state: `ACTIVE`, `CONFIGURING`, `DELETING`.
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
