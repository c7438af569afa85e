import AivenClient
import AivenResources
import KubeAPI

extension PostgreSQLSpec: ServiceFields {}

/// `PostgreSQL`: one Aiven for PostgreSQL service per resource.
public typealias PostgreSQLKind = ServiceKind<PostgreSQL>

extension PostgreSQL: ConnectionSecretResource {
    public static let serviceType = "pg"

    /// `spec.migrationSecretSource` (the reference's newest field) is not applied yet: a service
    /// created without the migration it asks for would lose it silently, so nothing is created.
    public var unappliedSpec: String? {
        guard let source = spec.migrationSecretSource else { return nil }
        return "spec.migrationSecretSource (Secret \(source.name)) is not supported by this operator yet: set the migration in spec.userConfig.migration instead"
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
