/// One backup of a service (`GET …/backups`).
public struct ServiceBackup: Sendable, Hashable, Decodable {
    /// The backup's name.
    public var backupName: String
    /// When it was taken (RFC 3339).
    public var backupTime: String
    /// Its size in bytes.
    public var dataSize: Int64?

    private enum CodingKeys: String, CodingKey {
        case backupName = "backup_name", backupTime = "backup_time", dataSize = "data_size"
    }
}
