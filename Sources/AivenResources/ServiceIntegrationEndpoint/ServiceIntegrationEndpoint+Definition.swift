import KubeAPI

extension AivenKinds {
    /// `ServiceIntegrationEndpoint`, an external system (a PostgreSQL server, a schema registry,
    /// Datadog, …) a `ServiceIntegration` joins a service to.
    public static let serviceIntegrationEndpoint: ResourceKind = load {
        try define(
            ServiceIntegrationEndpoint.self, "ServiceIntegrationEndpoint is the Schema for the serviceintegrationendpoints API.",
            spec: ServiceIntegrationEndpoint.specSchema, status: ServiceIntegrationEndpoint.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Endpoint Name", jsonPath: ".spec.endpointName"),
                .init(name: "Endpoint Type", jsonPath: ".spec.endpointType"),
                .init(name: "ID", jsonPath: ".status.id"),
            ],
            page: ReferencePage(example: ServiceIntegrationEndpoint.usageExample, exampleColumns: [
                "my-service-integration-endpoint", "aiven-project-name", "my-autoscaler", "autoscaler", "<id>",
            ])
        )
    }
}

extension ServiceIntegrationEndpoint: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.serviceIntegrationEndpoint }
}
