import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime

/// A service kind whose resources may take `userConfig.migration` from a Secret
/// (`spec.migrationSecretSource`, PostgreSQL): its ``ServiceKind`` reads the Secret while the
/// migration runs, follows Aiven's migration status and, when asked, deletes the Secret once the
/// migration is done (``SecretDisposingKind``).
public protocol MigratingServiceResource: ServiceResource {
    /// `spec.migrationSecretSource`.
    var migrationSecretSource: PostgreSQLSpec.MigrationSecretSource? { get }
    /// The schema of `userConfig.migration`: the fields a Secret's keys name and their types.
    static var migrationSchema: JSONSchemaProps { get }
}

/// The migration a resource reads from `spec.migrationSecretSource`: the Secret, and — until Aiven
/// reports the migration done — the `user_config.migration` built from it.
public struct MigrationSource: Sendable, Hashable {
    /// The condition that records the migration's outcome (the reference operator's name).
    public static let condition = "MigrationComplete"

    /// The Secret's name, in the resource's namespace.
    public var secret: String
    /// `spec.migrationSecretSource.deleteAfterMigration`.
    public var deleteAfterMigration: Bool
    /// Aiven reported the migration done in an earlier pass (`MigrationComplete=True`): the
    /// Secret is not read any more (it may be gone), and Aiven keeps the options it was given.
    public var done: Bool
    /// `user_config.migration` as the Secret gives it; `nil` once done.
    public var options: [String: JSONValue]?
    /// What the options were read from (`Secret NAME uid/resourceVersion`), never a value.
    public var version: String?

    /// The migration `resource` asks for, reading its Secret through `dependencies` unless the
    /// migration is done. Throws ``Waiting`` while the Secret is missing and ``InvalidSpec`` when
    /// the spec or the Secret cannot be applied, with messages that never carry a value.
    static func read<Resource: MigratingServiceResource>(for resource: Resource, dependencies: Dependencies) async throws -> MigrationSource? {
        guard let source = resource.migrationSecretSource else { return nil }
        let namespace = resource.metadata.namespace ?? "default"
        let described = "Secret \(namespace)/\(source.name) (spec.migrationSecretSource)"
        var migration = MigrationSource(secret: source.name, deleteAfterMigration: source.deleteAfterMigration ?? false, done: false)
        let config = try? JSONValue.encoding(resource.spec.userConfig)
        if config?["migration"] != nil {
            throw InvalidSpec("spec.migrationSecretSource and spec.userConfig.migration are mutually exclusive; set only one")
        }
        if resource.status?.conditions?.contains(where: { $0.type == condition && $0.status == .true }) == true {
            migration.done = true
            return migration
        }
        guard let secret = try await dependencies.secret(ObjectKey(namespace: namespace, name: source.name)) else {
            throw Waiting(reason: "WaitingForSecret", message: "\(described) does not exist yet")
        }
        migration.options = try options(from: secret, described: described, schema: Resource.migrationSchema)
        migration.version = "Secret \(source.name) \(secret.metadata.uid ?? "")/\(secret.metadata.resourceVersion ?? "")"
        return migration
    }

    /// `secret`'s keys as `userConfig.migration`'s fields, each value read as the type `schema`
    /// gives the field (`port` an integer, `ssl` a boolean), then checked against `schema`.
    static func options(from secret: Secret, described: String, schema: JSONSchemaProps) throws(InvalidSpec) -> [String: JSONValue] {
        let keys = Set((secret.data ?? [:]).keys).union((secret.stringData ?? [:]).keys).sorted()
        var options: [String: JSONValue] = [:]
        for key in keys {
            guard let field = schema.properties[key] else {
                throw InvalidSpec(
                    "\(described) has key \(GoFormat.quote(key)), which is not a field of userConfig.migration (\(schema.properties.keys.sorted().joined(separator: ", ")))")
            }
            let value = secret.value(of: key) ?? ""
            if key == "password" { Redactor.shared.register(value) }
            guard value == value.trimmingCharacters(in: .whitespacesAndNewlines) else {
                throw InvalidSpec("\(described): the value of key \(GoFormat.quote(key)) has leading or trailing whitespace; remove it from the Secret (the value is not shown)")
            }
            switch field.type {
            case .integer:
                guard let number = Int64(value) else { throw InvalidSpec("\(described): the value of key \(GoFormat.quote(key)) is not an integer") }
                options[key] = .integer(number)
            case .boolean:
                // strconv.ParseBool's spellings, as the reference operator reads them.
                switch value {
                case "1", "t", "T", "true", "TRUE", "True": options[key] = .bool(true)
                case "0", "f", "F", "false", "FALSE", "False": options[key] = .bool(false)
                default: throw InvalidSpec("\(described): the value of key \(GoFormat.quote(key)) is not a boolean (true or false)")
                }
            default:
                options[key] = .string(value)
            }
        }
        let errors: [FieldError]
        do {
            errors = try StructuralSchema(schema).validate(.object(options))
        } catch {
            throw InvalidSpec("userConfig.migration's schema cannot be loaded: \(error)")
        }
        if !errors.isEmpty {
            throw InvalidSpec("\(described) is not a valid userConfig.migration: \(errors.map { "key \($0)" }.joined(separator: "; "))")
        }
        return options
    }

    /// How Aiven's migration status reads for the resource: `done` is Ready and recorded
    /// (`MigrationComplete=True`), `failed` is `Ready=False` with Aiven's reason, `syncing`
    /// (replication caught up, continuing until the migration is removed) is Ready, anything
    /// else (`waiting`, `running`) not yet.
    static func health(_ migration: ServiceMigration, running: Health) -> Health {
        switch migration.status {
        case "done":
            var health = running
            health.conditions = [KindCondition(condition, true, reason: "MigrationDone", message: "Migration completed successfully")]
            return health
        case "failed":
            let reason = migration.error.map { ": \($0)" } ?? ""
            return Health(
                ready: false, reason: "MigrationFailed", message: "The migration failed\(reason). Fix the source or the Secret; a changed Secret starts it again",
                conditions: [KindCondition(condition, false, reason: "MigrationFailed", message: "Migration failed\(reason)")])
        case "syncing":
            var health = running
            health.conditions = [KindCondition(condition, false, reason: "MigrationInProgress", message: "Migration status: syncing (replication continues until userConfig.migration is removed)")]
            return health
        default:
            return Health(
                ready: false, reason: "Migrating", message: "Migration status: \(migration.status)",
                conditions: [KindCondition(condition, false, reason: "MigrationInProgress", message: "Migration status: \(migration.status)")])
        }
    }
}
