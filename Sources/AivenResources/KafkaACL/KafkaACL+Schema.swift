import KubeAPI

extension KafkaACL {
    /// The schema of `spec`, from the KafkaACL reference page and CRD.
    public static let specSchema: JSONSchemaProps = .object(
        "KafkaACLSpec defines the desired state of KafkaACL.",
        required: ["permission", "project", "serviceName", "topic", "username"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "permission": .string("Kafka permission to grant (admin, read, readwrite, write).", enum: ["admin", "read", "readwrite", "write"]),
            "project": ServiceSchema.project,
            "serviceName": ServiceSchema.serviceName,
            "topic": .string("Topic name pattern for the ACL entry."),
            "username": .string("Username pattern for the ACL entry."),
        ]
    )

    /// The schema of `status`.
    public static let statusSchema = ServiceSchema.aclStatus("KafkaACLStatus defines the observed state of KafkaACL.", idKey: "id", idDescription: "Kafka ACL ID")
}
