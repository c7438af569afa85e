import KubeAPI

extension AivenKinds {
    /// `KafkaSchemaRegistryACL`, a Schema Registry ACL entry of a `Kafka` service.
    public static let kafkaSchemaRegistryACL: ResourceKind = load {
        try define(
            KafkaSchemaRegistryACL.self, "KafkaSchemaRegistryACL is the Schema for the kafkaschemaregistryacls API.",
            spec: KafkaSchemaRegistryACL.specSchema, status: KafkaSchemaRegistryACL.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Resource", jsonPath: ".spec.resource"),
                .init(name: "Username", jsonPath: ".spec.username"),
                .init(name: "State", jsonPath: ".status.state"),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: KafkaSchemaRegistryACL.usageExample,
                exampleColumns: [
                    "my-kafka-schema-registry-acl", "aiven-project-name", "my-kafka", "Subject:my-topic", "my-user", "RUNNING",
                ],
                reconciled: #"yes: as `KafkaNativeACL` (id in `status.acl_id`, `status.state` `RUNNING`)"#,
                takeover: Takeover(
                    identity: #"`status.acl_id`, else an identical entry"#,
                    takenOver: #"the existing entry"#
                )
            )
        )
    }
}

extension KafkaSchemaRegistryACL: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaSchemaRegistryACL }
}
