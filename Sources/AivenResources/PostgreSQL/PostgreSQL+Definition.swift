import KubeAPI

extension AivenKinds {
    /// `PostgreSQL`, an Aiven for PostgreSQL service (the guide's JDBC sink).
    public static let postgreSQL: ResourceKind = load {
        try define(
            PostgreSQL.self, "PostgreSQL is the Schema for the postgresql API.",
            spec: PostgreSQL.specSchema, status: PostgreSQL.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(
                example: PostgreSQL.usageExample,
                exampleColumns: [
                    "my-postgresql", "aiven-project-name", "google-europe-west1", "startup-4", "RUNNING",
                ],
                reconciled: #"yes: as `Kafka` (one service code path: ownership, drift with field ownership of `userConfig`, adoption, deletion policy, termination protection, `powered`, `disk_space`, `read_replica` integrations that wait for their source's backup), plus the connection Secret (`connInfoSecretTarget`: `HOST`, `PORT`, `DATABASE`, `USER`, `PASSWORD`, `SSLMODE`, `DATABASE_URI`, `CA_CERT` with the prefix, default `POSTGRESQL_`, and `PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSSLMODE`, `DATABASE_URI` without), written once it runs, owned by the resource, rewritten only when its content changes; `admin_password` and `migration.password` are compared by fingerprint only, the create-only options (`admin_username`, `*_to_fork_from`, `recovery_target_time`) sent only on create; `spec.migrationSecretSource`: the Secret's keys are `userConfig.migration`'s fields, typed by its schema (`WaitingForSecret` until it exists; a value with surrounding whitespace or a key the schema lacks is `InvalidSpec`, never echoed; a changed Secret is applied like a new generation), Aiven's migration status followed to condition `MigrationComplete` (`Ready=False Migrating`/`MigrationFailed` with Aiven's reason meanwhile), the Secret deleted once it is done when `deleteAfterMigration`; a new `pg_version` first passes Aiven's upgrade check (shown by `plan`; a lower or unknown version is `Ready=False UpgradeCheckFailed` with Aiven's reason, no update sent)"#,
                takeover: .service
            )
        )
    }
}

extension PostgreSQL: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.postgreSQL }
}
