import KubeAPI

extension AivenKinds {
    /// `KafkaACL`, an Aiven ACL entry of a `Kafka` service.
    public static let kafkaACL: ResourceKind = load {
        try define(
            KafkaACL.self, "KafkaACL is the Schema for the kafkaacls API.",
            spec: KafkaACL.specSchema, status: KafkaACL.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Username", jsonPath: ".spec.username"),
                .init(name: "Permission", jsonPath: ".spec.permission"),
                .init(name: "Topic", jsonPath: ".spec.topic"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: KafkaACL.usageExample,
                exampleColumns: ["my-kafka-acl", "my-kafka", "my-aiven-project", "my-user", "admin", "my-topic"],
                reconciled: #"yes: waits for its Kafka service, id in `status.id`, an identical entry taken over, a change adds the new entry before it deletes the old one"#,
                takeover: Takeover(
                    identity: #"`status.id`, else an identical entry"#,
                    takenOver: #"the existing entry"#
                )
            )
        )
    }
}

extension KafkaACL: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaACL }
}
