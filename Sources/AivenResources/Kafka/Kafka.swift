import KubeAPI

/// An Aiven for Apache Kafka® service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `Kafka`). The Aiven service name is `metadata.name`.
public struct Kafka: AivenResource, Hashable {
    public static let kind = "Kafka"
    public static let plural = "kafkas"

    public var apiVersion: String = Kafka.apiVersion
    public var kind: String = Kafka.kind
    public var metadata: ObjectMeta
    public var spec: KafkaSpec
    public var status: KafkaStatus?

    public init(metadata: ObjectMeta, spec: KafkaSpec, status: KafkaStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// What the operator observed of the service.
public typealias KafkaStatus = ObservedStatus
