/// Aiven's `user_config` schemas of integration endpoints, verbatim: `aiven/go-api-schemas`
/// `pkg/dist/integration_endpoint_types.yml` (commit 38697fde, the commit of
/// ``KafkaUserConfigSchema``), as JSON, by endpoint type. It is what the real API serves as
/// `user_config_schema` in `GET /v1/project/{project}/integration_endpoint_types`, in
/// go-api-schemas' keywords (`max_length`, `enum: [{value:}]`, numeric bounds as strings,
/// `_secure: true` on the options Aiven shows as `<redacted>`).
enum IntegrationEndpointUserConfigSchema {
    /// The schema document: endpoint type → schema.
    static let json = #"""
{
  "autoscaler": {
    "type": "object",
    "required": [
      "autoscaling"
    ],
    "properties": {
      "autoscaling": {
        "title": "List of autoscaling configurations",
        "description": "Configure autoscaling thresholds for a service",
        "type": "array",
        "items": {
          "title": "Autoscaling properties",
          "description": "Autoscaling properties for a service",
          "type": "object",
          "required": [
            "type",
            "cap_gb"
          ],
          "properties": {
            "cap_gb": {
              "title": "The maximum total disk size (in gb) to allow autoscaler to scale up to",
              "type": "integer",
              "minimum": "50",
              "maximum": "9007199254740991",
              "example": "300"
            },
            "type": {
              "title": "Type of autoscale event",
              "description": "An enumeration.",
              "type": "string",
              "enum": [
                {
                  "value": "autoscale_disk"
                }
              ]
            }
          }
        },
        "max_items": 64
      }
    }
  },
  "autoscaler_service": {
    "title": "Service autoscaler user config",
    "description": "Service autoscaler user config. This is an experimental api and subject to change. For further assistance, contact the Aiven support team mailto:support@aiven.io or your account team.",
    "type": "object"
  },
  "datadog": {
    "type": "object",
    "required": [
      "datadog_api_key"
    ],
    "properties": {
      "datadog_api_key": {
        "title": "Datadog API key",
        "type": "string",
        "min_length": 1,
        "max_length": 256,
        "pattern": "^[A-Za-z0-9]{1,256}$",
        "example": "848f30907c15c55d601fe45487cce9b6",
        "user_error": "Must consist of up to 256 alpha-numeric characters",
        "_secure": true
      },
      "datadog_tags": {
        "title": "Custom tags provided by user",
        "type": "array",
        "items": {
          "title": "Datadog tag defined by user",
          "type": "object",
          "required": [
            "tag"
          ],
          "properties": {
            "comment": {
              "title": "Optional tag explanation",
              "type": "string",
              "max_length": 1024,
              "example": "Used to tag primary replica metrics"
            },
            "tag": {
              "title": "Tag value",
              "description": "Tag format and usage are described here: https://docs.datadoghq.com/getting_started/tagging. Tags with prefix 'aiven-' are reserved for Aiven.",
              "type": "string",
              "min_length": 1,
              "max_length": 200,
              "pattern": "^(?!aiven-)[^\\W\\d_](?:[:\\w./-]*[\\w./-])?$",
              "example": "replica:primary",
              "user_error": "Tags must start with a letter and after that may contain the characters listed below:\nalphanumerics, underscores, minuses, colons, periods, slashes.\nA tag cannot end with a colon.\nTags can be up to 200 characters long and support Unicode.\nTags with prefix 'aiven-' are reserved for Aiven.\nMore info: https://docs.datadoghq.com/getting_started/tagging.\n"
            }
          }
        },
        "max_items": 32,
        "example": [
          {
            "tag": "foo"
          },
          {
            "comment": "Useful tag",
            "tag": "bar:buzz"
          }
        ]
      },
      "disable_consumer_stats": {
        "title": "Disable consumer group metrics",
        "type": "boolean",
        "example": true
      },
      "extra_tags_prefix": {
        "title": "Extra tags prefix. Defaults to aiven",
        "type": "string",
        "min_length": 0,
        "max_length": 64,
        "pattern": "^[A-Za-z0-9\\-]{0,64}$",
        "example": "aiven",
        "user_error": "Must consist of up to 64 alpha-numeric characters"
      },
      "kafka_consumer_check_instances": {
        "title": "Number of separate instances to fetch kafka consumer statistics with",
        "type": "integer",
        "minimum": "1",
        "maximum": "100",
        "example": "8"
      },
      "kafka_consumer_stats_timeout": {
        "title": "Number of seconds that datadog will wait to get consumer statistics from brokers",
        "type": "integer",
        "minimum": "2",
        "maximum": "298",
        "example": "60"
      },
      "max_partition_contexts": {
        "title": "Maximum number of partition contexts to send",
        "type": "integer",
        "minimum": "200",
        "maximum": "200000",
        "example": "32000"
      },
      "site": {
        "title": "Datadog intake site. Defaults to datadoghq.com",
        "type": "string",
        "enum": [
          {
            "value": "ap1.datadoghq.com"
          },
          {
            "value": "ap2.datadoghq.com"
          },
          {
            "value": "datadoghq.com"
          },
          {
            "value": "datadoghq.eu"
          },
          {
            "value": "ddog-gov.com"
          },
          {
            "value": "us2.ddog-gov.com"
          },
          {
            "value": "us3.datadoghq.com"
          },
          {
            "value": "us5.datadoghq.com"
          }
        ],
        "example": "datadoghq.com"
      }
    }
  },
  "external_aws_cloudwatch_logs": {
    "type": "object",
    "required": [
      "access_key",
      "secret_key",
      "region"
    ],
    "properties": {
      "access_key": {
        "title": "AWS access key. Required permissions are logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents and logs:DescribeLogStreams",
        "type": "string",
        "max_length": 4096,
        "example": "AAAAAAAAAAAAAAAAAAAA"
      },
      "log_group_name": {
        "title": "AWS CloudWatch log group name",
        "type": "string",
        "min_length": 1,
        "max_length": 512,
        "pattern": "^[\\.\\-_/#A-Za-z0-9]+$",
        "example": "my-log-group"
      },
      "region": {
        "title": "AWS region",
        "type": "string",
        "max_length": 32,
        "example": "us-east-1"
      },
      "secret_key": {
        "title": "AWS secret key",
        "type": "string",
        "max_length": 4096,
        "example": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "_secure": true
      }
    }
  },
  "external_aws_cloudwatch_metrics": {
    "type": "object",
    "required": [
      "access_key",
      "secret_key",
      "region",
      "namespace"
    ],
    "properties": {
      "access_key": {
        "title": "AWS access key. Required permissions are cloudwatch:PutMetricData",
        "type": "string",
        "max_length": 4096,
        "example": "AAAAAAAAAAAAAAAAAAAA"
      },
      "namespace": {
        "title": "AWS CloudWatch Metrics Namespace",
        "type": "string",
        "min_length": 1,
        "max_length": 255,
        "pattern": "^(?!(AWS/|:))[:\\.\\-_/#A-Za-z0-9]+$",
        "example": "my-metrics-namespace"
      },
      "region": {
        "title": "AWS region",
        "type": "string",
        "max_length": 32,
        "example": "us-east-1"
      },
      "secret_key": {
        "title": "AWS secret key",
        "type": "string",
        "max_length": 4096,
        "example": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "_secure": true
      }
    }
  },
  "external_aws_s3": {
    "type": "object",
    "required": [
      "url",
      "access_key_id",
      "secret_access_key"
    ],
    "properties": {
      "access_key_id": {
        "title": "Access Key Id",
        "type": "string",
        "max_length": 128,
        "pattern": "^[A-Z0-9]+$",
        "example": "AAAAAAAAAAAAAAAAAAA"
      },
      "secret_access_key": {
        "title": "Secret Access Key",
        "type": "string",
        "max_length": 128,
        "pattern": "^[A-Za-z0-9/+=]+$",
        "example": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "_secure": true
      },
      "url": {
        "title": "S3-compatible bucket URL",
        "type": "string",
        "max_length": 2048,
        "example": "https://mybucket.s3-myregion.amazonaws.com/mydataset/"
      }
    }
  },
  "external_azure_blob_storage": {
    "type": "object",
    "required": [
      "connection_string",
      "container"
    ],
    "properties": {
      "blob_path": {
        "title": "Blob path",
        "type": "string",
        "max_length": 1024,
        "pattern": "^(?!.{1025})/?[^/\\n]*[^/.\\n](?:/[^\\n/]*[^/.\\n]){0,253}$",
        "example": "path/to/blob/file.csv"
      },
      "connection_string": {
        "title": "Azure Blob Storage connection string",
        "type": "string",
        "max_length": 4096,
        "pattern": "^([a-zA-Z0-9]+)=([^;]+)(?:;([a-zA-Z0-9]+)=([^;]+))*(;)?$",
        "example": "AccountName=IDENT;AccountKey=SECRET",
        "_secure": true
      },
      "container": {
        "title": "Container",
        "type": "string",
        "max_length": 256,
        "example": "container-dev"
      }
    }
  },
  "external_clickhouse": {
    "type": "object",
    "required": [
      "host",
      "port",
      "username",
      "password"
    ],
    "properties": {
      "host": {
        "title": "Hostname or IP address of the server",
        "type": "string",
        "max_length": 255,
        "example": "my.server.com"
      },
      "password": {
        "title": "Password",
        "type": "string",
        "max_length": 256,
        "example": "jjKk45Nnd",
        "_secure": true
      },
      "port": {
        "title": "Secure TCP server port",
        "type": "integer",
        "minimum": "1",
        "maximum": "65535",
        "example": "9440"
      },
      "username": {
        "title": "User name",
        "type": "string",
        "max_length": 64,
        "example": "default"
      }
    }
  },
  "external_elasticsearch_logs": {
    "type": "object",
    "required": [
      "url",
      "index_prefix"
    ],
    "properties": {
      "ca": {
        "title": "PEM encoded CA certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "index_days_max": {
        "title": "Maximum number of days of logs to keep",
        "type": "integer",
        "default": "3",
        "minimum": "1",
        "maximum": "10000",
        "example": "3"
      },
      "index_prefix": {
        "title": "Elasticsearch index prefix",
        "type": "string",
        "default": "logs",
        "min_length": 1,
        "max_length": 1000,
        "pattern": "^[a-z0-9][a-z0-9-_.]+$",
        "example": "logs",
        "user_error": "Must start with alpha-numeric character, and only contain alpha-numeric characters, dashes, underscores and dots"
      },
      "timeout": {
        "title": "Elasticsearch request timeout limit",
        "type": "number",
        "default": "10",
        "minimum": "10.0",
        "maximum": "120.0",
        "example": "10"
      },
      "url": {
        "title": "Elasticsearch connection URL",
        "type": "string",
        "min_length": 12,
        "max_length": 2048,
        "example": "https://user:passwd@logs.example.com/",
        "_secure": true
      }
    }
  },
  "external_google_cloud_bigquery": {
    "title": "User configuration for Google Cloud BigQuery integration",
    "type": "object",
    "required": [
      "project_id",
      "service_account_credentials"
    ],
    "properties": {
      "project_id": {
        "title": "GCP project id.",
        "type": "string",
        "min_length": 6,
        "max_length": 30,
        "example": "snappy-photon-12345"
      },
      "service_account_credentials": {
        "title": "Google Service Account Credentials",
        "description": "This is a JSON object with the fields documented in https://cloud.google.com/iam/docs/creating-managing-service-account-keys .",
        "type": "string",
        "max_length": 4096,
        "example": "{\"type\": \"service_account\", ...",
        "_secure": true
      }
    }
  },
  "external_google_cloud_logging": {
    "title": "User configuration for Google Cloud Logging integration",
    "type": "object",
    "required": [
      "project_id",
      "log_id",
      "service_account_credentials"
    ],
    "properties": {
      "log_id": {
        "title": "Google Cloud Logging log id",
        "type": "string",
        "max_length": 512,
        "example": "syslog"
      },
      "project_id": {
        "title": "GCP project id.",
        "type": "string",
        "min_length": 6,
        "max_length": 30,
        "example": "snappy-photon-12345"
      },
      "service_account_credentials": {
        "title": "Google Service Account Credentials",
        "description": "This is a JSON object with the fields documented in https://cloud.google.com/iam/docs/creating-managing-service-account-keys .",
        "type": "string",
        "max_length": 4096,
        "example": "{\"type\": \"service_account\", ...",
        "_secure": true
      }
    }
  },
  "external_kafka": {
    "type": "object",
    "required": [
      "bootstrap_servers",
      "security_protocol"
    ],
    "properties": {
      "bootstrap_servers": {
        "title": "Bootstrap servers",
        "type": "string",
        "min_length": 3,
        "max_length": 256,
        "example": "10.0.0.1:9092,10.0.0.2:9092"
      },
      "sasl_mechanism": {
        "title": "SASL mechanism used for connections to the Kafka server.",
        "type": "string",
        "enum": [
          {
            "value": "PLAIN"
          },
          {
            "value": "SCRAM-SHA-256"
          },
          {
            "value": "SCRAM-SHA-512"
          }
        ],
        "example": "PLAIN"
      },
      "sasl_plain_password": {
        "title": "Password for SASL PLAIN mechanism in the Kafka server.",
        "type": "string",
        "min_length": 1,
        "max_length": 256,
        "example": "admin",
        "_secure": true
      },
      "sasl_plain_username": {
        "title": "Username for SASL PLAIN mechanism in the Kafka server.",
        "type": "string",
        "min_length": 1,
        "max_length": 256,
        "example": "admin"
      },
      "security_protocol": {
        "title": "Security protocol",
        "type": "string",
        "enum": [
          {
            "value": "PLAINTEXT"
          },
          {
            "value": "SASL_PLAINTEXT"
          },
          {
            "value": "SASL_SSL"
          },
          {
            "value": "SSL"
          }
        ],
        "example": "PLAINTEXT"
      },
      "ssl_ca_cert": {
        "title": "PEM-encoded CA certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "ssl_client_cert": {
        "title": "PEM-encoded client certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "ssl_client_key": {
        "title": "PEM-encoded client key",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n",
        "_secure": true
      },
      "ssl_endpoint_identification_algorithm": {
        "title": "The endpoint identification algorithm to validate server hostname using server certificate.",
        "type": "string",
        "enum": [
          {
            "value": "https"
          }
        ],
        "example": "https"
      }
    }
  },
  "external_mysql": {
    "type": "object",
    "required": [
      "host",
      "port",
      "username",
      "password"
    ],
    "properties": {
      "host": {
        "title": "Hostname or IP address of the server",
        "type": "string",
        "max_length": 255,
        "example": "my.server.com"
      },
      "password": {
        "title": "Password",
        "type": "string",
        "max_length": 256,
        "example": "jjKk45Nnd",
        "_secure": true
      },
      "port": {
        "title": "Port number of the server",
        "type": "integer",
        "minimum": "1",
        "maximum": "65535",
        "example": "5432"
      },
      "ssl_mode": {
        "title": "SSL Mode",
        "type": "string",
        "default": "verify-full",
        "enum": [
          {
            "value": "verify-full"
          }
        ],
        "example": "verify-full"
      },
      "ssl_root_cert": {
        "title": "SSL Root Cert",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "username": {
        "title": "User name",
        "type": "string",
        "max_length": 256,
        "example": "myname"
      }
    }
  },
  "external_object_storage_config": {
    "type": "object",
    "required": [
      "storage_type"
    ],
    "properties": {
      "account_key": {
        "title": "Azure account secret key (Azure only)",
        "type": "string",
        "max_length": 256,
        "example": "YWNjb3VudCBrZXkgZXhhbXBsZQ==",
        "_secure": true
      },
      "account_name": {
        "title": "Azure account name (Azure only)",
        "type": "string",
        "max_length": 256,
        "example": "myazureaccount"
      },
      "aws_access_key_id": {
        "title": "AWS access key ID (S3 only)",
        "type": "string",
        "max_length": 128,
        "example": "AKIAIOSFODNN7EXAMPLE"
      },
      "aws_secret_access_key": {
        "title": "AWS secret access key (S3 only)",
        "type": "string",
        "max_length": 128,
        "example": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "_secure": true
      },
      "bucket_name": {
        "title": "Bucket name",
        "type": "string",
        "max_length": 256,
        "example": "my-thanos-bucket"
      },
      "credentials": {
        "title": "Google service account credentials JSON (Google Cloud Storage only)",
        "type": "string",
        "max_length": 4096,
        "example": "{\"type\": \"service_account\", ...",
        "_secure": true
      },
      "host": {
        "title": "S3-compatible endpoint host (S3 only)",
        "type": "string",
        "max_length": 2048,
        "example": "s3.eu-west-1.amazonaws.com"
      },
      "port": {
        "title": "S3-compatible endpoint port (S3 only)",
        "type": "integer",
        "minimum": "1",
        "maximum": "65535",
        "example": "443"
      },
      "prefix": {
        "title": "Object storage prefix / path",
        "type": "string",
        "max_length": 256,
        "example": "thanos-data/"
      },
      "project_id": {
        "title": "GCP project ID (Google Cloud Storage only)",
        "type": "string",
        "max_length": 256,
        "example": "my-gcp-project"
      },
      "region": {
        "title": "AWS S3 region (S3 only)",
        "type": "string",
        "max_length": 256,
        "example": "eu-west-1"
      },
      "storage_type": {
        "title": "Object storage type",
        "type": "string",
        "enum": [
          {
            "value": "azure"
          },
          {
            "value": "google"
          },
          {
            "value": "s3"
          }
        ],
        "example": "s3"
      }
    }
  },
  "external_opensearch_logs": {
    "type": "object",
    "required": [
      "url",
      "index_prefix"
    ],
    "properties": {
      "ca": {
        "title": "PEM encoded CA certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "index_days_max": {
        "title": "Maximum number of days of logs to keep",
        "type": "integer",
        "default": "3",
        "minimum": "1",
        "maximum": "10000",
        "example": "3"
      },
      "index_prefix": {
        "title": "OpenSearch index prefix",
        "type": "string",
        "default": "logs",
        "min_length": 1,
        "max_length": 1000,
        "pattern": "^[a-z0-9][a-z0-9-_.]+$",
        "example": "logs",
        "user_error": "Must start with alpha-numeric character, and only contain alpha-numeric characters, dashes, underscores and dots"
      },
      "timeout": {
        "title": "OpenSearch request timeout limit",
        "type": "number",
        "default": "10",
        "minimum": "10.0",
        "maximum": "120.0",
        "example": "10"
      },
      "url": {
        "title": "OpenSearch connection URL",
        "type": "string",
        "min_length": 12,
        "max_length": 2048,
        "example": "https://user:passwd@logs.example.com/",
        "_secure": true
      }
    }
  },
  "external_postgresql": {
    "type": "object",
    "required": [
      "host",
      "port",
      "username"
    ],
    "properties": {
      "default_database": {
        "title": "Default database",
        "type": "string",
        "max_length": 63,
        "pattern": "^[_A-Za-z0-9][-_A-Za-z0-9]{0,62}$",
        "example": "testdb",
        "user_error": "Must consist of alpha-numeric characters, underscores or dashes, may not start with dash, max 63 characters"
      },
      "host": {
        "title": "Hostname or IP address of the server",
        "type": "string",
        "max_length": 255,
        "example": "my.server.com"
      },
      "password": {
        "title": "Password",
        "type": "string",
        "max_length": 256,
        "example": "jjKk45Nnd",
        "_secure": true
      },
      "port": {
        "title": "Port number of the server",
        "type": "integer",
        "minimum": "1",
        "maximum": "65535",
        "example": "5432"
      },
      "ssl_client_certificate": {
        "title": "Client certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "ssl_client_key": {
        "title": "Client key",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
        "_secure": true
      },
      "ssl_mode": {
        "title": "SSL Mode",
        "description": "SSL mode to use for the connection. Please note that Aiven requires TLS for all connections to external PostgreSQL services.",
        "type": "string",
        "default": "verify-full",
        "enum": [
          {
            "is_deprecated": true,
            "deprecation_notice": "This value is deprecated.",
            "value": "allow"
          },
          {
            "is_deprecated": true,
            "deprecation_notice": "This value is deprecated.",
            "value": "disable"
          },
          {
            "is_deprecated": true,
            "deprecation_notice": "This value is deprecated.",
            "value": "prefer"
          },
          {
            "value": "require"
          },
          {
            "value": "verify-ca"
          },
          {
            "value": "verify-full"
          }
        ],
        "example": "verify-full"
      },
      "ssl_root_cert": {
        "title": "SSL Root Cert",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "username": {
        "title": "User name",
        "type": "string",
        "max_length": 256,
        "example": "myname"
      }
    }
  },
  "external_prometheus": {
    "type": "object",
    "properties": {
      "basic_auth_password": {
        "title": "Prometheus basic authentication password",
        "type": "string",
        "min_length": 8,
        "max_length": 256,
        "example": "fhyFNBjj3R",
        "_secure": true
      },
      "basic_auth_username": {
        "title": "Prometheus basic authentication username",
        "type": "string",
        "min_length": 5,
        "max_length": 32,
        "pattern": "^[a-z0-9\\-@_]{5,32}$",
        "example": "prom4851",
        "user_error": "Must be 5-32 characters long and may contain only lower case letters and numbers."
      },
      "service_uri": {
        "title": "Prometheus enabled write endpoint",
        "type": "string",
        "max_length": 2048,
        "example": "https://write.example.com/"
      }
    }
  },
  "external_schema_registry": {
    "type": "object",
    "required": [
      "url",
      "authentication"
    ],
    "properties": {
      "authentication": {
        "title": "Authentication method",
        "type": "string",
        "enum": [
          {
            "value": "basic"
          },
          {
            "value": "none"
          }
        ],
        "example": "basic"
      },
      "basic_auth_password": {
        "title": "Basic authentication password",
        "type": "string",
        "max_length": 256,
        "example": "Zm9vYg==",
        "_secure": true
      },
      "basic_auth_username": {
        "title": "Basic authentication user name",
        "type": "string",
        "max_length": 256,
        "example": "avnadmin"
      },
      "url": {
        "title": "Schema Registry URL",
        "type": "string",
        "max_length": 2048,
        "example": "https://schema-registry.kafka.company.com:28419"
      }
    }
  },
  "jolokia": {
    "type": "object",
    "properties": {
      "basic_auth_password": {
        "title": "Jolokia basic authentication password",
        "type": "string",
        "min_length": 8,
        "max_length": 64,
        "example": "yhfBNFii4C",
        "_secure": true
      },
      "basic_auth_username": {
        "title": "Jolokia basic authentication username",
        "type": "string",
        "min_length": 5,
        "max_length": 32,
        "pattern": "^[a-z0-9\\-@_]{5,32}$",
        "example": "jol48k51",
        "user_error": "Must be 5-32 characters long and may contain only lower case letters and numbers."
      }
    }
  },
  "opentelemetry": {
    "type": "object",
    "required": [
      "service_address",
      "timeout",
      "compression"
    ],
    "properties": {
      "attributes": {
        "title": "Resource attributes to attach to every exported metric",
        "type": "object"
      },
      "compression": {
        "title": "Payload compression",
        "type": "string",
        "enum": [
          {
            "value": "gzip"
          },
          {
            "value": "none"
          }
        ],
        "example": "gzip"
      },
      "encoding_type": {
        "title": "OTLP wire format",
        "description": "Encoding used for exported metrics. Leave unset to use telegraf's default.",
        "type": "string",
        "enum": [
          {
            "value": "json"
          },
          {
            "value": "protobuf"
          }
        ],
        "example": "protobuf"
      },
      "headers": {
        "title": "Additional gRPC metadata headers sent with every export request",
        "type": "object"
      },
      "service_address": {
        "title": "OpenTelemetry receiver address",
        "description": "Either a bare 'host:port' (OTLP/gRPC, no URL scheme) or an 'http://'/'https://' URL (OTLP/HTTP).",
        "type": "string",
        "max_length": 2048,
        "example": "otel-collector.example.avns.net:4317"
      },
      "timeout": {
        "title": "Connection timeout in seconds",
        "type": "integer",
        "minimum": "1",
        "maximum": "30",
        "example": "10"
      }
    }
  },
  "prometheus": {
    "type": "object",
    "properties": {
      "basic_auth_password": {
        "title": "Prometheus basic authentication password",
        "type": "string",
        "min_length": 8,
        "max_length": 256,
        "example": "fhyFNBjj3R",
        "_secure": true
      },
      "basic_auth_username": {
        "title": "Prometheus basic authentication username",
        "type": "string",
        "min_length": 5,
        "max_length": 32,
        "pattern": "^[a-z0-9\\-@_]{5,32}$",
        "example": "prom4851",
        "user_error": "Must be 5-32 characters long and may contain only lower case letters and numbers."
      }
    }
  },
  "rsyslog": {
    "type": "object",
    "required": [
      "server",
      "port",
      "format",
      "tls"
    ],
    "properties": {
      "ca": {
        "title": "PEM encoded CA certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "cert": {
        "title": "PEM encoded client certificate",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
      },
      "escape_newlines": {
        "title": "Escape newlines in log messages",
        "description": "When true, embedded newlines in a log message are escaped so a multi-line record (e.g. a stack trace) is delivered as one complete log entry. Useful for newline-delimited cloud log intakes that drop continuation lines.",
        "type": "boolean",
        "default": false,
        "example": false
      },
      "format": {
        "title": "Message format",
        "type": "string",
        "default": "rfc5424",
        "enum": [
          {
            "value": "custom"
          },
          {
            "value": "rfc3164"
          },
          {
            "value": "rfc5424"
          }
        ],
        "example": "rfc5424"
      },
      "key": {
        "title": "PEM encoded client key",
        "type": "string",
        "max_length": 16384,
        "example": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n",
        "_secure": true
      },
      "logline": {
        "title": "Custom syslog message format",
        "type": "string",
        "min_length": 1,
        "max_length": 512,
        "pattern": "^[ -~\\t]+$",
        "example": "<%pri%>%timestamp:::date-rfc3339% %HOSTNAME% %app-name% %msg%"
      },
      "max_message_size": {
        "title": "Rsyslog max message size",
        "type": "integer",
        "default": "8192",
        "minimum": "2048",
        "maximum": "2147483647",
        "example": "8192"
      },
      "port": {
        "title": "Rsyslog server port",
        "type": "integer",
        "default": "514",
        "minimum": "1",
        "maximum": "65535",
        "example": "514"
      },
      "sd": {
        "title": "Structured data block for log message",
        "type": "string",
        "max_length": 1024,
        "example": "TOKEN tag=\"LiteralValue\""
      },
      "server": {
        "title": "Rsyslog server IP address or hostname",
        "type": "string",
        "min_length": 4,
        "max_length": 255,
        "example": "logs.example.com"
      },
      "tls": {
        "title": "Require TLS",
        "type": "boolean",
        "default": true,
        "example": true
      }
    }
  }
}
"""#
}
