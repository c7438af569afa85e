import KubeAPI

/// A Kafka topic as `GET /v1/project/{project}/service/{service}/topic/{topic}` returns it (inside
/// `{"topic": …}`).
public struct KafkaTopicInfo: Sendable, Hashable, Decodable {
    /// The topic name.
    public var topicName: String
    /// The number of partitions (Aiven lists them one by one; only their count matters here).
    public var partitions: Int
    /// The replication factor.
    public var replication: Int
    /// `ACTIVE`, `CONFIGURING` or `DELETING`.
    public var state: String
    /// Every configuration entry's value, keyed by its snake_case name (`retention_ms`), whatever
    /// its source.
    public var config: [String: AivenJSON]
    /// The entries set on the topic itself (source `topic_config`), as opposed to broker defaults.
    public var topicConfig: [String: AivenJSON]
    /// The topic's tags.
    public var tags: [KafkaTopicTag]

    private enum CodingKeys: String, CodingKey {
        case topicName = "topic_name", partitions, replication, state, config, tags
    }

    public init(
        topicName: String, partitions: Int, replication: Int, state: String,
        config: [String: AivenJSON] = [:], topicConfig: [String: AivenJSON] = [:], tags: [KafkaTopicTag] = []
    ) {
        self.topicName = topicName
        self.partitions = partitions
        self.replication = replication
        self.state = state
        self.config = config
        self.topicConfig = topicConfig
        self.tags = tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        topicName = try container.decode(String.self, forKey: .topicName)
        if let list = try? container.decode([AivenJSON].self, forKey: .partitions) {
            partitions = list.count
        } else {
            partitions = try container.decode(Int.self, forKey: .partitions)
        }
        replication = try container.decode(Int.self, forKey: .replication)
        state = try container.decodeIfPresent(String.self, forKey: .state) ?? "ACTIVE"
        let entries = try container.decodeIfPresent([String: AivenJSON].self, forKey: .config) ?? [:]
        var config: [String: AivenJSON] = [:]
        var topicConfig: [String: AivenJSON] = [:]
        for (name, entry) in entries {
            guard let value = entry["value"] else { continue }
            config[name] = value
            if entry["source"]?.stringValue == "topic_config" { topicConfig[name] = value }
        }
        self.config = config
        self.topicConfig = topicConfig
        tags = try container.decodeIfPresent([KafkaTopicTag].self, forKey: .tags) ?? []
    }
}

/// One tag of a topic.
public struct KafkaTopicTag: Sendable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// The body of `POST …/topic` (with `topicName`) and of `PUT …/topic/{topic}` (without).
public struct KafkaTopicRequest: Sendable, Hashable, Encodable {
    /// The topic name; only sent on create.
    public var topicName: String?
    /// The number of partitions; Aiven only lets it grow.
    public var partitions: Int?
    /// The replication factor.
    public var replication: Int?
    /// Topic configuration, snake_case names (`retention_ms`, `cleanup_policy`).
    public var config: [String: AivenJSON]?
    /// The topic's tags.
    public var tags: [KafkaTopicTag]?

    public init(topicName: String? = nil, partitions: Int? = nil, replication: Int? = nil, config: [String: AivenJSON]? = nil, tags: [KafkaTopicTag]? = nil) {
        self.topicName = topicName
        self.partitions = partitions
        self.replication = replication
        self.config = config
        self.tags = tags
    }

    private enum CodingKeys: String, CodingKey {
        case topicName = "topic_name", partitions, replication, config, tags
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(topicName, forKey: .topicName)
        try container.encodeIfPresent(partitions, forKey: .partitions)
        try container.encodeIfPresent(replication, forKey: .replication)
        try container.encodeIfPresent(config, forKey: .config)
        try container.encodeIfPresent(tags, forKey: .tags)
    }
}
