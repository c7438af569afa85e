import AivenClient
import Testing

@testable import AivenOperator

/// ``ConnectorPluginCheck``: a class the service does not offer, a missing required option and a
/// sink without topics are refused with the field named; a misspelled class gets a suggestion.
@Suite struct ConnectorPluginCheckTests {
    static let jdbc = "io.aiven.connect.jdbc.JdbcSinkConnector"
    static let available = [
        KafkaConnectorPlugin(className: jdbc, title: "JDBC Sink", type: "sink"),
        KafkaConnectorPlugin(className: "io.debezium.connector.postgresql.PostgresConnector", title: "Debezium - PostgreSQL", type: "source"),
    ]
    static let options = [
        KafkaConnectorConfigOption(name: "connection.url", type: "STRING", required: true),
        KafkaConnectorConfigOption(name: "connection.user", type: "STRING", required: false),
    ]

    static func problem(_ config: Set<String>, className: String = jdbc, options: [KafkaConnectorConfigOption]? = options) -> String? {
        ConnectorPluginCheck.problem(connectorClass: className, config: config, service: "p/kafka", available: available, options: options)
    }

    @Test func aCompleteConfigPasses() {
        #expect(Self.problem(["name", "connector.class", "connection.url", "topics"]) == nil)
        #expect(Self.problem(["connection.url", "topics.regex"]) == nil)
    }

    @Test func aMissingRequiredOptionIsNamed() {
        #expect(Self.problem(["topics", "connection.user"])
            == "spec.userConfig[connection.url]: required by JDBC Sink (io.aiven.connect.jdbc.JdbcSinkConnector), which has no default for it")
    }

    @Test func aSinkMustReadTopics() {
        #expect(Self.problem(["connection.url"])?.hasPrefix("spec.userConfig[topics]: a sink connector") == true)
        #expect(Self.problem([], className: "io.debezium.connector.postgresql.PostgresConnector", options: []) == nil, "a source reads no topics")
    }

    @Test func aClassTheServiceDoesNotOfferIsRefusedWithASuggestion() {
        #expect(Self.problem(["connection.url", "topics"], className: "io.aiven.connect.jdbc.JdbcSinkConector", options: nil)
            == "spec.connectorClass: io.aiven.connect.jdbc.JdbcSinkConector is not a connector class service p/kafka offers (available-connectors). Did you mean io.aiven.connect.jdbc.JdbcSinkConnector?")
        #expect(Self.problem([], className: "com.example.Other", options: nil)
            == "spec.connectorClass: com.example.Other is not a connector class service p/kafka offers (available-connectors).")
    }
}
