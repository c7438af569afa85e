import KubeAPI

/// A connector as the Kafka Connect endpoints return it (inside `{"connector": …}`). Its `config`
/// may hold credentials: it is never logged.
public struct KafkaConnectorInfo: Sendable, Hashable, Decodable {
    /// The connector name.
    public var name: String
    /// The connector's configuration, `connector.class` and `name` included.
    public var config: [String: String]
    /// The connector plugin.
    public var plugin: KafkaConnectorPlugin?
    /// The task ids.
    public var tasks: [Int]

    private enum CodingKeys: String, CodingKey { case name, config, plugin, tasks }
    private struct TaskId: Decodable { var task: Int }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let raw = try container.decodeIfPresent([String: AivenJSON].self, forKey: .config) ?? [:]
        config = raw.compactMapValues { $0.stringValue ?? ($0 == .null ? nil : $0.jsonString) }
        plugin = try container.decodeIfPresent(KafkaConnectorPlugin.self, forKey: .plugin)
        tasks = (try container.decodeIfPresent([TaskId].self, forKey: .tasks) ?? []).map(\.task)
    }
}

/// A connector plugin: an item of `available-connectors` and the `plugin` of a connector.
public struct KafkaConnectorPlugin: Sendable, Hashable, Codable {
    /// The Java class, e.g. `io.aiven.kafka.connect.opensearch.OpensearchSinkConnector`.
    public var className: String
    /// A human-readable title.
    public var title: String?
    /// `sink`, `source` or `unknown`.
    public var type: String?
    /// The plugin version.
    public var version: String?
    /// The plugin's author.
    public var author: String?
    /// Where it is documented.
    public var docURL: String?

    public init(className: String, title: String? = nil, type: String? = nil, version: String? = nil, author: String? = nil, docURL: String? = nil) {
        self.className = className
        self.title = title
        self.type = type
        self.version = version
        self.author = author
        self.docURL = docURL
    }

    private enum CodingKeys: String, CodingKey {
        case className = "class", title, type, version, author, docURL
    }
}

/// `GET …/connectors/{name}/status` (inside `{"status": …}`).
public struct KafkaConnectorStatusInfo: Sendable, Hashable, Decodable {
    /// `RUNNING`, `PAUSED`, `FAILED` or `UNASSIGNED`.
    public var state: String
    /// Each task's state.
    public var tasks: [Task]

    /// One task of the connector.
    public struct Task: Sendable, Hashable, Decodable {
        public var id: Int
        /// `RUNNING`, `PAUSED`, `FAILED` or `UNASSIGNED`.
        public var state: String
        /// The failure's stack trace; empty unless the task failed.
        public var trace: String

        public init(id: Int, state: String, trace: String = "") {
            self.id = id
            self.state = state
            self.trace = trace
        }

        private enum CodingKeys: String, CodingKey { case id, state, trace }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Int.self, forKey: .id)
            state = try container.decode(String.self, forKey: .state)
            trace = try container.decodeIfPresent(String.self, forKey: .trace) ?? ""
        }
    }

    public init(state: String, tasks: [Task]) {
        self.state = state
        self.tasks = tasks
    }
}

/// One option of a connector plugin (`configuration_schema` of
/// `…/connector-plugins/{class}/configuration`), as Kafka Connect's `ConfigDef` describes it.
public struct KafkaConnectorConfigOption: Sendable, Hashable, Decodable {
    /// The config key (`connection.url`).
    public var name: String
    /// `STRING`, `INT`, `SHORT`, `LONG`, `DOUBLE`, `BOOLEAN`, `LIST`, `CLASS` or `PASSWORD`.
    public var type: String
    /// Whether the option has no default value, so a connector config must give it.
    public var required: Bool
    /// `LOW`, `MEDIUM` or `HIGH`.
    public var importance: String?
    public var displayName: String?
    public var documentation: String?

    public init(name: String, type: String, required: Bool, importance: String? = nil, displayName: String? = nil, documentation: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.importance = importance
        self.displayName = displayName
        self.documentation = documentation
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, required, importance, documentation
        case displayName = "display_name"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? "STRING"
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        importance = try container.decodeIfPresent(String.self, forKey: .importance)
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName)
        documentation = try container.decodeIfPresent(String.self, forKey: .documentation)
    }
}
