extension KafkaConnector {
    /// The usage example of the reference page; `examples/kafkaconnector.yaml` holds the same text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnector
        metadata:
          name: my-kafka-connector
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          serviceName: my-kafka-connect
          connectorClass: io.aiven.kafka.connect.opensearch.OpensearchSinkConnector

          userConfig:
            topics: my-kafka-topic
            type.name: es-connector
            connection.url: '{{ fromSecret "os-secret" "OPENSEARCH_URI" }}'

        """
}
