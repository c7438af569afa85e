import KubeAPI

extension ServiceIntegration {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the reference
    /// docs. Every field, constraint and description comes from the ServiceIntegration reference page.
    public static let specSchema: JSONSchemaProps = .object(
        "ServiceIntegrationSpec defines the desired state of ServiceIntegration.",
        required: ["integrationType", "project"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "autoscaler": JSONSchemaProps(type: .object, description: "Autoscaler specific user configuration options.", preserveUnknownFields: true),
            "clickhouseKafka": .object(
                "Clickhouse Kafka configuration values.",
                properties: [
                    "tables": .array("Array of table configurations that define how Kafka topics are mapped to ClickHouse tables. Each table configuration specifies the table structure, associated Kafka topics, and read/write settings.", of: .object(
                            "Table to create.",
                            required: ["columns", "data_format", "group_name", "name", "topics"],
                            properties: [
                                "auto_offset_reset": .string("Determines where to start reading from Kafka when no offset is stored or the stored offset is out of range. `earliest` starts from the beginning, `latest` starts from the end.", enum: ["beginning", "earliest", "end", "largest", "latest", "smallest"]),
                                "auto_offset_reset_by_duration_ms": .integer("When set to a non-zero value and there are no committed offsets, the consumer starts from the offset corresponding to (now - auto_offset_reset_by_duration_ms). This overrides auto_offset_reset when set. Requires ClickHouse >= 25.8.", minimum: 0, maximum: 2147483647),
                                "columns": .array("Array of column definitions that specify the structure of the ClickHouse table. Each column maps to a field in the Kafka messages.", of: .object(
                                        "Table column.",
                                        required: ["name", "type"],
                                        properties: [
                                            "name": .string("The name of the column in the ClickHouse table. This should match the field names in your Kafka message format.", minLength: 1, maxLength: 40),
                                            "type": .string("The ClickHouse data type for this column. Must be a valid ClickHouse data type that can handle the data format.", minLength: 1, maxLength: 1000),
                                        ]
                                    ), maxItems: 100),
                                "data_format": .string("The format of the messages in the Kafka topics. Determines how ClickHouse parses and serializes the data (e.g., JSON, CSV, Avro).", enum: ["Avro", "AvroConfluent", "CSV", "JSONAsString", "JSONCompactEachRow", "JSONCompactStringsEachRow", "JSONEachRow", "JSONStringsEachRow", "MsgPack", "Parquet", "RawBLOB", "TSKV", "TSV", "TabSeparated"]),
                                "date_time_input_format": .string("Specifies how ClickHouse should parse DateTime values from text-based input formats. `basic` uses simple parsing, `best_effort` attempts more flexible parsing.", enum: ["basic", "best_effort", "best_effort_us"]),
                                "group_name": .string("The Kafka consumer group name. Multiple consumers with the same group name will share the workload and maintain offset positions.", minLength: 1, maxLength: 249),
                                "handle_error_mode": .string("Defines how ClickHouse should handle errors when processing Kafka messages. `default` stops on errors, `stream` continues processing and logs errors, `dead_letter_queue` saves error data to system.dead_letter_queue (requires ClickHouse 25.8+).", enum: ["dead_letter_queue", "default", "stream"]),
                                "materialized_view": .object(
                                    "Optional materialized view that persists data from the Kafka engine table into a MergeTree-family table. When specified, a ClickHouse materialized view is created that automatically reads from the Kafka table and inserts into a durable target table.",
                                    required: ["order_by", "view_name"],
                                    properties: [
                                        "database_name": .string("The database to create the materialized view in. Must not be the Kafka integration database as it is not replicated and may be dropped.", minLength: 1, maxLength: 40),
                                        "engine": .string("The MergeTree-family engine for the materialized view's target table.", enum: ["AggregatingMergeTree", "CollapsingMergeTree", "MergeTree", "ReplacingMergeTree", "SummingMergeTree", "VersionedCollapsingMergeTree"]),
                                        "engine_params": .array("Column names passed as engine arguments, e.g. the sign column for CollapsingMergeTree or the sign and version columns for VersionedCollapsingMergeTree.", of: .string(), maxItems: 10),
                                        "local_disk_ttl_days": .integer("Number of days after which data is moved from local disk to remote storage (tiered storage). Must be specified together with ttl_column.", minimum: 1, maximum: 36500),
                                        "order_by": .array("Columns for the ORDER BY clause of the target table. Determines the sort order and primary index.", of: .string(), maxItems: 100),
                                        "ttl_column": .string("Date or DateTime column used for both row deletion TTL and local disk tiered storage TTL. Must be specified when ttl_days or local_disk_ttl_days is set.", minLength: 1, maxLength: 40),
                                        "ttl_days": .integer("Number of days after which rows are deleted, calculated from the TTL column value. Must be specified together with ttl_column.", minimum: 1, maximum: 36500),
                                        "view_name": .string("The name of the materialized view to create.", minLength: 1, maxLength: 40),
                                    ]
                                ),
                                "max_block_size": .integer("Maximum number of rows to collect before flushing data between Kafka and ClickHouse.", minimum: 0, maximum: 1000000000),
                                "max_rows_per_message": .integer("Maximum number of rows that can be processed from a single Kafka message for row-based formats. Useful for controlling memory usage.", minimum: 1, maximum: 1000000000),
                                "name": .string("The name of the ClickHouse table to be created. This table can consume data from and write data to the specified Kafka topics.", minLength: 1, maxLength: 40),
                                "num_consumers": .integer("Number of Kafka consumers to run per table per replica. Increasing this can improve throughput but may increase resource usage.", minimum: 1, maximum: 10),
                                "poll_max_batch_size": .integer("Maximum number of messages to fetch in a single Kafka poll operation for reading.", minimum: 0, maximum: 1000000000),
                                "poll_max_timeout_ms": .integer("Timeout in milliseconds for a single poll from Kafka. Takes the value of the stream_flush_interval_ms server setting by default (500ms).", minimum: 0, maximum: 30000),
                                "producer_batch_num_messages": .integer("The maximum number of messages in a batch sent to Kafka. If the number of messages exceeds this value, the batch is sent.", minimum: 1, maximum: 1000000),
                                "producer_batch_size": .integer("The maximum size in bytes of a batch of messages sent to Kafka. If the batch size is exceeded, the batch is sent.", minimum: 0, maximum: 2147483647),
                                "producer_compression_codec": .string("The compression codec to use when sending a batch of messages to Kafka.", enum: ["gzip", "lz4", "none", "snappy", "zstd"]),
                                "producer_compression_level": .integer("The compression level to use when sending a batch of messages to Kafka. Usable range is algorithm-dependent: [0-9] for gzip; [0-12] for lz4; only 0 for snappy; -1 = codec-dependent default compression level.", minimum: -1, maximum: 12),
                                "producer_linger_ms": .integer("The time in milliseconds to wait for additional messages before sending a batch. If the time is exceeded, the batch is sent.", minimum: 0, maximum: 900000),
                                "producer_queue_buffering_max_kbytes": .integer("The maximum size of the buffer in kilobytes before sending.", minimum: 0, maximum: 2147483647),
                                "producer_queue_buffering_max_messages": .integer("The maximum number of messages to buffer before sending.", minimum: 0, maximum: 2147483647),
                                "producer_request_required_acks": .integer("The number of acknowledgements the leader broker must receive from ISR brokers before responding to the request: 0=Broker does not send any response/ack to client, -1 will block until message is committed by all in sync replicas (ISRs).", minimum: -1, maximum: 1000),
                                "skip_broken_messages": .integer("Number of broken messages to skip before stopping processing when reading from Kafka. Useful for handling corrupted data without failing the entire integration.", minimum: 0, maximum: 1000000000),
                                "thread_per_consumer": .boolean("When enabled, each consumer runs in its own thread, providing better isolation and potentially better performance for high-throughput scenarios."),
                                "topics": .array("Array of Kafka topics that this table will read data from or write data to. Messages from all specified topics will be inserted into this table, and data inserted into this table will be published to the topics.", of: .object(
                                        "Kafka topic.",
                                        required: ["name"],
                                        properties: [
                                            "name": .string("The name of the Kafka topic to read messages from or write messages to. The topic must exist in the Kafka cluster.", minLength: 1, maxLength: 249),
                                        ]
                                    ), maxItems: 100),
                            ]
                        ), maxItems: 400),
                ]
            ),
            "clickhousePostgresql": .object(
                "Clickhouse PostgreSQL configuration values.",
                properties: [
                    "databases": .array("Databases to expose.", of: .object(
                            "Database to expose.",
                            properties: [
                                "database": .string("PostgreSQL database to expose.", minLength: 1, maxLength: 63),
                                "schema": .string("PostgreSQL schema to expose.", minLength: 1, maxLength: 63),
                            ]
                        ), maxItems: 10),
                ]
            ),
            "datadog": .object(
                "Datadog specific user configuration options.",
                properties: [
                    "datadog_dbm_enabled": .boolean("Enable Datadog Database Monitoring."),
                    "datadog_pgbouncer_enabled": .boolean("Enable Datadog PgBouncer Metric Tracking."),
                    "datadog_tags": .array("Custom tags provided by user.", of: .object(
                            "Datadog tag defined by user.",
                            required: ["tag"],
                            properties: [
                                "comment": .string("Optional tag explanation.", maxLength: 1024),
                                "tag": .string("Tag format and usage are described here: https://docs.datadoghq.com/getting_started/tagging. Tags with prefix `aiven-` are reserved for Aiven.", minLength: 1, maxLength: 200),
                            ]
                        ), maxItems: 32),
                    "exclude_consumer_groups": .array("List of custom metrics.", of: .string(), maxItems: 1024),
                    "exclude_topics": .array("List of topics to exclude.", of: .string(), maxItems: 1024),
                    "include_consumer_groups": .array("List of custom metrics.", of: .string(), maxItems: 1024),
                    "include_topics": .array("List of topics to include.", of: .string(), maxItems: 1024),
                    "kafka_custom_metrics": .array("List of custom metrics.", of: .string(), maxItems: 1024),
                    "max_jmx_metrics": .integer("Maximum number of JMX metrics to send.", minimum: 10, maximum: 100000),
                    "mirrormaker_custom_metrics": .array("List of custom metrics.", of: .string(), maxItems: 1024),
                    "opensearch": .object(
                        "Datadog Opensearch Options.",
                        properties: [
                            "cluster_stats_enabled": .boolean("Enable Datadog Opensearch Cluster Monitoring."),
                            "index_stats_enabled": .boolean("Enable Datadog Opensearch Index Monitoring."),
                            "pending_task_stats_enabled": .boolean("Enable Datadog Opensearch Pending Task Monitoring."),
                            "pshard_stats_enabled": .boolean("Enable Datadog Opensearch Primary Shard Monitoring."),
                        ]
                    ),
                    "redis": .object(
                        "Datadog Redis Options.",
                        properties: [
                            "command_stats_enabled": .boolean("Enable command_stats option in the agent's configuration."),
                        ]
                    ),
                ]
            ),
            "destinationEndpointId": .string("Destination endpoint for the integration (if any).", maxLength: 36).immutable(),
            "destinationEndpointRef": .object(
                "Destination endpoint reference for the integration (if any).\n\nThe reference must point to a ServiceIntegrationEndpoint in the same namespace.\nOnly the name is allowed: namespace must be omitted and name must not contain a namespace (no \"ns/name\" form).\nThe controller resolves the destination endpoint ID from ServiceIntegrationEndpoint.status.id.",
                required: ["name"],
                properties: [
                    "name": .string(minLength: 1),
                ],
                rules: [
                    JSONSchemaProps.immutableRule,
                    ValidationRule(rule: "!self.name.contains('/')", message: "destinationEndpointRef.name must not contain a namespace"),
                ]
            ),
            "destinationProjectName": .string("Destination project for the integration (if any).", maxLength: 63).immutable(),
            "destinationServiceName": .string("Destination service for the integration (if any).", maxLength: 64).immutable(),
            "externalAWSCloudwatchMetrics": .object(
                "External AWS CloudWatch Metrics integration Logs configuration values.",
                properties: [
                    "dropped_metrics": .array("Metrics to not send to AWS CloudWatch (takes precedence over extra_metrics).", of: .object(
                            "Metric name and subfield.",
                            required: ["field", "metric"],
                            properties: [
                                "field": .string("Identifier of a value in the metric.", maxLength: 1000),
                                "metric": .string("Identifier of the metric.", maxLength: 1000),
                            ]
                        ), maxItems: 1024),
                    "extra_metrics": .array("Metrics to allow through to AWS CloudWatch (in addition to default metrics).", of: .object(
                            "Metric name and subfield.",
                            required: ["field", "metric"],
                            properties: [
                                "field": .string("Identifier of a value in the metric.", maxLength: 1000),
                                "metric": .string("Identifier of the metric.", maxLength: 1000),
                            ]
                        ), maxItems: 1024),
                ]
            ),
            "integrationType": .string("Type of the service integration accepted by Aiven API. Some values may not be supported by the operator.", enum: ["alertmanager", "autoscaler", "caching", "cassandra_cross_service_cluster", "clickhouse_kafka", "clickhouse_postgresql", "dashboard", "datadog", "datasource", "external_aws_cloudwatch_logs", "external_aws_cloudwatch_metrics", "external_elasticsearch_logs", "external_google_cloud_logging", "external_opensearch_logs", "flink", "flink_external_kafka", "flink_external_postgresql", "internal_connectivity", "jolokia", "kafka_connect", "kafka_connect_postgresql", "kafka_logs", "kafka_mirrormaker", "logs", "metrics", "opensearch_cross_cluster_replication", "opensearch_cross_cluster_search", "prometheus", "read_replica", "rsyslog", "schema_registry_proxy", "stresstester", "thanosquery", "thanosstore", "vmalert"]).immutable(),
            "kafkaConnect": .object(
                "Kafka Connect service configuration values.",
                properties: [
                    "kafka_connect": .object(
                        "Kafka Connect service configuration values.",
                        properties: [
                            "config_storage_topic": .string("The name of the topic where connector and task configuration data are stored.This must be the same for all workers with the same group_id.", maxLength: 249),
                            "group_id": .string("A unique string that identifies the Connect cluster group this worker belongs to.", maxLength: 249),
                            "offset_storage_topic": .string("The name of the topic where connector and task configuration offsets are stored.This must be the same for all workers with the same group_id.", maxLength: 249),
                            "status_storage_topic": .string("The name of the topic where connector and task configuration status updates are stored.This must be the same for all workers with the same group_id.", maxLength: 249),
                        ]
                    ),
                ]
            ),
            "kafkaLogs": .object(
                "Kafka logs configuration values.",
                required: ["kafka_topic"],
                properties: [
                    "kafka_topic": .string("Topic name.", minLength: 1, maxLength: 249),
                    "selected_log_fields": .array("The list of logging fields that will be sent to the integration logging service. The MESSAGE and timestamp fields are always sent.", of: .string(), maxItems: 5),
                ]
            ),
            "kafkaMirrormaker": .object(
                "Kafka MirrorMaker configuration values.",
                properties: [
                    "cluster_alias": .string("The alias under which the Kafka cluster is known to MirrorMaker. Can contain the following symbols: ASCII alphanumerics, `.`, `_`, and `-`.", pattern: "^[a-zA-Z0-9_.-]+$", maxLength: 128),
                    "kafka_mirrormaker": .object(
                        "Kafka MirrorMaker configuration values.",
                        properties: [
                            "consumer_auto_offset_reset": .string("Set where consumer starts to consume data. Value `earliest`: Start replication from the earliest offset. Value `latest`: Start replication from the latest offset. Default is `earliest`.", enum: ["earliest", "latest"]),
                            "consumer_fetch_max_bytes": .integer("The maximum amount of data the server should return for a fetch request. Default is `52428800` (50MiB).", minimum: 0, maximum: 104857600),
                            "consumer_fetch_max_wait_ms": .integer("The maximum amount of time the server will block before answering the fetch request if there isn't sufficient data to immediately satisfy `consumer_fetch_min_bytes`. Default is `500`.", minimum: 0, maximum: 600000),
                            "consumer_fetch_min_bytes": .integer("The minimum amount of data the server should return for a fetch request. Default is `1`.", minimum: 1, maximum: 5242880),
                            "consumer_max_partition_fetch_bytes": .integer("The maximum amount of data per partition the server will return. Default is `1048576` (1MiB).", minimum: 0, maximum: 104857600),
                            "consumer_max_poll_records": .integer("Set consumer max.poll.records. Default is `500`.", minimum: 100, maximum: 20000),
                            "consumer_receive_buffer_bytes": .integer("The size of the TCP receive buffer (SO_RCVBUF) to use when reading data. Default is `65536` (64KiB). `-1` uses the OS default.", minimum: -1, maximum: 104857600),
                            "consumer_request_timeout_ms": .integer("The maximum time the client will wait for a response to a request. Default is `30000` (30s).", minimum: 0, maximum: 600000),
                            "producer_batch_size": .integer("The batch size in bytes producer will attempt to collect before publishing to broker. Default is `16384` (16KiB).", minimum: 0, maximum: 5242880),
                            "producer_buffer_memory": .integer("The amount of bytes producer can use for buffering data before publishing to broker. Default is `33554432` (32MiB).", minimum: 5242880, maximum: 134217728),
                            "producer_compression_type": .string("Specify the default compression type for producers. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `none` which is the default and equivalent to no compression.", enum: ["gzip", "lz4", "none", "snappy", "zstd"]),
                            "producer_linger_ms": .integer("The linger time (ms) for waiting new data to arrive for publishing. Default is `0`.", minimum: 0, maximum: 5000),
                            "producer_max_request_size": .integer("The maximum request size in bytes. Default is `1048576` (1MiB).", minimum: 0, maximum: 268435456),
                            "producer_request_timeout_ms": .integer("The maximum time the client will wait for a response to a request. Default is `30000` (30s).", minimum: 0, maximum: 600000),
                            "producer_send_buffer_bytes": .integer("The size of the TCP send buffer (SO_SNDBUF) to use when sending data. Default is `131072` (128KiB). `-1` uses the OS default.", minimum: -1, maximum: 104857600),
                        ]
                    ),
                ]
            ),
            "logs": .object(
                "Logs configuration values.",
                properties: [
                    "elasticsearch_index_days_max": .integer("Elasticsearch index retention limit.", minimum: 1, maximum: 10000),
                    "elasticsearch_index_prefix": .string("Elasticsearch index prefix.", pattern: "^[a-z0-9][a-z0-9-_.]+$", minLength: 1, maxLength: 1024),
                    "selected_log_fields": .array("The list of logging fields that will be sent to the integration logging service. The MESSAGE and timestamp fields are always sent.", of: .string(), maxItems: 5),
                ]
            ),
            "metrics": .object(
                "Metrics configuration values.",
                properties: [
                    "database": .string("Name of the database where to store metric datapoints. Only affects PostgreSQL destinations. Defaults to `metrics`. Note that this must be the same for all metrics integrations that write data to the same PostgreSQL service.", pattern: "^[_A-Za-z0-9][-_A-Za-z0-9]{0,39}$", maxLength: 40),
                    "retention_days": .integer("Number of days to keep old metrics. Only affects PostgreSQL destinations. Set to 0 for no automatic cleanup. Defaults to 30 days.", minimum: 0, maximum: 10000),
                    "ro_username": .string("Name of a user that can be used to read metrics. This will be used for Grafana integration (if enabled) to prevent Grafana users from making undesired changes. Only affects PostgreSQL destinations. Defaults to `metrics_reader`. Note that this must be the same for all metrics integrations that write data to the same PostgreSQL service.", pattern: "^[_A-Za-z0-9][-._A-Za-z0-9]{0,39}$", maxLength: 40),
                    "source_mysql": .object(
                        "Configuration options for metrics where source service is MySQL.",
                        properties: [
                            "telegraf": .object(
                                "Configuration options for Telegraf MySQL input plugin.",
                                properties: [
                                    "gather_event_waits": .boolean("Gather metrics from PERFORMANCE_SCHEMA.EVENT_WAITS."),
                                    "gather_file_events_stats": .boolean("gather metrics from PERFORMANCE_SCHEMA.FILE_SUMMARY_BY_EVENT_NAME."),
                                    "gather_index_io_waits": .boolean("Gather metrics from PERFORMANCE_SCHEMA.TABLE_IO_WAITS_SUMMARY_BY_INDEX_USAGE."),
                                    "gather_info_schema_auto_inc": .boolean("Gather auto_increment columns and max values from information schema."),
                                    "gather_innodb_metrics": .boolean("Gather metrics from INFORMATION_SCHEMA.INNODB_METRICS."),
                                    "gather_perf_events_statements": .boolean("Gather metrics from PERFORMANCE_SCHEMA.EVENTS_STATEMENTS_SUMMARY_BY_DIGEST."),
                                    "gather_process_list": .boolean("Gather thread state counts from INFORMATION_SCHEMA.PROCESSLIST."),
                                    "gather_replica_status": .boolean("Gather metrics from SHOW REPLICA STATUS command output."),
                                    "gather_slave_status": .boolean("Gather metrics from SHOW SLAVE STATUS command output."),
                                    "gather_table_io_waits": .boolean("Gather metrics from PERFORMANCE_SCHEMA.TABLE_IO_WAITS_SUMMARY_BY_TABLE."),
                                    "gather_table_lock_waits": .boolean("Gather metrics from PERFORMANCE_SCHEMA.TABLE_LOCK_WAITS."),
                                    "gather_table_schema": .boolean("Gather metrics from INFORMATION_SCHEMA.TABLES."),
                                    "perf_events_statements_digest_text_limit": .integer("Truncates digest text from perf_events_statements into this many characters.", minimum: 1, maximum: 2048),
                                    "perf_events_statements_limit": .integer("Limits metrics from perf_events_statements.", minimum: 1, maximum: 4000),
                                    "perf_events_statements_time_limit": .integer("Only include perf_events_statements whose last seen is less than this many seconds.", minimum: 1, maximum: 2592000),
                                ]
                            ),
                        ]
                    ),
                    "username": .string("Name of the user used to write metrics. Only affects PostgreSQL destinations. Defaults to `metrics_writer`. Note that this must be the same for all metrics integrations that write data to the same PostgreSQL service.", pattern: "^[_A-Za-z0-9][-._A-Za-z0-9]{0,39}$", maxLength: 40),
                ]
            ),
            "project": ServiceSchema.project,
            "sourceEndpointID": .string("Source endpoint for the integration (if any).", maxLength: 36).immutable(),
            "sourceProjectName": .string("Source project for the integration (if any).", maxLength: 63).immutable(),
            "sourceServiceName": .string("Source service for the integration (if any).", maxLength: 64).immutable(),
        ],
        rules: [
            ValidationRule(
                rule: "!(has(self.destinationEndpointRef) && has(self.destinationEndpointId) && self.destinationEndpointId != \"\")",
                message: "destinationEndpointId and destinationEndpointRef are mutually exclusive"
            ),
        ]
    )

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = .object(
        "ServiceIntegrationStatus defines the observed state of ServiceIntegration.",
        properties: [
            "id": .string("Service integration ID."),
            "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
            "conditions": JSONSchemaProps.conditions,
        ]
    )
}
