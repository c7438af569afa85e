import KubeAPI

/// KafkaTopicSpec defines the desired state of KafkaTopic.
public struct KafkaTopicSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Kafka topic configuration.
    public var config: Config?
    /// Number of partitions to create in the topic.
    public var partitions: Int
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Replication factor for the topic.
    public var replication: Int
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String
    /// Kafka topic tags.
    public var tags: [Tags]?
    /// It is a Kubernetes side deletion protections, which prevents the kafka topic
    /// from being deleted by Kubernetes. It is recommended to enable this for any production
    /// databases containing critical data.
    public var terminationProtection: Bool?
    /// Topic name. If provided, is used instead of metadata.name.
    /// This field supports additional characters, has a longer length,
    /// and will replace metadata.name in future releases.
    public var topicName: String?

    public init(authSecretRef: SecretKeyReference? = nil, config: Config? = nil, partitions: Int, project: String, replication: Int, serviceName: String, tags: [Tags]? = nil, terminationProtection: Bool? = nil, topicName: String? = nil) {
        self.authSecretRef = authSecretRef
        self.config = config
        self.partitions = partitions
        self.project = project
        self.replication = replication
        self.serviceName = serviceName
        self.tags = tags
        self.terminationProtection = terminationProtection
        self.topicName = topicName
    }

    enum CodingKeys: String, CodingKey {
        case authSecretRef
        case config
        case partitions
        case project
        case replication
        case serviceName
        case tags
        case terminationProtection = "termination_protection"
        case topicName
    }

    /// Kafka topic configuration.
    public struct Config: Codable, Sendable, Hashable {
        /// The retention policy to use on old segments. Possible values include `delete`, `compact`, or a comma-separated list of them. The default policy (`delete`) will discard old segments when their retention time or size limit has been reached. The `compact` setting will enable log compaction on the topic.
        public var cleanupPolicy: String?
        /// Specify the final compression type for a given topic. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `uncompressed` which is equivalent to no compression; and `producer` which means retain the original compression codec set by the producer.
        public var compressionType: String?
        /// The amount of time to retain delete tombstone markers for log compacted topics. This setting also gives a bound on the time in which a consumer must complete a read if they begin from offset 0 to ensure that they get a valid snapshot of the final stage (otherwise delete tombstones may be collected before they complete their scan).
        public var deleteRetentionMs: Int?
        /// Indicates whether diskless should be enabled.
        public var disklessEnable: Bool?
        /// The time to wait before deleting a file from the filesystem.
        public var fileDeleteDelayMs: Int?
        /// This setting allows specifying an interval at which we will force an fsync of data written to the log. For example if this was set to 1 we would fsync after every message; if it were 5 we would fsync after every five messages. In general we recommend you not set this and use replication for durability and allow the operating system's background flush capabilities as it is more efficient.
        public var flushMessages: Int?
        /// This setting allows specifying a time interval at which we will force an fsync of data written to the log. For example if this was set to 1000 we would fsync after 1000 ms had passed. In general we recommend you not set this and use replication for durability and allow the operating system's background flush capabilities as it is more efficient.
        public var flushMs: Int?
        /// This setting controls how frequently Kafka adds an index entry to its offset index. The default setting ensures that we index a message roughly every 4096 bytes. More indexing allows reads to jump closer to the exact position in the log but makes the index larger. You probably don't need to change this.
        public var indexIntervalBytes: Int?
        /// This configuration controls the maximum bytes tiered storage will retain segment files locally before it will discard old log segments to free up space. If set to -2, the limit is equal to overall retention time. If set to -1, no limit is applied but it's possible only if overall retention is also -1.
        public var localRetentionBytes: Int?
        /// This configuration controls the maximum time tiered storage will retain segment files locally before it will discard old log segments to free up space. If set to -2, the time limit is equal to overall retention time. If set to -1, no time limit is applied but it's possible only if overall retention is also -1.
        public var localRetentionMs: Int?
        /// The maximum time a message will remain ineligible for compaction in the log. Only applicable for logs that are being compacted.
        public var maxCompactionLagMs: Int?
        /// The largest record batch size allowed by Kafka (after compression if compression is enabled). If this is increased and there are consumers older than 0.10.2, the consumers' fetch size must also be increased so that the they can fetch record batches this large. In the latest message format version, records are always grouped into batches for efficiency. In previous message format versions, uncompressed records are not grouped into batches and this limit only applies to a single record in that case.
        public var maxMessageBytes: Int?
        /// This configuration controls whether down-conversion of message formats is enabled to satisfy consume requests. When set to false, broker will not perform down-conversion for consumers expecting an older message format. The broker responds with UNSUPPORTED_VERSION error for consume requests from such older clients. This configuration does not apply to any message format conversion that might be required for replication to followers.
        public var messageDownconversionEnable: Bool?
        /// Specify the message format version the broker will use to append messages to the logs. The value should be a valid ApiVersion. Some examples are: 0.8.2, 0.9.0.0, 0.10.0, check ApiVersion for more details. By setting a particular message format version, the user is certifying that all the existing messages on disk are smaller or equal than the specified version. Setting this value incorrectly will cause consumers with older versions to break as they will receive messages with a format that they don't understand.
        public var messageFormatVersion: String?
        /// The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. This configuration is ignored if message.timestamp.type=LogAppendTime.
        public var messageTimestampDifferenceMaxMs: Int?
        /// Define whether the timestamp in the message is message create time or log append time.
        public var messageTimestampType: String?
        /// This configuration controls how frequently the log compactor will attempt to clean the log (assuming log compaction is enabled). By default we will avoid cleaning a log where more than 50% of the log has been compacted. This ratio bounds the maximum space wasted in the log by duplicates (at 50% at most 50% of the log could be duplicates). A higher ratio will mean fewer, more efficient cleanings but will mean more wasted space in the log. If the max.compaction.lag.ms or the min.compaction.lag.ms configurations are also specified, then the log compactor considers the log to be eligible for compaction as soon as either: (i) the dirty ratio threshold has been met and the log has had dirty (uncompacted) records for at least the min.compaction.lag.ms duration, or (ii) if the log has had dirty (uncompacted) records for at most the max.compaction.lag.ms period.
        public var minCleanableDirtyRatio: Double?
        /// The minimum time a message will remain uncompacted in the log. Only applicable for logs that are being compacted.
        public var minCompactionLagMs: Int?
        /// When a producer sets acks to `all` (or `-1`), this configuration specifies the minimum number of replicas that must acknowledge a write for the write to be considered successful. If this minimum cannot be met, then the producer will raise an exception (either NotEnoughReplicas or NotEnoughReplicasAfterAppend). When used together, min.insync.replicas and acks allow you to enforce greater durability guarantees. A typical scenario would be to create a topic with a replication factor of 3, set min.insync.replicas to 2, and produce with acks of `all`. This will ensure that the producer raises an exception if a majority of replicas do not receive a write.
        public var minInsyncReplicas: Int?
        /// True if we should preallocate the file on disk when creating a new log segment.
        public var preallocate: Bool?
        /// Indicates whether tiered storage should be enabled.
        public var remoteStorageEnable: Bool?
        /// This configuration controls the maximum size a partition (which consists of log segments) can grow to before we will discard old log segments to free up space if we are using the `delete` retention policy. By default there is no size limit only a time limit. Since this limit is enforced at the partition level, multiply it by the number of partitions to compute the topic retention in bytes.
        public var retentionBytes: Int?
        /// This configuration controls the maximum time we will retain a log before we will discard old log segments to free up space if we are using the `delete` retention policy. This represents an SLA on how soon consumers must read their data. If set to -1, no time limit is applied.
        public var retentionMs: Int?
        /// This configuration controls the segment file size for the log. Retention and cleaning is always done a file at a time so a larger segment size means fewer files but less granular control over retention. Setting this to a very low value has consequences, and the Aiven management plane ignores values less than 10 megabytes.
        public var segmentBytes: Int?
        /// This configuration controls the size of the index that maps offsets to file positions. We preallocate this index file and shrink it only after log rolls. You generally should not need to change this setting.
        public var segmentIndexBytes: Int?
        /// The maximum random jitter subtracted from the scheduled segment roll time to avoid thundering herds of segment rolling.
        public var segmentJitterMs: Int?
        /// This configuration controls the period of time after which Kafka will force the log to roll even if the segment file isn't full to ensure that retention can delete or compact old data. Setting this to a very low value has consequences, and the Aiven management plane ignores values less than 10 seconds.
        public var segmentMs: Int?
        /// Indicates whether to enable replicas not in the ISR set to be elected as leader as a last resort, even though doing so may result in data loss.
        public var uncleanLeaderElectionEnable: Bool?

        public init(cleanupPolicy: String? = nil, compressionType: String? = nil, deleteRetentionMs: Int? = nil, disklessEnable: Bool? = nil, fileDeleteDelayMs: Int? = nil, flushMessages: Int? = nil, flushMs: Int? = nil, indexIntervalBytes: Int? = nil, localRetentionBytes: Int? = nil, localRetentionMs: Int? = nil, maxCompactionLagMs: Int? = nil, maxMessageBytes: Int? = nil, messageDownconversionEnable: Bool? = nil, messageFormatVersion: String? = nil, messageTimestampDifferenceMaxMs: Int? = nil, messageTimestampType: String? = nil, minCleanableDirtyRatio: Double? = nil, minCompactionLagMs: Int? = nil, minInsyncReplicas: Int? = nil, preallocate: Bool? = nil, remoteStorageEnable: Bool? = nil, retentionBytes: Int? = nil, retentionMs: Int? = nil, segmentBytes: Int? = nil, segmentIndexBytes: Int? = nil, segmentJitterMs: Int? = nil, segmentMs: Int? = nil, uncleanLeaderElectionEnable: Bool? = nil) {
            self.cleanupPolicy = cleanupPolicy
            self.compressionType = compressionType
            self.deleteRetentionMs = deleteRetentionMs
            self.disklessEnable = disklessEnable
            self.fileDeleteDelayMs = fileDeleteDelayMs
            self.flushMessages = flushMessages
            self.flushMs = flushMs
            self.indexIntervalBytes = indexIntervalBytes
            self.localRetentionBytes = localRetentionBytes
            self.localRetentionMs = localRetentionMs
            self.maxCompactionLagMs = maxCompactionLagMs
            self.maxMessageBytes = maxMessageBytes
            self.messageDownconversionEnable = messageDownconversionEnable
            self.messageFormatVersion = messageFormatVersion
            self.messageTimestampDifferenceMaxMs = messageTimestampDifferenceMaxMs
            self.messageTimestampType = messageTimestampType
            self.minCleanableDirtyRatio = minCleanableDirtyRatio
            self.minCompactionLagMs = minCompactionLagMs
            self.minInsyncReplicas = minInsyncReplicas
            self.preallocate = preallocate
            self.remoteStorageEnable = remoteStorageEnable
            self.retentionBytes = retentionBytes
            self.retentionMs = retentionMs
            self.segmentBytes = segmentBytes
            self.segmentIndexBytes = segmentIndexBytes
            self.segmentJitterMs = segmentJitterMs
            self.segmentMs = segmentMs
            self.uncleanLeaderElectionEnable = uncleanLeaderElectionEnable
        }

        enum CodingKeys: String, CodingKey {
            case cleanupPolicy = "cleanup_policy"
            case compressionType = "compression_type"
            case deleteRetentionMs = "delete_retention_ms"
            case disklessEnable = "diskless_enable"
            case fileDeleteDelayMs = "file_delete_delay_ms"
            case flushMessages = "flush_messages"
            case flushMs = "flush_ms"
            case indexIntervalBytes = "index_interval_bytes"
            case localRetentionBytes = "local_retention_bytes"
            case localRetentionMs = "local_retention_ms"
            case maxCompactionLagMs = "max_compaction_lag_ms"
            case maxMessageBytes = "max_message_bytes"
            case messageDownconversionEnable = "message_downconversion_enable"
            case messageFormatVersion = "message_format_version"
            case messageTimestampDifferenceMaxMs = "message_timestamp_difference_max_ms"
            case messageTimestampType = "message_timestamp_type"
            case minCleanableDirtyRatio = "min_cleanable_dirty_ratio"
            case minCompactionLagMs = "min_compaction_lag_ms"
            case minInsyncReplicas = "min_insync_replicas"
            case preallocate
            case remoteStorageEnable = "remote_storage_enable"
            case retentionBytes = "retention_bytes"
            case retentionMs = "retention_ms"
            case segmentBytes = "segment_bytes"
            case segmentIndexBytes = "segment_index_bytes"
            case segmentJitterMs = "segment_jitter_ms"
            case segmentMs = "segment_ms"
            case uncleanLeaderElectionEnable = "unclean_leader_election_enable"
        }
    }

    /// Kafka topic tags.
    public struct Tags: Codable, Sendable, Hashable {
        public var key: String
        public var value: String?

        public init(key: String, value: String? = nil) {
            self.key = key
            self.value = value
        }
    }
}

