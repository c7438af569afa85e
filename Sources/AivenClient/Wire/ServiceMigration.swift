/// A service's migration from another server (`migration` of `GET …/service/{service}/migration`,
/// `ServiceGetMigrationStatus`), started by `user_config.migration`.
public struct ServiceMigration: Sendable, Hashable, Decodable {
    /// `waiting`, `running`, `syncing` (replication caught up and continuing), `done`, `failed`.
    public var status: String
    /// `dump` or `replication`.
    public var method: String?
    /// Aiven's reason when the migration failed.
    public var error: String?

    public init(status: String, method: String? = nil, error: String? = nil) {
        self.status = status
        self.method = method
        self.error = error
    }
}
