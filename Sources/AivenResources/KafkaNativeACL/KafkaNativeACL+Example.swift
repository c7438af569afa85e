extension KafkaNativeACL {
    /// The usage example of the reference page (without its Kafka); `examples/kafkanativeacl.yaml`
    /// holds the same text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaNativeACL
        metadata:
          name: my-kafka-native-acl
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          serviceName: my-kafka
          host: my-host
          operation: Create
          patternType: LITERAL
          permissionType: ALLOW
          principal: User:alice
          resourceName: my-kafka-topic
          resourceType: Topic

        """
}
