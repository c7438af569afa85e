import KubeAPI

/// A Kafka Connect connector declared as a Kubernetes resource (`aiven.io/v1alpha1`,
/// `KafkaConnector`), running on the Kafka Connect workers of `spec.serviceName`. The connector name
/// is `metadata.name`.
public struct KafkaConnector: AivenResource, Hashable {
    public static let kind = "KafkaConnector"
    public static let plural = "kafkaconnectors"

    public var apiVersion: String = KafkaConnector.apiVersion
    public var kind: String = KafkaConnector.kind
    public var metadata: ObjectMeta
    public var spec: KafkaConnectorSpec
    public var status: KafkaConnectorStatus?

    public init(metadata: ObjectMeta, spec: KafkaConnectorSpec, status: KafkaConnectorStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// What the operator observed of the connector. Never holds configuration values: those may come
/// from Secrets.
public struct KafkaConnectorStatus: Codable, Sendable, Hashable {
    /// The connector state reported by Kafka Connect: `UNASSIGNED`, `RUNNING`, `PAUSED`, `FAILED`,
    /// `RESTARTING`, `STOPPED`.
    public var state: String?
    /// How many of the connector's tasks are in each state.
    public var tasksStatus: TasksStatus?
    /// Each task's state, by task id.
    public var tasks: [TaskState]?
    /// `Initialized`, `Running` and `Ready`, with metav1 semantics.
    public var conditions: [Condition]?
    /// The `metadata.generation` the status describes.
    public var observedGeneration: Int64?
    /// Config keys that differ on Aiven from the spec and were left alone (drift policy `Report`).
    public var driftedFields: [String]?
    /// The Secrets the applied config read `{{ fromSecret … }}` values from, as
    /// `NAME@resourceVersion` (never a value): a change is applied like a new generation.
    public var appliedSecrets: String?

    public init(
        state: String? = nil, tasksStatus: TasksStatus? = nil, conditions: [Condition]? = nil, observedGeneration: Int64? = nil,
        driftedFields: [String]? = nil, appliedSecrets: String? = nil, tasks: [TaskState]? = nil
    ) {
        self.state = state
        self.tasksStatus = tasksStatus
        self.tasks = tasks
        self.conditions = conditions
        self.observedGeneration = observedGeneration
        self.driftedFields = driftedFields
        self.appliedSecrets = appliedSecrets
    }

    /// One task of the connector.
    public struct TaskState: Codable, Sendable, Hashable {
        public var id: Int
        /// `RUNNING`, `FAILED`, `PAUSED` or `UNASSIGNED`.
        public var state: String

        public init(id: Int, state: String) {
            self.id = id
            self.state = state
        }
    }

    /// Number of the connector's tasks in each state.
    public struct TasksStatus: Codable, Sendable, Hashable {
        public var total: Int?
        public var running: Int?
        public var failed: Int?
        public var paused: Int?
        public var unassigned: Int?
        public var unknown: Int?
        /// The first line of the trace of the first failed task.
        public var stackTrace: String?

        public init(total: Int? = nil, running: Int? = nil, failed: Int? = nil, paused: Int? = nil, unassigned: Int? = nil, unknown: Int? = nil, stackTrace: String? = nil) {
            self.total = total
            self.running = running
            self.failed = failed
            self.paused = paused
            self.unassigned = unassigned
            self.unknown = unknown
            self.stackTrace = stackTrace
        }
    }
}
