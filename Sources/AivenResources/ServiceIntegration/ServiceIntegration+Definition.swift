import KubeAPI

extension AivenKinds {
    /// `ServiceIntegration`, joining two services (a `kafka_connect` integration joins `Kafka` to
    /// `KafkaConnect`).
    public static let serviceIntegration: ResourceKind = load {
        try define(
            ServiceIntegration.self, "ServiceIntegration is the Schema for the serviceintegrations API.",
            spec: ServiceIntegration.specSchema, status: ServiceIntegration.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Type", jsonPath: ".spec.integrationType"),
                .init(name: "Source Service Name", jsonPath: ".spec.sourceServiceName"),
                .init(name: "Destination Service Name", jsonPath: ".spec.destinationServiceName"),
                .init(name: "Source Endpoint ID", jsonPath: ".spec.sourceEndpointID"),
                .init(name: "Destination Endpoint ID", jsonPath: ".spec.destinationEndpointId"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: ServiceIntegration.usageExample,
                exampleColumns: [
                    "my-service-integration", "my-aiven-project", "kafka_connect", "my-kafka",
                ],
                reconciled: #"yes: waits for both services to be RUNNING (and for its integration endpoint, see `ServiceIntegrationEndpoint`), id in `status.id`, an identical existing integration taken over, deleted with the resource"#,
                takeover: Takeover(
                    identity: #"`status.id`, else an identical integration (type, source, destination)"#,
                    takenOver: #"the existing integration"#
                )
            )
        )
    }
}

extension ServiceIntegration: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.serviceIntegration }
}
