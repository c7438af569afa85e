import KubeAPI

/// KafkaSpec defines the desired state of Kafka.
public struct KafkaSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Cloud the service runs in.
    public var cloudName: String?
    /// Secret configuration.
    public var connInfoSecretTarget: ConnInfoSecretTarget?
    /// When true, the secret containing connection information will not be created, defaults to false. This field cannot be changed after resource creation.
    public var connInfoSecretTargetDisabled: Bool?
    /// The disk space of the service, possible values depend on the service type, the cloud provider and the project.
    /// Reducing will result in the service re-balancing.
    /// The removal of this field does not change the value.
    public var diskSpace: String?
    /// Switch the service to use Karapace for schema registry and REST proxy.
    public var karapace: Bool?
    /// Day of week when maintenance operations should be performed. One monday, tuesday, wednesday, etc.
    public var maintenanceWindowDow: MaintenanceDay?
    /// Time of day when maintenance operations should be performed. UTC time in HH:mm:ss format.
    public var maintenanceWindowTime: String?
    /// Subscription plan.
    public var plan: String
    /// Determines the power state of the service. When `true` (default), the service is running.
    /// When `false`, the service is powered off.
    /// For more information please see [Aiven documentation](https://aiven.io/docs/platform/concepts/service-power-cycle).
    /// Note that:
    /// - When set to `false` the annotation `controllers.aiven.io/instance-is-running` is also set to `false`.
    /// - Services cannot be created in a powered off state. The value is ignored during creation.
    /// - It is highly recommended to not run dependent resources when the service is powered off.
    ///   Creating a new resource or updating an existing resource that depends on a powered off service will result in an error.
    ///   Existing resources will need to be manually recreated after the service is powered on.
    /// - Existing secrets will not be updated or removed when the service is powered off.
    /// - For Kafka services with backups: Topic configuration, schemas and connectors are all backed up, but not the data in topics. All topic data is lost on power off.
    /// - For Kafka services without backups: Topic configurations including all topic data is lost on power off.
    public var powered: Bool?
    /// Identifies the project this resource belongs to.
    public var project: String
    /// ProjectVPCRef reference to ProjectVPC resource to use its ID as ProjectVPCID automatically.
    public var projectVPCRef: ResourceReference?
    /// Identifier of the VPC the service should be in, if any.
    public var projectVpcId: String?
    /// Service integrations to specify when creating a service. Not applied after initial service creation.
    public var serviceIntegrations: [ServiceIntegrationItem]?
    /// Tags are key-value pairs that allow you to categorize services.
    public var tags: [String: String]?
    /// Defines the email addresses that will receive alerts about upcoming maintenance updates or warnings about service instability.
    public var technicalEmails: [TechnicalEmail]?
    /// Prevent service from being deleted. It is recommended to have this enabled for all services.
    public var terminationProtection: Bool?
    /// Kafka specific user configuration options.
    public var userConfig: UserConfig?

    public init(authSecretRef: SecretKeyReference? = nil, cloudName: String? = nil, connInfoSecretTarget: ConnInfoSecretTarget? = nil, connInfoSecretTargetDisabled: Bool? = nil, diskSpace: String? = nil, karapace: Bool? = nil, maintenanceWindowDow: MaintenanceDay? = nil, maintenanceWindowTime: String? = nil, plan: String, powered: Bool? = nil, project: String, projectVPCRef: ResourceReference? = nil, projectVpcId: String? = nil, serviceIntegrations: [ServiceIntegrationItem]? = nil, tags: [String: String]? = nil, technicalEmails: [TechnicalEmail]? = nil, terminationProtection: Bool? = nil, userConfig: UserConfig? = nil) {
        self.authSecretRef = authSecretRef
        self.cloudName = cloudName
        self.connInfoSecretTarget = connInfoSecretTarget
        self.connInfoSecretTargetDisabled = connInfoSecretTargetDisabled
        self.diskSpace = diskSpace
        self.karapace = karapace
        self.maintenanceWindowDow = maintenanceWindowDow
        self.maintenanceWindowTime = maintenanceWindowTime
        self.plan = plan
        self.powered = powered
        self.project = project
        self.projectVPCRef = projectVPCRef
        self.projectVpcId = projectVpcId
        self.serviceIntegrations = serviceIntegrations
        self.tags = tags
        self.technicalEmails = technicalEmails
        self.terminationProtection = terminationProtection
        self.userConfig = userConfig
    }

    enum CodingKeys: String, CodingKey {
        case authSecretRef
        case cloudName
        case connInfoSecretTarget
        case connInfoSecretTargetDisabled
        case diskSpace = "disk_space"
        case karapace
        case maintenanceWindowDow
        case maintenanceWindowTime
        case plan
        case powered
        case project
        case projectVPCRef
        case projectVpcId
        case serviceIntegrations
        case tags
        case technicalEmails
        case terminationProtection
        case userConfig
    }

    /// Secret configuration.
    public struct ConnInfoSecretTarget: Codable, Sendable, Hashable {
        /// Annotations added to the secret.
        public var annotations: [String: String]?
        /// Labels added to the secret.
        public var labels: [String: String]?
        /// Name of the secret resource to be created. By default, it is equal to the resource name.
        public var name: String
        /// Prefix for the secret's keys.
        /// Added "as is" without any transformations.
        /// By default, is equal to the kind name in uppercase + underscore, e.g. `KAFKA_`, `REDIS_`, etc.
        public var prefix: String?

        public init(annotations: [String: String]? = nil, labels: [String: String]? = nil, name: String, prefix: String? = nil) {
            self.annotations = annotations
            self.labels = labels
            self.name = name
            self.prefix = prefix
        }
    }

    /// Kafka specific user configuration options.
    public struct UserConfig: Codable, Sendable, Hashable {
        /// Deprecated. Additional Cloud Regions for Backup Replication.
        public var additionalBackupRegions: [String]?
        /// Allow access to read Kafka topic messages in the Aiven Console and REST API.
        public var aivenKafkaTopicMessages: Bool?
        /// Interval in hours between automatic backups. Minimum value is 3 hours. Must be a divisor of 24 (3, 4, 6, 8, 12, 24). (Applicable to ACU plans only).
        public var backupIntervalHours: Int?
        /// Number of days to retain automatic backups. Backups older than this value will be automatically deleted. (Applicable to ACU plans only).
        public var backupRetentionDays: Int?
        /// Serve the web frontend using a custom CNAME pointing to the Aiven DNS name. When you set a custom domain for a service deployed in a VPC, the service certificate is only created for the public-* hostname and the custom domain.
        public var customDomain: String?
        /// Register AAAA DNS records for the service, and allow IPv6 packets to service ports.
        public var enableIpv6: Bool?
        /// Enable follower fetching.
        public var followerFetching: FollowerFetching?
        /// Allow-list of HTTPS URLs used to validate GCP credential_source requests for Kafka Connect.
        public var gcpAuthAllowedUrls: [String]?
        /// Inkless configuration values.
        public var inkless: Inkless?
        /// Allow incoming connections from CIDR address block, e.g. `10.20.0.0/16`.
        public var ipFilter: [IPFilterEntry]?
        /// Kafka broker configuration values.
        public var kafka: Kafka?
        /// Kafka authentication methods.
        public var kafkaAuthenticationMethods: KafkaAuthenticationMethods?
        /// Enable Kafka Connect service.
        public var kafkaConnect: Bool?
        /// Kafka Connect configuration values.
        public var kafkaConnectConfig: KafkaConnectConfig?
        /// The plugin selected by the user.
        public var kafkaConnectPluginVersions: [KafkaConnectPluginVersions]?
        /// Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault (provider: vault, auth_method: token) and AWS Secrets Manager (provider: aws, auth_method: credentials) are supported. Secrets can be referenced in connector config with ${<provider_name>:<secret_path>:<key_name>}.
        public var kafkaConnectSecretProviders: [KafkaConnectSecretProviders]?
        /// Kafka Diskless configuration values.
        public var kafkaDiskless: KafkaDiskless?
        /// Enable Kafka-REST service.
        public var kafkaRest: Bool?
        /// Enable authorization in Kafka-REST service.
        public var kafkaRestAuthorization: Bool?
        /// Kafka REST configuration.
        public var kafkaRestConfig: KafkaRestConfig?
        /// Kafka SASL mechanisms.
        public var kafkaSaslMechanisms: KafkaSaslMechanisms?
        /// Available versions: `3.9`, `4.0`, `4.1`, `4.2`. Newer versions may also be available.
        /// Kafka major version. Deprecated values: `4.0`.
        public var kafkaVersion: String?
        /// Use a Let's Encrypt certificate authority (CA) for Kafka SASL authentication. (Default: False).
        public var letsencryptSasl: Bool?
        /// Use a Let's Encrypt certificate authority (CA) for Kafka SASL authentication via Privatelink. (Default: False).
        public var letsencryptSaslPrivatelink: Bool?
        /// List of preferred zone IDs for service node placement. Nodes will be placed in these zones when available. If a specified zone is unavailable (e.g., due to capacity constraints), nodes will be placed in other available zones to maintain the configured number of zones for availability. Invalid zone IDs are rejected at configuration time. Zone IDs are cloud-specific: AWS uses zone IDs like `euc1-az1`, GCP uses zone names like `europe-west1-a`, and Azure uses `location/zone` format like `germanywestcentral/1`. If single_zone is enabled with an availability_zone, that setting takes precedence over preferred_zones. Changes take effect on next node recreation (e.g., maintenance or plan change). For eligible plans, nodes outside preferred zones are automatically rebalanced once per day.
        public var preferredZones: [String]?
        /// Allow access to selected service ports from private networks.
        public var privateAccess: PrivateAccess?
        /// Allow access to selected service components through Privatelink.
        public var privatelinkAccess: PrivatelinkAccess?
        /// Allow access to selected service ports from the public Internet.
        public var publicAccess: PublicAccess?
        /// List of allowed URLs for SASL OAUTHBEARER authentication. Only HTTPS URLs are allowed for security reasons.
        public var saslOauthbearerAllowedUrls: [String]?
        /// Enable Schema-Registry service.
        public var schemaRegistry: Bool?
        /// Schema Registry configuration.
        public var schemaRegistryConfig: SchemaRegistryConfig?
        /// Store logs for the service so that they are available in the HTTP API and console.
        public var serviceLog: Bool?
        /// Single-zone configuration.
        public var singleZone: SingleZone?
        /// Use static public IP addresses.
        public var staticIps: Bool?
        /// Tiered storage configuration.
        public var tieredStorage: TieredStorage?

        public init(additionalBackupRegions: [String]? = nil, aivenKafkaTopicMessages: Bool? = nil, backupIntervalHours: Int? = nil, backupRetentionDays: Int? = nil, customDomain: String? = nil, enableIpv6: Bool? = nil, followerFetching: FollowerFetching? = nil, gcpAuthAllowedUrls: [String]? = nil, inkless: Inkless? = nil, ipFilter: [IPFilterEntry]? = nil, kafka: Kafka? = nil, kafkaAuthenticationMethods: KafkaAuthenticationMethods? = nil, kafkaConnect: Bool? = nil, kafkaConnectConfig: KafkaConnectConfig? = nil, kafkaConnectPluginVersions: [KafkaConnectPluginVersions]? = nil, kafkaConnectSecretProviders: [KafkaConnectSecretProviders]? = nil, kafkaDiskless: KafkaDiskless? = nil, kafkaRest: Bool? = nil, kafkaRestAuthorization: Bool? = nil, kafkaRestConfig: KafkaRestConfig? = nil, kafkaSaslMechanisms: KafkaSaslMechanisms? = nil, kafkaVersion: String? = nil, letsencryptSasl: Bool? = nil, letsencryptSaslPrivatelink: Bool? = nil, preferredZones: [String]? = nil, privateAccess: PrivateAccess? = nil, privatelinkAccess: PrivatelinkAccess? = nil, publicAccess: PublicAccess? = nil, saslOauthbearerAllowedUrls: [String]? = nil, schemaRegistry: Bool? = nil, schemaRegistryConfig: SchemaRegistryConfig? = nil, serviceLog: Bool? = nil, singleZone: SingleZone? = nil, staticIps: Bool? = nil, tieredStorage: TieredStorage? = nil) {
            self.additionalBackupRegions = additionalBackupRegions
            self.aivenKafkaTopicMessages = aivenKafkaTopicMessages
            self.backupIntervalHours = backupIntervalHours
            self.backupRetentionDays = backupRetentionDays
            self.customDomain = customDomain
            self.enableIpv6 = enableIpv6
            self.followerFetching = followerFetching
            self.gcpAuthAllowedUrls = gcpAuthAllowedUrls
            self.inkless = inkless
            self.ipFilter = ipFilter
            self.kafka = kafka
            self.kafkaAuthenticationMethods = kafkaAuthenticationMethods
            self.kafkaConnect = kafkaConnect
            self.kafkaConnectConfig = kafkaConnectConfig
            self.kafkaConnectPluginVersions = kafkaConnectPluginVersions
            self.kafkaConnectSecretProviders = kafkaConnectSecretProviders
            self.kafkaDiskless = kafkaDiskless
            self.kafkaRest = kafkaRest
            self.kafkaRestAuthorization = kafkaRestAuthorization
            self.kafkaRestConfig = kafkaRestConfig
            self.kafkaSaslMechanisms = kafkaSaslMechanisms
            self.kafkaVersion = kafkaVersion
            self.letsencryptSasl = letsencryptSasl
            self.letsencryptSaslPrivatelink = letsencryptSaslPrivatelink
            self.preferredZones = preferredZones
            self.privateAccess = privateAccess
            self.privatelinkAccess = privatelinkAccess
            self.publicAccess = publicAccess
            self.saslOauthbearerAllowedUrls = saslOauthbearerAllowedUrls
            self.schemaRegistry = schemaRegistry
            self.schemaRegistryConfig = schemaRegistryConfig
            self.serviceLog = serviceLog
            self.singleZone = singleZone
            self.staticIps = staticIps
            self.tieredStorage = tieredStorage
        }

        enum CodingKeys: String, CodingKey {
            case additionalBackupRegions = "additional_backup_regions"
            case aivenKafkaTopicMessages = "aiven_kafka_topic_messages"
            case backupIntervalHours = "backup_interval_hours"
            case backupRetentionDays = "backup_retention_days"
            case customDomain = "custom_domain"
            case enableIpv6 = "enable_ipv6"
            case followerFetching = "follower_fetching"
            case gcpAuthAllowedUrls = "gcp_auth_allowed_urls"
            case inkless
            case ipFilter = "ip_filter"
            case kafka
            case kafkaAuthenticationMethods = "kafka_authentication_methods"
            case kafkaConnect = "kafka_connect"
            case kafkaConnectConfig = "kafka_connect_config"
            case kafkaConnectPluginVersions = "kafka_connect_plugin_versions"
            case kafkaConnectSecretProviders = "kafka_connect_secret_providers"
            case kafkaDiskless = "kafka_diskless"
            case kafkaRest = "kafka_rest"
            case kafkaRestAuthorization = "kafka_rest_authorization"
            case kafkaRestConfig = "kafka_rest_config"
            case kafkaSaslMechanisms = "kafka_sasl_mechanisms"
            case kafkaVersion = "kafka_version"
            case letsencryptSasl = "letsencrypt_sasl"
            case letsencryptSaslPrivatelink = "letsencrypt_sasl_privatelink"
            case preferredZones = "preferred_zones"
            case privateAccess = "private_access"
            case privatelinkAccess = "privatelink_access"
            case publicAccess = "public_access"
            case saslOauthbearerAllowedUrls = "sasl_oauthbearer_allowed_urls"
            case schemaRegistry = "schema_registry"
            case schemaRegistryConfig = "schema_registry_config"
            case serviceLog = "service_log"
            case singleZone = "single_zone"
            case staticIps = "static_ips"
            case tieredStorage = "tiered_storage"
        }

        /// Enable follower fetching.
        public struct FollowerFetching: Codable, Sendable, Hashable {
            /// Whether to enable the follower fetching functionality.
            public var enabled: Bool?

            public init(enabled: Bool? = nil) {
                self.enabled = enabled
            }
        }

        /// Inkless configuration values.
        public struct Inkless: Codable, Sendable, Hashable {
            /// Whether to enable the Inkless functionality.
            public var enabled: Bool

            public init(enabled: Bool) {
                self.enabled = enabled
            }
        }

        /// Kafka broker configuration values.
        public struct Kafka: Codable, Sendable, Hashable {
            /// Enable Kafka audit logging by providing this object. Removing it disables the feature. Enabling, updating, or disabling audit logging causes a rolling restart of all Kafka brokers.
            public var auditLog: AuditLog?
            /// Enable auto-creation of topics. (Default: false).
            public var autoCreateTopicsEnable: Bool?
            /// Specify the final compression type for a given topic. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `uncompressed` which is equivalent to no compression; and `producer` which means retain the original compression codec set by the producer.(Default: producer).
            public var compressionType: String?
            /// Idle connections timeout: the server socket processor threads close the connections that idle for longer than this. (Default: 600000 ms (10 minutes)).
            public var connectionsMaxIdleMs: Int?
            /// Replication factor for auto-created topics (Default: 3).
            public var defaultReplicationFactor: Int?
            /// The enabled consumer group rebalance protocols. Use consumer, classic, share, streams to enable Kafka share groups.
            public var groupCoordinatorRebalanceProtocols: String?
            /// The amount of time, in milliseconds, the group coordinator will wait for more consumers to join a new group before performing the first rebalance. A longer delay means potentially fewer rebalances, but increases the time until processing begins. The default value for this is 3 seconds. During development and testing it might be desirable to set this to 0 in order to not delay test execution time. (Default: 3000 ms (3 seconds)).
            public var groupInitialRebalanceDelayMs: Int?
            /// The maximum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures. Default: 1800000 ms (30 minutes).
            public var groupMaxSessionTimeoutMs: Int?
            /// The minimum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures. (Default: 6000 ms (6 seconds)).
            public var groupMinSessionTimeoutMs: Int?
            /// The maximum delivery attempts for a share-group record.
            public var groupShareDeliveryCountLimit: Int?
            /// The heartbeat interval used by share group members.
            public var groupShareHeartbeatIntervalMs: Int?
            /// The maximum number of share groups allowed on the broker.
            public var groupShareMaxGroups: Int?
            /// The maximum heartbeat interval allowed for share group members.
            public var groupShareMaxHeartbeatIntervalMs: Int?
            /// The maximum record lock duration allowed for share groups.
            public var groupShareMaxRecordLockDurationMs: Int?
            /// The maximum session timeout allowed for share group members.
            public var groupShareMaxSessionTimeoutMs: Int?
            /// The maximum number of members allowed in a share group.
            public var groupShareMaxSize: Int?
            /// The minimum heartbeat interval allowed for share group members.
            public var groupShareMinHeartbeatIntervalMs: Int?
            /// The minimum record lock duration allowed for share groups.
            public var groupShareMinRecordLockDurationMs: Int?
            /// The minimum session timeout allowed for share group members.
            public var groupShareMinSessionTimeoutMs: Int?
            /// The maximum number of record locks allowed per share group partition.
            public var groupSharePartitionMaxRecordLocks: Int?
            /// The duration for which a fetched share-group record is locked.
            public var groupShareRecordLockDurationMs: Int?
            /// The timeout used to detect share group member failures.
            public var groupShareSessionTimeoutMs: Int?
            /// How long are delete records retained? (Default: 86400000 (1 day)).
            public var logCleanerDeleteRetentionMs: Int?
            /// The maximum amount of time message will remain uncompacted. Only applicable for logs that are being compacted. (Default: 9223372036854775807 ms (Long.MAX_VALUE)).
            public var logCleanerMaxCompactionLagMs: Int?
            /// Controls log compactor frequency. Larger value means more frequent compactions but also more space wasted for logs. Consider setting log.cleaner.max.compaction.lag.ms to enforce compactions sooner, instead of setting a very high value for this option. (Default: 0.5).
            public var logCleanerMinCleanableRatio: Double?
            /// The minimum time a message will remain uncompacted in the log. Only applicable for logs that are being compacted. (Default: 0 ms).
            public var logCleanerMinCompactionLagMs: Int?
            /// The default cleanup policy for segments beyond the retention window (Default: delete).
            public var logCleanupPolicy: String?
            /// The number of messages accumulated on a log partition before messages are flushed to disk (Default: 9223372036854775807 (Long.MAX_VALUE)).
            public var logFlushIntervalMessages: Int?
            /// The maximum time in ms that a message in any topic is kept in memory (page-cache) before flushed to disk. If not set, the value in log.flush.scheduler.interval.ms is used (Default: null).
            public var logFlushIntervalMs: Int?
            /// The interval with which Kafka adds an entry to the offset index (Default: 4096 bytes (4 kibibytes)).
            public var logIndexIntervalBytes: Int?
            /// The maximum size in bytes of the offset index (Default: 10485760 (10 mebibytes)).
            public var logIndexSizeMaxBytes: Int?
            /// The maximum size of local log segments that can grow for a partition before it gets eligible for deletion. If set to -2, the value of log.retention.bytes is used. The effective value should always be less than or equal to log.retention.bytes value. (Default: -2).
            public var logLocalRetentionBytes: Int?
            /// The number of milliseconds to keep the local log segments before it gets eligible for deletion. If set to -2, the value of log.retention.ms is used. The effective value should always be less than or equal to log.retention.ms value. (Default: -2).
            public var logLocalRetentionMs: Int?
            /// This configuration controls whether down-conversion of message formats is enabled to satisfy consume requests. (Default: true).
            public var logMessageDownconversionEnable: Bool?
            /// The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. Applies only for messages with timestamps later than the broker's timestamp. (Default: 9223372036854775807 (Long.MAX_VALUE)).
            public var logMessageTimestampAfterMaxMs: Int?
            /// The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message. If message.timestamp.type=CreateTime, a message will be rejected if the difference in timestamp exceeds this threshold. Applies only for messages with timestamps earlier than the broker's timestamp. (Default: 9223372036854775807 (Long.MAX_VALUE)).
            public var logMessageTimestampBeforeMaxMs: Int?
            /// The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message (Default: 9223372036854775807 (Long.MAX_VALUE)).
            public var logMessageTimestampDifferenceMaxMs: Int?
            /// Define whether the timestamp in the message is message create time or log append time. (Default: CreateTime).
            public var logMessageTimestampType: String?
            /// Should pre allocate file when create new segment? (Default: false).
            public var logPreallocate: Bool?
            /// The maximum size of the log before deleting messages (Default: -1).
            public var logRetentionBytes: Int?
            /// The number of hours to keep a log file before deleting it. Use -1 for unlimited retention or 1 or higher. Setting 0 is invalid and prevents Kafka from starting. (Default: 168 hours, or 1 week).
            public var logRetentionHours: Int?
            /// The number of milliseconds to keep a log file before deleting it (in milliseconds), If not set, the value in log.retention.minutes is used. If set to -1, no time limit is applied. (Default: null, log.retention.hours applies).
            public var logRetentionMs: Int?
            /// The maximum jitter to subtract from logRollTimeMillis (in milliseconds). If not set, the value in log.roll.jitter.hours is used (Default: null).
            public var logRollJitterMs: Int?
            /// The maximum time before a new log segment is rolled out (in milliseconds). (Default: null, log.roll.hours applies (Default: 168, 7 days)).
            public var logRollMs: Int?
            /// The maximum size of a single log file (Default: 1073741824 bytes (1 gibibyte)).
            public var logSegmentBytes: Int?
            /// The amount of time to wait before deleting a file from the filesystem (Default: 60000 ms (1 minute)).
            public var logSegmentDeleteDelayMs: Int?
            /// The maximum number of connections allowed from each ip address (Default: 2147483647).
            public var maxConnectionsPerIp: Int?
            /// The maximum number of incremental fetch sessions that the broker will maintain. (Default: 1000).
            public var maxIncrementalFetchSessionCacheSlots: Int?
            /// The maximum size of message that the server can receive. (Default: 1048588 bytes (1 mebibyte + 12 bytes)).
            public var messageMaxBytes: Int?
            /// When a producer sets acks to `all` (or `-1`), min.insync.replicas specifies the minimum number of replicas that must acknowledge a write for the write to be considered successful. (Default: 1).
            public var minInsyncReplicas: Int?
            /// Number of partitions for auto-created topics (Default: 1).
            public var numPartitions: Int?
            /// Log retention window in minutes for offsets topic (Default: 10080 minutes (7 days)).
            public var offsetsRetentionMinutes: Int?
            /// The purge interval (in number of requests) of the producer request purgatory (Default: 1000).
            public var producerPurgatoryPurgeIntervalRequests: Int?
            /// The number of bytes of messages to attempt to fetch for each partition . This is not an absolute maximum, if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. (Default: 1048576 bytes (1 mebibytes)).
            public var replicaFetchMaxBytes: Int?
            /// Maximum bytes expected for the entire fetch response. Records are fetched in batches, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. As such, this is not an absolute maximum. (Default: 10485760 bytes (10 mebibytes)).
            public var replicaFetchResponseMaxBytes: Int?
            /// The (optional) comma-delimited setting for the broker to use to verify that the JWT was issued for one of the expected audiences. (Default: null).
            public var saslOauthbearerExpectedAudience: String?
            /// Optional setting for the broker to use to verify that the JWT was created by the expected issuer.(Default: null).
            public var saslOauthbearerExpectedIssuer: String?
            /// OIDC JWKS endpoint URL. By setting this the SASL SSL OAuth2/OIDC authentication is enabled. See also other options for SASL OAuth2/OIDC. (Default: null).
            public var saslOauthbearerJwksEndpointUrl: String?
            /// Name of the scope from which to extract the subject claim from the JWT.(Default: sub).
            public var saslOauthbearerSubClaimName: String?
            /// The maximum number of bytes in a socket request (Default: 104857600 bytes).
            public var socketRequestMaxBytes: Int?
            /// Enable verification that checks that the partition has been added to the transaction before writing transactional records to the partition. (Default: true).
            public var transactionPartitionVerificationEnable: Bool?
            /// The interval at which to remove transactions that have expired due to transactional.id.expiration.ms passing (Default: 3600000 ms (1 hour)).
            public var transactionRemoveExpiredTransactionCleanupIntervalMs: Int?
            /// The transaction topic segment bytes should be kept relatively small in order to facilitate faster log compaction and cache loads (Default: 104857600 bytes (100 mebibytes)).
            public var transactionStateLogSegmentBytes: Int?

            public init(auditLog: AuditLog? = nil, autoCreateTopicsEnable: Bool? = nil, compressionType: String? = nil, connectionsMaxIdleMs: Int? = nil, defaultReplicationFactor: Int? = nil, groupCoordinatorRebalanceProtocols: String? = nil, groupInitialRebalanceDelayMs: Int? = nil, groupMaxSessionTimeoutMs: Int? = nil, groupMinSessionTimeoutMs: Int? = nil, groupShareDeliveryCountLimit: Int? = nil, groupShareHeartbeatIntervalMs: Int? = nil, groupShareMaxGroups: Int? = nil, groupShareMaxHeartbeatIntervalMs: Int? = nil, groupShareMaxRecordLockDurationMs: Int? = nil, groupShareMaxSessionTimeoutMs: Int? = nil, groupShareMaxSize: Int? = nil, groupShareMinHeartbeatIntervalMs: Int? = nil, groupShareMinRecordLockDurationMs: Int? = nil, groupShareMinSessionTimeoutMs: Int? = nil, groupSharePartitionMaxRecordLocks: Int? = nil, groupShareRecordLockDurationMs: Int? = nil, groupShareSessionTimeoutMs: Int? = nil, logCleanerDeleteRetentionMs: Int? = nil, logCleanerMaxCompactionLagMs: Int? = nil, logCleanerMinCleanableRatio: Double? = nil, logCleanerMinCompactionLagMs: Int? = nil, logCleanupPolicy: String? = nil, logFlushIntervalMessages: Int? = nil, logFlushIntervalMs: Int? = nil, logIndexIntervalBytes: Int? = nil, logIndexSizeMaxBytes: Int? = nil, logLocalRetentionBytes: Int? = nil, logLocalRetentionMs: Int? = nil, logMessageDownconversionEnable: Bool? = nil, logMessageTimestampAfterMaxMs: Int? = nil, logMessageTimestampBeforeMaxMs: Int? = nil, logMessageTimestampDifferenceMaxMs: Int? = nil, logMessageTimestampType: String? = nil, logPreallocate: Bool? = nil, logRetentionBytes: Int? = nil, logRetentionHours: Int? = nil, logRetentionMs: Int? = nil, logRollJitterMs: Int? = nil, logRollMs: Int? = nil, logSegmentBytes: Int? = nil, logSegmentDeleteDelayMs: Int? = nil, maxConnectionsPerIp: Int? = nil, maxIncrementalFetchSessionCacheSlots: Int? = nil, messageMaxBytes: Int? = nil, minInsyncReplicas: Int? = nil, numPartitions: Int? = nil, offsetsRetentionMinutes: Int? = nil, producerPurgatoryPurgeIntervalRequests: Int? = nil, replicaFetchMaxBytes: Int? = nil, replicaFetchResponseMaxBytes: Int? = nil, saslOauthbearerExpectedAudience: String? = nil, saslOauthbearerExpectedIssuer: String? = nil, saslOauthbearerJwksEndpointUrl: String? = nil, saslOauthbearerSubClaimName: String? = nil, socketRequestMaxBytes: Int? = nil, transactionPartitionVerificationEnable: Bool? = nil, transactionRemoveExpiredTransactionCleanupIntervalMs: Int? = nil, transactionStateLogSegmentBytes: Int? = nil) {
                self.auditLog = auditLog
                self.autoCreateTopicsEnable = autoCreateTopicsEnable
                self.compressionType = compressionType
                self.connectionsMaxIdleMs = connectionsMaxIdleMs
                self.defaultReplicationFactor = defaultReplicationFactor
                self.groupCoordinatorRebalanceProtocols = groupCoordinatorRebalanceProtocols
                self.groupInitialRebalanceDelayMs = groupInitialRebalanceDelayMs
                self.groupMaxSessionTimeoutMs = groupMaxSessionTimeoutMs
                self.groupMinSessionTimeoutMs = groupMinSessionTimeoutMs
                self.groupShareDeliveryCountLimit = groupShareDeliveryCountLimit
                self.groupShareHeartbeatIntervalMs = groupShareHeartbeatIntervalMs
                self.groupShareMaxGroups = groupShareMaxGroups
                self.groupShareMaxHeartbeatIntervalMs = groupShareMaxHeartbeatIntervalMs
                self.groupShareMaxRecordLockDurationMs = groupShareMaxRecordLockDurationMs
                self.groupShareMaxSessionTimeoutMs = groupShareMaxSessionTimeoutMs
                self.groupShareMaxSize = groupShareMaxSize
                self.groupShareMinHeartbeatIntervalMs = groupShareMinHeartbeatIntervalMs
                self.groupShareMinRecordLockDurationMs = groupShareMinRecordLockDurationMs
                self.groupShareMinSessionTimeoutMs = groupShareMinSessionTimeoutMs
                self.groupSharePartitionMaxRecordLocks = groupSharePartitionMaxRecordLocks
                self.groupShareRecordLockDurationMs = groupShareRecordLockDurationMs
                self.groupShareSessionTimeoutMs = groupShareSessionTimeoutMs
                self.logCleanerDeleteRetentionMs = logCleanerDeleteRetentionMs
                self.logCleanerMaxCompactionLagMs = logCleanerMaxCompactionLagMs
                self.logCleanerMinCleanableRatio = logCleanerMinCleanableRatio
                self.logCleanerMinCompactionLagMs = logCleanerMinCompactionLagMs
                self.logCleanupPolicy = logCleanupPolicy
                self.logFlushIntervalMessages = logFlushIntervalMessages
                self.logFlushIntervalMs = logFlushIntervalMs
                self.logIndexIntervalBytes = logIndexIntervalBytes
                self.logIndexSizeMaxBytes = logIndexSizeMaxBytes
                self.logLocalRetentionBytes = logLocalRetentionBytes
                self.logLocalRetentionMs = logLocalRetentionMs
                self.logMessageDownconversionEnable = logMessageDownconversionEnable
                self.logMessageTimestampAfterMaxMs = logMessageTimestampAfterMaxMs
                self.logMessageTimestampBeforeMaxMs = logMessageTimestampBeforeMaxMs
                self.logMessageTimestampDifferenceMaxMs = logMessageTimestampDifferenceMaxMs
                self.logMessageTimestampType = logMessageTimestampType
                self.logPreallocate = logPreallocate
                self.logRetentionBytes = logRetentionBytes
                self.logRetentionHours = logRetentionHours
                self.logRetentionMs = logRetentionMs
                self.logRollJitterMs = logRollJitterMs
                self.logRollMs = logRollMs
                self.logSegmentBytes = logSegmentBytes
                self.logSegmentDeleteDelayMs = logSegmentDeleteDelayMs
                self.maxConnectionsPerIp = maxConnectionsPerIp
                self.maxIncrementalFetchSessionCacheSlots = maxIncrementalFetchSessionCacheSlots
                self.messageMaxBytes = messageMaxBytes
                self.minInsyncReplicas = minInsyncReplicas
                self.numPartitions = numPartitions
                self.offsetsRetentionMinutes = offsetsRetentionMinutes
                self.producerPurgatoryPurgeIntervalRequests = producerPurgatoryPurgeIntervalRequests
                self.replicaFetchMaxBytes = replicaFetchMaxBytes
                self.replicaFetchResponseMaxBytes = replicaFetchResponseMaxBytes
                self.saslOauthbearerExpectedAudience = saslOauthbearerExpectedAudience
                self.saslOauthbearerExpectedIssuer = saslOauthbearerExpectedIssuer
                self.saslOauthbearerJwksEndpointUrl = saslOauthbearerJwksEndpointUrl
                self.saslOauthbearerSubClaimName = saslOauthbearerSubClaimName
                self.socketRequestMaxBytes = socketRequestMaxBytes
                self.transactionPartitionVerificationEnable = transactionPartitionVerificationEnable
                self.transactionRemoveExpiredTransactionCleanupIntervalMs = transactionRemoveExpiredTransactionCleanupIntervalMs
                self.transactionStateLogSegmentBytes = transactionStateLogSegmentBytes
            }

            enum CodingKeys: String, CodingKey {
                case auditLog = "audit_log"
                case autoCreateTopicsEnable = "auto_create_topics_enable"
                case compressionType = "compression_type"
                case connectionsMaxIdleMs = "connections_max_idle_ms"
                case defaultReplicationFactor = "default_replication_factor"
                case groupCoordinatorRebalanceProtocols = "group_coordinator_rebalance_protocols"
                case groupInitialRebalanceDelayMs = "group_initial_rebalance_delay_ms"
                case groupMaxSessionTimeoutMs = "group_max_session_timeout_ms"
                case groupMinSessionTimeoutMs = "group_min_session_timeout_ms"
                case groupShareDeliveryCountLimit = "group_share_delivery_count_limit"
                case groupShareHeartbeatIntervalMs = "group_share_heartbeat_interval_ms"
                case groupShareMaxGroups = "group_share_max_groups"
                case groupShareMaxHeartbeatIntervalMs = "group_share_max_heartbeat_interval_ms"
                case groupShareMaxRecordLockDurationMs = "group_share_max_record_lock_duration_ms"
                case groupShareMaxSessionTimeoutMs = "group_share_max_session_timeout_ms"
                case groupShareMaxSize = "group_share_max_size"
                case groupShareMinHeartbeatIntervalMs = "group_share_min_heartbeat_interval_ms"
                case groupShareMinRecordLockDurationMs = "group_share_min_record_lock_duration_ms"
                case groupShareMinSessionTimeoutMs = "group_share_min_session_timeout_ms"
                case groupSharePartitionMaxRecordLocks = "group_share_partition_max_record_locks"
                case groupShareRecordLockDurationMs = "group_share_record_lock_duration_ms"
                case groupShareSessionTimeoutMs = "group_share_session_timeout_ms"
                case logCleanerDeleteRetentionMs = "log_cleaner_delete_retention_ms"
                case logCleanerMaxCompactionLagMs = "log_cleaner_max_compaction_lag_ms"
                case logCleanerMinCleanableRatio = "log_cleaner_min_cleanable_ratio"
                case logCleanerMinCompactionLagMs = "log_cleaner_min_compaction_lag_ms"
                case logCleanupPolicy = "log_cleanup_policy"
                case logFlushIntervalMessages = "log_flush_interval_messages"
                case logFlushIntervalMs = "log_flush_interval_ms"
                case logIndexIntervalBytes = "log_index_interval_bytes"
                case logIndexSizeMaxBytes = "log_index_size_max_bytes"
                case logLocalRetentionBytes = "log_local_retention_bytes"
                case logLocalRetentionMs = "log_local_retention_ms"
                case logMessageDownconversionEnable = "log_message_downconversion_enable"
                case logMessageTimestampAfterMaxMs = "log_message_timestamp_after_max_ms"
                case logMessageTimestampBeforeMaxMs = "log_message_timestamp_before_max_ms"
                case logMessageTimestampDifferenceMaxMs = "log_message_timestamp_difference_max_ms"
                case logMessageTimestampType = "log_message_timestamp_type"
                case logPreallocate = "log_preallocate"
                case logRetentionBytes = "log_retention_bytes"
                case logRetentionHours = "log_retention_hours"
                case logRetentionMs = "log_retention_ms"
                case logRollJitterMs = "log_roll_jitter_ms"
                case logRollMs = "log_roll_ms"
                case logSegmentBytes = "log_segment_bytes"
                case logSegmentDeleteDelayMs = "log_segment_delete_delay_ms"
                case maxConnectionsPerIp = "max_connections_per_ip"
                case maxIncrementalFetchSessionCacheSlots = "max_incremental_fetch_session_cache_slots"
                case messageMaxBytes = "message_max_bytes"
                case minInsyncReplicas = "min_insync_replicas"
                case numPartitions = "num_partitions"
                case offsetsRetentionMinutes = "offsets_retention_minutes"
                case producerPurgatoryPurgeIntervalRequests = "producer_purgatory_purge_interval_requests"
                case replicaFetchMaxBytes = "replica_fetch_max_bytes"
                case replicaFetchResponseMaxBytes = "replica_fetch_response_max_bytes"
                case saslOauthbearerExpectedAudience = "sasl_oauthbearer_expected_audience"
                case saslOauthbearerExpectedIssuer = "sasl_oauthbearer_expected_issuer"
                case saslOauthbearerJwksEndpointUrl = "sasl_oauthbearer_jwks_endpoint_url"
                case saslOauthbearerSubClaimName = "sasl_oauthbearer_sub_claim_name"
                case socketRequestMaxBytes = "socket_request_max_bytes"
                case transactionPartitionVerificationEnable = "transaction_partition_verification_enable"
                case transactionRemoveExpiredTransactionCleanupIntervalMs = "transaction_remove_expired_transaction_cleanup_interval_ms"
                case transactionStateLogSegmentBytes = "transaction_state_log_segment_bytes"
            }

            /// Enable Kafka audit logging by providing this object. Removing it disables the feature. Enabling, updating, or disabling audit logging causes a rolling restart of all Kafka brokers.
            public struct AuditLog: Codable, Sendable, Hashable {
                /// Aggregation period in seconds over which audit log entries are batched before being emitted.
                public var aggregationPeriodSec: Int?
                /// Group audit log entries by user or by user and IP address. Only valid when record_type is user_operations.
                public var groupBy: String?
                /// Whether to include denied authorization attempts in the audit log.
                public var includeDenials: Bool?
                /// user_operations records individual Kafka API calls (produce, fetch, etc.). user_activity records higher-level user actions.
                public var recordType: String?

                public init(aggregationPeriodSec: Int? = nil, groupBy: String? = nil, includeDenials: Bool? = nil, recordType: String? = nil) {
                    self.aggregationPeriodSec = aggregationPeriodSec
                    self.groupBy = groupBy
                    self.includeDenials = includeDenials
                    self.recordType = recordType
                }

                enum CodingKeys: String, CodingKey {
                    case aggregationPeriodSec = "aggregation_period_sec"
                    case groupBy = "group_by"
                    case includeDenials = "include_denials"
                    case recordType = "record_type"
                }
            }
        }

        /// Kafka authentication methods.
        public struct KafkaAuthenticationMethods: Codable, Sendable, Hashable {
            /// Enable certificate/SSL authentication.
            public var certificate: Bool?
            /// Enable SASL authentication.
            public var sasl: Bool?

            public init(certificate: Bool? = nil, sasl: Bool? = nil) {
                self.certificate = certificate
                self.sasl = sasl
            }
        }

        /// Kafka Connect configuration values (the worker settings a `KafkaConnect` service takes too).
        public typealias KafkaConnectConfig = KafkaConnectSettings

        /// A Kafka Connect plugin.
        public typealias KafkaConnectPluginVersions = PluginVersion

        /// Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault, AWS Secrets Manager, Azure KeyVault, and ENV secret providers are supported.
        public typealias KafkaConnectSecretProviders = SecretProvider

        /// Kafka Diskless configuration values.
        public struct KafkaDiskless: Codable, Sendable, Hashable {
            /// The regexes of topics to auto enable diskless. Topics matching any of the regexes will be created as diskless topics.
            public var autoDisklessTopicRegexes: [String]?
            /// Whether to enable the Diskless functionality.
            public var enabled: Bool

            public init(autoDisklessTopicRegexes: [String]? = nil, enabled: Bool) {
                self.autoDisklessTopicRegexes = autoDisklessTopicRegexes
                self.enabled = enabled
            }

            enum CodingKeys: String, CodingKey {
                case autoDisklessTopicRegexes = "auto_diskless_topic_regexes"
                case enabled
            }
        }

        /// Kafka REST configuration.
        public struct KafkaRestConfig: Codable, Sendable, Hashable {
            /// If true the consumer's offset will be periodically committed to Kafka in the background.
            public var consumerEnableAutoCommit: Bool?
            /// Specifies the maximum duration (in seconds) a client can remain idle before it is deleted. If a consumer is inactive, it will exit the consumer group, and its state will be discarded. A value of 0 (default) indicates that the consumer will not be disconnected automatically due to inactivity.
            public var consumerIdleDisconnectTimeout: Int?
            /// Maximum number of bytes in unencoded message keys and values by a single request.
            public var consumerRequestMaxBytes: Int?
            /// The maximum total time to wait for messages for a request if the maximum number of messages has not yet been reached.
            public var consumerRequestTimeoutMs: Int?
            /// Name strategy to use when selecting subject for storing schemas.
            public var nameStrategy: String?
            /// If true, validate that given schema is registered under expected subject name by the used name strategy when producing messages.
            public var nameStrategyValidation: Bool?
            /// The number of acknowledgments the producer requires the leader to have received before considering a request complete. If set to `all` or `-1`, the leader will wait for the full set of in-sync replicas to acknowledge the record.
            public var producerAcks: String?
            /// Specify the default compression type for producers. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `none` which is the default and equivalent to no compression.
            public var producerCompressionType: String?
            /// Wait for up to the given delay to allow batching records together.
            public var producerLingerMs: Int?
            /// The maximum size of a request in bytes. Note that Kafka broker can also cap the record batch size.
            public var producerMaxRequestSize: Int?
            /// Maximum number of SimpleConsumers that can be instantiated per broker.
            public var simpleconsumerPoolSizeMax: Int?

            public init(consumerEnableAutoCommit: Bool? = nil, consumerIdleDisconnectTimeout: Int? = nil, consumerRequestMaxBytes: Int? = nil, consumerRequestTimeoutMs: Int? = nil, nameStrategy: String? = nil, nameStrategyValidation: Bool? = nil, producerAcks: String? = nil, producerCompressionType: String? = nil, producerLingerMs: Int? = nil, producerMaxRequestSize: Int? = nil, simpleconsumerPoolSizeMax: Int? = nil) {
                self.consumerEnableAutoCommit = consumerEnableAutoCommit
                self.consumerIdleDisconnectTimeout = consumerIdleDisconnectTimeout
                self.consumerRequestMaxBytes = consumerRequestMaxBytes
                self.consumerRequestTimeoutMs = consumerRequestTimeoutMs
                self.nameStrategy = nameStrategy
                self.nameStrategyValidation = nameStrategyValidation
                self.producerAcks = producerAcks
                self.producerCompressionType = producerCompressionType
                self.producerLingerMs = producerLingerMs
                self.producerMaxRequestSize = producerMaxRequestSize
                self.simpleconsumerPoolSizeMax = simpleconsumerPoolSizeMax
            }

            enum CodingKeys: String, CodingKey {
                case consumerEnableAutoCommit = "consumer_enable_auto_commit"
                case consumerIdleDisconnectTimeout = "consumer_idle_disconnect_timeout"
                case consumerRequestMaxBytes = "consumer_request_max_bytes"
                case consumerRequestTimeoutMs = "consumer_request_timeout_ms"
                case nameStrategy = "name_strategy"
                case nameStrategyValidation = "name_strategy_validation"
                case producerAcks = "producer_acks"
                case producerCompressionType = "producer_compression_type"
                case producerLingerMs = "producer_linger_ms"
                case producerMaxRequestSize = "producer_max_request_size"
                case simpleconsumerPoolSizeMax = "simpleconsumer_pool_size_max"
            }
        }

        /// Kafka SASL mechanisms.
        public struct KafkaSaslMechanisms: Codable, Sendable, Hashable {
            /// Enable PLAIN mechanism.
            public var plain: Bool?
            /// Enable SCRAM-SHA-256 mechanism.
            public var scramSha256: Bool?
            /// Enable SCRAM-SHA-512 mechanism.
            public var scramSha512: Bool?

            public init(plain: Bool? = nil, scramSha256: Bool? = nil, scramSha512: Bool? = nil) {
                self.plain = plain
                self.scramSha256 = scramSha256
                self.scramSha512 = scramSha512
            }

            enum CodingKeys: String, CodingKey {
                case plain
                case scramSha256 = "scram_sha_256"
                case scramSha512 = "scram_sha_512"
            }
        }

        /// Allow access to selected service ports from private networks.
        public struct PrivateAccess: Codable, Sendable, Hashable {
            /// Allow clients to connect to kafka with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var kafka: Bool?
            /// Allow clients to connect to kafka_connect with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var kafkaConnect: Bool?
            /// Allow clients to connect to kafka_rest with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var kafkaRest: Bool?
            /// Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var prometheus: Bool?
            /// Allow clients to connect to schema_registry with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var schemaRegistry: Bool?

            public init(kafka: Bool? = nil, kafkaConnect: Bool? = nil, kafkaRest: Bool? = nil, prometheus: Bool? = nil, schemaRegistry: Bool? = nil) {
                self.kafka = kafka
                self.kafkaConnect = kafkaConnect
                self.kafkaRest = kafkaRest
                self.prometheus = prometheus
                self.schemaRegistry = schemaRegistry
            }

            enum CodingKeys: String, CodingKey {
                case kafka
                case kafkaConnect = "kafka_connect"
                case kafkaRest = "kafka_rest"
                case prometheus
                case schemaRegistry = "schema_registry"
            }
        }

        /// Allow access to selected service components through Privatelink.
        public struct PrivatelinkAccess: Codable, Sendable, Hashable {
            /// Enable jolokia.
            public var jolokia: Bool?
            /// Enable kafka.
            public var kafka: Bool?
            /// Enable kafka_connect.
            public var kafkaConnect: Bool?
            /// Enable kafka_rest.
            public var kafkaRest: Bool?
            /// Enable prometheus.
            public var prometheus: Bool?
            /// Enable schema_registry.
            public var schemaRegistry: Bool?

            public init(jolokia: Bool? = nil, kafka: Bool? = nil, kafkaConnect: Bool? = nil, kafkaRest: Bool? = nil, prometheus: Bool? = nil, schemaRegistry: Bool? = nil) {
                self.jolokia = jolokia
                self.kafka = kafka
                self.kafkaConnect = kafkaConnect
                self.kafkaRest = kafkaRest
                self.prometheus = prometheus
                self.schemaRegistry = schemaRegistry
            }

            enum CodingKeys: String, CodingKey {
                case jolokia
                case kafka
                case kafkaConnect = "kafka_connect"
                case kafkaRest = "kafka_rest"
                case prometheus
                case schemaRegistry = "schema_registry"
            }
        }

        /// Allow access to selected service ports from the public Internet.
        public struct PublicAccess: Codable, Sendable, Hashable {
            /// Allow clients to connect to kafka from the public internet for service nodes that are in a project VPC or another type of private network.
            public var kafka: Bool?
            /// Allow clients to connect to kafka_connect from the public internet for service nodes that are in a project VPC or another type of private network.
            public var kafkaConnect: Bool?
            /// Allow clients to connect to kafka_rest from the public internet for service nodes that are in a project VPC or another type of private network.
            public var kafkaRest: Bool?
            /// Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network.
            public var prometheus: Bool?
            /// Allow clients to connect to schema_registry from the public internet for service nodes that are in a project VPC or another type of private network.
            public var schemaRegistry: Bool?

            public init(kafka: Bool? = nil, kafkaConnect: Bool? = nil, kafkaRest: Bool? = nil, prometheus: Bool? = nil, schemaRegistry: Bool? = nil) {
                self.kafka = kafka
                self.kafkaConnect = kafkaConnect
                self.kafkaRest = kafkaRest
                self.prometheus = prometheus
                self.schemaRegistry = schemaRegistry
            }

            enum CodingKeys: String, CodingKey {
                case kafka
                case kafkaConnect = "kafka_connect"
                case kafkaRest = "kafka_rest"
                case prometheus
                case schemaRegistry = "schema_registry"
            }
        }

        /// Schema Registry configuration.
        public struct SchemaRegistryConfig: Codable, Sendable, Hashable {
            /// If true, Karapace / Schema Registry on the service nodes can participate in leader election. It might be needed to disable this when the schemas topic is replicated to a secondary cluster and Karapace / Schema Registry there must not participate in leader election. Defaults to `true`.
            public var leaderEligibility: Bool?
            /// If enabled, kafka errors which can be retried or custom errors specified for the service will not be raised, instead, a warning log is emitted. This will denoise issue tracking systems, i.e. sentry. Defaults to `true`.
            public var retriableErrorsSilenced: Bool?
            /// If enabled, causes the Karapace schema-registry service to shutdown when there are invalid schema records in the `_schemas` topic. Defaults to `false`.
            public var schemaReaderStrictMode: Bool?
            /// The durable single partition topic that acts as the durable log for the data. This topic must be compacted to avoid losing data due to retention policy. Please note that changing this configuration in an existing Schema Registry / Karapace setup leads to previous schemas being inaccessible, data encoded with them potentially unreadable and schema ID sequence put out of order. It's only possible to do the switch while Schema Registry / Karapace is disabled. Defaults to `_schemas`.
            public var topicName: String?

            public init(leaderEligibility: Bool? = nil, retriableErrorsSilenced: Bool? = nil, schemaReaderStrictMode: Bool? = nil, topicName: String? = nil) {
                self.leaderEligibility = leaderEligibility
                self.retriableErrorsSilenced = retriableErrorsSilenced
                self.schemaReaderStrictMode = schemaReaderStrictMode
                self.topicName = topicName
            }

            enum CodingKeys: String, CodingKey {
                case leaderEligibility = "leader_eligibility"
                case retriableErrorsSilenced = "retriable_errors_silenced"
                case schemaReaderStrictMode = "schema_reader_strict_mode"
                case topicName = "topic_name"
            }
        }

        /// Single-zone configuration.
        public struct SingleZone: Codable, Sendable, Hashable {
            /// The availability zone to use for the service. This is only used when enabled is set to true. If not set the service will be allocated in random AZ.The AZ is not guaranteed, and the service may be allocated in a different AZ if the selected AZ is not available. Zones will not be validated and invalid zones will be ignored, falling back to random AZ selection. Common availability zones include: AWS (euc1-az1, euc1-az2, euc1-az3), GCP (europe-west1-a, europe-west1-b, europe-west1-c), Azure (germanywestcentral/1, germanywestcentral/2, germanywestcentral/3).
            public var availabilityZone: String?
            /// Whether to allocate nodes on the same Availability Zone or spread across zones available. By default service nodes are spread across different AZs. The single AZ support is best-effort and may temporarily allocate nodes in different AZs e.g. in case of capacity limitations in one AZ.
            public var enabled: Bool?

            public init(availabilityZone: String? = nil, enabled: Bool? = nil) {
                self.availabilityZone = availabilityZone
                self.enabled = enabled
            }

            enum CodingKeys: String, CodingKey {
                case availabilityZone = "availability_zone"
                case enabled
            }
        }

        /// Tiered storage configuration.
        public struct TieredStorage: Codable, Sendable, Hashable {
            /// Whether to enable the tiered storage functionality.
            public var enabled: Bool?
            /// Deprecated. Local cache configuration.
            public var localCache: LocalCache?

            public init(enabled: Bool? = nil, localCache: LocalCache? = nil) {
                self.enabled = enabled
                self.localCache = localCache
            }

            enum CodingKeys: String, CodingKey {
                case enabled
                case localCache = "local_cache"
            }

            /// Deprecated. Local cache configuration.
            public struct LocalCache: Codable, Sendable, Hashable {
                /// Deprecated. Local cache size in bytes.
                public var size: Int?

                public init(size: Int? = nil) {
                    self.size = size
                }
            }
        }
    }
}

