import KubeAPI

/// An Aiven for Apache Kafka® service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `Kafka`). The Aiven service name is `metadata.name`.
public struct Kafka: KubeResource, Hashable {
    public static let group = "aiven.io"
    public static let version = "v1alpha1"
    public static let kind = "Kafka"
    public static let plural = "kafkas"
    public static let namespaced = true

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
