import KubeAPI

extension KafkaSchemaRegistryACL {
    /// The schema of `spec`, from the KafkaSchemaRegistryACL reference page and CRD.
    public static let specSchema: JSONSchemaProps = .object(
        "KafkaSchemaRegistryACLSpec defines the desired state of KafkaSchemaRegistryACL.",
        required: ["permission", "project", "resource", "serviceName", "username"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "permission": .string(enum: ["schema_registry_read", "schema_registry_write"]).immutable(),
            "project": ServiceSchema.project,
            "resource": .string("Resource name pattern for the Schema Registry ACL entry", maxLength: 249).immutable(),
            "serviceName": ServiceSchema.serviceName,
            "username": .string("Username pattern for the ACL entry", maxLength: 64).immutable(),
        ]
    )

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = {
        var schema = ServiceSchema.aclStatus(
            "KafkaSchemaRegistryACLStatus defines the observed state of KafkaSchemaRegistryACL", idKey: "acl_id", idDescription: "Kafka ACL ID")
        schema.properties["state"] = .string("RUNNING once the entry exists on Aiven.")
        return schema
    }()
}
