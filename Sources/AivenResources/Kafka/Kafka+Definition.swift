import KubeAPI

extension AivenKinds {
    /// `Kafka`, the service that topics, connectors and Kafka Connect integrations live on.
    public static let kafka: ResourceKind = load {
        try define(
            Kafka.self, "Kafka is the Schema for the kafkas API.",
            spec: Kafka.specSchema, status: Kafka.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(
                example: Kafka.usageExample,
                exampleColumns: [
                    "my-kafka", "my-aiven-project", "google-europe-west1", "startup-4", "RUNNING",
                ],
                reconciled: #"yes: as `KafkaConnect` (one service code path), plus the connection Secret (`connInfoSecretTarget`: `HOST`, `PORT`, `USERNAME`, `PASSWORD`, `ACCESS_CERT`, `ACCESS_KEY`, `CA_CERT` with the prefix, default `KAFKA_`, and without, `URI`, and the prefixed `SASL_`, `SCHEMA_REGISTRY_`, `CONNECT_`, `REST_` `HOST`/`PORT` the service has), written once it runs, owned by the resource (deleted with it), rewritten only when its content changes"#,
                takeover: .service
            )
        )
    }
}

extension Kafka: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafka }
}
