import KubeAPI

/// The connector plugins the emulated Kafka Connect offers (`GET …/available-connectors`): a small
/// catalogue of real connector classes with Aiven's plugin fields. Versions and titles are
/// representative, not a copy of Aiven's current list. Each plugin lists the options of its
/// `ConfigDef` that a config is most often built from, with the real ones that have no default
/// value marked required (`GET …/connector-plugins/{class}/configuration`).
enum ConnectorCatalog {
    /// One option of a plugin's configuration (Kafka Connect's `ConfigDef.ConfigKey`).
    struct Option: Sendable {
        var name: String
        var type: String
        var importance: String
        var displayName: String
        /// `nil`: no default value, so the option is required.
        var defaultValue: String?

        static func required(_ name: String, _ type: String = "STRING", _ displayName: String) -> Option {
            Option(name: name, type: type, importance: "HIGH", displayName: displayName, defaultValue: nil)
        }

        static func optional(_ name: String, _ type: String = "STRING", _ displayName: String, default value: String, importance: String = "MEDIUM") -> Option {
            Option(name: name, type: type, importance: importance, displayName: displayName, defaultValue: value)
        }

        func json(group: String, order: Int) -> JSONValue {
            [
                "name": .string(name), "type": .string(type), "required": .bool(defaultValue == nil), "importance": .string(importance),
                "display_name": .string(displayName), "documentation": .string(displayName), "group": .string(group),
                "order": .integer(Int64(order)), "width": "NONE", "default_value": defaultValue.map(JSONValue.string) ?? .null, "dependents": [],
            ]
        }
    }

    struct Plugin: Sendable {
        var className: String
        var title: String
        var type: String
        var version: String
        var author: String
        var docURL: String
        var pluginName: String
        /// The plugin's own options (the framework's `topics`, `tasks.max`, … are added to sinks
        /// and sources alike).
        var options: [Option] = []

        /// Options every connector of this type takes (Kafka Connect's `ConnectorConfig`,
        /// `SinkConnectorConfig`): none is required, but a sink needs `topics` or `topics.regex`.
        var frameworkOptions: [Option] {
            var options: [Option] = [
                .optional("tasks.max", "INT", "Tasks max", default: "1", importance: "HIGH"),
                .optional("key.converter", "CLASS", "Key converter class", default: "", importance: "LOW"),
                .optional("value.converter", "CLASS", "Value converter class", default: "", importance: "LOW"),
            ]
            if type == "sink" {
                options += [.optional("topics", "LIST", "Topics", default: "", importance: "HIGH"), .optional("topics.regex", "STRING", "Topics regex", default: "", importance: "HIGH")]
            }
            return options
        }

        /// `{"configuration_schema": [...]}`.
        var configurationJSON: JSONValue {
            let common = frameworkOptions.enumerated().map { $0.element.json(group: "Common", order: $0.offset + 1) }
            let own = options.enumerated().map { $0.element.json(group: title, order: $0.offset + 1) }
            return ["configuration_schema": .array(common + own)]
        }

        var json: JSONValue {
            [
                "class": .string(className), "title": .string(title), "type": .string(type), "version": .string(version),
                "author": .string(author), "docURL": .string(docURL), "plugin_name": .string(pluginName), "preview": false,
                "available_versions": [
                    ["version": .string(version), "deprecated": false, "needs_maintenance": false, "state": "available"]
                ],
            ]
        }
    }

