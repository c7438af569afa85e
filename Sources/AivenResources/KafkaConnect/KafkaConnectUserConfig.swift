import KubeAPI

/// KafkaConnect specific user configuration options.
public struct KafkaConnectUserConfig: Codable, Sendable, Hashable {
    /// Deprecated. Additional Cloud Regions for Backup Replication.
    public var additionalBackupRegions: [String]?
    /// Allow-list of HTTPS URLs used to validate GCP credential_source requests for Kafka Connect.
    public var gcpAuthAllowedUrls: [String]?
    /// Allow incoming connections from CIDR address block, e.g. `10.20.0.0/16`.
    public var ipFilter: [IPFilterEntry]?
    /// Kafka Connect configuration values.
    public var kafkaConnect: KafkaConnectSettings?
    /// The plugin selected by the user.
    public var pluginVersions: [PluginVersion]?
    /// Preferred zone IDs for service node placement.
    public var preferredZones: [String]?
    /// Allow access to selected service ports from private networks.
    public var privateAccess: PrivateAccess?
    /// Allow access to selected service components through Privatelink.
    public var privatelinkAccess: PrivatelinkAccess?
    /// Allow access to selected service ports from the public Internet.
    public var publicAccess: PublicAccess?
    /// List of allowed URLs for SASL OAUTHBEARER authentication. Only HTTPS URLs are allowed for security reasons.
    public var saslOauthbearerAllowedUrls: [String]?
    /// Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault (provider: vault, auth_method: token) and AWS Secrets Manager (provider: aws, auth_method: credentials) are supported. Secrets can be referenced in connector config with ${<provider_name>:<secret_path>:<key_name>}.
    public var secretProviders: [SecretProvider]?
    /// Store logs for the service so that they are available in the HTTP API and console.
    public var serviceLog: Bool?
    /// Use static public IP addresses.
    public var staticIps: Bool?

    public init(additionalBackupRegions: [String]? = nil, gcpAuthAllowedUrls: [String]? = nil, ipFilter: [IPFilterEntry]? = nil, kafkaConnect: KafkaConnectSettings? = nil, pluginVersions: [PluginVersion]? = nil, preferredZones: [String]? = nil, privateAccess: PrivateAccess? = nil, privatelinkAccess: PrivatelinkAccess? = nil, publicAccess: PublicAccess? = nil, saslOauthbearerAllowedUrls: [String]? = nil, secretProviders: [SecretProvider]? = nil, serviceLog: Bool? = nil, staticIps: Bool? = nil) {
        self.additionalBackupRegions = additionalBackupRegions
        self.gcpAuthAllowedUrls = gcpAuthAllowedUrls
        self.ipFilter = ipFilter
        self.kafkaConnect = kafkaConnect
        self.pluginVersions = pluginVersions
        self.preferredZones = preferredZones
        self.privateAccess = privateAccess
        self.privatelinkAccess = privatelinkAccess
        self.publicAccess = publicAccess
        self.saslOauthbearerAllowedUrls = saslOauthbearerAllowedUrls
        self.secretProviders = secretProviders
        self.serviceLog = serviceLog
        self.staticIps = staticIps
    }

    enum CodingKeys: String, CodingKey {
        case additionalBackupRegions = "additional_backup_regions"
        case gcpAuthAllowedUrls = "gcp_auth_allowed_urls"
        case ipFilter = "ip_filter"
        case kafkaConnect = "kafka_connect"
        case pluginVersions = "plugin_versions"
        case preferredZones = "preferred_zones"
        case privateAccess = "private_access"
        case privatelinkAccess = "privatelink_access"
        case publicAccess = "public_access"
        case saslOauthbearerAllowedUrls = "sasl_oauthbearer_allowed_urls"
        case secretProviders = "secret_providers"
        case serviceLog = "service_log"
        case staticIps = "static_ips"
    }
}

/// CIDR address block, either as a string, or in a dict with an optional description field.
public struct IPFilterEntry: Codable, Sendable, Hashable {
    /// CIDR address block.
    public var network: String
    /// Description for IP filter list entry.
    public var description: String?

    public init(network: String, description: String? = nil) {
        self.network = network
        self.description = description
    }
}

