import KubeAPI

extension AivenKinds {
    /// `KafkaConnect`.
    public static let kafkaConnect: ResourceKind = load {
        try define(
            KafkaConnect.self, "KafkaConnect is the Schema for the kafkaconnects API.",
            spec: KafkaConnect.specSchema, status: KafkaConnect.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(
                example: KafkaConnect.usageExample,
                exampleColumns: [
                    "my-kafka-connect", "my-aiven-project", "google-europe-west1", "business-4", "RUNNING",
                ],
                reconciled: #"yes"#,
                takeover: .service
            )
        )
    }
}

extension KafkaConnect: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaConnect }
}