    static let plugins: [Plugin] = [
        Plugin(
            className: "io.aiven.connect.jdbc.JdbcSinkConnector", title: "JDBC Sink", type: "sink", version: "6.10.0", author: "Aiven",
            docURL: "https://github.com/aiven/jdbc-connector-for-apache-kafka/blob/master/docs/sink-connector.md",
            pluginName: "jdbc-connector-for-apache-kafka",
            options: [
                .required("connection.url", "STRING", "JDBC URL"), .optional("connection.user", "STRING", "JDBC User", default: "", importance: "HIGH"),
                .optional("connection.password", "PASSWORD", "JDBC Password", default: "", importance: "HIGH"),
                .optional("insert.mode", "STRING", "Insert Mode", default: "insert"), .optional("pk.mode", "STRING", "Primary Key Mode", default: "none"),
                .optional("auto.create", "BOOLEAN", "Auto-Create", default: "false"), .optional("batch.size", "INT", "Batch Size", default: "3000"),
            ]),
        Plugin(
            className: "io.aiven.connect.jdbc.JdbcSourceConnector", title: "JDBC Source", type: "source", version: "6.10.0",
            author: "Aiven", docURL: "https://github.com/aiven/jdbc-connector-for-apache-kafka/blob/master/docs/source-connector.md",
            pluginName: "jdbc-connector-for-apache-kafka",
            options: [
                .required("connection.url", "STRING", "JDBC URL"), .optional("connection.user", "STRING", "JDBC User", default: "", importance: "HIGH"),
                .optional("connection.password", "PASSWORD", "JDBC Password", default: "", importance: "HIGH"),
                .required("topic.prefix", "STRING", "Topic Prefix"), .optional("mode", "STRING", "Table Loading Mode", default: "", importance: "HIGH"),
                .optional("table.whitelist", "LIST", "Table Whitelist", default: ""), .optional("poll.interval.ms", "INT", "Poll Interval (ms)", default: "5000"),
            ]),
        Plugin(
            className: "io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector", title: "Amazon S3 Sink (Aiven)", type: "sink",
            version: "3.1.0", author: "Aiven", docURL: "https://github.com/aiven/s3-connector-for-apache-kafka",
            pluginName: "s3-connector-for-apache-kafka",
            options: [
                .required("aws.s3.bucket.name", "STRING", "AWS S3 Bucket Name"),
                .optional("aws.access.key.id", "PASSWORD", "AWS Access Key ID", default: "", importance: "HIGH"),
                .optional("aws.secret.access.key", "PASSWORD", "AWS Secret Access Key", default: "", importance: "HIGH"),
                .optional("aws.s3.region", "STRING", "AWS S3 Region", default: "us-east-1"), .optional("format.output.type", "STRING", "Output format", default: "csv"),
            ]),
        Plugin(
            className: "org.apache.kafka.connect.mirror.MirrorSourceConnector", title: "Kafka MirrorMaker 2 Source", type: "source",
            version: "3.8.1", author: "Apache Software Foundation", docURL: "https://kafka.apache.org/documentation/#georeplication",
            pluginName: "kafka-connect-mirror",
            options: [
                .required("source.cluster.alias", "STRING", "Source cluster alias"), .optional("target.cluster.alias", "STRING", "Target cluster alias", default: "target", importance: "HIGH"),
                .optional("topics", "LIST", "Topics", default: ".*", importance: "HIGH"),
            ]),
        Plugin(
            className: "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", title: "Elasticsearch Sink", type: "sink",
            version: "3.3.0", author: "Confluent", docURL: "https://docs.confluent.io/current/connect/kafka-connect-elasticsearch/",
            pluginName: "kafka-connect-elasticsearch",
            options: [
                .required("connection.url", "LIST", "Connection URLs"), .required("type.name", "STRING", "Type Name"),
                .optional("key.ignore", "BOOLEAN", "Ignore Key mode", default: "false", importance: "HIGH"),
                .optional("schema.ignore", "BOOLEAN", "Ignore Schema mode", default: "false", importance: "LOW"),
            ]),
        Plugin(
            className: "io.debezium.connector.postgresql.PostgresConnector", title: "Debezium - PostgreSQL", type: "source",
            version: "2.7.4.Final", author: "Debezium", docURL: "https://debezium.io/documentation/reference/stable/connectors/postgresql.html",
            pluginName: "debezium-connector-postgresql",
            options: [
                .required("database.hostname", "STRING", "Hostname"), .optional("database.port", "INT", "Port", default: "5432", importance: "HIGH"),
                .required("database.user", "STRING", "User"), .optional("database.password", "PASSWORD", "Password", default: "", importance: "HIGH"),
                .required("database.dbname", "STRING", "Database"), .required("topic.prefix", "STRING", "Topic prefix"),
                .optional("plugin.name", "STRING", "Plugin", default: "decoderbufs"), .optional("slot.name", "STRING", "Slot", default: "debezium"),
            ]),
        Plugin(
            className: "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", title: "OpenSearch Sink", type: "sink",
            version: "3.1.1", author: "Aiven", docURL: "https://github.com/aiven/opensearch-connector-for-apache-kafka",
            pluginName: "opensearch-connector-for-apache-kafka",
            options: [
                .required("connection.url", "LIST", "Connection URLs"), .optional("connection.username", "STRING", "Connection Username", default: "", importance: "MEDIUM"),
                .optional("connection.password", "PASSWORD", "Connection Password", default: "", importance: "MEDIUM"),
                .optional("key.ignore", "BOOLEAN", "Ignore Key mode", default: "false", importance: "HIGH"),
            ]),
    ]

    static func plugin(_ className: String) -> Plugin? { plugins.first { $0.className == className } }

    /// `{"configuration_schema": [...]}` of the plugin named by `name`: its class, as Aiven's
    /// console asks for it, or its short class name (`JdbcSinkConnector`) as Kafka Connect accepts.
    static func configuration(_ name: String) -> JSONValue? {
        let plugin = plugin(name) ?? plugins.first { $0.className.split(separator: ".").last.map(String.init) == name }
        return plugin?.configurationJSON
    }

    /// `{"plugins": [...]}`.
    static var availableBody: JSONValue { ["plugins": .array(plugins.map(\.json))] }
}
