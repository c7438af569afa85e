import KubeAPI

/// A topic of an Aiven for Apache Kafka® service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `KafkaTopic`). The topic name is `spec.topicName`, or `metadata.name` when unset.
public struct KafkaTopic: AivenResource, Hashable {
    public static let kind = "KafkaTopic"
    public static let plural = "kafkatopics"

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
public typealias KafkaTopicStatus = ObservedStatus
