import KubeAPI

extension KafkaConnect {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the reference
    /// docs. Every constraint and description comes from the KafkaConnect reference page.
    public static let specSchema: JSONSchemaProps = .object(
        "KafkaConnectSpec defines the desired state of KafkaConnect.",
        required: ["plan", "project"],
        properties: ServiceSchema.serviceSpecProperties(adding: [
            "powered": .boolean(
                "Determines the power state of the service. When `true` (default), the service is running. When `false`, the service is powered off. Services cannot be created powered off: the value applies to existing services.",
                default: true
            ),
            "userConfig": .object(
                "KafkaConnect specific user configuration options.",
                properties: [
                    "additional_backup_regions": .array(
                        "Deprecated. Additional Cloud Regions for Backup Replication.",
                        of: .string(),
                        maxItems: 1
                    ),
                    "gcp_auth_allowed_urls": ServiceSchema.gcpAuthAllowedURLs,
                    "ip_filter": ServiceSchema.ipFilter(maxItems: 2048),
                    "kafka_connect": .object(
                        "Kafka Connect configuration values.",
                        properties: settingsSchemaProperties
                    ),
                    "plugin_versions": pluginVersionsSchema,
                    "preferred_zones": ServiceSchema.preferredZones,
                    "private_access": .object(
                        "Allow access to selected service ports from private networks.",
                        properties: [
                            "kafka_connect": .boolean("Allow clients to connect to kafka_connect with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "prometheus": .boolean("Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                        ]
                    ),
                    "privatelink_access": .object(
                        "Allow access to selected service components through Privatelink.",
                        properties: [
                            "jolokia": .boolean("Enable jolokia."),
                            "kafka_connect": .boolean("Enable kafka_connect."),
                            "prometheus": .boolean("Enable prometheus."),
                        ]
                    ),
                    "public_access": .object(
                        "Allow access to selected service ports from the public Internet.",
                        properties: [
                            "kafka_connect": .boolean("Allow clients to connect to kafka_connect from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "prometheus": .boolean("Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network."),
                        ]
                    ),
                    "sasl_oauthbearer_allowed_urls": ServiceSchema.saslOAuthBearerAllowedURLs,
                    "secret_providers": .array(
                        "Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault (provider: vault, auth_method: token) and AWS Secrets Manager (provider: aws, auth_method: credentials) are supported. Secrets can be referenced in connector config with ${<provider_name>:<secret_path>:<key_name>}.",
                        of: .object(
                            "Configure external secret providers in order to reference external secrets in connector configuration. Currently Hashicorp Vault and AWS Secrets Manager are supported.",
                            required: ["name"],
                            properties: [
                                "name": secretProviderName,
                                "aws": .object(
                                    "AWS secret provider configuration.",
                                    required: ["auth_method", "region"],
                                    properties: [
                                        "auth_method": .string("Auth method of the vault secret provider.", enum: ["credentials"]),
                                        "region": .string("Region used to lookup secrets with AWS SecretManager.", maxLength: 64),
                                        "access_key": .string("Access key used to authenticate with aws.", maxLength: 128),
                                        "secret_key": .string("Secret key used to authenticate with aws.", maxLength: 128),
                                    ]
                                ),
                                "azure": azureSecretProviderSchema,
                                "env": envSecretProviderSchema,
                                "vault": .object(
                                    "Vault secret provider configuration.",
                                    required: ["address", "auth_method"],
                                    properties: [
                                        "address": .string("Address of the Vault server.", minLength: 1, maxLength: 65536),
                                        "auth_method": .string("Auth method of the vault secret provider.", enum: ["token"]),
                                        "engine_version": .integer("KV Secrets Engine version of the Vault server instance.", enum: [1, 2]),
                                        "prefix_path_depth": .integer("Prefix path depth of the secrets Engine. Default is 1. If the secrets engine path has more than one segment it has to be increased to the number of segments."),
                                        "server_pem": vaultServerPEM,
                                        "token": .string("Token used to authenticate with vault and auth method `token`.", maxLength: 256),
                                    ]
                                ),
                            ]
                        )
                    ),
                    "service_log": .boolean("Store logs for the service so that they are available in the HTTP API and console."),
                    "static_ips": .boolean("Use static public IP addresses."),
                ]
            ),
        ])
    )

    /// The schema of `status`.
    public static let statusSchema = ServiceSchema.observedStatus(
        "KafkaConnectStatus defines the observed state of KafkaConnect.",
        state: "Service state."
    )

    /// The Kafka Connect worker settings (`userConfig.kafka_connect`), which a `Kafka` service with
    /// Kafka Connect enabled accepts too (`userConfig.kafka_connect_config`).
    static let settingsSchemaProperties: [String: JSONSchemaProps] = [
        "connector_client_config_override_policy": .string("Defines what client configurations can be overridden by the connector. Default is None.", enum: ["All", "None"]),
        "consumer_auto_offset_reset": .string("What to do when there is no initial offset in Kafka or if the current offset does not exist any more on the server. Default is earliest.", enum: ["earliest", "latest"]),
        "consumer_fetch_max_bytes": .integer("Records are fetched in batches by the consumer, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that the consumer can make progress. As such, this is not a absolute maximum.", minimum: 1048576, maximum: 104857600),
        "consumer_isolation_level": .string("Transaction read isolation level. read_uncommitted is the default, but read_committed can be used if consume-exactly-once behavior is desired.", enum: ["read_committed", "read_uncommitted"]),
        "consumer_max_partition_fetch_bytes": .integer("Records are fetched in batches by the consumer.If the first record batch in the first non-empty partition of the fetch is larger than this limit, the batch will still be returned to ensure that the consumer can make progress.", minimum: 1048576, maximum: 104857600),
        "consumer_max_poll_interval_ms": .integer("The maximum delay in milliseconds between invocations of poll() when using consumer group management (defaults to 300000).", minimum: 1, maximum: 2147483647),
        "consumer_max_poll_records": .integer("The maximum number of records returned in a single call to poll() (defaults to 500).", minimum: 1, maximum: 10000),
        "offset_flush_interval_ms": .integer("The interval at which to try committing offsets for tasks (defaults to 60000).", minimum: 1, maximum: 100000000),
        "offset_flush_timeout_ms": .integer("Maximum number of milliseconds to wait for records to flush and partition offset data to be committed to offset storage before cancelling the process and restoring the offset data to be committed in a future attempt (defaults to 5000).", minimum: 1, maximum: 2147483647),
        "producer_batch_size": .integer("This setting gives the upper bound of the batch size to be sent. If there are fewer than this many bytes accumulated for this partition, the producer will `linger` for the linger.ms time waiting for more records to show up. A batch size of zero will disable batching entirely (defaults to 16384).", minimum: 0, maximum: 5242880),
        "producer_buffer_memory": .integer("The total bytes of memory the producer can use to buffer records waiting to be sent to the broker (defaults to 33554432).", minimum: 5242880, maximum: 134217728),
        "producer_compression_type": .string("Specify the default compression type for producers. This configuration accepts the standard compression codecs (`gzip`, `snappy`, `lz4`, `zstd`). It additionally accepts `none` which is the default and equivalent to no compression.", enum: ["gzip", "lz4", "none", "snappy", "zstd"]),
        "producer_linger_ms": .integer("This setting gives the upper bound on the delay for batching: once there is batch.size worth of records for a partition it will be sent immediately regardless of this setting, however if there are fewer than this many bytes accumulated for this partition the producer will `linger` for the specified time waiting for more records to show up. Defaults to 0.", minimum: 0, maximum: 5000),
        "producer_max_request_size": .integer("This setting will limit the number of record batches the producer will send in a single request to avoid sending huge requests.", minimum: 131072, maximum: 67108864),
        "scheduled_rebalance_max_delay_ms": .integer("The maximum delay that is scheduled in order to wait for the return of one or more departed workers before rebalancing and reassigning their connectors and tasks to the group. During this period the connectors and tasks of the departed workers remain unassigned. Defaults to 5 minutes.", minimum: 0, maximum: 600000),
        "session_timeout_ms": .integer("The timeout in milliseconds used to detect failures when using Kafka’s group management facilities (defaults to 10000).", minimum: 1, maximum: 2147483647),
        "prefer_ipv6_address_enable": .boolean("When enabled, connectors will automatically resolve IPv6 addresses from external server names configured with dual-stack."),
    ]

    /// `secret_providers[].name` (and `Kafka`'s `kafka_connect_secret_providers[].name`).
    static let secretProviderName: JSONSchemaProps = .string("Name of the secret provider. Used to reference secrets in connector config.", pattern: "^[A-Za-z0-9_-]+$")

    /// `secret_providers[].azure`: Azure KeyVault (Aiven added it after the seed; `Kafka` has it too).
    static let azureSecretProviderSchema: JSONSchemaProps = .object(
        "Azure KeyVault secret provider configuration.",
        required: ["auth_method"],
        properties: [
            "auth_method": .string("Auth method of the Azure KeyVault secret provider.", enum: ["credentials"]),
            "client_id": .string("Azure client ID for the service principal.", maxLength: 128),
            "secret": .string("Azure client secret for the service principal.", maxLength: 256),
            "tenant_id": .string("Azure tenant ID for the service principal.", maxLength: 128),
        ]
    )

    /// `secret_providers[].env`: secrets given as a map. The reference CRD declares `secrets` as an
    /// object without fields, which kube-apiserver prunes to `{}`; it keeps its keys here, so they
    /// reach Aiven (docs/migrating.md lists the difference).
    static let envSecretProviderSchema: JSONSchemaProps = .object(
        "ENV secret provider configuration.",
        required: ["secrets"],
        properties: [
            "secrets": JSONSchemaProps(type: .object, description: "Key/value map of secrets for ENV secret provider.", preserveUnknownFields: true),
        ]
    )

    /// `secret_providers[].vault.server_pem`.
    static let vaultServerPEM: JSONSchemaProps = .string("PEM encoded certificate of the Vault server. Required if the vault server uses a self-signed certificate.", maxLength: 4096)

    /// The Kafka Connect plugins to install (`userConfig.plugin_versions`, and
    /// `userConfig.kafka_connect_plugin_versions` of a `Kafka` service).
    static let pluginVersionsSchema: JSONSchemaProps = .array(
        "The plugin selected by the user.",
        of: .object(
            "A Kafka Connect plugin.",
            required: ["plugin_name", "version"],
            properties: [
                "plugin_name": .string("The name of the plugin.", pattern: "^[^\\r\\n]*$", maxLength: 128),
                "version": .string("The version of the plugin.", pattern: "^[^\\r\\n]*$", maxLength: 128),
            ]
        )
    )
}
