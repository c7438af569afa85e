import KubeAPI

/// The connector plugins the emulated Kafka Connect offers (`GET …/available-connectors`): a small
/// catalogue of real connector classes with Aiven's plugin fields. Versions and titles are
/// representative, not a copy of Aiven's current list.
enum ConnectorCatalog {
    struct Plugin: Sendable {
        var className: String
        var title: String
        var type: String
        var version: String
        var author: String
        var docURL: String
        var pluginName: String

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
            pluginName: "jdbc-connector-for-apache-kafka"),
        Plugin(
            className: "io.aiven.connect.jdbc.JdbcSourceConnector", title: "JDBC Source", type: "source", version: "6.10.0",
            author: "Aiven", docURL: "https://github.com/aiven/jdbc-connector-for-apache-kafka/blob/master/docs/source-connector.md",
            pluginName: "jdbc-connector-for-apache-kafka"),
        Plugin(
            className: "io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector", title: "Amazon S3 Sink (Aiven)", type: "sink",
            version: "3.1.0", author: "Aiven", docURL: "https://github.com/aiven/s3-connector-for-apache-kafka",
            pluginName: "s3-connector-for-apache-kafka"),
        Plugin(
            className: "org.apache.kafka.connect.mirror.MirrorSourceConnector", title: "Kafka MirrorMaker 2 Source", type: "source",
            version: "3.8.1", author: "Apache Software Foundation", docURL: "https://kafka.apache.org/documentation/#georeplication",
            pluginName: "kafka-connect-mirror"),
        Plugin(
            className: "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", title: "Elasticsearch Sink", type: "sink",
            version: "3.3.0", author: "Confluent", docURL: "https://docs.confluent.io/current/connect/kafka-connect-elasticsearch/",
            pluginName: "kafka-connect-elasticsearch"),
        Plugin(
            className: "io.debezium.connector.postgresql.PostgresConnector", title: "Debezium - PostgreSQL", type: "source",
            version: "2.7.4.Final", author: "Debezium", docURL: "https://debezium.io/documentation/reference/stable/connectors/postgresql.html",
            pluginName: "debezium-connector-postgresql"),
        Plugin(
            className: "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", title: "OpenSearch Sink", type: "sink",
            version: "3.1.1", author: "Aiven", docURL: "https://github.com/aiven/opensearch-connector-for-apache-kafka",
            pluginName: "opensearch-connector-for-apache-kafka"),
    ]

    static func plugin(_ className: String) -> Plugin? { plugins.first { $0.className == className } }

    /// `{"plugins": [...]}`.
    static var availableBody: JSONValue { ["plugins": .array(plugins.map(\.json))] }
}
