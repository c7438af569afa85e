import AivenClient
import AivenResources
import KubeAPI

extension PostgreSQLSpec: ServiceFields {}

/// `PostgreSQL`: one Aiven for PostgreSQL service per resource.
public typealias PostgreSQLKind = ServiceKind<PostgreSQL>

extension PostgreSQL: ConnectionSecretResource, MigratingServiceResource {
    public static let serviceType = "pg"

    public var migrationSecretSource: PostgreSQLSpec.MigrationSecretSource? { spec.migrationSecretSource }

    public static let migrationSchema: JSONSchemaProps = specSchema.properties["userConfig"]?.properties["migration"] ?? .object("", properties: [:])

    /// A new `pg_version` first passes Aiven's upgrade check (`upgrade_check` to that version), as
    /// the reference operator does and Aiven requires before it upgrades; a lower or unknown
    /// version fails it, with Aiven's reason.
    public static func updateChecks(desired: ServiceSpec, observed: AivenService) -> [UpdateCheck] {
        guard let target = desired.userConfig["pg_version"]?.stringValue, let current = observed.userConfig["pg_version"]?.stringValue, target != current else {
            return []
        }
        return [
            UpdateCheck(
                summary: "Aiven's upgrade check of pg_version \(current) → \(target)", failureReason: "UpgradeCheckFailed",
                task: .upgradeCheck(to: target))
        ]
    }

    /// Unless `spec.connInfoSecretTargetDisabled`.
    public var publishesConnectionSecret: Bool { spec.connInfoSecretTargetDisabled != true }

    /// The connection Secret as the reference operator writes it: `connInfoSecretTarget.name`
    /// (default: the resource's name); `HOST`, `PORT`, `DATABASE`, `USER`, `PASSWORD`, `SSLMODE`,
    /// `DATABASE_URI` and `CA_CERT` with the prefix (default `POSTGRESQL_`), and the libpq names
    /// `PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSSLMODE` and `DATABASE_URI`
    /// bare (the reference keeps them for older consumers; its guide's connector reads them).
    /// Everything but the CA is `service_uri_params` and `service_uri` of the service read with
    /// its secrets.
    public func connectionSecret(service: AivenService, projectCA: String) -> ConnectionSecret? {
        guard publishesConnectionSecret else { return nil }
        let target = spec.connInfoSecretTarget
        let prefix = target?.prefix ?? "POSTGRESQL_"
        let parameters = service.serviceURIParams ?? [:]
        let fields: [(key: String, libpq: String, value: String?)] = [
            ("HOST", "PGHOST", parameters["host"]),
            ("PORT", "PGPORT", parameters["port"]),
            ("DATABASE", "PGDATABASE", parameters["dbname"]),
            ("USER", "PGUSER", parameters["user"]),
            ("PASSWORD", "PGPASSWORD", parameters["password"]),
            ("SSLMODE", "PGSSLMODE", parameters["sslmode"]),
            ("DATABASE_URI", "DATABASE_URI", service.serviceURI),
        ]
        var data: [String: String] = [prefix + "CA_CERT": projectCA]
        for field in fields {
            guard let value = field.value else { continue }
            data[prefix + field.key] = value
            data[field.libpq] = value
        }
        return ConnectionSecret(
            name: target?.name ?? metadata.name ?? "",
            data: data,
            labels: target?.labels ?? [:],
            annotations: target?.annotations ?? [:]
        )
    }
}
