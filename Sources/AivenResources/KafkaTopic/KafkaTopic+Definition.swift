import KubeAPI

extension AivenKinds {
    /// `KafkaTopic`, a topic on a `Kafka` service.
    public static let kafkaTopic: ResourceKind = load {
        try define(
            KafkaTopic.self, "KafkaTopic is the Schema for the kafkatopics API.",
            spec: KafkaTopic.specSchema, status: KafkaTopic.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Partitions", jsonPath: ".spec.partitions"),
                .init(name: "Replication", jsonPath: ".spec.replication"),
                .init(name: "State", jsonPath: ".status.state", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: KafkaTopic.usageExample,
                exampleColumns: [
                    "kafka-topic", "my-kafka", "my-aiven-project", "1", "2",
                ],
                reconciled: #"yes: waits for its Kafka service to be RUNNING, partitions grow (a shrink is refused: `InvalidSpec`, nothing sent), the config options the spec sets and the tags kept (drift policy as for services), released when its service is already gone"#,
                takeover: Takeover(
                    identity: #"service and `spec.topicName` (else `metadata.name`)"#,
                    takenOver: #"the existing topic; the spec's config and tags are applied"#
                )
            )
        )
    }
}

extension KafkaTopic: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaTopic }
}
