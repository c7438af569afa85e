import KubeAPI

extension AivenKinds {
    /// `PostgreSQL`, an Aiven for PostgreSQL service (the guide's JDBC sink).
    public static let postgreSQL: ResourceKind = load {
        try define(
            PostgreSQL.self, "PostgreSQL is the Schema for the postgresql API.",
            spec: PostgreSQL.specSchema, status: PostgreSQL.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(example: PostgreSQL.usageExample, exampleColumns: [
                "my-postgresql", "aiven-project-name", "google-europe-west1", "startup-4", "RUNNING",
            ])
        )
    }
}

extension PostgreSQL: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.postgreSQL }
}