/// Kafka Connect configuration values.
public struct KafkaConnectSettings: Codable, Sendable, Hashable {
    /// Defines what client configurations can be overridden by the connector. Default is None.
    public var connectorClientConfigOverridePolicy: String?
    /// What to do when there is no initial offset in Kafka or if the current offset does not exist any more on the server. Default is earliest.
    public var consumerAutoOffsetReset: String?
    /// Records are fetched in batches by the consumer, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that the consumer can make progress. As such, this is not a absolute maximum.
    public var consumerFetchMaxBytes: Int?
    /// Transaction read isolation level. read_uncommitted is the default, but read_committed can be used if consume-exactly-once behavior is desired.
    public var consumerIsolationLevel: String?
    /// Records are fetched in batches by the consumer.If the first record batch in the first non-empty partition of the fetch is larger than this limit, the batch will still be returned to ensure that the consumer can make progress.
    public var consumerMaxPartitionFetchBytes: Int?
    /// The maximum delay in milliseconds between invocations of poll() when using consumer group management (defaults to 300000).
    public var consumerMaxPollIntervalMs: Int?
    /// The maximum number of records returned in a single call to poll() (defaults to 500).
    public var consumerMaxPollRecords: Int?
    /// The interval at which to try committing offsets for tasks (defaults to 60000).
    public var offsetFlushIntervalMs: Int?
    /// Maximum number of milliseconds to wait for records to flush and partition offset data to be committed to offset storage before cancelling the process and restoring the offset data to be committed in a future attempt (defaults to 5000).
    public var offsetFlushTimeoutMs: Int?
    /// This setting gives the upper bound of the batch size to be sent. If there are fewer than this many bytes accumulated for this partition, the producer will `linger` for the linger.ms time waiting for more records to show up. A batch size of zero will disable batching entirely (defaults to 16384).
    public var producerBatchSize: Int?
    /// The total bytes of memory the producer can use to buffer records waiting to be sent to the broker (defaults to 33554432).
    public var producerBufferMemory: Int?
    /// Specify the default compression type for producers. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `none` which is the default and equivalent to no compression.
    public var producerCompressionType: String?
    /// This setting gives the upper bound on the delay for batching: once there is batch.size worth of records for a partition it will be sent immediately regardless of this setting, however if there are fewer than this many bytes accumulated for this partition the producer will `linger` for the specified time waiting for more records to show up. Defaults to 0.
    public var producerLingerMs: Int?
    /// This setting will limit the number of record batches the producer will send in a single request to avoid sending huge requests.
    public var producerMaxRequestSize: Int?
    /// The maximum delay that is scheduled in order to wait for the return of one or more departed workers before rebalancing and reassigning their connectors and tasks to the group. During this period the connectors and tasks of the departed workers remain unassigned. Defaults to 5 minutes.
    public var scheduledRebalanceMaxDelayMs: Int?
    /// The timeout in milliseconds used to detect failures when using Kafka’s group management facilities (defaults to 10000).
    public var sessionTimeoutMs: Int?
    /// When enabled, connectors will automatically resolve IPv6 addresses from external server names configured with dual-stack.
    public var preferIpv6AddressEnable: Bool?

    public init(connectorClientConfigOverridePolicy: String? = nil, consumerAutoOffsetReset: String? = nil, consumerFetchMaxBytes: Int? = nil, consumerIsolationLevel: String? = nil, consumerMaxPartitionFetchBytes: Int? = nil, consumerMaxPollIntervalMs: Int? = nil, consumerMaxPollRecords: Int? = nil, offsetFlushIntervalMs: Int? = nil, offsetFlushTimeoutMs: Int? = nil, producerBatchSize: Int? = nil, producerBufferMemory: Int? = nil, producerCompressionType: String? = nil, producerLingerMs: Int? = nil, producerMaxRequestSize: Int? = nil, scheduledRebalanceMaxDelayMs: Int? = nil, sessionTimeoutMs: Int? = nil, preferIpv6AddressEnable: Bool? = nil) {
        self.connectorClientConfigOverridePolicy = connectorClientConfigOverridePolicy
        self.consumerAutoOffsetReset = consumerAutoOffsetReset
        self.consumerFetchMaxBytes = consumerFetchMaxBytes
        self.consumerIsolationLevel = consumerIsolationLevel
        self.consumerMaxPartitionFetchBytes = consumerMaxPartitionFetchBytes
        self.consumerMaxPollIntervalMs = consumerMaxPollIntervalMs
        self.consumerMaxPollRecords = consumerMaxPollRecords
        self.offsetFlushIntervalMs = offsetFlushIntervalMs
        self.offsetFlushTimeoutMs = offsetFlushTimeoutMs
        self.producerBatchSize = producerBatchSize
        self.producerBufferMemory = producerBufferMemory
        self.producerCompressionType = producerCompressionType
        self.producerLingerMs = producerLingerMs
        self.producerMaxRequestSize = producerMaxRequestSize
        self.scheduledRebalanceMaxDelayMs = scheduledRebalanceMaxDelayMs
        self.sessionTimeoutMs = sessionTimeoutMs
        self.preferIpv6AddressEnable = preferIpv6AddressEnable
    }

