import KubeAPI

/// ServiceIntegrationSpec defines the desired state of ServiceIntegration.
public struct ServiceIntegrationSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Autoscaler specific user configuration options.
    public var autoscaler: JSONValue?
    /// Clickhouse Kafka configuration values.
    public var clickhouseKafka: ClickhouseKafka?
    /// Clickhouse PostgreSQL configuration values.
    public var clickhousePostgresql: ClickhousePostgresql?
    /// Datadog specific user configuration options.
    public var datadog: Datadog?
    /// Destination endpoint for the integration (if any).
    public var destinationEndpointId: String?
    /// Destination endpoint reference for the integration (if any).
    ///
    /// The reference must point to a ServiceIntegrationEndpoint in the same namespace.
    /// Only the name is allowed: namespace must be omitted and name must not contain a namespace (no "ns/name" form).
    /// The controller resolves the destination endpoint ID from ServiceIntegrationEndpoint.status.id.
    public var destinationEndpointRef: DestinationEndpointRef?
    /// Destination project for the integration (if any).
    public var destinationProjectName: String?
    /// Destination service for the integration (if any).
    public var destinationServiceName: String?
    /// External AWS CloudWatch Metrics integration Logs configuration values.
    public var externalAWSCloudwatchMetrics: ExternalAWSCloudwatchMetrics?
    /// Type of the service integration accepted by Aiven API. Some values may not be supported by the operator.
    public var integrationType: String
    /// Kafka Connect service configuration values.
    public var kafkaConnect: KafkaConnect?
    /// Kafka logs configuration values.
    public var kafkaLogs: KafkaLogs?
    /// Kafka MirrorMaker configuration values.
    public var kafkaMirrormaker: KafkaMirrormaker?
    /// Logs configuration values.
    public var logs: Logs?
    /// Metrics configuration values.
    public var metrics: Metrics?
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Source endpoint for the integration (if any).
    public var sourceEndpointID: String?
    /// Source project for the integration (if any).
    public var sourceProjectName: String?
    /// Source service for the integration (if any).
    public var sourceServiceName: String?

    public init(authSecretRef: SecretKeyReference? = nil, autoscaler: JSONValue? = nil, clickhouseKafka: ClickhouseKafka? = nil, clickhousePostgresql: ClickhousePostgresql? = nil, datadog: Datadog? = nil, destinationEndpointId: String? = nil, destinationEndpointRef: DestinationEndpointRef? = nil, destinationProjectName: String? = nil, destinationServiceName: String? = nil, externalAWSCloudwatchMetrics: ExternalAWSCloudwatchMetrics? = nil, integrationType: String, kafkaConnect: KafkaConnect? = nil, kafkaLogs: KafkaLogs? = nil, kafkaMirrormaker: KafkaMirrormaker? = nil, logs: Logs? = nil, metrics: Metrics? = nil, project: String, sourceEndpointID: String? = nil, sourceProjectName: String? = nil, sourceServiceName: String? = nil) {
        self.authSecretRef = authSecretRef
        self.autoscaler = autoscaler
        self.clickhouseKafka = clickhouseKafka
        self.clickhousePostgresql = clickhousePostgresql
        self.datadog = datadog
        self.destinationEndpointId = destinationEndpointId
        self.destinationEndpointRef = destinationEndpointRef
        self.destinationProjectName = destinationProjectName
        self.destinationServiceName = destinationServiceName
        self.externalAWSCloudwatchMetrics = externalAWSCloudwatchMetrics
        self.integrationType = integrationType
        self.kafkaConnect = kafkaConnect
        self.kafkaLogs = kafkaLogs
        self.kafkaMirrormaker = kafkaMirrormaker
        self.logs = logs
        self.metrics = metrics
        self.project = project
        self.sourceEndpointID = sourceEndpointID
        self.sourceProjectName = sourceProjectName
        self.sourceServiceName = sourceServiceName
    }

    /// Clickhouse Kafka configuration values.
    public struct ClickhouseKafka: Codable, Sendable, Hashable {
        /// Array of table configurations that define how Kafka topics are mapped to ClickHouse tables. Each table configuration specifies the table structure, associated Kafka topics, and read/write settings.
        public var tables: [Tables]?

        public init(tables: [Tables]? = nil) {
            self.tables = tables
        }

        /// Table to create.
        public struct Tables: Codable, Sendable, Hashable {
            /// Determines where to start reading from Kafka when no offset is stored or the stored offset is out of range. `earliest` starts from the beginning, `latest` starts from the end.
            public var autoOffsetReset: String?
            /// When set to a non-zero value and there are no committed offsets, the consumer starts from the offset corresponding to (now - auto_offset_reset_by_duration_ms). This overrides auto_offset_reset when set. Requires ClickHouse >= 25.8.
            public var autoOffsetResetByDurationMs: Int?
            /// Array of column definitions that specify the structure of the ClickHouse table. Each column maps to a field in the Kafka messages.
            public var columns: [Columns]
            /// The format of the messages in the Kafka topics. Determines how ClickHouse parses and serializes the data (e.g., JSON, CSV, Avro).
            public var dataFormat: String
            /// Specifies how ClickHouse should parse DateTime values from text-based input formats. `basic` uses simple parsing, `best_effort` attempts more flexible parsing.
            public var dateTimeInputFormat: String?
            /// The Kafka consumer group name. Multiple consumers with the same group name will share the workload and maintain offset positions.
            public var groupName: String
            /// Defines how ClickHouse should handle errors when processing Kafka messages. `default` stops on errors, `stream` continues processing and logs errors, `dead_letter_queue` saves error data to system.dead_letter_queue (requires ClickHouse 25.8+).
            public var handleErrorMode: String?
            /// Optional materialized view that persists data from the Kafka engine table into a MergeTree-family table. When specified, a ClickHouse materialized view is created that automatically reads from the Kafka table and inserts into a durable target table.
            public var materializedView: MaterializedView?
            /// Maximum number of rows to collect before flushing data between Kafka and ClickHouse.
            public var maxBlockSize: Int?
            /// Maximum number of rows that can be processed from a single Kafka message for row-based formats. Useful for controlling memory usage.
            public var maxRowsPerMessage: Int?
            /// The name of the ClickHouse table to be created. This table can consume data from and write data to the specified Kafka topics.
            public var name: String
            /// Number of Kafka consumers to run per table per replica. Increasing this can improve throughput but may increase resource usage.
            public var numConsumers: Int?
            /// Maximum number of messages to fetch in a single Kafka poll operation for reading.
            public var pollMaxBatchSize: Int?
            /// Timeout in milliseconds for a single poll from Kafka. Takes the value of the stream_flush_interval_ms server setting by default (500ms).
            public var pollMaxTimeoutMs: Int?
            /// The maximum number of messages in a batch sent to Kafka. If the number of messages exceeds this value, the batch is sent.
            public var producerBatchNumMessages: Int?
            /// The maximum size in bytes of a batch of messages sent to Kafka. If the batch size is exceeded, the batch is sent.
            public var producerBatchSize: Int?
            /// The compression codec to use when sending a batch of messages to Kafka.
            public var producerCompressionCodec: String?
            /// The compression level to use when sending a batch of messages to Kafka. Usable range is algorithm-dependent: [0-9] for gzip; [0-12] for lz4; only 0 for snappy; -1 = codec-dependent default compression level.
            public var producerCompressionLevel: Int?
            /// The time in milliseconds to wait for additional messages before sending a batch. If the time is exceeded, the batch is sent.
            public var producerLingerMs: Int?
            /// The maximum size of the buffer in kilobytes before sending.
            public var producerQueueBufferingMaxKbytes: Int?
            /// The maximum number of messages to buffer before sending.
            public var producerQueueBufferingMaxMessages: Int?
            /// The number of acknowledgements the leader broker must receive from ISR brokers before responding to the request: 0=Broker does not send any response/ack to client, -1 will block until message is committed by all in sync replicas (ISRs).
            public var producerRequestRequiredAcks: Int?
            /// Number of broken messages to skip before stopping processing when reading from Kafka. Useful for handling corrupted data without failing the entire integration.
            public var skipBrokenMessages: Int?
            /// When enabled, each consumer runs in its own thread, providing better isolation and potentially better performance for high-throughput scenarios.
            public var threadPerConsumer: Bool?
            /// Array of Kafka topics that this table will read data from or write data to. Messages from all specified topics will be inserted into this table, and data inserted into this table will be published to the topics.
            public var topics: [Topics]

            public init(autoOffsetReset: String? = nil, autoOffsetResetByDurationMs: Int? = nil, columns: [Columns], dataFormat: String, dateTimeInputFormat: String? = nil, groupName: String, handleErrorMode: String? = nil, materializedView: MaterializedView? = nil, maxBlockSize: Int? = nil, maxRowsPerMessage: Int? = nil, name: String, numConsumers: Int? = nil, pollMaxBatchSize: Int? = nil, pollMaxTimeoutMs: Int? = nil, producerBatchNumMessages: Int? = nil, producerBatchSize: Int? = nil, producerCompressionCodec: String? = nil, producerCompressionLevel: Int? = nil, producerLingerMs: Int? = nil, producerQueueBufferingMaxKbytes: Int? = nil, producerQueueBufferingMaxMessages: Int? = nil, producerRequestRequiredAcks: Int? = nil, skipBrokenMessages: Int? = nil, threadPerConsumer: Bool? = nil, topics: [Topics]) {
                self.autoOffsetReset = autoOffsetReset
                self.autoOffsetResetByDurationMs = autoOffsetResetByDurationMs
                self.columns = columns
                self.dataFormat = dataFormat
                self.dateTimeInputFormat = dateTimeInputFormat
                self.groupName = groupName
                self.handleErrorMode = handleErrorMode
                self.materializedView = materializedView
                self.maxBlockSize = maxBlockSize
                self.maxRowsPerMessage = maxRowsPerMessage
                self.name = name
                self.numConsumers = numConsumers
                self.pollMaxBatchSize = pollMaxBatchSize
                self.pollMaxTimeoutMs = pollMaxTimeoutMs
                self.producerBatchNumMessages = producerBatchNumMessages
                self.producerBatchSize = producerBatchSize
                self.producerCompressionCodec = producerCompressionCodec
                self.producerCompressionLevel = producerCompressionLevel
                self.producerLingerMs = producerLingerMs
                self.producerQueueBufferingMaxKbytes = producerQueueBufferingMaxKbytes
                self.producerQueueBufferingMaxMessages = producerQueueBufferingMaxMessages
                self.producerRequestRequiredAcks = producerRequestRequiredAcks
                self.skipBrokenMessages = skipBrokenMessages
                self.threadPerConsumer = threadPerConsumer
                self.topics = topics
            }

            enum CodingKeys: String, CodingKey {
                case autoOffsetReset = "auto_offset_reset"
                case autoOffsetResetByDurationMs = "auto_offset_reset_by_duration_ms"
                case columns
                case dataFormat = "data_format"
                case dateTimeInputFormat = "date_time_input_format"
                case groupName = "group_name"
                case handleErrorMode = "handle_error_mode"
                case materializedView = "materialized_view"
                case maxBlockSize = "max_block_size"
                case maxRowsPerMessage = "max_rows_per_message"
                case name
                case numConsumers = "num_consumers"
                case pollMaxBatchSize = "poll_max_batch_size"
                case pollMaxTimeoutMs = "poll_max_timeout_ms"
                case producerBatchNumMessages = "producer_batch_num_messages"
                case producerBatchSize = "producer_batch_size"
                case producerCompressionCodec = "producer_compression_codec"
                case producerCompressionLevel = "producer_compression_level"
                case producerLingerMs = "producer_linger_ms"
                case producerQueueBufferingMaxKbytes = "producer_queue_buffering_max_kbytes"
                case producerQueueBufferingMaxMessages = "producer_queue_buffering_max_messages"
                case producerRequestRequiredAcks = "producer_request_required_acks"
                case skipBrokenMessages = "skip_broken_messages"
                case threadPerConsumer = "thread_per_consumer"
                case topics
            }

            /// Table column.
            public struct Columns: Codable, Sendable, Hashable {
                /// The name of the column in the ClickHouse table. This should match the field names in your Kafka message format.
                public var name: String
                /// The ClickHouse data type for this column. Must be a valid ClickHouse data type that can handle the data format.
                public var type: String

                public init(name: String, type: String) {
                    self.name = name
                    self.type = type
                }
            }

            /// Optional materialized view that persists data from the Kafka engine table into a MergeTree-family table. When specified, a ClickHouse materialized view is created that automatically reads from the Kafka table and inserts into a durable target table.
            public struct MaterializedView: Codable, Sendable, Hashable {
                /// The database to create the materialized view in. Must not be the Kafka integration database as it is not replicated and may be dropped.
                public var databaseName: String?
                /// The MergeTree-family engine for the materialized view's target table.
                public var engine: String?
                /// Column names passed as engine arguments, e.g. the sign column for CollapsingMergeTree or the sign and version columns for VersionedCollapsingMergeTree.
                public var engineParams: [String]?
                /// Number of days after which data is moved from local disk to remote storage (tiered storage). Must be specified together with ttl_column.
                public var localDiskTtlDays: Int?
                /// Columns for the ORDER BY clause of the target table. Determines the sort order and primary index.
                public var orderBy: [String]
                /// Date or DateTime column used for both row deletion TTL and local disk tiered storage TTL. Must be specified when ttl_days or local_disk_ttl_days is set.
                public var ttlColumn: String?
                /// Number of days after which rows are deleted, calculated from the TTL column value. Must be specified together with ttl_column.
                public var ttlDays: Int?
                /// The name of the materialized view to create.
                public var viewName: String

                public init(databaseName: String? = nil, engine: String? = nil, engineParams: [String]? = nil, localDiskTtlDays: Int? = nil, orderBy: [String], ttlColumn: String? = nil, ttlDays: Int? = nil, viewName: String) {
                    self.databaseName = databaseName
                    self.engine = engine
                    self.engineParams = engineParams
                    self.localDiskTtlDays = localDiskTtlDays
                    self.orderBy = orderBy
                    self.ttlColumn = ttlColumn
                    self.ttlDays = ttlDays
                    self.viewName = viewName
                }

                enum CodingKeys: String, CodingKey {
                    case databaseName = "database_name"
                    case engine
                    case engineParams = "engine_params"
                    case localDiskTtlDays = "local_disk_ttl_days"
                    case orderBy = "order_by"
                    case ttlColumn = "ttl_column"
                    case ttlDays = "ttl_days"
                    case viewName = "view_name"
                }
            }

            /// Kafka topic.
            public struct Topics: Codable, Sendable, Hashable {
                /// The name of the Kafka topic to read messages from or write messages to. The topic must exist in the Kafka cluster.
                public var name: String

                public init(name: String) {
                    self.name = name
                }
            }
        }
    }

    /// Clickhouse PostgreSQL configuration values.
    public struct ClickhousePostgresql: Codable, Sendable, Hashable {
        /// Databases to expose.
        public var databases: [Databases]?

        public init(databases: [Databases]? = nil) {
            self.databases = databases
        }

        /// Database to expose.
        public struct Databases: Codable, Sendable, Hashable {
            /// PostgreSQL database to expose.
            public var database: String?
            /// PostgreSQL schema to expose.
            public var schema: String?

            public init(database: String? = nil, schema: String? = nil) {
                self.database = database
                self.schema = schema
            }
        }
    }

    /// Datadog specific user configuration options.
    public struct Datadog: Codable, Sendable, Hashable {
        /// Enable Datadog Database Monitoring.
        public var datadogDbmEnabled: Bool?
        /// Enable Datadog PgBouncer Metric Tracking.
        public var datadogPgbouncerEnabled: Bool?
        /// Custom tags provided by user.
        public var datadogTags: [DatadogTags]?
        /// List of custom metrics.
        public var excludeConsumerGroups: [String]?
        /// List of topics to exclude.
        public var excludeTopics: [String]?
        /// List of custom metrics.
        public var includeConsumerGroups: [String]?
        /// List of topics to include.
        public var includeTopics: [String]?
        /// List of custom metrics.
        public var kafkaCustomMetrics: [String]?
        /// Maximum number of JMX metrics to send.
        public var maxJmxMetrics: Int?
        /// List of custom metrics.
        public var mirrormakerCustomMetrics: [String]?
        /// Datadog Opensearch Options.
        public var opensearch: Opensearch?
        /// Datadog Redis Options.
        public var redis: Redis?

        public init(datadogDbmEnabled: Bool? = nil, datadogPgbouncerEnabled: Bool? = nil, datadogTags: [DatadogTags]? = nil, excludeConsumerGroups: [String]? = nil, excludeTopics: [String]? = nil, includeConsumerGroups: [String]? = nil, includeTopics: [String]? = nil, kafkaCustomMetrics: [String]? = nil, maxJmxMetrics: Int? = nil, mirrormakerCustomMetrics: [String]? = nil, opensearch: Opensearch? = nil, redis: Redis? = nil) {
            self.datadogDbmEnabled = datadogDbmEnabled
            self.datadogPgbouncerEnabled = datadogPgbouncerEnabled
            self.datadogTags = datadogTags
            self.excludeConsumerGroups = excludeConsumerGroups
            self.excludeTopics = excludeTopics
            self.includeConsumerGroups = includeConsumerGroups
            self.includeTopics = includeTopics
            self.kafkaCustomMetrics = kafkaCustomMetrics
            self.maxJmxMetrics = maxJmxMetrics
            self.mirrormakerCustomMetrics = mirrormakerCustomMetrics
            self.opensearch = opensearch
            self.redis = redis
        }

        enum CodingKeys: String, CodingKey {
            case datadogDbmEnabled = "datadog_dbm_enabled"
            case datadogPgbouncerEnabled = "datadog_pgbouncer_enabled"
            case datadogTags = "datadog_tags"
            case excludeConsumerGroups = "exclude_consumer_groups"
            case excludeTopics = "exclude_topics"
            case includeConsumerGroups = "include_consumer_groups"
            case includeTopics = "include_topics"
            case kafkaCustomMetrics = "kafka_custom_metrics"
            case maxJmxMetrics = "max_jmx_metrics"
            case mirrormakerCustomMetrics = "mirrormaker_custom_metrics"
            case opensearch
            case redis
        }

        /// Datadog tag defined by user.
        public struct DatadogTags: Codable, Sendable, Hashable {
            /// Optional tag explanation.
            public var comment: String?
            /// Tag format and usage are described here: https://docs.datadoghq.com/getting_started/tagging. Tags with prefix `aiven-` are reserved for Aiven.
            public var tag: String

            public init(comment: String? = nil, tag: String) {
                self.comment = comment
                self.tag = tag
            }
        }

        /// Datadog Opensearch Options.
        public struct Opensearch: Codable, Sendable, Hashable {
            /// Enable Datadog Opensearch Cluster Monitoring.
            public var clusterStatsEnabled: Bool?
            /// Enable Datadog Opensearch Index Monitoring.
            public var indexStatsEnabled: Bool?
            /// Enable Datadog Opensearch Pending Task Monitoring.
            public var pendingTaskStatsEnabled: Bool?
            /// Enable Datadog Opensearch Primary Shard Monitoring.
            public var pshardStatsEnabled: Bool?

            public init(clusterStatsEnabled: Bool? = nil, indexStatsEnabled: Bool? = nil, pendingTaskStatsEnabled: Bool? = nil, pshardStatsEnabled: Bool? = nil) {
                self.clusterStatsEnabled = clusterStatsEnabled
                self.indexStatsEnabled = indexStatsEnabled
                self.pendingTaskStatsEnabled = pendingTaskStatsEnabled
                self.pshardStatsEnabled = pshardStatsEnabled
            }

            enum CodingKeys: String, CodingKey {
                case clusterStatsEnabled = "cluster_stats_enabled"
                case indexStatsEnabled = "index_stats_enabled"
                case pendingTaskStatsEnabled = "pending_task_stats_enabled"
                case pshardStatsEnabled = "pshard_stats_enabled"
            }
        }

        /// Datadog Redis Options.
        public struct Redis: Codable, Sendable, Hashable {
            /// Enable command_stats option in the agent's configuration.
            public var commandStatsEnabled: Bool?

            public init(commandStatsEnabled: Bool? = nil) {
                self.commandStatsEnabled = commandStatsEnabled
            }

            enum CodingKeys: String, CodingKey {
                case commandStatsEnabled = "command_stats_enabled"
            }
        }
    }

    /// Destination endpoint reference for the integration (if any).
    ///
    /// The reference must point to a ServiceIntegrationEndpoint in the same namespace.
    /// Only the name is allowed: namespace must be omitted and name must not contain a namespace (no "ns/name" form).
    /// The controller resolves the destination endpoint ID from ServiceIntegrationEndpoint.status.id.
    public struct DestinationEndpointRef: Codable, Sendable, Hashable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    /// External AWS CloudWatch Metrics integration Logs configuration values.
    public struct ExternalAWSCloudwatchMetrics: Codable, Sendable, Hashable {
        /// Metrics to not send to AWS CloudWatch (takes precedence over extra_metrics).
        public var droppedMetrics: [DroppedMetrics]?
        /// Metrics to allow through to AWS CloudWatch (in addition to default metrics).
        public var extraMetrics: [ExtraMetrics]?

        public init(droppedMetrics: [DroppedMetrics]? = nil, extraMetrics: [ExtraMetrics]? = nil) {
            self.droppedMetrics = droppedMetrics
            self.extraMetrics = extraMetrics
        }

        enum CodingKeys: String, CodingKey {
            case droppedMetrics = "dropped_metrics"
            case extraMetrics = "extra_metrics"
        }

        /// Metric name and subfield.
        public struct DroppedMetrics: Codable, Sendable, Hashable {
            /// Identifier of a value in the metric.
            public var field: String
            /// Identifier of the metric.
            public var metric: String

            public init(field: String, metric: String) {
                self.field = field
                self.metric = metric
            }
        }

        /// Metric name and subfield.
        public struct ExtraMetrics: Codable, Sendable, Hashable {
            /// Identifier of a value in the metric.
            public var field: String
            /// Identifier of the metric.
            public var metric: String

            public init(field: String, metric: String) {
                self.field = field
                self.metric = metric
            }
        }
    }

    /// Kafka Connect service configuration values.
    public struct KafkaConnect: Codable, Sendable, Hashable {
        /// Kafka Connect service configuration values.
        public var kafkaConnect: KafkaConnectSettings?

        public init(kafkaConnect: KafkaConnectSettings? = nil) {
            self.kafkaConnect = kafkaConnect
        }

        enum CodingKeys: String, CodingKey {
            case kafkaConnect = "kafka_connect"
        }

        /// Kafka Connect service configuration values.
        public struct KafkaConnectSettings: Codable, Sendable, Hashable {
            /// The name of the topic where connector and task configuration data are stored.This must be the same for all workers with the same group_id.
            public var configStorageTopic: String?
            /// A unique string that identifies the Connect cluster group this worker belongs to.
            public var groupId: String?
            /// The name of the topic where connector and task configuration offsets are stored.This must be the same for all workers with the same group_id.
            public var offsetStorageTopic: String?
            /// The name of the topic where connector and task configuration status updates are stored.This must be the same for all workers with the same group_id.
            public var statusStorageTopic: String?

            public init(configStorageTopic: String? = nil, groupId: String? = nil, offsetStorageTopic: String? = nil, statusStorageTopic: String? = nil) {
                self.configStorageTopic = configStorageTopic
                self.groupId = groupId
                self.offsetStorageTopic = offsetStorageTopic
                self.statusStorageTopic = statusStorageTopic
            }

            enum CodingKeys: String, CodingKey {
                case configStorageTopic = "config_storage_topic"
                case groupId = "group_id"
                case offsetStorageTopic = "offset_storage_topic"
                case statusStorageTopic = "status_storage_topic"
            }
        }
    }

    /// Kafka logs configuration values.
    public struct KafkaLogs: Codable, Sendable, Hashable {
        /// Topic name.
        public var kafkaTopic: String
        /// The list of logging fields that will be sent to the integration logging service. The MESSAGE and timestamp fields are always sent.
        public var selectedLogFields: [String]?

        public init(kafkaTopic: String, selectedLogFields: [String]? = nil) {
            self.kafkaTopic = kafkaTopic
            self.selectedLogFields = selectedLogFields
        }

        enum CodingKeys: String, CodingKey {
            case kafkaTopic = "kafka_topic"
            case selectedLogFields = "selected_log_fields"
        }
    }

    /// Kafka MirrorMaker configuration values.
    public struct KafkaMirrormaker: Codable, Sendable, Hashable {
        /// The alias under which the Kafka cluster is known to MirrorMaker. Can contain the following symbols: ASCII alphanumerics, `.`, `_`, and `-`.
        public var clusterAlias: String?
        /// Kafka MirrorMaker configuration values.
        public var kafkaMirrormaker: KafkaMirrormakerSettings?

        public init(clusterAlias: String? = nil, kafkaMirrormaker: KafkaMirrormakerSettings? = nil) {
            self.clusterAlias = clusterAlias
            self.kafkaMirrormaker = kafkaMirrormaker
        }

        enum CodingKeys: String, CodingKey {
            case clusterAlias = "cluster_alias"
            case kafkaMirrormaker = "kafka_mirrormaker"
        }

        /// Kafka MirrorMaker configuration values.
        public struct KafkaMirrormakerSettings: Codable, Sendable, Hashable {
            /// Set where consumer starts to consume data. Value `earliest`: Start replication from the earliest offset. Value `latest`: Start replication from the latest offset. Default is `earliest`.
            public var consumerAutoOffsetReset: String?
            /// The maximum amount of data the server should return for a fetch request. Default is `52428800` (50MiB).
            public var consumerFetchMaxBytes: Int?
            /// The maximum amount of time the server will block before answering the fetch request if there isn't sufficient data to immediately satisfy `consumer_fetch_min_bytes`. Default is `500`.
            public var consumerFetchMaxWaitMs: Int?
            /// The minimum amount of data the server should return for a fetch request. Default is `1`.
            public var consumerFetchMinBytes: Int?
            /// The maximum amount of data per partition the server will return. Default is `1048576` (1MiB).
            public var consumerMaxPartitionFetchBytes: Int?
            /// Set consumer max.poll.records. Default is `500`.
            public var consumerMaxPollRecords: Int?
            /// The size of the TCP receive buffer (SO_RCVBUF) to use when reading data. Default is `65536` (64KiB). `-1` uses the OS default.
            public var consumerReceiveBufferBytes: Int?
            /// The maximum time the client will wait for a response to a request. Default is `30000` (30s).
            public var consumerRequestTimeoutMs: Int?
            /// The batch size in bytes producer will attempt to collect before publishing to broker. Default is `16384` (16KiB).
            public var producerBatchSize: Int?
            /// The amount of bytes producer can use for buffering data before publishing to broker. Default is `33554432` (32MiB).
            public var producerBufferMemory: Int?
            /// Specify the default compression type for producers. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `none` which is the default and equivalent to no compression.
            public var producerCompressionType: String?
            /// The linger time (ms) for waiting new data to arrive for publishing. Default is `0`.
            public var producerLingerMs: Int?
            /// The maximum request size in bytes. Default is `1048576` (1MiB).
            public var producerMaxRequestSize: Int?
            /// The maximum time the client will wait for a response to a request. Default is `30000` (30s).
            public var producerRequestTimeoutMs: Int?
            /// The size of the TCP send buffer (SO_SNDBUF) to use when sending data. Default is `131072` (128KiB). `-1` uses the OS default.
            public var producerSendBufferBytes: Int?

            public init(consumerAutoOffsetReset: String? = nil, consumerFetchMaxBytes: Int? = nil, consumerFetchMaxWaitMs: Int? = nil, consumerFetchMinBytes: Int? = nil, consumerMaxPartitionFetchBytes: Int? = nil, consumerMaxPollRecords: Int? = nil, consumerReceiveBufferBytes: Int? = nil, consumerRequestTimeoutMs: Int? = nil, producerBatchSize: Int? = nil, producerBufferMemory: Int? = nil, producerCompressionType: String? = nil, producerLingerMs: Int? = nil, producerMaxRequestSize: Int? = nil, producerRequestTimeoutMs: Int? = nil, producerSendBufferBytes: Int? = nil) {
                self.consumerAutoOffsetReset = consumerAutoOffsetReset
                self.consumerFetchMaxBytes = consumerFetchMaxBytes
                self.consumerFetchMaxWaitMs = consumerFetchMaxWaitMs
                self.consumerFetchMinBytes = consumerFetchMinBytes
                self.consumerMaxPartitionFetchBytes = consumerMaxPartitionFetchBytes
                self.consumerMaxPollRecords = consumerMaxPollRecords
                self.consumerReceiveBufferBytes = consumerReceiveBufferBytes
                self.consumerRequestTimeoutMs = consumerRequestTimeoutMs
                self.producerBatchSize = producerBatchSize
                self.producerBufferMemory = producerBufferMemory
                self.producerCompressionType = producerCompressionType
                self.producerLingerMs = producerLingerMs
                self.producerMaxRequestSize = producerMaxRequestSize
                self.producerRequestTimeoutMs = producerRequestTimeoutMs
                self.producerSendBufferBytes = producerSendBufferBytes
            }

            enum CodingKeys: String, CodingKey {
                case consumerAutoOffsetReset = "consumer_auto_offset_reset"
                case consumerFetchMaxBytes = "consumer_fetch_max_bytes"
                case consumerFetchMaxWaitMs = "consumer_fetch_max_wait_ms"
                case consumerFetchMinBytes = "consumer_fetch_min_bytes"
                case consumerMaxPartitionFetchBytes = "consumer_max_partition_fetch_bytes"
                case consumerMaxPollRecords = "consumer_max_poll_records"
                case consumerReceiveBufferBytes = "consumer_receive_buffer_bytes"
                case consumerRequestTimeoutMs = "consumer_request_timeout_ms"
                case producerBatchSize = "producer_batch_size"
                case producerBufferMemory = "producer_buffer_memory"
                case producerCompressionType = "producer_compression_type"
                case producerLingerMs = "producer_linger_ms"
                case producerMaxRequestSize = "producer_max_request_size"
                case producerRequestTimeoutMs = "producer_request_timeout_ms"
                case producerSendBufferBytes = "producer_send_buffer_bytes"
            }
        }
    }

    /// Logs configuration values.
    public struct Logs: Codable, Sendable, Hashable {
        /// Elasticsearch index retention limit.
        public var elasticsearchIndexDaysMax: Int?
        /// Elasticsearch index prefix.
        public var elasticsearchIndexPrefix: String?
        /// The list of logging fields that will be sent to the integration logging service. The MESSAGE and timestamp fields are always sent.
        public var selectedLogFields: [String]?

        public init(elasticsearchIndexDaysMax: Int? = nil, elasticsearchIndexPrefix: String? = nil, selectedLogFields: [String]? = nil) {
            self.elasticsearchIndexDaysMax = elasticsearchIndexDaysMax
            self.elasticsearchIndexPrefix = elasticsearchIndexPrefix
            self.selectedLogFields = selectedLogFields
        }

        enum CodingKeys: String, CodingKey {
            case elasticsearchIndexDaysMax = "elasticsearch_index_days_max"
            case elasticsearchIndexPrefix = "elasticsearch_index_prefix"
            case selectedLogFields = "selected_log_fields"
        }
    }

    /// Metrics configuration values.
    public struct Metrics: Codable, Sendable, Hashable {
        /// Name of the database where to store metric datapoints. Only affects PostgreSQL destinations. Defaults to `metrics`. Note that this must be the same for all metrics integrations that write data to the same PostgreSQL service.
        public var database: String?
        /// Number of days to keep old metrics. Only affects PostgreSQL destinations. Set to 0 for no automatic cleanup. Defaults to 30 days.
        public var retentionDays: Int?
        /// Name of a user that can be used to read metrics. This will be used for Grafana integration (if enabled) to prevent Grafana users from making undesired changes. Only affects PostgreSQL destinations. Defaults to `metrics_reader`. Note that this must be the same for all metrics integrations that write data to the same PostgreSQL service.
        public var roUsername: String?
        /// Configuration options for metrics where source service is MySQL.
        public var sourceMysql: SourceMysql?
        /// Name of the user used to write metrics. Only affects PostgreSQL destinations. Defaults to `metrics_writer`. Note that this must be the same for all metrics integrations that write data to the same PostgreSQL service.
        public var username: String?

        public init(database: String? = nil, retentionDays: Int? = nil, roUsername: String? = nil, sourceMysql: SourceMysql? = nil, username: String? = nil) {
            self.database = database
            self.retentionDays = retentionDays
            self.roUsername = roUsername
            self.sourceMysql = sourceMysql
            self.username = username
        }

        enum CodingKeys: String, CodingKey {
            case database
            case retentionDays = "retention_days"
            case roUsername = "ro_username"
            case sourceMysql = "source_mysql"
            case username
        }

        /// Configuration options for metrics where source service is MySQL.
        public struct SourceMysql: Codable, Sendable, Hashable {
            /// Configuration options for Telegraf MySQL input plugin.
            public var telegraf: Telegraf?

            public init(telegraf: Telegraf? = nil) {
                self.telegraf = telegraf
            }

            /// Configuration options for Telegraf MySQL input plugin.
            public struct Telegraf: Codable, Sendable, Hashable {
                /// Gather metrics from PERFORMANCE_SCHEMA.EVENT_WAITS.
                public var gatherEventWaits: Bool?
                /// gather metrics from PERFORMANCE_SCHEMA.FILE_SUMMARY_BY_EVENT_NAME.
                public var gatherFileEventsStats: Bool?
                /// Gather metrics from PERFORMANCE_SCHEMA.TABLE_IO_WAITS_SUMMARY_BY_INDEX_USAGE.
                public var gatherIndexIoWaits: Bool?
                /// Gather auto_increment columns and max values from information schema.
                public var gatherInfoSchemaAutoInc: Bool?
                /// Gather metrics from INFORMATION_SCHEMA.INNODB_METRICS.
                public var gatherInnodbMetrics: Bool?
                /// Gather metrics from PERFORMANCE_SCHEMA.EVENTS_STATEMENTS_SUMMARY_BY_DIGEST.
                public var gatherPerfEventsStatements: Bool?
                /// Gather thread state counts from INFORMATION_SCHEMA.PROCESSLIST.
                public var gatherProcessList: Bool?
                /// Gather metrics from SHOW REPLICA STATUS command output.
                public var gatherReplicaStatus: Bool?
                /// Gather metrics from SHOW SLAVE STATUS command output.
                public var gatherSlaveStatus: Bool?
                /// Gather metrics from PERFORMANCE_SCHEMA.TABLE_IO_WAITS_SUMMARY_BY_TABLE.
                public var gatherTableIoWaits: Bool?
                /// Gather metrics from PERFORMANCE_SCHEMA.TABLE_LOCK_WAITS.
                public var gatherTableLockWaits: Bool?
                /// Gather metrics from INFORMATION_SCHEMA.TABLES.
                public var gatherTableSchema: Bool?
                /// Truncates digest text from perf_events_statements into this many characters.
                public var perfEventsStatementsDigestTextLimit: Int?
                /// Limits metrics from perf_events_statements.
                public var perfEventsStatementsLimit: Int?
                /// Only include perf_events_statements whose last seen is less than this many seconds.
                public var perfEventsStatementsTimeLimit: Int?

                public init(gatherEventWaits: Bool? = nil, gatherFileEventsStats: Bool? = nil, gatherIndexIoWaits: Bool? = nil, gatherInfoSchemaAutoInc: Bool? = nil, gatherInnodbMetrics: Bool? = nil, gatherPerfEventsStatements: Bool? = nil, gatherProcessList: Bool? = nil, gatherReplicaStatus: Bool? = nil, gatherSlaveStatus: Bool? = nil, gatherTableIoWaits: Bool? = nil, gatherTableLockWaits: Bool? = nil, gatherTableSchema: Bool? = nil, perfEventsStatementsDigestTextLimit: Int? = nil, perfEventsStatementsLimit: Int? = nil, perfEventsStatementsTimeLimit: Int? = nil) {
                    self.gatherEventWaits = gatherEventWaits
                    self.gatherFileEventsStats = gatherFileEventsStats
                    self.gatherIndexIoWaits = gatherIndexIoWaits
                    self.gatherInfoSchemaAutoInc = gatherInfoSchemaAutoInc
                    self.gatherInnodbMetrics = gatherInnodbMetrics
                    self.gatherPerfEventsStatements = gatherPerfEventsStatements
                    self.gatherProcessList = gatherProcessList
                    self.gatherReplicaStatus = gatherReplicaStatus
                    self.gatherSlaveStatus = gatherSlaveStatus
                    self.gatherTableIoWaits = gatherTableIoWaits
                    self.gatherTableLockWaits = gatherTableLockWaits
                    self.gatherTableSchema = gatherTableSchema
                    self.perfEventsStatementsDigestTextLimit = perfEventsStatementsDigestTextLimit
                    self.perfEventsStatementsLimit = perfEventsStatementsLimit
                    self.perfEventsStatementsTimeLimit = perfEventsStatementsTimeLimit
                }

                enum CodingKeys: String, CodingKey {
                    case gatherEventWaits = "gather_event_waits"
                    case gatherFileEventsStats = "gather_file_events_stats"
                    case gatherIndexIoWaits = "gather_index_io_waits"
                    case gatherInfoSchemaAutoInc = "gather_info_schema_auto_inc"
                    case gatherInnodbMetrics = "gather_innodb_metrics"
                    case gatherPerfEventsStatements = "gather_perf_events_statements"
                    case gatherProcessList = "gather_process_list"
                    case gatherReplicaStatus = "gather_replica_status"
                    case gatherSlaveStatus = "gather_slave_status"
                    case gatherTableIoWaits = "gather_table_io_waits"
                    case gatherTableLockWaits = "gather_table_lock_waits"
                    case gatherTableSchema = "gather_table_schema"
                    case perfEventsStatementsDigestTextLimit = "perf_events_statements_digest_text_limit"
                    case perfEventsStatementsLimit = "perf_events_statements_limit"
                    case perfEventsStatementsTimeLimit = "perf_events_statements_time_limit"
                }
            }
        }
    }
}

