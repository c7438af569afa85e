extension KafkaConnect {
    /// The usage example of the reference page; `examples/kafkaconnect.yaml` holds the same text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnect
        metadata:
          name: my-kafka-connect
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          tags:
            env: test
            instance: foo

          project: my-aiven-project
          cloudName: google-europe-west1
          plan: business-4

          userConfig:
            kafka_connect:
              consumer_isolation_level: read_committed
            public_access:
              kafka_connect: true
            ip_filter:
              - network: 0.0.0.0/32
                description: bar
              - network: 10.20.0.0/16

        """
}
