import KubeAPI

extension AivenKinds {
    /// `Kafka`, the service that topics, connectors and Kafka Connect integrations live on.
    public static let kafka: ResourceKind = load {
        try define(
            Kafka.self, "Kafka is the Schema for the kafkas API.",
            spec: Kafka.specSchema, status: Kafka.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(example: Kafka.usageExample, exampleColumns: [
                "my-kafka", "my-aiven-project", "google-europe-west1", "startup-4", "RUNNING",
            ])
        )
    }
}

extension Kafka: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafka }
}
