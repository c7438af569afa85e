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
    /// The plugin running the connector, as Aiven describes it.
    public var pluginStatus: PluginStatus?
    /// Restarts: the annotation values acted on and the automatic ones.
    public var restarts: Restarts?
    /// The connector's name on Aiven, once it exists (`metadata.name` or annotation
    /// `controllers.aiven.io/connector-name`).
    public var connectorName: String?
    /// `PAUSED` when the applied spec asks for the connector paused (annotation
    /// `controllers.aiven.io/connector-state`); absent when it asks for it running.
    public var appliedState: String?

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

    /// The plugin of the connector (`status.pluginStatus` of the reference CRD).
    public struct PluginStatus: Codable, Sendable, Hashable {
        public var author: String
        /// The Java class.
        public var `class`: String
        public var docUrl: String
        public var title: String
        /// `sink` or `source`.
        public var type: String
        public var version: String

        public init(author: String, class: String, docUrl: String, title: String, type: String, version: String) {
            self.author = author
            self.class = `class`
            self.docUrl = docUrl
            self.title = title
            self.type = type
            self.version = version
        }
    }

    /// What was restarted and when.
    public struct Restarts: Codable, Sendable, Hashable {
        /// The value of annotation `controllers.aiven.io/restart` last acted on.
        public var connector: String?
        /// The value of annotation `controllers.aiven.io/restart-task` last acted on.
        public var task: String?
        /// Automatic restarts since the connector last ran healthy for a while.
        public var automatic: Int?
        /// When the last restart (automatic or asked for) was made.
        public var lastRestartTime: String?
        /// When the next automatic restart is due, while a transient failure lasts.
        public var nextAttemptTime: String?

        public init(connector: String? = nil, task: String? = nil, automatic: Int? = nil, lastRestartTime: String? = nil, nextAttemptTime: String? = nil) {
            self.connector = connector
            self.task = task
            self.automatic = automatic
            self.lastRestartTime = lastRestartTime
            self.nextAttemptTime = nextAttemptTime
        }
    }
}
