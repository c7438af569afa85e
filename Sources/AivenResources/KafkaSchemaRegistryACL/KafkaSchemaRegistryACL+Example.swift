extension KafkaSchemaRegistryACL {
    /// The usage example of the reference page; `examples/kafkaschemaregistryacl.yaml` holds the same text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaSchemaRegistryACL
        metadata:
          name: my-kafka-schema-registry-acl
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: aiven-project-name
          serviceName: my-kafka
          resource: Subject:my-topic
          username: my-user
          permission: schema_registry_read

        """
}