    enum CodingKeys: String, CodingKey {
        case connectorClientConfigOverridePolicy = "connector_client_config_override_policy"
        case consumerAutoOffsetReset = "consumer_auto_offset_reset"
        case consumerFetchMaxBytes = "consumer_fetch_max_bytes"
        case consumerIsolationLevel = "consumer_isolation_level"
        case consumerMaxPartitionFetchBytes = "consumer_max_partition_fetch_bytes"
        case consumerMaxPollIntervalMs = "consumer_max_poll_interval_ms"
        case consumerMaxPollRecords = "consumer_max_poll_records"
        case offsetFlushIntervalMs = "offset_flush_interval_ms"
        case offsetFlushTimeoutMs = "offset_flush_timeout_ms"
        case producerBatchSize = "producer_batch_size"
        case producerBufferMemory = "producer_buffer_memory"
        case producerCompressionType = "producer_compression_type"
        case producerLingerMs = "producer_linger_ms"
        case producerMaxRequestSize = "producer_max_request_size"
        case scheduledRebalanceMaxDelayMs = "scheduled_rebalance_max_delay_ms"
        case sessionTimeoutMs = "session_timeout_ms"
        case preferIpv6AddressEnable = "prefer_ipv6_address_enable"
    }
}

/// A Kafka Connect plugin.
public struct PluginVersion: Codable, Sendable, Hashable {
    /// The name of the plugin.
    public var pluginName: String
    /// The version of the plugin.
    public var version: String

    public init(pluginName: String, version: String) {
        self.pluginName = pluginName
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case pluginName = "plugin_name"
        case version
    }
}

/// Allow access to selected service ports from private networks.
public struct PrivateAccess: Codable, Sendable, Hashable {
    /// Allow clients to connect to kafka_connect with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
    public var kafkaConnect: Bool?
    /// Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
    public var prometheus: Bool?

    public init(kafkaConnect: Bool? = nil, prometheus: Bool? = nil) {
        self.kafkaConnect = kafkaConnect
        self.prometheus = prometheus
    }

    enum CodingKeys: String, CodingKey {
        case kafkaConnect = "kafka_connect"
        case prometheus
    }
}

/// Allow access to selected service components through Privatelink.
public struct PrivatelinkAccess: Codable, Sendable, Hashable {
    /// Enable jolokia.
    public var jolokia: Bool?
    /// Enable kafka_connect.
    public var kafkaConnect: Bool?
    /// Enable prometheus.
    public var prometheus: Bool?

    public init(jolokia: Bool? = nil, kafkaConnect: Bool? = nil, prometheus: Bool? = nil) {
        self.jolokia = jolokia
        self.kafkaConnect = kafkaConnect
        self.prometheus = prometheus
    }

    enum CodingKeys: String, CodingKey {
        case jolokia
        case kafkaConnect = "kafka_connect"
        case prometheus
    }
}

/// Allow access to selected service ports from the public Internet.
public struct PublicAccess: Codable, Sendable, Hashable {
    /// Allow clients to connect to kafka_connect from the public internet for service nodes that are in a project VPC or another type of private network.
    public var kafkaConnect: Bool?
    /// Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network.
    public var prometheus: Bool?

    public init(kafkaConnect: Bool? = nil, prometheus: Bool? = nil) {
        self.kafkaConnect = kafkaConnect
        self.prometheus = prometheus
    }

    enum CodingKeys: String, CodingKey {
        case kafkaConnect = "kafka_connect"
        case prometheus
    }
}

