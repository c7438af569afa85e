/// Aiven's `user_config` schema for `kafka_connect`, verbatim: the `kafka_connect` node of
/// `aiven/go-api-schemas` `pkg/dist/service_types.yml` (commit 38697fde), as JSON. It is what the
/// real API serves as `user_config_schema` in `GET /v1/service_types`, in go-api-schemas' keywords
/// (`max_length`, `enum: [{value:}]`, numeric bounds as strings, `type: [object, string]`).
enum KafkaConnectUserConfigSchema {
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
    "kafka_connect": {
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
    "plugin_versions": {
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
        "kafka_connect": {
          "title": "Allow clients to connect to kafka_connect with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
          "type": "boolean",
          "example": true
        },
        "prometheus": {
          "title": "Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations",
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
        "kafka_connect": {
          "title": "Enable kafka_connect",
          "type": "boolean",
          "example": true
        },
        "prometheus": {
          "title": "Enable prometheus",
          "type": "boolean",
          "example": true
        }
      }
    },
    "public_access": {
      "title": "Allow access to selected service ports from the public Internet",
      "type": "object",
      "properties": {
        "kafka_connect": {
          "title": "Allow clients to connect to kafka_connect from the public internet for service nodes that are in a project VPC or another type of private network",
          "type": "boolean",
          "example": true
        },
        "prometheus": {
          "title": "Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network",
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
    "secret_providers": {
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
    "service_log": {
      "title": "Service logging",
      "description": "Store logs for the service so that they are available in the HTTP API and console.",
      "type": "boolean",
      "example": true
    },
    "static_ips": {
      "title": "Static IP addresses",
      "description": "Use static public IP addresses",
      "type": "boolean",
      "example": true
    }
  }
}
"""#
}
