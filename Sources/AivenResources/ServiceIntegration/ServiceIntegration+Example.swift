extension ServiceIntegration {
    /// The usage example of the reference page; `examples/serviceintegration.yaml` holds the same
    /// text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: ServiceIntegration
        metadata:
          name: my-service-integration
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          integrationType: kafka_connect
          sourceServiceName: my-kafka
          destinationServiceName: my-kafka-connect

          kafkaConnect:
            kafka_connect:
              group_id: connect
              status_storage_topic: __connect_status
              offset_storage_topic: __connect_offsets

        """
}