/// An external secret provider that connector configuration can reference (`KafkaConnect`'s
/// `userConfig.secret_providers[]`, `Kafka`'s `userConfig.kafka_connect_secret_providers[]`):
/// Hashicorp Vault, AWS Secrets Manager, Azure KeyVault or environment variables.
public struct SecretProvider: Codable, Sendable, Hashable {
    /// Name of the secret provider. Used to reference secrets in connector config.
    public var name: String
    /// AWS secret provider configuration.
    public var aws: AWSSecretProvider?
    /// Azure KeyVault secret provider configuration.
    public var azure: AzureSecretProvider?
    /// ENV secret provider configuration.
    public var env: EnvSecretProvider?
    /// Vault secret provider configuration.
    public var vault: VaultSecretProvider?

    public init(name: String, aws: AWSSecretProvider? = nil, azure: AzureSecretProvider? = nil, env: EnvSecretProvider? = nil, vault: VaultSecretProvider? = nil) {
        self.name = name
        self.aws = aws
        self.azure = azure
        self.env = env
        self.vault = vault
    }
}

/// Azure KeyVault secret provider configuration.
public struct AzureSecretProvider: Codable, Sendable, Hashable {
    /// Auth method of the Azure KeyVault secret provider.
    public var authMethod: String
    /// Azure client ID for the service principal.
    public var clientId: String?
    /// Azure client secret for the service principal.
    public var secret: String?
    /// Azure tenant ID for the service principal.
    public var tenantId: String?

    public init(authMethod: String, clientId: String? = nil, secret: String? = nil, tenantId: String? = nil) {
        self.authMethod = authMethod
        self.clientId = clientId
        self.secret = secret
        self.tenantId = tenantId
    }

    enum CodingKeys: String, CodingKey {
        case authMethod = "auth_method"
        case clientId = "client_id"
        case secret
        case tenantId = "tenant_id"
    }
}

/// ENV secret provider configuration.
public struct EnvSecretProvider: Codable, Sendable, Hashable {
    /// Key/value map of secrets for ENV secret provider.
    public var secrets: JSONValue

    public init(secrets: JSONValue) {
        self.secrets = secrets
    }
}

/// AWS secret provider configuration.
public struct AWSSecretProvider: Codable, Sendable, Hashable {
    /// Auth method of the vault secret provider.
    public var authMethod: String
    /// Region used to lookup secrets with AWS SecretManager.
    public var region: String
    /// Access key used to authenticate with aws.
    public var accessKey: String?
    /// Secret key used to authenticate with aws.
    public var secretKey: String?

    public init(authMethod: String, region: String, accessKey: String? = nil, secretKey: String? = nil) {
        self.authMethod = authMethod
        self.region = region
        self.accessKey = accessKey
        self.secretKey = secretKey
    }

    enum CodingKeys: String, CodingKey {
        case authMethod = "auth_method"
        case region
        case accessKey = "access_key"
        case secretKey = "secret_key"
    }
}

/// Vault secret provider configuration.
public struct VaultSecretProvider: Codable, Sendable, Hashable {
    /// Address of the Vault server.
    public var address: String
    /// Auth method of the vault secret provider.
    public var authMethod: String
    /// KV Secrets Engine version of the Vault server instance.
    public var engineVersion: Int?
    /// Prefix path depth of the secrets Engine. Default is 1. If the secrets engine path has more than one segment it has to be increased to the number of segments.
    public var prefixPathDepth: Int?
    /// PEM encoded certificate of the Vault server. Required if the vault server uses a self-signed certificate.
    public var serverPem: String?
    /// Token used to authenticate with vault and auth method `token`.
    public var token: String?

    public init(address: String, authMethod: String, engineVersion: Int? = nil, prefixPathDepth: Int? = nil, serverPem: String? = nil, token: String? = nil) {
        self.address = address
        self.authMethod = authMethod
        self.engineVersion = engineVersion
        self.prefixPathDepth = prefixPathDepth
        self.serverPem = serverPem
        self.token = token
    }

    enum CodingKeys: String, CodingKey {
        case address
        case authMethod = "auth_method"
        case engineVersion = "engine_version"
        case prefixPathDepth = "prefix_path_depth"
        case serverPem = "server_pem"
        case token
    }
}

