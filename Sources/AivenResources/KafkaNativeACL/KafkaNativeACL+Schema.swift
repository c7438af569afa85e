import KubeAPI

extension KafkaNativeACL {
    /// The schema of `spec`, from the KafkaNativeACL reference page and CRD: the whole spec is immutable.
    public static let specSchema: JSONSchemaProps = JSONSchemaProps.object(
        "KafkaNativeACLSpec defines the desired state of KafkaNativeACL.",
        required: ["operation", "patternType", "permissionType", "principal", "project", "resourceName", "resourceType", "serviceName"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "host": .string("The host or `*` for all hosts", maxLength: 256, default: "*"),
            "operation": .string(
                "Kafka ACL operation represents an operation which an ACL grants or denies permission to perform",
                enum: [
                    "All", "Alter", "AlterConfigs", "ClusterAction", "Create", "CreateTokens", "Delete", "Describe", "DescribeConfigs",
                    "DescribeTokens", "IdempotentWrite", "Read", "Write",
                ]),
            "patternType": .string("Kafka ACL pattern type of resource name", enum: ["LITERAL", "PREFIXED"]),
            "permissionType": .string("Kafka ACL permission type", enum: ["ALLOW", "DENY"]),
            "principal": .string("Principal is in `PrincipalType:name` format", maxLength: 256),
            "project": ServiceSchema.project,
            "resourceName": .string("Resource pattern used to match specified resources", maxLength: 256),
            "resourceType": .string(
                "Kafka ACL resource type represents a type of resource which an ACL can be applied to",
                enum: ["Cluster", "DelegationToken", "Group", "Topic", "TransactionalId", "User"]),
            "serviceName": ServiceSchema.serviceName,
        ]
    ).immutable()

    /// The schema of `status`.
    public static let statusSchema = ServiceSchema.aclStatus("KafkaNativeACLStatus defines the observed state of KafkaNativeACL", idKey: "id", idDescription: "Kafka-native ACL ID")
}
