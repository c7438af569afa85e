import KubeAPI

/// The shapes of Kafka topic requests (`ServiceKafkaTopicCreateRequestBody`,
/// `ServiceKafkaTopicUpdateRequestBody` in Aiven's OpenAPI, as `aiven/go-client-codegen`'s
/// `kafkatopic` handler has them), and the topic options with Apache Kafka's defaults.
enum TopicSchemas {
    /// One topic option: its API name (Kafka's name with `_` for `.`), its schema and the value a
    /// topic has when it does not set it (`source: default_config`).
    struct Option: Sendable {
        var name: String
        var schema: JSONValue
        var defaultValue: JSONValue
    }

    private static let longMax: JSONValue = .integer(Int64.max)

    private static func integer(_ name: String, _ defaultValue: JSONValue, minimum: Int64 = 0) -> Option {
        Option(name: name, schema: ["type": "integer", "minimum": .integer(minimum)], defaultValue: defaultValue)
    }

    private static func boolean(_ name: String, _ defaultValue: Bool) -> Option {
        Option(name: name, schema: ["type": "boolean"], defaultValue: .bool(defaultValue))
    }

    private static func choice(_ name: String, _ values: [String], _ defaultValue: String) -> Option {
        Option(name: name, schema: ["type": "string", "enum": .array(values.map { ["value": .string($0)] })], defaultValue: .string(defaultValue))
    }

    static let cleanupPolicies = ["compact", "compact,delete", "delete"]

    /// Every option of `ConfigIn`, with Apache Kafka's topic defaults.
    static let options: [Option] = [
        choice("cleanup_policy", cleanupPolicies, "delete"),
        choice("compression_type", ["gzip", "lz4", "producer", "snappy", "uncompressed", "zstd"], "producer"),
        integer("delete_retention_ms", 86_400_000),
        boolean("diskless_enable", false),
        integer("file_delete_delay_ms", 60000),
        integer("flush_messages", longMax, minimum: 1),
        integer("flush_ms", longMax),
        integer("index_interval_bytes", 4096),
        integer("local_retention_bytes", -2, minimum: -2),
        integer("local_retention_ms", -2, minimum: -2),
        integer("max_compaction_lag_ms", longMax, minimum: 1),
        integer("max_message_bytes", 1_048_588),
        boolean("message_downconversion_enable", true),
        Option(name: "message_format_version", schema: ["type": "string", "max_length": 16], defaultValue: "3.0-IV1"),
        integer("message_timestamp_after_max_ms", longMax),
        integer("message_timestamp_before_max_ms", longMax),
        integer("message_timestamp_difference_max_ms", longMax),
        choice("message_timestamp_type", ["CreateTime", "LogAppendTime"], "CreateTime"),
        Option(name: "min_cleanable_dirty_ratio", schema: ["type": "number", "minimum": 0, "maximum": 1], defaultValue: .number(0.5)),
        integer("min_compaction_lag_ms", 0),
        integer("min_insync_replicas", 1, minimum: 1),
        boolean("preallocate", false),
        boolean("remote_storage_enable", false),
        integer("retention_bytes", -1, minimum: -1),
        integer("retention_ms", 604_800_000, minimum: -1),
        integer("segment_bytes", 209_715_200, minimum: 14),
        integer("segment_index_bytes", 10_485_760, minimum: 4),
        integer("segment_jitter_ms", 0),
        integer("segment_ms", 604_800_000, minimum: 1),
        boolean("unclean_leader_election_enable", false),
    ]

    static let defaults: [String: JSONValue] = Dictionary(uniqueKeysWithValues: options.map { ($0.name, $0.defaultValue) })

    private static let config: JSONValue = [
        "type": "object", "properties": .object(Dictionary(uniqueKeysWithValues: options.map { ($0.name, $0.schema) })),
    ]

    private static let tags: JSONValue = [
        "type": "array", "max_items": 256,
        "items": [
            "type": "object", "required": ["key", "value"],
            "properties": [
                "key": ["type": "string", "min_length": 1, "max_length": 64, "pattern": "^[a-zA-Z0-9_.:+/=@-]*$"],
                "value": ["type": "string", "max_length": 256],
            ],
        ],
    ]

    /// Fields both bodies share. avn sends `null` for options it was not given.
    private static let common: [String: JSONValue] = [
        "partitions": ["type": ["integer", "null"], "minimum": 1, "maximum": 1_000_000],
        "replication": ["type": ["integer", "null"], "minimum": 1],
        "min_insync_replicas": ["type": ["integer", "null"], "minimum": 1],
        "retention_bytes": ["type": ["integer", "null"], "minimum": -1],
        "retention_hours": ["type": ["integer", "null"], "minimum": -1, "maximum": 2_562_047_788_015],
        "cleanup_policy": ["type": ["string", "null"], "enum": .array(cleanupPolicies.map { ["value": .string($0)] } + [["value": nil]])],
        "config": config,
        "tags": tags,
        "topic_description": ["type": ["string", "null"], "max_length": 4096],
        "owner_user_group_id": ["type": ["string", "null"], "max_length": 36],
    ]

    static let create: JSONValue = [
        "type": "object", "required": ["topic_name"],
        "properties": .object(common.merging(["topic_name": ["type": "string", "min_length": 1, "max_length": 249]]) { $1 }),
    ]

    static let update: JSONValue = ["type": "object", "properties": .object(common)]

    /// Kafka's rule for topic names: 1–249 of `[a-zA-Z0-9._-]`, not `.` or `..`.
    static func checkName(_ name: String) throws(EmulatorError) {
        let valid = (1...249).contains(name.utf8.count) && name != "." && name != ".."
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard valid else {
            throw EmulatorError.invalid("Invalid topic name '\(name)': use 1-249 characters of letters, digits, '.', '_' and '-'")
        }
    }
}
