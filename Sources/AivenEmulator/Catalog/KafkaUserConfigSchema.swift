/// Aiven's `user_config` schema for `kafka`, verbatim: the `kafka` node of `aiven/go-api-schemas`
/// `pkg/dist/service_types.yml` (commit 38697fde), as JSON. It is what the real API serves as
/// `user_config_schema` in `GET /v1/service_types`, in go-api-schemas' keywords (`max_length`,
/// `enum: [{value:}]`, numeric bounds as strings, `type: [object, string]`).
enum KafkaUserConfigSchema {
    /// The schema document.
    static let json = #"""
{
  "type": "object",
  "properties": {
    "additional_backup_regions": {
      "is_deprecated": true,
      "deprecation_notice": "This property is deprecated.",
      "title": "Additional Cloud Regions for Backup Replication",
      "type": "array",
      "items": {
        "title": "Target cloud",
        "type": "string",
        "max_length": 256,
        "pattern": "^[a-z0-9-]+$",
        "example": "aws-eu-central-1",
        "user_error": "Must consist of lower-case alpha-numeric characters or dashes"
      },
      "max_items": 1
    },
    "aiven_kafka_topic_messages": {
      "title": "Allow access to read Kafka topic messages in the Aiven Console and REST API.",
      "type": "boolean",
      "example": true
    },
    "backup_interval_hours": {
      "title": "Backup interval in hours",
      "description": "Interval in hours between automatic backups. Minimum value is 3 hours. Must be a divisor of 24 (3, 4, 6, 8, 12, 24). (Applicable to ACU plans only)",
      "type": "integer",
      "enum": [
        {
          "value": 12
        },
        {
          "value": 24
        },
        {
          "value": 3
        },
        {
          "value": 4
        },
        {
          "value": 6
        },
        {
          "value": 8
        },
        {
          "value": null
        }
      ],
      "minimum": "3",
      "maximum": "24",
      "example": "24"
    },
    "backup_retention_days": {
      "title": "Backup retention in days",
      "description": "Number of days to retain automatic backups. Backups older than this value will be automatically deleted. (Applicable to ACU plans only)",
      "type": "integer",
      "minimum": "1",
      "maximum": "30",
      "example": "7"
    },
    "custom_domain": {
      "title": "Custom domain",
      "description": "Serve the web frontend using a custom CNAME pointing to the Aiven DNS name. When you set a custom domain for a service deployed in a VPC, the service certificate is only created for the public-* hostname and the custom domain.",
      "type": "string",
      "max_length": 255,
      "example": "grafana.example.org"
    },
    "enable_ipv6": {
      "title": "Enable IPv6",
      "description": "Register AAAA DNS records for the service, and allow IPv6 packets to service ports",
      "type": "boolean",
      "example": true
    },
    "follower_fetching": {
      "title": "Enable follower fetching",
      "type": "object",
      "properties": {
        "enabled": {
          "title": "Enabled",
          "description": "Whether to enable the follower fetching functionality",
          "type": "boolean",
          "example": true
        }
      }
    },
    "gcp_auth_allowed_urls": {
      "title": "Allowed URLs for auth URI validation",
      "description": "Allow-list of HTTPS URLs used to validate GCP credential_source requests for Kafka Connect.",
      "type": "array",
      "items": {
        "type": "string",
        "max_length": 2048
      },
      "example": [
        "https://sts.googleapis.com",
        "https://iamcredentials.googleapis.com"
      ],
      "user_error": "Only HTTPS URLs are allowed for auth URI validation"
    },
    "inkless": {
      "title": "Inkless configuration values",
      "type": "object",
      "required": [
        "enabled"
      ],
      "properties": {
        "enabled": {
          "title": "Enabled",
          "description": "Whether to enable the Inkless functionality",
          "type": "boolean",
          "create_only": true,
          "example": true
        }
      }
    },
    "ip_filter": {
      "title": "IP filter",
      "description": "Allow incoming connections from CIDR address block, e.g. '10.20.0.0/16'",
      "type": "array",
      "default": [
        "0.0.0.0/0",
        "::/0"
      ],
      "items": {
        "title": "CIDR address block, either as a string, or in a dict with an optional description field",
        "type": [
          "object",
          "string"
        ],
        "required": [
          "network"
        ],
        "properties": {
          "description": {
            "title": "Description for IP filter list entry",
            "type": "string",
            "max_length": 1024,
            "example": "Production service IP range"
          },
          "network": {
            "title": "CIDR address block",
            "type": "string",
            "max_length": 43,
            "example": "10.20.0.0/16"
          }
        },
        "max_length": 43,
        "example": "10.20.0.0/16"
      },
      "max_items": 8000
    },
    "kafka": {
      "title": "Kafka broker configuration values",
      "type": "object",
      "default": {},
      "properties": {
        "audit_log": {
          "title": "Kafka audit logging configuration",
          "description": "Enable Kafka audit logging by providing this object. Removing it disables the feature. Enabling, updating, or disabling audit logging causes a rolling restart of all Kafka brokers.",
          "type": "object",
          "properties": {
            "aggregation_period_sec": {
              "title": "Aggregation period in seconds",
              "description": "Aggregation period in seconds over which audit log entries are batched before being emitted.",
              "type": "integer",
              "default": "300",
              "minimum": "1",
              "maximum": "1800",
              "example": "300"
            },
            "group_by": {
              "title": "Group by",
              "description": "Group audit log entries by user or by user and IP address. Only valid when record_type is user_operations.",
              "type": "string",
              "default": "user_and_ip",
              "enum": [
                {
                  "value": "user"
                },
                {
                  "value": "user_and_ip"
                }
              ],
              "example": "user"
            },
            "include_denials": {
              "title": "Include log denials",
              "description": "Whether to include denied authorization attempts in the audit log.",
              "type": "boolean",
              "default": false,
              "example": false
            },
            "record_type": {
              "title": "Audit log type",
              "description": "user_operations records individual Kafka API calls (produce, fetch, etc.). user_activity records higher-level user actions.",
              "type": "string",
              "default": "user_operations",
              "enum": [
                {
                  "value": "user_activity"
                },
                {
                  "value": "user_operations"
                }
              ],
              "example": "user_operations"
            }
          }
        },
        "auto_create_topics_enable": {
          "title": "auto.create.topics.enable",
          "description": "Enable auto-creation of topics. (Default: false)",
          "type": "boolean",
          "example": false
        },
        "compression_type": {
          "title": "compression.type",
          "description": "Specify the final compression type for a given topic. This configuration accepts the standard compression codecs ('gzip', 'snappy', 'lz4', 'zstd'). It additionally accepts 'uncompressed' which is equivalent to no compression; and 'producer' which means retain the original compression codec set by the producer.(Default: producer)",
          "type": "string",
          "enum": [
            {
              "value": "gzip"
            },
            {
              "value": "lz4"
            },
            {
              "value": "producer"
            },
            {
              "value": "snappy"
            },
            {
              "value": "uncompressed"
            },
            {
              "value": "zstd"
            }
          ]
        },
        "connections_max_idle_ms": {
          "title": "connections.max.idle.ms",
          "description": "Idle connections timeout: the server socket processor threads close the connections that idle for longer than this. (Default: 600000 ms (10 minutes))",
          "type": "integer",
          "minimum": "1000",
          "maximum": "3600000",
          "example": "540000"
        },
        "default_replication_factor": {
          "title": "default.replication.factor",
          "description": "Replication factor for auto-created topics (Default: 3)",
          "type": "integer",
          "minimum": "1",
          "maximum": "10"
        },
        "group_coordinator_rebalance_protocols": {
          "title": "group.coordinator.rebalance.protocols",
          "description": "The enabled consumer group rebalance protocols. Use consumer, classic, share, streams to enable Kafka share groups.",
          "type": "string",
          "enum": [
            {
              "value": "classic"
            },
            {
              "value": "classic,consumer"
            },
            {
              "value": "classic,consumer,share"
            },
            {
              "value": "classic,consumer,share,streams"
            },
            {
              "value": "classic,consumer,streams"
            },
            {
              "value": "classic,share"
            },
            {
              "value": "classic,streams"
            }
          ],
          "example": "classic,consumer,streams"
        },
        "group_initial_rebalance_delay_ms": {
          "title": "group.initial.rebalance.delay.ms",
          "description": "The amount of time, in milliseconds, the group coordinator will wait for more consumers to join a new group before performing the first rebalance. A longer delay means potentially fewer rebalances, but increases the time until processing begins. The default value for this is 3 seconds. During development and testing it might be desirable to set this to 0 in order to not delay test execution time. (Default: 3000 ms (3 seconds))",
          "type": "integer",
          "minimum": "0",
          "maximum": "300000",
          "example": "3000"
        },
        "group_max_session_timeout_ms": {
          "title": "group.max.session.timeout.ms",
          "description": "The maximum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures. Default: 1800000 ms (30 minutes)",
          "type": "integer",
          "minimum": "0",
          "maximum": "1800000"
        },
        "group_min_session_timeout_ms": {
          "title": "group.min.session.timeout.ms",
          "description": "The minimum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures. (Default: 6000 ms (6 seconds))",
          "type": "integer",
          "minimum": "0",
          "maximum": "60000",
          "example": "6000"
        },
        "group_share_delivery_count_limit": {
          "title": "group.share.delivery.count.limit",
          "description": "The maximum delivery attempts for a share-group record.",
          "type": "integer",
          "minimum": "2",
          "maximum": "10",
          "example": "5"
        },
        "group_share_heartbeat_interval_ms": {
          "title": "group.share.heartbeat.interval.ms",
          "description": "The heartbeat interval used by share group members.",
          "type": "integer",
          "example": "5000"
        },
        "group_share_max_groups": {
          "title": "group.share.max.groups",
          "description": "The maximum number of share groups allowed on the broker.",
          "type": "integer"
        },
        "group_share_max_heartbeat_interval_ms": {
          "title": "group.share.max.heartbeat.interval.ms",
          "description": "The maximum heartbeat interval allowed for share group members.",
          "type": "integer",
          "example": "15000"
        },
        "group_share_max_record_lock_duration_ms": {
          "title": "group.share.max.record.lock.duration.ms",
          "description": "The maximum record lock duration allowed for share groups.",
          "type": "integer",
          "example": "60000"
        },
        "group_share_max_session_timeout_ms": {
          "title": "group.share.max.session.timeout.ms",
          "description": "The maximum session timeout allowed for share group members.",
          "type": "integer",
          "example": "60000"
        },
        "group_share_max_size": {
          "title": "group.share.max.size",
          "description": "The maximum number of members allowed in a share group.",
          "type": "integer",
          "minimum": "10",
          "maximum": "1000",
          "example": "200"
        },
        "group_share_min_heartbeat_interval_ms": {
          "title": "group.share.min.heartbeat.interval.ms",
          "description": "The minimum heartbeat interval allowed for share group members.",
          "type": "integer",
          "example": "5000"
        },
        "group_share_min_record_lock_duration_ms": {
          "title": "group.share.min.record.lock.duration.ms",
          "description": "The minimum record lock duration allowed for share groups.",
          "type": "integer",
          "example": "15000"
        },
        "group_share_min_session_timeout_ms": {
          "title": "group.share.min.session.timeout.ms",
          "description": "The minimum session timeout allowed for share group members.",
          "type": "integer",
          "example": "45000"
        },
        "group_share_partition_max_record_locks": {
          "title": "group.share.partition.max.record.locks",
          "description": "The maximum number of record locks allowed per share group partition.",
          "type": "integer",
          "minimum": "100",
          "maximum": "10000",
          "example": "2000"
        },
        "group_share_record_lock_duration_ms": {
          "title": "group.share.record.lock.duration.ms",
          "description": "The duration for which a fetched share-group record is locked.",
          "type": "integer",
          "minimum": "1000",
          "maximum": "3600000",
          "example": "30000"
        },
        "group_share_session_timeout_ms": {
          "title": "group.share.session.timeout.ms",
          "description": "The timeout used to detect share group member failures.",
          "type": "integer",
          "example": "45000"
        },
        "log_cleaner_delete_retention_ms": {
          "title": "log.cleaner.delete.retention.ms",
          "description": "How long are delete records retained? (Default: 86400000 (1 day))",
          "type": "integer",
          "minimum": "0",
          "maximum": "315569260000"
        },
        "log_cleaner_max_compaction_lag_ms": {
          "title": "log.cleaner.max.compaction.lag.ms",
          "description": "The maximum amount of time message will remain uncompacted. Only applicable for logs that are being compacted. (Default: 9223372036854775807 ms (Long.MAX_VALUE))",
          "type": "integer",
          "minimum": "30000",
          "maximum": "9223372036854775807"
        },
        "log_cleaner_min_cleanable_ratio": {
          "title": "log.cleaner.min.cleanable.ratio",
          "description": "Controls log compactor frequency. Larger value means more frequent compactions but also more space wasted for logs. Consider setting log.cleaner.max.compaction.lag.ms to enforce compactions sooner, instead of setting a very high value for this option. (Default: 0.5)",
          "type": "number",
          "minimum": "0.2",
          "maximum": "0.9",
          "example": "0.5"
        },
        "log_cleaner_min_compaction_lag_ms": {
          "title": "log.cleaner.min.compaction.lag.ms",
          "description": "The minimum time a message will remain uncompacted in the log. Only applicable for logs that are being compacted. (Default: 0 ms)",
          "type": "integer",
          "minimum": "0",
          "maximum": "9223372036854775807"
        },
        "log_cleanup_policy": {
          "title": "log.cleanup.policy",
          "description": "The default cleanup policy for segments beyond the retention window (Default: delete)",
          "type": "string",
          "enum": [
            {
              "value": "compact"
            },
            {
              "value": "compact,delete"
            },
            {
              "value": "delete"
            }
          ],
          "example": "delete"
        },
        "log_flush_interval_messages": {
          "title": "log.flush.interval.messages",
          "description": "The number of messages accumulated on a log partition before messages are flushed to disk (Default: 9223372036854775807 (Long.MAX_VALUE))",
          "type": "integer",
          "minimum": "1",
          "maximum": "9223372036854775807"
        },
        "log_flush_interval_ms": {
          "title": "log.flush.interval.ms",
          "description": "The maximum time in ms that a message in any topic is kept in memory (page-cache) before flushed to disk. If not set, the value in log.flush.scheduler.interval.ms is used (Default: null)",
          "type": "integer",
          "minimum": "0",
          "maximum": "9223372036854775807"
        },
        "log_index_interval_bytes": {
          "title": "log.index.interval.bytes",
          "description": "The interval with which Kafka adds an entry to the offset index (Default: 4096 bytes (4 kibibytes))",
          "type": "integer",
          "minimum": "0",
          "maximum": "104857600",
          "example": "4096"
        },
        "log_index_size_max_bytes": {
          "title": "log.index.size.max.bytes",
          "description": "The maximum size in bytes of the offset index (Default: 10485760 (10 mebibytes))",
          "type": "integer",
          "minimum": "1048576",
          "maximum": "104857600"
        },
        "log_local_retention_bytes": {
          "title": "log.local.retention.bytes",
          "description": "The maximum size of local log segments that can grow for a partition before it gets eligible for deletion. If set to -2, the value of log.retention.bytes is used. The effective value should always be less than or equal to log.retention.bytes value. (Default: -2)",
          "type": "integer",
          "minimum": "-2",
          "maximum": "9223372036854775807"
        },
        "log_local_retention_ms": {
          "title": "log.local.retention.ms",
          "description": "The number of milliseconds to keep the local log segments before it gets eligible for deletion. If set to -2, the value of log.retention.ms is used. The effective value should always be less than or equal to log.retention.ms value. (Default: -2)",
          "type": "integer",
          "minimum": "-2",
          "maximum": "9223372036854775807"
        },
        "log_message_downconversion_enable": {
          "title": "log.message.downconversion.enable",
          "description": "This configuration controls whether down-conversion of message formats is enabled to satisfy consume requests. (Default: true)",
          "type": "boolean",
          "example": true
        },
        "log_message_timestamp_after_max_ms": {
          "title": "log.message.timestamp.after.max.ms",
          "description": "The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. Applies only for messages with timestamps later than the broker's timestamp. (Default: 9223372036854775807 (Long.MAX_VALUE))",
          "type": "integer",
          "minimum": "0",
          "maximum": "9223372036854775807"
        },
        "log_message_timestamp_before_max_ms": {
          "title": "log.message.timestamp.before.max.ms",
          "description": "The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. Applies only for messages with timestamps earlier than the broker's timestamp. (Default: 9223372036854775807 (Long.MAX_VALUE))",
          "type": "integer",
          "minimum": "0",
          "maximum": "9223372036854775807"
        },
        "log_message_timestamp_difference_max_ms": {
          "title": "log.message.timestamp.difference.max.ms",
          "description": "The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message (Default: 9223372036854775807 (Long.MAX_VALUE))",
          "type": "integer",
          "minimum": "0",
          "maximum": "9223372036854775807"
        },
        "log_message_timestamp_type": {
          "title": "log.message.timestamp.type",
          "description": "Define whether the timestamp in the message is message create time or log append time. (Default: CreateTime)",
          "type": "string",
          "enum": [
            {
              "value": "CreateTime"
            },
            {
              "value": "LogAppendTime"
            }
          ]
        },
        "log_preallocate": {
          "title": "log.preallocate",
          "description": "Should pre allocate file when create new segment? (Default: false)",
          "type": "boolean",
          "example": false
        },
        "log_retention_bytes": {
          "title": "log.retention.bytes",
          "description": "The maximum size of the log before deleting messages (Default: -1)",
          "type": "integer",
          "minimum": "-1",
          "maximum": "9223372036854775807"
        },
        "log_retention_hours": {
          "title": "log.retention.hours",
          "description": "The number of hours to keep a log file before deleting it. Use -1 for unlimited retention or 1 or higher. Setting 0 is invalid and prevents Kafka from starting. (Default: 168 hours, or 1 week)",
          "type": "integer",
          "minimum": "-1",
          "maximum": "2147483647"
        },
        "log_retention_ms": {
          "title": "log.retention.ms",
          "description": "The number of milliseconds to keep a log file before deleting it (in milliseconds), If not set, the value in log.retention.minutes is used. If set to -1, no time limit is applied. (Default: null, log.retention.hours applies)",
          "type": "integer",
          "minimum": "-1",
          "maximum": "9223372036854775807"
        },
        "log_roll_jitter_ms": {
          "title": "log.roll.jitter.ms",
          "description": "The maximum jitter to subtract from logRollTimeMillis (in milliseconds). If not set, the value in log.roll.jitter.hours is used (Default: null)",
          "type": "integer",
          "minimum": "0",
          "maximum": "9223372036854775807"
        },
        "log_roll_ms": {
          "title": "log.roll.ms",
          "description": "The maximum time before a new log segment is rolled out (in milliseconds). (Default: null, log.roll.hours applies (Default: 168, 7 days))",
          "type": "integer",
          "minimum": "1",
          "maximum": "9223372036854775807"
        },
        "log_segment_bytes": {
          "title": "log.segment.bytes",
          "description": "The maximum size of a single log file (Default: 1073741824 bytes (1 gibibyte))",
          "type": "integer",
          "minimum": "10485760",
          "maximum": "1073741824"
        },
        "log_segment_delete_delay_ms": {
          "title": "log.segment.delete.delay.ms",
          "description": "The amount of time to wait before deleting a file from the filesystem (Default: 60000 ms (1 minute))",
          "type": "integer",
          "minimum": "0",
          "maximum": "3600000",
          "example": "60000"
        },
        "max_connections_per_ip": {
          "title": "max.connections.per.ip",
          "description": "The maximum number of connections allowed from each ip address (Default: 2147483647).",
          "type": "integer",
          "minimum": "256",
          "maximum": "2147483647"
        },
        "max_incremental_fetch_session_cache_slots": {
          "title": "max.incremental.fetch.session.cache.slots",
          "description": "The maximum number of incremental fetch sessions that the broker will maintain. (Default: 1000)",
          "type": "integer",
          "minimum": "1000",
          "maximum": "10000",
          "example": "1000"
        },
        "message_max_bytes": {
          "title": "message.max.bytes",
          "description": "The maximum size of message that the server can receive. (Default: 1048588 bytes (1 mebibyte + 12 bytes))",
          "type": "integer",
          "minimum": "0",
          "maximum": "100001200"
        },
        "min_insync_replicas": {
          "title": "min.insync.replicas",
          "description": "When a producer sets acks to 'all' (or '-1'), min.insync.replicas specifies the minimum number of replicas that must acknowledge a write for the write to be considered successful. (Default: 1)",
          "type": "integer",
          "minimum": "1",
          "maximum": "7",
          "example": "1"
        },
        "num_partitions": {
          "title": "num.partitions",
          "description": "Number of partitions for auto-created topics (Default: 1)",
          "type": "integer",
          "minimum": "1",
          "maximum": "1000"
        },
        "offsets_retention_minutes": {
          "title": "offsets.retention.minutes",
          "description": "Log retention window in minutes for offsets topic (Default: 10080 minutes (7 days))",
          "type": "integer",
          "minimum": "1",
          "maximum": "2147483647",
          "example": "10080"
        },
        "producer_purgatory_purge_interval_requests": {
          "title": "producer.purgatory.purge.interval.requests",
          "description": "The purge interval (in number of requests) of the producer request purgatory (Default: 1000).",
          "type": "integer",
          "minimum": "10",
          "maximum": "10000"
        },
        "replica_fetch_max_bytes": {
          "title": "replica.fetch.max.bytes",
          "description": "The number of bytes of messages to attempt to fetch for each partition . This is not an absolute maximum, if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. (Default: 1048576 bytes (1 mebibytes))",
          "type": "integer",
          "minimum": "1048576",
          "maximum": "104857600"
        },
        "replica_fetch_response_max_bytes": {
          "title": "replica.fetch.response.max.bytes",
          "description": "Maximum bytes expected for the entire fetch response. Records are fetched in batches, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. As such, this is not an absolute maximum. (Default: 10485760 bytes (10 mebibytes))",
          "type": "integer",
          "minimum": "10485760",
          "maximum": "1048576000"
        },
        "sasl_oauthbearer_expected_audience": {
          "title": "sasl.oauthbearer.expected.audience",
          "description": "The (optional) comma-delimited setting for the broker to use to verify that the JWT was issued for one of the expected audiences. (Default: null)",
          "type": "string",
          "max_length": 128,
          "pattern": "^[^\\r\\n]*$"
        },
        "sasl_oauthbearer_expected_issuer": {
          "title": "sasl.oauthbearer.expected.issuer",
          "description": "Optional setting for the broker to use to verify that the JWT was created by the expected issuer.(Default: null)",
          "type": "string",
          "max_length": 128,
          "pattern": "^[^\\r\\n]*$"
        },
        "sasl_oauthbearer_jwks_endpoint_url": {
          "title": "sasl.oauthbearer.jwks.endpoint.url",
          "description": "OIDC JWKS endpoint URL. By setting this the SASL SSL OAuth2/OIDC authentication is enabled. See also other options for SASL OAuth2/OIDC. (Default: null)",
          "type": "string",
          "max_length": 2048
        },
        "sasl_oauthbearer_sub_claim_name": {
          "title": "sasl.oauthbearer.sub.claim.name",
          "description": "Name of the scope from which to extract the subject claim from the JWT.(Default: sub)",
          "type": "string",
          "max_length": 128,
          "pattern": "^[^\\r\\n]*\\S[^\\r\\n]*$"
        },
        "socket_request_max_bytes": {
          "title": "socket.request.max.bytes",
          "description": "The maximum number of bytes in a socket request (Default: 104857600 bytes).",
          "type": "integer",
          "minimum": "10485760",
          "maximum": "209715200"
        },
        "transaction_partition_verification_enable": {
          "title": "transaction.partition.verification.enable",
          "description": "Enable verification that checks that the partition has been added to the transaction before writing transactional records to the partition. (Default: true)",
          "type": "boolean",
          "example": true
        },
        "transaction_remove_expired_transaction_cleanup_interval_ms": {
          "title": "transaction.remove.expired.transaction.cleanup.interval.ms",
          "description": "The interval at which to remove transactions that have expired due to transactional.id.expiration.ms passing (Default: 3600000 ms (1 hour)).",
          "type": "integer",
          "minimum": "600000",
          "maximum": "3600000"
        },
        "transaction_state_log_segment_bytes": {
          "title": "transaction.state.log.segment.bytes",
          "description": "The transaction topic segment bytes should be kept relatively small in order to facilitate faster log compaction and cache loads (Default: 104857600 bytes (100 mebibytes)).",
          "type": "integer",
          "minimum": "1048576",
          "maximum": "2147483647"
        }
      }
    },
    "kafka_authentication_methods": {
      "title": "Kafka authentication methods",
      "type": "object",
      "properties": {
        "certificate": {
          "title": "Enable certificate/SSL authentication",
          "type": "boolean",
          "default": true
        },
        "sasl": {
          "title": "Enable SASL authentication",
          "type": "boolean",
          "default": false
        }
      }
    },
    "kafka_connect": {
      "title": "Enable Kafka Connect service",
      "type": "boolean",
      "default": false
    },
    "kafka_connect_config": {
      "title": "Kafka Connect configuration values",
      "type": "object",
      "properties": {
        "connector_client_config_override_policy": {
          "title": "Client config override policy",
          "description": "Defines what client configurations can be overridden by the connector. Default is None",
          "type": "string",
          "enum": [
            {
              "value": "All"
            },
            {
              "value": "None"
            }
          ]
        },
        "consumer_auto_offset_reset": {
          "title": "Consumer auto offset reset",
          "description": "What to do when there is no initial offset in Kafka or if the current offset does not exist any more on the server. Default is earliest",
          "type": "string",
          "enum": [
            {
              "value": "earliest"
            },
            {
              "value": "latest"
            }
          ]
        },
        "consumer_fetch_max_bytes": {
          "title": "The maximum amount of data the server should return for a fetch request",
          "description": "Records are fetched in batches by the consumer, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that the consumer can make progress. As such, this is not a absolute maximum.",
          "type": "integer",
          "minimum": "1048576",
          "maximum": "104857600"
        },
        "consumer_isolation_level": {
          "title": "Consumer isolation level",
          "description": "Transaction read isolation level. read_uncommitted is the default, but read_committed can be used if consume-exactly-once behavior is desired.",
          "type": "string",
          "enum": [
            {
              "value": "read_committed"
            },
            {
              "value": "read_uncommitted"
            }
          ]
        },
        "consumer_max_partition_fetch_bytes": {
          "title": "The maximum amount of data per-partition the server will return.",
          "description": "Records are fetched in batches by the consumer.If the first record batch in the first non-empty partition of the fetch is larger than this limit, the batch will still be returned to ensure that the consumer can make progress.",
          "type": "integer",
          "minimum": "1048576",
          "maximum": "104857600"
        },
        "consumer_max_poll_interval_ms": {
          "title": "The maximum delay between polls when using consumer group management",
          "description": "The maximum delay in milliseconds between invocations of poll() when using consumer group management (defaults to 300000).",
          "type": "integer",
          "minimum": "1",
          "maximum": "2147483647",
          "example": "300000"
        },
        "consumer_max_poll_records": {
          "title": "The maximum number of records returned by a single poll",
          "description": "The maximum number of records returned in a single call to poll() (defaults to 500).",
          "type": "integer",
          "minimum": "1",
          "maximum": "10000",
          "example": "500"
        },
        "offset_flush_interval_ms": {
          "title": "The interval at which to try committing offsets for tasks",
          "description": "The interval at which to try committing offsets for tasks (defaults to 60000).",
          "type": "integer",
          "minimum": "1",
          "maximum": "100000000",
          "example": "60000"
        },
        "offset_flush_timeout_ms": {
          "title": "Offset flush timeout",
          "description": "Maximum number of milliseconds to wait for records to flush and partition offset data to be committed to offset storage before cancelling the process and restoring the offset data to be committed in a future attempt (defaults to 5000).",
          "type": "integer",
          "minimum": "1",
          "maximum": "2147483647",
          "example": "5000"
        },
        "prefer_ipv6_address_enable": {
          "title": "Let connectors prefer IPv6 addresses from dual-stack external servers.",
          "description": "When enabled, connectors will automatically resolve IPv6 addresses from external server names configured with dual-stack.",
          "type": "boolean",
          "default": false,
          "example": true
        },
        "producer_batch_size": {
          "title": "The batch size in bytes the producer will attempt to collect for the same partition before publishing to broker",
          "description": "This setting gives the upper bound of the batch size to be sent. If there are fewer than this many bytes accumulated for this partition, the producer will 'linger' for the linger.ms time waiting for more records to show up. A batch size of zero will disable batching entirely (defaults to 16384).",
          "type": "integer",
          "minimum": "0",
          "maximum": "5242880",
          "example": "1024"
        },
        "producer_buffer_memory": {
          "title": "The total bytes of memory the producer can use to buffer records waiting to be sent to the broker",
          "description": "The total bytes of memory the producer can use to buffer records waiting to be sent to the broker (defaults to 33554432).",
          "type": "integer",
          "minimum": "5242880",
          "maximum": "134217728"
        },
        "producer_compression_type": {
          "title": "The default compression type for producers",
          "description": "Specify the default compression type for producers. This configuration accepts the standard compression codecs ('gzip', 'snappy', 'lz4', 'zstd'). It additionally accepts 'none' which is the default and equivalent to no compression.",
          "type": "string",
          "enum": [
            {
              "value": "gzip"
            },
            {
              "value": "lz4"
            },
            {
              "value": "none"
            },
            {
              "value": "snappy"
            },
            {
              "value": "zstd"
            }
          ]
        },
        "producer_linger_ms": {
          "title": "Wait for up to the given delay to allow batching records together",
          "description": "This setting gives the upper bound on the delay for batching: once there is batch.size worth of records for a partition it will be sent immediately regardless of this setting, however if there are fewer than this many bytes accumulated for this partition the producer will 'linger' for the specified time waiting for more records to show up. Defaults to 0.",
          "type": "integer",
          "minimum": "0",
          "maximum": "5000",
          "example": "100"
        },
        "producer_max_request_size": {
          "title": "The maximum size of a request in bytes",
          "description": "This setting will limit the number of record batches the producer will send in a single request to avoid sending huge requests.",
          "type": "integer",
          "minimum": "131072",
          "maximum": "67108864"
        },
        "scheduled_rebalance_max_delay_ms": {
          "title": "The maximum delay of rebalancing connector workers",
          "description": "The maximum delay that is scheduled in order to wait for the return of one or more departed workers before rebalancing and reassigning their connectors and tasks to the group. During this period the connectors and tasks of the departed workers remain unassigned. Defaults to 5 minutes.",
          "type": "integer",
          "minimum": "0",
          "maximum": "600000",
          "example": "300000"
        },
        "session_timeout_ms": {
          "title": "The timeout used to detect failures when using Kafka’s group management facilities",
          "description": "The timeout in milliseconds used to detect failures when using Kafka’s group management facilities (defaults to 10000).",
          "type": "integer",
          "minimum": "1",
          "maximum": "2147483647",
          "example": "10000"
        }
      }
    },
    "kafka_connect_plugin_versions": {
      "title": "Kafka Connect plugins",
      "description": "The plugin selected by the user",
      "type": "array",
      "items": {
        "title": "A Kafka Connect plugin",
        "type": "object",
        "required": [
          "plugin_name",
          "version"
        ],
        "properties": {
          "plugin_name": {
            "title": "Plugin name",
            "description": "The name of the plugin",
            "type": "string",
            "max_length": 128,
            "pattern": "^[^\\r\\n]*$",
            "example": "debezium-connector"
          },
          "version": {
            "title": "Plugin version",
            "description": "The version of the plugin",
            "type": "string",
            "max_length": 128,
            "pattern": "^[^\\r\\n]*$",
            "example": "2.5.0"
          }
        }
      }
    },
    "kafka_connect_secret_providers": {
      "title": "Kafka Connect secret providers",
      "description": "Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault (provider: vault, auth_method: token) and AWS Secrets Manager (provider: aws, auth_method: credentials) are supported. Secrets can be referenced in connector config with ${<provider_name>:<secret_path>:<key_name>}",
      "type": "array",
      "items": {
        "title": "Kafka Connect secret provider",
        "description": "Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault, AWS Secrets Manager, Azure KeyVault, and ENV secret providers are supported.",
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "aws": {
            "title": "AWS config for Secret Provider",
            "description": "AWS secret provider configuration",
            "type": "object",
            "required": [
              "auth_method",
              "region"
            ],
            "properties": {
              "access_key": {
                "title": "Access key used to authenticate with aws",
                "type": "string",
                "max_length": 128
              },
              "auth_method": {
                "title": "Auth method of the vault secret provider",
                "description": "An enumeration.",
                "type": "string",
                "enum": [
                  {
                    "value": "credentials"
                  }
                ]
              },
              "region": {
                "title": "Region used to lookup secrets with AWS SecretManager",
                "type": "string",
                "max_length": 64
              },
              "secret_key": {
                "title": "Secret key used to authenticate with aws",
                "type": "string",
                "max_length": 128,
                "_secure": true
              }
            }
          },
          "azure": {
            "title": "Azure KeyVault config for Secret Provider",
            "description": "Azure KeyVault secret provider configuration",
            "type": "object",
            "required": [
              "auth_method"
            ],
            "properties": {
              "auth_method": {
                "title": "Auth method of the Azure KeyVault secret provider",
                "description": "An enumeration.",
                "type": "string",
                "enum": [
                  {
                    "value": "credentials"
                  }
                ]
              },
              "client_id": {
                "title": "Azure client ID for the service principal.",
                "type": "string",
                "max_length": 128
              },
              "secret": {
                "title": "Azure client secret for the service principal.",
                "type": "string",
                "max_length": 256,
                "_secure": true
              },
              "tenant_id": {
                "title": "Azure tenant ID for the service principal.",
                "type": "string",
                "max_length": 128
              }
            }
          },
          "env": {
            "title": "ENV config for Secret Provider",
            "description": "ENV secret provider configuration",
            "type": "object",
            "required": [
              "secrets"
            ],
            "properties": {
              "secrets": {
                "title": "Environment secrets",
                "description": "Key/value map of secrets for ENV secret provider",
                "type": "object",
                "_secure": true
              }
            }
          },
          "name": {
            "title": "Name of the secret provider. Used to reference secrets in connector config.",
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+$"
          },
          "vault": {
            "title": "Vault Config for Secret Provider",
            "description": "Vault secret provider configuration",
            "type": "object",
            "required": [
              "auth_method",
              "address"
            ],
            "properties": {
              "address": {
                "title": "Address of the Vault server",
                "type": "string",
                "min_length": 1,
                "max_length": 65536
              },
              "auth_method": {
                "title": "Auth method of the vault secret provider",
                "description": "An enumeration.",
                "type": "string",
                "enum": [
                  {
                    "value": "token"
                  }
                ]
              },
              "engine_version": {
                "title": "KV Secrets Engine version of the Vault server instance",
                "description": "An enumeration.",
                "type": "integer",
                "enum": [
                  {
                    "value": 1
                  },
                  {
                    "value": 2
                  }
                ]
              },
              "prefix_path_depth": {
                "title": "Prefix path depth of the secrets Engine. Default is 1. If the secrets engine path has more than one segment it has to be increased to the number of segments.",
                "type": "integer"
              },
              "server_pem": {
                "title": "PEM encoded certificate of the Vault server. Required if the vault server uses a self-signed certificate.",
                "type": "string",
                "max_length": 4096
              },
              "token": {
                "title": "Token used to authenticate with vault and auth method `token`.",
                "type": "string",
                "max_length": 256,
                "_secure": true
              }
            }
          }
        }
      }
    },
    "kafka_diskless": {
      "title": "Kafka Diskless configuration values",
      "type": "object",
      "required": [
        "enabled"
      ],
      "properties": {
        "auto_diskless_topic_regexes": {
          "title": "Auto diskless topic regexes",
          "description": "The regexes of topics to auto enable diskless. Topics matching any of the regexes will be created as diskless topics.",
          "type": "array",
          "items": {
            "title": "Topic regex",
            "description": "The regex to match topics to auto enable diskless. It follows `java.util.regex.Pattern` syntax, but only a subset of characters is allowed.",
            "type": "string",
            "max_length": 128,
            "pattern": "^[\\^\\$\\-_\\.*\\+?A-Za-z0-9\\\\\\[\\]\\|\\{\\}\\(\\)]+$"
          },
          "max_items": 32
        },
        "enabled": {
          "title": "Enabled",
          "description": "Whether to enable the Diskless functionality",
          "type": "boolean",
          "example": true
        }
      }
    },
    "kafka_rest": {
      "title": "Enable Kafka-REST service",
      "type": "boolean",
      "default": false
    },
    "kafka_rest_authorization": {
      "title": "Enable authorization in Kafka-REST service",
      "type": "boolean",
      "example": true
    },
    "kafka_rest_config": {
      "title": "Kafka REST configuration",
      "type": "object",
      "properties": {
        "consumer_enable_auto_commit": {
          "title": "consumer.enable.auto.commit",
          "description": "If true the consumer's offset will be periodically committed to Kafka in the background",
          "type": "boolean",
          "default": true
        },
        "consumer_idle_disconnect_timeout": {
          "title": "consumer.idle.disconnect.timeout",
          "description": "Specifies the maximum duration (in seconds) a client can remain idle before it is deleted. If a consumer is inactive, it will exit the consumer group, and its state will be discarded. A value of 0 (default) indicates that the consumer will not be disconnected automatically due to inactivity.",
          "type": "integer",
          "default": "0",
          "minimum": "0",
          "maximum": "2147483647"
        },
        "consumer_request_max_bytes": {
          "title": "consumer.request.max.bytes",
          "description": "Maximum number of bytes in unencoded message keys and values by a single request",
          "type": "integer",
          "minimum": "0",
          "maximum": "671088640"
        },
        "consumer_request_timeout_ms": {
          "title": "consumer.request.timeout.ms",
          "description": "The maximum total time to wait for messages for a request if the maximum number of messages has not yet been reached",
          "type": "integer",
          "default": "1000",
          "enum": [
            {
              "value": 1000
            },
            {
              "value": 15000
            },
            {
              "value": 30000
            }
          ],
          "minimum": "1000",
          "maximum": "30000"
        },
        "name_strategy": {
          "title": "name.strategy",
          "description": "Name strategy to use when selecting subject for storing schemas",
          "type": "string",
          "default": "topic_name",
          "enum": [
            {
              "value": "record_name"
            },
            {
              "value": "topic_name"
            },
            {
              "value": "topic_record_name"
            }
          ]
        },
        "name_strategy_validation": {
          "title": "name.strategy.validation",
          "description": "If true, validate that given schema is registered under expected subject name by the used name strategy when producing messages.",
          "type": "boolean",
          "default": true
        },
        "producer_acks": {
          "title": "producer.acks",
          "description": "The number of acknowledgments the producer requires the leader to have received before considering a request complete. If set to 'all' or '-1', the leader will wait for the full set of in-sync replicas to acknowledge the record.",
          "type": "string",
          "default": "1",
          "enum": [
            {
              "value": "-1"
            },
            {
              "value": "0"
            },
            {
              "value": "1"
            },
            {
              "value": "all"
            }
          ]
        },
        "producer_compression_type": {
          "title": "producer.compression.type",
          "description": "Specify the default compression type for producers. This configuration accepts the standard compression codecs ('gzip', 'snappy', 'lz4', 'zstd'). It additionally accepts 'none' which is the default and equivalent to no compression.",
          "type": "string",
          "enum": [
            {
              "value": "gzip"
            },
            {
              "value": "lz4"
            },
            {
              "value": "none"
            },
            {
              "value": "snappy"
            },
            {
              "value": "zstd"
            }
          ]
        },
        "producer_linger_ms": {
          "title": "producer.linger.ms",
          "description": "Wait for up to the given delay to allow batching records together",
          "type": "integer",
          "default": "0",
          "minimum": "0",
          "maximum": "5000"
        },
        "producer_max_request_size": {
          "title": "producer.max.request.size",
          "description": "The maximum size of a request in bytes. Note that Kafka broker can also cap the record batch size.",
          "type": "integer",
          "minimum": "0",
          "maximum": "2147483647"
        },
        "simpleconsumer_pool_size_max": {
          "title": "simpleconsumer.pool.size.max",
          "description": "Maximum number of SimpleConsumers that can be instantiated per broker",
          "type": "integer",
          "default": "25",
          "minimum": "10",
          "maximum": "250"
        }
      }
    },
    "kafka_sasl_mechanisms": {
      "title": "Kafka SASL mechanisms",
      "type": "object",
      "properties": {
        "plain": {
          "title": "Enable PLAIN mechanism",
          "type": "boolean",
          "default": true
        },
        "scram_sha_256": {
          "title": "Enable SCRAM-SHA-256 mechanism",
          "type": "boolean",
          "default": true
        },
        "scram_sha_512": {
          "title": "Enable SCRAM-SHA-512 mechanism",
          "type": "boolean",
          "default": true
        }
      }
    },
    "kafka_version": {
      "title": "Kafka major version",
      "type": "string",
      "enum": [
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.1"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.2"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.3"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.4"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.5"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.6"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.7"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "3.8"
        },
        {
          "value": "3.9"
        },
        {
          "is_deprecated": true,
          "deprecation_notice": "This value is deprecated.",
          "value": "4.0"
        },
        {
          "value": "4.1"
        },
        {
          "value": "4.2"
        }
      ]
    },
    "karapace_version": {
      "title": "Karapace version",
      "description": "Pin a specific installed Karapace version on this service. Leave null/unset to auto-follow the newest installed version.",
      "type": "string",
      "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"
    },
    "letsencrypt_sasl": {
      "title": "Use Let's Encrypt CA for Kafka SASL",
      "description": "Use a Let's Encrypt certificate authority (CA) for Kafka SASL authentication. (Default: False)",
      "type": "boolean",
      "example": true
    },
    "letsencrypt_sasl_privatelink": {
      "title": "Use Let's Encrypt CA for Kafka SASL via Privatelink",
      "description": "Use a Let's Encrypt certificate authority (CA) for Kafka SASL authentication via Privatelink. (Default: False)",
      "type": "boolean",
      "example": true
    },
    "preferred_zones": {
      "title": "Preferred zones",
      "description": "List of preferred zone IDs for service node placement. Nodes will be placed in these zones when available. If a specified zone is unavailable (e.g., due to capacity constraints), nodes will be placed in other available zones to maintain the configured number of zones for availability. Invalid zone IDs are rejected at configuration time. Zone IDs are cloud-specific: AWS uses zone IDs like 'euc1-az1', GCP uses zone names like 'europe-west1-a', and Azure uses 'location/zone' format like 'germanywestcentral/1'. If single_zone is enabled with an availability_zone, that setting takes precedence over preferred_zones. Changes take effect on next node recreation (e.g., maintenance or plan change). For eligible plans, nodes outside preferred zones are automatically rebalanced once per day.",
      "type": "array",
      "items": {
        "title": "Zone ID",
        "type": "string",
        "max_length": 64,
        "example": "euc1-az1"
      },
      "max_items": 10
    },
    "private_access": {
      "title": "Allow access to selected service ports from private networks",
      "type": "object",
      "properties": {
        "kafka": {
          "title": "Allow clients to connect to kafka with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
          "type": "boolean",
          "example": true
        },
        "kafka_connect": {
          "title": "Allow clients to connect to kafka_connect with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
          "type": "boolean",
          "example": true
        },
        "kafka_rest": {
          "title": "Allow clients to connect to kafka_rest with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
          "type": "boolean",
          "example": true
        },
        "prometheus": {
          "title": "Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
          "type": "boolean",
          "example": true
        },
        "schema_registry": {
          "title": "Allow clients to connect to schema_registry with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
          "type": "boolean",
          "example": true
        }
      }
    },
    "privatelink_access": {
      "title": "Allow access to selected service components through Privatelink",
      "type": "object",
      "properties": {
        "jolokia": {
          "title": "Enable jolokia",
          "type": "boolean",
          "example": true
        },
        "kafka": {
          "title": "Enable kafka",
          "type": "boolean",
          "example": true
        },
        "kafka_connect": {
          "title": "Enable kafka_connect",
          "type": "boolean",
          "example": true
        },
        "kafka_rest": {
          "title": "Enable kafka_rest",
          "type": "boolean",
          "example": true
        },
        "prometheus": {
          "title": "Enable prometheus",
          "type": "boolean",
          "example": true
        },
        "schema_registry": {
          "title": "Enable schema_registry",
          "type": "boolean",
          "example": true
        }
      }
    },
    "public_access": {
      "title": "Allow access to selected service ports from the public Internet",
      "type": "object",
      "properties": {
        "kafka": {
          "title": "Allow clients to connect to kafka from the public internet for service nodes that are in a project VPC or another type of private network",
          "type": "boolean",
          "example": true
        },
        "kafka_connect": {
          "title": "Allow clients to connect to kafka_connect from the public internet for service nodes that are in a project VPC or another type of private network",
          "type": "boolean",
          "example": true
        },
        "kafka_rest": {
          "title": "Allow clients to connect to kafka_rest from the public internet for service nodes that are in a project VPC or another type of private network",
          "type": "boolean",
          "example": true
        },
        "prometheus": {
          "title": "Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network",
          "type": "boolean",
          "example": true
        },
        "schema_registry": {
          "title": "Allow clients to connect to schema_registry from the public internet for service nodes that are in a project VPC or another type of private network",
          "type": "boolean",
          "example": true
        }
      }
    },
    "sasl_oauthbearer_allowed_urls": {
      "title": "Allowed URLs for SASL OAUTHBEARER",
      "description": "List of allowed URLs for SASL OAUTHBEARER authentication. Only HTTPS URLs are allowed for security reasons.",
      "type": "array",
      "items": {
        "type": "string",
        "max_length": 2048
      },
      "example": [
        "https://auth.example.com",
        "https://auth2.example.com"
      ],
      "user_error": "Only HTTPS URLs are allowed for SASL OAUTHBEARER authentication"
    },
    "schema_registry": {
      "title": "Enable Schema-Registry service",
      "type": "boolean",
      "default": false
    },
    "schema_registry_config": {
      "title": "Schema Registry configuration",
      "type": "object",
      "properties": {
        "leader_eligibility": {
          "title": "leader_eligibility",
          "description": "If true, Karapace / Schema Registry on the service nodes can participate in leader election. It might be needed to disable this when the schemas topic is replicated to a secondary cluster and Karapace / Schema Registry there must not participate in leader election. Defaults to `true`.",
          "type": "boolean",
          "example": true
        },
        "retriable_errors_silenced": {
          "title": "retriable_errors_silenced",
          "description": "If enabled, kafka errors which can be retried or custom errors specified for the service will not be raised, instead, a warning log is emitted. This will denoise issue tracking systems, i.e. sentry. Defaults to `true`.",
          "type": "boolean",
          "example": true
        },
        "sasl_oauthbearer_authentication_enabled": {
          "title": "Enable OIDC authentication for Schema Registry",
          "description": "If enabled, the Schema Registry validates OAuth2/OIDC JWT bearer tokens on incoming requests. Requires the OIDC provider settings under the `kafka` configuration (`sasl_oauthbearer_jwks_endpoint_url` and related). Defaults to `false`.",
          "type": "boolean",
          "example": true
        },
        "sasl_oauthbearer_authorization_enabled": {
          "title": "Enable OIDC authorization for Schema Registry",
          "description": "If enabled, the Schema Registry enforces role-based authorization derived from the JWT roles claim. Requires `sasl_oauthbearer_authentication_enabled` to be enabled. Defaults to `false`.",
          "type": "boolean",
          "example": true
        },
        "sasl_oauthbearer_method_roles": {
          "title": "sasl.oauthbearer.method.roles",
          "description": "Mapping of HTTP methods to the list of roles allowed to perform them on the Schema Registry. Role names use the `karapace.` prefix, e.g. `karapace.schema:read`.",
          "type": "object",
          "example": {
            "DELETE": [],
            "GET": [
              "karapace.schema:read",
              "karapace.subject:read"
            ],
            "POST": [],
            "PUT": []
          }
        },
        "sasl_oauthbearer_roles_claim_path": {
          "title": "sasl.oauthbearer.roles.claim.path",
          "description": "JSON path used to extract the roles claim from the JWT for Schema Registry authorization. Defaults to `resource_access.karapace.roles`.",
          "type": "string",
          "max_length": 128,
          "pattern": "^[^\\r\\n]*\\S[^\\r\\n]*$",
          "example": "resource_access.karapace.roles"
        },
        "schema_reader_strict_mode": {
          "title": "schema_reader_strict_mode",
          "description": "If enabled, causes the Karapace schema-registry service to shutdown when there are invalid schema records in the `_schemas` topic. Defaults to `false`.",
          "type": "boolean",
          "example": false
        },
        "topic_name": {
          "title": "topic_name",
          "description": "The durable single partition topic that acts as the durable log for the data. This topic must be compacted to avoid losing data due to retention policy. Please note that changing this configuration in an existing Schema Registry / Karapace setup leads to previous schemas being inaccessible, data encoded with them potentially unreadable and schema ID sequence put out of order. It's only possible to do the switch while Schema Registry / Karapace is disabled. Defaults to `_schemas`.",
          "type": "string",
          "min_length": 1,
          "max_length": 249,
          "pattern": "^(?!\\.$|\\.\\.$)[-_.A-Za-z0-9]+$",
          "example": "_schemas",
          "user_error": "Must consist of alpha-numeric characters, underscores, dashes or dots, max 249 characters"
        }
      }
    },
    "service_log": {
      "title": "Service logging",
      "description": "Store logs for the service so that they are available in the HTTP API and console.",
      "type": "boolean",
      "example": true
    },
    "single_zone": {
      "title": "Single-zone configuration",
      "type": "object",
      "properties": {
        "availability_zone": {
          "title": "Availability zone",
          "description": "The availability zone to use for the service. This is only used when enabled is set to true. If not set the service will be allocated in random AZ.The AZ is not guaranteed, and the service may be allocated in a different AZ if the selected AZ is not available. Zones will not be validated and invalid zones will be ignored, falling back to random AZ selection. Common availability zones include: AWS (euc1-az1, euc1-az2, euc1-az3), GCP (europe-west1-a, europe-west1-b, europe-west1-c), Azure (germanywestcentral/1, germanywestcentral/2, germanywestcentral/3).",
          "type": "string",
          "max_length": 40,
          "example": "euc1-az1"
        },
        "enabled": {
          "title": "Enabled",
          "description": "Whether to allocate nodes on the same Availability Zone or spread across zones available. By default service nodes are spread across different AZs. The single AZ support is best-effort and may temporarily allocate nodes in different AZs e.g. in case of capacity limitations in one AZ.",
          "type": "boolean",
          "example": true
        }
      }
    },
    "static_ips": {
      "title": "Static IP addresses",
      "description": "Use static public IP addresses",
      "type": "boolean",
      "example": true
    },
    "tiered_storage": {
      "title": "Tiered storage configuration",
      "type": "object",
      "properties": {
        "enabled": {
          "title": "Enabled",
          "description": "Whether to enable the tiered storage functionality",
          "type": "boolean",
          "example": true
        },
        "local_cache": {
          "is_deprecated": true,
          "deprecation_notice": "This property is deprecated.",
          "title": "Local cache",
          "description": "Local cache configuration",
          "type": "object",
          "properties": {
            "size": {
              "is_deprecated": true,
              "deprecation_notice": "This property is deprecated.",
              "title": "Size, B",
              "description": "Local cache size in bytes",
              "type": "integer",
              "minimum": "1",
              "maximum": "1.073741824e+11",
              "example": "1073741824"
            }
          }
        }
      }
    }
  }
}
"""#
}
