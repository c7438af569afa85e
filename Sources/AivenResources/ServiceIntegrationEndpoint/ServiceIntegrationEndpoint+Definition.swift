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
            page: ReferencePage(
                example: ServiceIntegrationEndpoint.usageExample,
                exampleColumns: [
                    "my-service-integration-endpoint", "aiven-project-name", "my-autoscaler", "autoscaler", "<id>",
                ],
                reconciled: #"yes: every endpoint type of the reference page with its options block (`externalPostgresql`, `externalSchemaRegistry`, `externalKafka`, `jolokia`, `prometheus`, `datadog`, `autoscaler`, …; a block of another type is `InvalidSpec`), id in `status.id`, an endpoint of the same name and type taken over rather than duplicated; its secrets (passwords, keys, API keys) are read from the spec as the reference reads them and appear in no status, event, log line or `plan` output (a changed one shows as its path); a `ServiceIntegration` names it by `sourceEndpointID`/`destinationEndpointId` or `destinationEndpointRef` (same namespace) and waits for it (`WaitingForEndpoint`)"#,
                takeover: Takeover(
                    identity: #"`status.id`, else the project's endpoint of the same name (`spec.endpointName`, else `metadata.name`) and type"#,
                    takenOver: #"the existing endpoint; the spec's options are applied"#
                )
            )
        )
    }
}

extension ServiceIntegrationEndpoint: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.serviceIntegrationEndpoint }
}
