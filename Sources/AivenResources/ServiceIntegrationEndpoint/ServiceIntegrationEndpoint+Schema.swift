import KubeAPI

extension ServiceIntegrationEndpoint {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the reference
    /// docs. Every field, constraint and description comes from the ServiceIntegrationEndpoint
    /// reference page and CRD.
    public static let specSchema: JSONSchemaProps = .object(
        "ServiceIntegrationEndpointSpec defines the desired state of ServiceIntegrationEndpoint.",
        required: ["endpointType", "project"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "autoscaler": .object(
                "Autoscaler configuration values.",
                required: ["autoscaling"],
                properties: [
                    "autoscaling": .array("Configure autoscaling thresholds for a service.", of: .object(
                        "Autoscaling properties for a service.",
                        required: ["cap_gb", "type"],
                        properties: [
                            "cap_gb": .integer("The maximum total disk size (in gb) to allow autoscaler to scale up to.", minimum: 50, maximum: 9007199254740991),
                            "type": .string("Type of autoscale event.", enum: ["autoscale_disk"]),
                        ]
                    ), maxItems: 64),
                ]
            ),
            "datadog": .object(
                "Datadog configuration values.",
                required: ["datadog_api_key"],
                properties: [
                    "datadog_api_key": .string("Datadog API key.", pattern: "^[A-Za-z0-9]{1,256}$", minLength: 1, maxLength: 256),
                    "datadog_tags": .array("Custom tags provided by user.", of: .object(
                        "Datadog tag defined by user.",
                        required: ["tag"],
                        properties: [
                            "comment": .string("Optional tag explanation.", maxLength: 1024),
                            "tag": .string("Tag format and usage are described here: https://docs.datadoghq.com/getting_started/tagging. Tags with prefix `aiven-` are reserved for Aiven.", minLength: 1, maxLength: 200),
                        ]
                    ), maxItems: 32),
                    "disable_consumer_stats": .boolean("Disable consumer group metrics."),
                    "extra_tags_prefix": .string("Extra tags prefix. Defaults to aiven.", pattern: "^[A-Za-z0-9\\-]{0,64}$", minLength: 0, maxLength: 64),
                    "kafka_consumer_check_instances": .integer("Number of separate instances to fetch kafka consumer statistics with.", minimum: 1, maximum: 100),
                    "kafka_consumer_stats_timeout": .integer("Number of seconds that datadog will wait to get consumer statistics from brokers.", minimum: 2, maximum: 298),
                    "max_partition_contexts": .integer("Maximum number of partition contexts to send.", minimum: 200, maximum: 200000),
                    "site": .string("Datadog intake site. Defaults to datadoghq.com.", enum: [
                        "ap1.datadoghq.com", "ap2.datadoghq.com", "datadoghq.com", "datadoghq.eu", "ddog-gov.com", "us2.ddog-gov.com", "us3.datadoghq.com", "us5.datadoghq.com",
                    ]),
                ]
            ),
            "endpointName": .string("Source endpoint for the integration (if any).", maxLength: 36).immutable(),
            "endpointType": .string("Type of the service integration endpoint.", enum: endpointTypes).immutable(),
            "externalAWSCloudwatchLogs": .object(
                "ExternalAwsCloudwatchLogs configuration values.",
                required: ["access_key", "region", "secret_key"],
                properties: [
                    "access_key": .string("AWS access key. Required permissions are logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents and logs:DescribeLogStreams.", maxLength: 4096),
                    "log_group_name": .string("AWS CloudWatch log group name.", pattern: "^[\\.\\-_/#A-Za-z0-9]+$", minLength: 1, maxLength: 512),
                    "region": .string("AWS region.", maxLength: 32),
                    "secret_key": .string("AWS secret key.", maxLength: 4096),
                ]
            ),
            "externalAWSCloudwatchMetrics": .object(
                "ExternalAwsCloudwatchMetrics configuration values.",
                required: ["access_key", "namespace", "region", "secret_key"],
                properties: [
                    "access_key": .string("AWS access key. Required permissions are cloudwatch:PutMetricData.", maxLength: 4096),
                    "namespace": .string("AWS CloudWatch Metrics Namespace.", minLength: 1, maxLength: 255),
                    "region": .string("AWS region.", maxLength: 32),
                    "secret_key": .string("AWS secret key.", maxLength: 4096),
                ]
            ),
            "externalElasticsearchLogs": logsTarget("ExternalElasticsearchLogs configuration values.", service: "Elasticsearch"),
            "externalGoogleCloudBigquery": .object(
                "ExternalGoogleCloudBigquery configuration values.",
                required: ["project_id", "service_account_credentials"],
                properties: [
                    "project_id": gcpProjectID,
                    "service_account_credentials": gcpCredentials,
                ]
            ),
            "externalGoogleCloudLogging": .object(
                "ExternalGoogleCloudLogging configuration values.",
                required: ["log_id", "project_id", "service_account_credentials"],
                properties: [
                    "log_id": .string("Google Cloud Logging log id.", maxLength: 512),
                    "project_id": gcpProjectID,
                    "service_account_credentials": gcpCredentials,
                ]
            ),
            "externalKafka": .object(
                "ExternalKafka configuration values.",
                required: ["bootstrap_servers", "security_protocol"],
                properties: [
                    "bootstrap_servers": .string("Bootstrap servers.", minLength: 3, maxLength: 256),
                    "sasl_mechanism": .string("SASL mechanism used for connections to the Kafka server.", enum: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]),
                    "sasl_plain_password": .string("Password for SASL PLAIN mechanism in the Kafka server.", minLength: 1, maxLength: 256),
                    "sasl_plain_username": .string("Username for SASL PLAIN mechanism in the Kafka server.", minLength: 1, maxLength: 256),
                    "security_protocol": .string("Security protocol.", enum: ["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL"]),
                    "ssl_ca_cert": .string("PEM-encoded CA certificate.", maxLength: 16384),
                    "ssl_client_cert": .string("PEM-encoded client certificate.", maxLength: 16384),
                    "ssl_client_key": .string("PEM-encoded client key.", maxLength: 16384),
                    "ssl_endpoint_identification_algorithm": .string("The endpoint identification algorithm to validate server hostname using server certificate.", enum: ["https"]),
                ]
            ),
            "externalOpensearchLogs": logsTarget("ExternalOpensearchLogs configuration values.", service: "OpenSearch"),
            "externalPostgresql": .object(
                "ExternalPostgresql configuration values.",
                required: ["host", "port", "username"],
                properties: [
                    "default_database": .string("Default database.", pattern: "^[_A-Za-z0-9][-_A-Za-z0-9]{0,62}$", maxLength: 63),
                    "host": .string("Hostname or IP address of the server.", maxLength: 255),
                    "password": .string("Password.", maxLength: 256),
                    "port": .integer("Port number of the server.", minimum: 1, maximum: 65535),
                    "ssl_client_certificate": .string("Client certificate.", maxLength: 16384),
                    "ssl_client_key": .string("Client key.", maxLength: 16384),
                    "ssl_mode": .string(
                        "SSL mode to use for the connection. Please note that Aiven requires TLS for all connections to external PostgreSQL services. Deprecated values: `prefer`.",
                        enum: ["prefer", "require", "verify-ca", "verify-full"]),
                    "ssl_root_cert": .string("SSL Root Cert.", maxLength: 16384),
                    "username": .string("User name.", maxLength: 256),
                ]
            ),
            "externalSchemaRegistry": .object(
                "ExternalSchemaRegistry configuration values.",
                required: ["authentication", "url"],
                properties: [
                    "authentication": .string("Authentication method.", enum: ["basic", "none"]),
                    "basic_auth_password": .string("Basic authentication password.", maxLength: 256),
                    "basic_auth_username": .string("Basic authentication user name.", maxLength: 256),
                    "url": .string("Schema Registry URL.", maxLength: 2048),
                ]
            ),
            "jolokia": basicAuth("Jolokia configuration values.", service: "Jolokia", passwordMaxLength: 64),
            "project": ServiceSchema.project,
            "prometheus": basicAuth("Prometheus configuration values.", service: "Prometheus", passwordMaxLength: 256),
            "rsyslog": .object(
                "Rsyslog configuration values.",
                required: ["format", "port", "server", "tls"],
                properties: [
                    "ca": .string("PEM encoded CA certificate.", maxLength: 16384),
                    "cert": .string("PEM encoded client certificate.", maxLength: 16384),
                    "escape_newlines": .boolean("When true, embedded newlines in a log message are escaped so a multi-line record (e.g. a stack trace) is delivered as one complete log entry. Useful for newline-delimited cloud log intakes that drop continuation lines."),
                    "format": .string("Message format.", enum: ["custom", "rfc3164", "rfc5424"]),
                    "key": .string("PEM encoded client key.", maxLength: 16384),
                    "logline": .string("Custom syslog message format.", pattern: "^[ -~\\t]+$", minLength: 1, maxLength: 512),
                    "max_message_size": .integer("Rsyslog max message size.", minimum: 2048, maximum: 2147483647),
                    "port": .integer("Rsyslog server port.", minimum: 1, maximum: 65535),
                    "sd": .string("Structured data block for log message.", maxLength: 1024),
                    "server": .string("Rsyslog server IP address or hostname.", minLength: 4, maxLength: 255),
                    "tls": .boolean("Require TLS."),
                ]
            ),
        ]
    )

    /// The endpoint types the reference CRD accepts.
    public static let endpointTypes = [
        "autoscaler", "datadog", "external_aws_cloudwatch_logs", "external_aws_cloudwatch_metrics", "external_aws_s3", "external_clickhouse",
        "external_elasticsearch_logs", "external_google_cloud_bigquery", "external_google_cloud_logging", "external_kafka", "external_mysql",
        "external_opensearch_logs", "external_postgresql", "external_redis", "external_schema_registry", "external_sumologic_logs", "jolokia",
        "prometheus", "rsyslog",
    ]

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = .object(
        "ServiceIntegrationEndpointStatus defines the observed state of ServiceIntegrationEndpoint.",
        properties: [
            "id": .string("Service integration ID."),
            "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
            "conditions": JSONSchemaProps.conditions,
        ]
    )

    /// An external Elasticsearch or OpenSearch receiving service logs.
    private static func logsTarget(_ description: String, service: String) -> JSONSchemaProps {
        .object(
            description,
            required: ["index_prefix", "url"],
            properties: [
                "ca": .string("PEM encoded CA certificate.", maxLength: 16384),
                "index_days_max": .integer("Maximum number of days of logs to keep.", minimum: 1, maximum: 10000),
                "index_prefix": .string("\(service) index prefix.", pattern: "^[a-z0-9][a-z0-9-_.]+$", minLength: 1, maxLength: 1000),
                "timeout": JSONSchemaProps(type: .number, description: "\(service) request timeout limit.", minimum: 10, maximum: 120),
                "url": .string("\(service) connection URL.", minLength: 12, maxLength: 2048),
            ]
        )
    }

    /// Jolokia's and Prometheus' basic authentication.
    private static func basicAuth(_ description: String, service: String, passwordMaxLength: Int64) -> JSONSchemaProps {
        .object(
            description,
            properties: [
                "basic_auth_password": .string("\(service) basic authentication password.", minLength: 8, maxLength: passwordMaxLength),
                "basic_auth_username": .string("\(service) basic authentication username.", pattern: "^[a-z0-9\\-@_]{5,32}$", minLength: 5, maxLength: 32),
            ]
        )
    }

    private static let gcpProjectID: JSONSchemaProps = .string("GCP project id.", minLength: 6, maxLength: 30)
    private static let gcpCredentials: JSONSchemaProps = .string(
        "This is a JSON object with the fields documented in https://cloud.google.com/iam/docs/creating-managing-service-account-keys .", maxLength: 4096)
}
