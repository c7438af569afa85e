import KubeAPI

extension Kafka {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the reference
    /// docs. Every field, constraint and description comes from the Kafka reference page.
    public static let specSchema: JSONSchemaProps = .object(
        "KafkaSpec defines the desired state of Kafka.",
        required: ["plan", "project"],
        properties: ServiceSchema.serviceSpecProperties(adding: [
            "connInfoSecretTarget": ServiceSchema.connInfoSecretTarget,
            "connInfoSecretTargetDisabled": ServiceSchema.connInfoSecretTargetDisabled,
            "disk_space": ServiceSchema.diskSpace,
            "karapace": .boolean("Switch the service to use Karapace for schema registry and REST proxy."),
            "powered": ServiceSchema.powered,
            "userConfig": .object(
                "Kafka specific user configuration options.",
                properties: [
                    "additional_backup_regions": .array("Deprecated. Additional Cloud Regions for Backup Replication.", of: .string(), maxItems: 1),
                    "aiven_kafka_topic_messages": .boolean("Allow access to read Kafka topic messages in the Aiven Console and REST API."),
                    "backup_interval_hours": .integer("Interval in hours between automatic backups. Minimum value is 3 hours. Must be a divisor of 24 (3, 4, 6, 8, 12, 24). (Applicable to ACU plans only).", enum: [12, 24, 3, 4, 6, 8], minimum: 3, maximum: 24),
                    "backup_retention_days": .integer("Number of days to retain automatic backups. Backups older than this value will be automatically deleted. (Applicable to ACU plans only).", minimum: 1, maximum: 30),
                    "custom_domain": .string("Serve the web frontend using a custom CNAME pointing to the Aiven DNS name. When you set a custom domain for a service deployed in a VPC, the service certificate is only created for the public-* hostname and the custom domain.", maxLength: 255),
                    "enable_ipv6": .boolean("Register AAAA DNS records for the service, and allow IPv6 packets to service ports."),
                    "follower_fetching": .object(
                        "Enable follower fetching.",
                        properties: [
                            "enabled": .boolean("Whether to enable the follower fetching functionality."),
                        ]
                    ),
                    "gcp_auth_allowed_urls": ServiceSchema.gcpAuthAllowedURLs,
                    "inkless": .object(
                        "Inkless configuration values.",
                        required: ["enabled"],
                        properties: [
                            "enabled": .boolean("Whether to enable the Inkless functionality.").immutable(),
                        ]
                    ),
                    "ip_filter": ServiceSchema.ipFilter(maxItems: 8000),
                    "kafka": .object(
                        "Kafka broker configuration values.",
                        properties: [
                            "audit_log": .object(
                                "Enable Kafka audit logging by providing this object. Removing it disables the feature. Enabling, updating, or disabling audit logging causes a rolling restart of all Kafka brokers.",
                                properties: [
                                    "aggregation_period_sec": .integer("Aggregation period in seconds over which audit log entries are batched before being emitted.", minimum: 1, maximum: 1800),
                                    "group_by": .string("Group audit log entries by user or by user and IP address. Only valid when record_type is user_operations.", enum: ["user", "user_and_ip"]),
                                    "include_denials": .boolean("Whether to include denied authorization attempts in the audit log."),
                                    "record_type": .string("user_operations records individual Kafka API calls (produce, fetch, etc.). user_activity records higher-level user actions.", enum: ["user_activity", "user_operations"]),
                                ]
                            ),
                            "auto_create_topics_enable": .boolean("Enable auto-creation of topics. (Default: false)."),
                            "compression_type": .string("Specify the final compression type for a given topic. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `uncompressed` which is equivalent to no compression; and `producer` which means retain the original compression codec set by the producer.(Default: producer).", enum: ["gzip", "lz4", "producer", "snappy", "uncompressed", "zstd"]),
                            "connections_max_idle_ms": .integer("Idle connections timeout: the server socket processor threads close the connections that idle for longer than this. (Default: 600000 ms (10 minutes)).", minimum: 1000, maximum: 3600000),
                            "default_replication_factor": .integer("Replication factor for auto-created topics (Default: 3).", minimum: 1, maximum: 10),
                            "group_coordinator_rebalance_protocols": .string("The enabled consumer group rebalance protocols. Use consumer, classic, share, streams to enable Kafka share groups.", enum: ["classic", "classic,consumer", "classic,consumer,share", "classic,consumer,share,streams", "classic,consumer,streams", "classic,share", "classic,streams"]),
                            "group_initial_rebalance_delay_ms": .integer("The amount of time, in milliseconds, the group coordinator will wait for more consumers to join a new group before performing the first rebalance. A longer delay means potentially fewer rebalances, but increases the time until processing begins. The default value for this is 3 seconds. During development and testing it might be desirable to set this to 0 in order to not delay test execution time. (Default: 3000 ms (3 seconds)).", minimum: 0, maximum: 300000),
                            "group_max_session_timeout_ms": .integer("The maximum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures. Default: 1800000 ms (30 minutes).", minimum: 0, maximum: 1800000),
                            "group_min_session_timeout_ms": .integer("The minimum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures. (Default: 6000 ms (6 seconds)).", minimum: 0, maximum: 60000),
                            "group_share_delivery_count_limit": .integer("The maximum delivery attempts for a share-group record.", minimum: 2, maximum: 10),
                            "group_share_heartbeat_interval_ms": .integer("The heartbeat interval used by share group members."),
                            "group_share_max_groups": .integer("The maximum number of share groups allowed on the broker."),
                            "group_share_max_heartbeat_interval_ms": .integer("The maximum heartbeat interval allowed for share group members."),
                            "group_share_max_record_lock_duration_ms": .integer("The maximum record lock duration allowed for share groups."),
                            "group_share_max_session_timeout_ms": .integer("The maximum session timeout allowed for share group members."),
                            "group_share_max_size": .integer("The maximum number of members allowed in a share group.", minimum: 10, maximum: 1000),
                            "group_share_min_heartbeat_interval_ms": .integer("The minimum heartbeat interval allowed for share group members."),
                            "group_share_min_record_lock_duration_ms": .integer("The minimum record lock duration allowed for share groups."),
                            "group_share_min_session_timeout_ms": .integer("The minimum session timeout allowed for share group members."),
                            "group_share_partition_max_record_locks": .integer("The maximum number of record locks allowed per share group partition.", minimum: 100, maximum: 10000),
                            "group_share_record_lock_duration_ms": .integer("The duration for which a fetched share-group record is locked.", minimum: 1000, maximum: 3600000),
                            "group_share_session_timeout_ms": .integer("The timeout used to detect share group member failures."),
                            "log_cleaner_delete_retention_ms": .integer("How long are delete records retained? (Default: 86400000 (1 day)).", minimum: 0, maximum: 315569260000),
                            "log_cleaner_max_compaction_lag_ms": .integer("The maximum amount of time message will remain uncompacted. Only applicable for logs that are being compacted. (Default: 9223372036854775807 ms (Long.MAX_VALUE)).", minimum: 30000),
                            "log_cleaner_min_cleanable_ratio": JSONSchemaProps(type: .number, description: "Controls log compactor frequency. Larger value means more frequent compactions but also more space wasted for logs. Consider setting log.cleaner.max.compaction.lag.ms to enforce compactions sooner, instead of setting a very high value for this option. (Default: 0.5).", minimum: 0.2, maximum: 0.9),
                            "log_cleaner_min_compaction_lag_ms": .integer("The minimum time a message will remain uncompacted in the log. Only applicable for logs that are being compacted. (Default: 0 ms).", minimum: 0),
                            "log_cleanup_policy": .string("The default cleanup policy for segments beyond the retention window (Default: delete).", enum: ["compact", "compact,delete", "delete"]),
                            "log_flush_interval_messages": .integer("The number of messages accumulated on a log partition before messages are flushed to disk (Default: 9223372036854775807 (Long.MAX_VALUE)).", minimum: 1),
                            "log_flush_interval_ms": .integer("The maximum time in ms that a message in any topic is kept in memory (page-cache) before flushed to disk. If not set, the value in log.flush.scheduler.interval.ms is used (Default: null).", minimum: 0),
                            "log_index_interval_bytes": .integer("The interval with which Kafka adds an entry to the offset index (Default: 4096 bytes (4 kibibytes)).", minimum: 0, maximum: 104857600),
                            "log_index_size_max_bytes": .integer("The maximum size in bytes of the offset index (Default: 10485760 (10 mebibytes)).", minimum: 1048576, maximum: 104857600),
                            "log_local_retention_bytes": .integer("The maximum size of local log segments that can grow for a partition before it gets eligible for deletion. If set to -2, the value of log.retention.bytes is used. The effective value should always be less than or equal to log.retention.bytes value. (Default: -2).", minimum: -2),
                            "log_local_retention_ms": .integer("The number of milliseconds to keep the local log segments before it gets eligible for deletion. If set to -2, the value of log.retention.ms is used. The effective value should always be less than or equal to log.retention.ms value. (Default: -2).", minimum: -2),
                            "log_message_downconversion_enable": .boolean("This configuration controls whether down-conversion of message formats is enabled to satisfy consume requests. (Default: true)."),
                            "log_message_timestamp_after_max_ms": .integer("The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. Applies only for messages with timestamps later than the broker's timestamp. (Default: 9223372036854775807 (Long.MAX_VALUE)).", minimum: 0),
                            "log_message_timestamp_before_max_ms": .integer("The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. Applies only for messages with timestamps earlier than the broker's timestamp. (Default: 9223372036854775807 (Long.MAX_VALUE)).", minimum: 0),
                            "log_message_timestamp_difference_max_ms": .integer("The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message (Default: 9223372036854775807 (Long.MAX_VALUE)).", minimum: 0),
                            "log_message_timestamp_type": .string("Define whether the timestamp in the message is message create time or log append time. (Default: CreateTime).", enum: ["CreateTime", "LogAppendTime"]),
                            "log_preallocate": .boolean("Should pre allocate file when create new segment? (Default: false)."),
                            "log_retention_bytes": .integer("The maximum size of the log before deleting messages (Default: -1).", minimum: -1),
                            "log_retention_hours": .integer("The number of hours to keep a log file before deleting it. Use -1 for unlimited retention or 1 or higher. Setting 0 is invalid and prevents Kafka from starting. (Default: 168 hours, or 1 week).", minimum: -1, maximum: 2147483647),
                            "log_retention_ms": .integer("The number of milliseconds to keep a log file before deleting it (in milliseconds), If not set, the value in log.retention.minutes is used. If set to -1, no time limit is applied. (Default: null, log.retention.hours applies).", minimum: -1),
                            "log_roll_jitter_ms": .integer("The maximum jitter to subtract from logRollTimeMillis (in milliseconds). If not set, the value in log.roll.jitter.hours is used (Default: null).", minimum: 0),
                            "log_roll_ms": .integer("The maximum time before a new log segment is rolled out (in milliseconds). (Default: null, log.roll.hours applies (Default: 168, 7 days)).", minimum: 1),
                            "log_segment_bytes": .integer("The maximum size of a single log file (Default: 1073741824 bytes (1 gibibyte)).", minimum: 10485760, maximum: 1073741824),
                            "log_segment_delete_delay_ms": .integer("The amount of time to wait before deleting a file from the filesystem (Default: 60000 ms (1 minute)).", minimum: 0, maximum: 3600000),
                            "max_connections_per_ip": .integer("The maximum number of connections allowed from each ip address (Default: 2147483647).", minimum: 256, maximum: 2147483647),
                            "max_incremental_fetch_session_cache_slots": .integer("The maximum number of incremental fetch sessions that the broker will maintain. (Default: 1000).", minimum: 1000, maximum: 10000),
                            "message_max_bytes": .integer("The maximum size of message that the server can receive. (Default: 1048588 bytes (1 mebibyte + 12 bytes)).", minimum: 0, maximum: 100001200),
                            "min_insync_replicas": .integer("When a producer sets acks to `all` (or `-1`), min.insync.replicas specifies the minimum number of replicas that must acknowledge a write for the write to be considered successful. (Default: 1).", minimum: 1, maximum: 7),
                            "num_partitions": .integer("Number of partitions for auto-created topics (Default: 1).", minimum: 1, maximum: 1000),
                            "offsets_retention_minutes": .integer("Log retention window in minutes for offsets topic (Default: 10080 minutes (7 days)).", minimum: 1, maximum: 2147483647),
                            "producer_purgatory_purge_interval_requests": .integer("The purge interval (in number of requests) of the producer request purgatory (Default: 1000).", minimum: 10, maximum: 10000),
                            "replica_fetch_max_bytes": .integer("The number of bytes of messages to attempt to fetch for each partition . This is not an absolute maximum, if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. (Default: 1048576 bytes (1 mebibytes)).", minimum: 1048576, maximum: 104857600),
                            "replica_fetch_response_max_bytes": .integer("Maximum bytes expected for the entire fetch response. Records are fetched in batches, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. As such, this is not an absolute maximum. (Default: 10485760 bytes (10 mebibytes)).", minimum: 10485760, maximum: 1048576000),
                            "sasl_oauthbearer_expected_audience": .string("The (optional) comma-delimited setting for the broker to use to verify that the JWT was issued for one of the expected audiences. (Default: null).", pattern: "^[^\\r\\n]*$", maxLength: 128),
                            "sasl_oauthbearer_expected_issuer": .string("Optional setting for the broker to use to verify that the JWT was created by the expected issuer.(Default: null).", pattern: "^[^\\r\\n]*$", maxLength: 128),
                            "sasl_oauthbearer_jwks_endpoint_url": .string("OIDC JWKS endpoint URL. By setting this the SASL SSL OAuth2/OIDC authentication is enabled. See also other options for SASL OAuth2/OIDC. (Default: null).", maxLength: 2048),
                            "sasl_oauthbearer_sub_claim_name": .string("Name of the scope from which to extract the subject claim from the JWT.(Default: sub).", pattern: "^[^\\r\\n]*\\S[^\\r\\n]*$", maxLength: 128),
                            "socket_request_max_bytes": .integer("The maximum number of bytes in a socket request (Default: 104857600 bytes).", minimum: 10485760, maximum: 209715200),
                            "transaction_partition_verification_enable": .boolean("Enable verification that checks that the partition has been added to the transaction before writing transactional records to the partition. (Default: true)."),
                            "transaction_remove_expired_transaction_cleanup_interval_ms": .integer("The interval at which to remove transactions that have expired due to transactional.id.expiration.ms passing (Default: 3600000 ms (1 hour)).", minimum: 600000, maximum: 3600000),
                            "transaction_state_log_segment_bytes": .integer("The transaction topic segment bytes should be kept relatively small in order to facilitate faster log compaction and cache loads (Default: 104857600 bytes (100 mebibytes)).", minimum: 1048576, maximum: 2147483647),
                        ]
                    ),
                    "kafka_authentication_methods": .object(
                        "Kafka authentication methods.",
                        properties: [
                            "certificate": .boolean("Enable certificate/SSL authentication."),
                            "sasl": .boolean("Enable SASL authentication."),
                        ]
                    ),
                    "kafka_connect": .boolean("Enable Kafka Connect service."),
                    "kafka_connect_config": .object(
                        "Kafka Connect configuration values.",
                        properties: KafkaConnect.settingsSchemaProperties
                    ),
                    "kafka_connect_plugin_versions": KafkaConnect.pluginVersionsSchema,
                    "kafka_connect_secret_providers": .array("Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault (provider: vault, auth_method: token) and AWS Secrets Manager (provider: aws, auth_method: credentials) are supported. Secrets can be referenced in connector config with ${<provider_name>:<secret_path>:<key_name>}.", of: .object(
                            "Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault, AWS Secrets Manager, Azure KeyVault, and ENV secret providers are supported.",
                            required: ["name"],
                            properties: [
                                "aws": .object(
                                    "AWS secret provider configuration.",
                                    required: ["auth_method", "region"],
                                    properties: [
                                        "access_key": .string("Access key used to authenticate with aws.", maxLength: 128),
                                        "auth_method": .string("Auth method of the vault secret provider.", enum: ["credentials"]),
                                        "region": .string("Region used to lookup secrets with AWS SecretManager.", maxLength: 64),
                                        "secret_key": .string("Secret key used to authenticate with aws.", maxLength: 128),
                                    ]
                                ),
                                "azure": KafkaConnect.azureSecretProviderSchema,
                                "env": KafkaConnect.envSecretProviderSchema,
                                "name": KafkaConnect.secretProviderName,
                                "vault": .object(
                                    "Vault secret provider configuration.",
                                    required: ["address", "auth_method"],
                                    properties: [
                                        "address": .string("Address of the Vault server.", minLength: 1, maxLength: 65536),
                                        "auth_method": .string("Auth method of the vault secret provider.", enum: ["token"]),
                                        "engine_version": .integer("Available versions: `1`, `2`. Newer versions may also be available.\nKV Secrets Engine version of the Vault server instance."),
                                        "prefix_path_depth": .integer("Prefix path depth of the secrets Engine. Default is 1. If the secrets engine path has more than one segment it has to be increased to the number of segments."),
                                        "server_pem": KafkaConnect.vaultServerPEM,
                                        "token": .string("Token used to authenticate with vault and auth method `token`.", maxLength: 256),
                                    ]
                                ),
                            ]
                        )),
                    "kafka_diskless": .object(
                        "Kafka Diskless configuration values.",
                        required: ["enabled"],
                        properties: [
                            "auto_diskless_topic_regexes": .array("The regexes of topics to auto enable diskless. Topics matching any of the regexes will be created as diskless topics.", of: .string(), maxItems: 32),
                            "enabled": .boolean("Whether to enable the Diskless functionality."),
                        ]
                    ),
                    "kafka_rest": .boolean("Enable Kafka-REST service."),
                    "kafka_rest_authorization": .boolean("Enable authorization in Kafka-REST service."),
                    "kafka_rest_config": .object(
                        "Kafka REST configuration.",
                        properties: [
                            "consumer_enable_auto_commit": .boolean("If true the consumer's offset will be periodically committed to Kafka in the background."),
                            "consumer_idle_disconnect_timeout": .integer("Specifies the maximum duration (in seconds) a client can remain idle before it is deleted. If a consumer is inactive, it will exit the consumer group, and its state will be discarded. A value of 0 (default) indicates that the consumer will not be disconnected automatically due to inactivity.", minimum: 0, maximum: 2147483647),
                            "consumer_request_max_bytes": .integer("Maximum number of bytes in unencoded message keys and values by a single request.", minimum: 0, maximum: 671088640),
                            "consumer_request_timeout_ms": .integer("The maximum total time to wait for messages for a request if the maximum number of messages has not yet been reached.", enum: [1000, 15000, 30000], minimum: 1000, maximum: 30000),
                            "name_strategy": .string("Name strategy to use when selecting subject for storing schemas.", enum: ["record_name", "topic_name", "topic_record_name"]),
                            "name_strategy_validation": .boolean("If true, validate that given schema is registered under expected subject name by the used name strategy when producing messages."),
                            "producer_acks": .string("The number of acknowledgments the producer requires the leader to have received before considering a request complete. If set to `all` or `-1`, the leader will wait for the full set of in-sync replicas to acknowledge the record.", enum: ["-1", "0", "1", "all"]),
                            "producer_compression_type": .string("Specify the default compression type for producers. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `none` which is the default and equivalent to no compression.", enum: ["gzip", "lz4", "none", "snappy", "zstd"]),
                            "producer_linger_ms": .integer("Wait for up to the given delay to allow batching records together.", minimum: 0, maximum: 5000),
                            "producer_max_request_size": .integer("The maximum size of a request in bytes. Note that Kafka broker can also cap the record batch size.", minimum: 0, maximum: 2147483647),
                            "simpleconsumer_pool_size_max": .integer("Maximum number of SimpleConsumers that can be instantiated per broker.", minimum: 10, maximum: 250),
                        ]
                    ),
                    "kafka_sasl_mechanisms": .object(
                        "Kafka SASL mechanisms.",
                        properties: [
                            "plain": .boolean("Enable PLAIN mechanism."),
                            "scram_sha_256": .boolean("Enable SCRAM-SHA-256 mechanism."),
                            "scram_sha_512": .boolean("Enable SCRAM-SHA-512 mechanism."),
                        ]
                    ),
                    "kafka_version": .string("Available versions: `3.9`, `4.0`, `4.1`, `4.2`. Newer versions may also be available.\nKafka major version. Deprecated values: `4.0`."),
                    "letsencrypt_sasl": .boolean("Use a Let's Encrypt certificate authority (CA) for Kafka SASL authentication. (Default: False)."),
                    "letsencrypt_sasl_privatelink": .boolean("Use a Let's Encrypt certificate authority (CA) for Kafka SASL authentication via Privatelink. (Default: False)."),
                    "preferred_zones": ServiceSchema.preferredZones,
                    "private_access": .object(
                        "Allow access to selected service ports from private networks.",
                        properties: [
                            "kafka": .boolean("Allow clients to connect to kafka with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "kafka_connect": .boolean("Allow clients to connect to kafka_connect with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "kafka_rest": .boolean("Allow clients to connect to kafka_rest with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "prometheus": .boolean("Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "schema_registry": .boolean("Allow clients to connect to schema_registry with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                        ]
                    ),
                    "privatelink_access": .object(
                        "Allow access to selected service components through Privatelink.",
                        properties: [
                            "jolokia": .boolean("Enable jolokia."),
                            "kafka": .boolean("Enable kafka."),
                            "kafka_connect": .boolean("Enable kafka_connect."),
                            "kafka_rest": .boolean("Enable kafka_rest."),
                            "prometheus": .boolean("Enable prometheus."),
                            "schema_registry": .boolean("Enable schema_registry."),
                        ]
                    ),
                    "public_access": .object(
                        "Allow access to selected service ports from the public Internet.",
                        properties: [
                            "kafka": .boolean("Allow clients to connect to kafka from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "kafka_connect": .boolean("Allow clients to connect to kafka_connect from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "kafka_rest": .boolean("Allow clients to connect to kafka_rest from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "prometheus": .boolean("Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "schema_registry": .boolean("Allow clients to connect to schema_registry from the public internet for service nodes that are in a project VPC or another type of private network."),
                        ]
                    ),
                    "sasl_oauthbearer_allowed_urls": ServiceSchema.saslOAuthBearerAllowedURLs,
                    "schema_registry": .boolean("Enable Schema-Registry service."),
                    "schema_registry_config": .object(
                        "Schema Registry configuration.",
                        properties: [
                            "leader_eligibility": .boolean("If true, Karapace / Schema Registry on the service nodes can participate in leader election. It might be needed to disable this when the schemas topic is replicated to a secondary cluster and Karapace / Schema Registry there must not participate in leader election. Defaults to `true`."),
                            "retriable_errors_silenced": .boolean("If enabled, kafka errors which can be retried or custom errors specified for the service will not be raised, instead, a warning log is emitted. This will denoise issue tracking systems, i.e. sentry. Defaults to `true`."),
                            "schema_reader_strict_mode": .boolean("If enabled, causes the Karapace schema-registry service to shutdown when there are invalid schema records in the `_schemas` topic. Defaults to `false`."),
                            "topic_name": .string("The durable single partition topic that acts as the durable log for the data. This topic must be compacted to avoid losing data due to retention policy. Please note that changing this configuration in an existing Schema Registry / Karapace setup leads to previous schemas being inaccessible, data encoded with them potentially unreadable and schema ID sequence put out of order. It's only possible to do the switch while Schema Registry / Karapace is disabled. Defaults to `_schemas`.", minLength: 1, maxLength: 249),
                        ]
                    ),
                    "service_log": .boolean("Store logs for the service so that they are available in the HTTP API and console."),
                    "single_zone": .object(
                        "Single-zone configuration.",
                        properties: [
                            "availability_zone": .string("The availability zone to use for the service. This is only used when enabled is set to true. If not set the service will be allocated in random AZ.The AZ is not guaranteed, and the service may be allocated in a different AZ if the selected AZ is not available. Zones will not be validated and invalid zones will be ignored, falling back to random AZ selection. Common availability zones include: AWS (euc1-az1, euc1-az2, euc1-az3), GCP (europe-west1-a, europe-west1-b, europe-west1-c), Azure (germanywestcentral/1, germanywestcentral/2, germanywestcentral/3).", maxLength: 40),
                            "enabled": .boolean("Whether to allocate nodes on the same Availability Zone or spread across zones available. By default service nodes are spread across different AZs. The single AZ support is best-effort and may temporarily allocate nodes in different AZs e.g. in case of capacity limitations in one AZ."),
                        ]
                    ),
                    "static_ips": .boolean("Use static public IP addresses."),
                    "tiered_storage": .object(
                        "Tiered storage configuration.",
                        properties: [
                            "enabled": .boolean("Whether to enable the tiered storage functionality."),
                            "local_cache": .object(
                                "Deprecated. Local cache configuration.",
                                properties: [
                                    "size": .integer("Deprecated. Local cache size in bytes.", minimum: 1, maximum: 107374182400),
                                ]
                            ),
                        ]
                    ),
                ]
            ),
        ]),
        rules: [
            ServiceSchema.connInfoSecretTargetDisabledAtCreation,
        ]
    )

    /// The schema of `status`.
    public static let statusSchema = ServiceSchema.observedStatus(
        "KafkaStatus defines the observed state of Kafka.",
        state: "Service state."
    )
}
