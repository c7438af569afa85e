import KubeAPI

/// PostgreSQLSpec defines the desired state of postgres instance.
public struct PostgreSQLSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Cloud the service runs in.
    public var cloudName: String?
    /// Secret configuration.
    public var connInfoSecretTarget: ConnInfoSecretTarget?
    /// When true, the secret containing connection information will not be created, defaults to false. This field cannot be changed after resource creation.
    public var connInfoSecretTargetDisabled: Bool?
    /// The disk space of the service, possible values depend on the service type, the cloud provider and the project.
    /// Reducing will result in the service re-balancing.
    /// The removal of this field does not change the value.
    public var diskSpace: String?
    /// Day of week when maintenance operations should be performed. One monday, tuesday, wednesday, etc.
    public var maintenanceWindowDow: MaintenanceDay?
    /// Time of day when maintenance operations should be performed. UTC time in HH:mm:ss format.
    public var maintenanceWindowTime: String?
    /// Reference to a Secret containing migration credentials (keys named as `userConfig.migration`'s
    /// fields). Mutually exclusive with `userConfig.migration`.
    public var migrationSecretSource: MigrationSecretSource?
    /// Subscription plan.
    public var plan: String
    /// Determines the power state of the service. When `true` (default), the service is running.
    /// When `false`, the service is powered off.
    public var powered: Bool?
    /// Identifies the project this resource belongs to.
    public var project: String
    /// ProjectVPCRef reference to ProjectVPC resource to use its ID as ProjectVPCID automatically.
    public var projectVPCRef: ResourceReference?
    /// Identifier of the VPC the service should be in, if any.
    public var projectVpcId: String?
    /// Service integrations to specify when creating a service (`read_replica`). Not applied after initial service creation.
    public var serviceIntegrations: [ServiceIntegrationItem]?
    /// Tags are key-value pairs that allow you to categorize services.
    public var tags: [String: String]?
    /// Defines the email addresses that will receive alerts about upcoming maintenance updates or warnings about service instability.
    public var technicalEmails: [TechnicalEmail]?
    /// Prevent service from being deleted. It is recommended to have this enabled for all services.
    public var terminationProtection: Bool?
    /// PostgreSQL specific user configuration options.
    public var userConfig: UserConfig?

    public init(authSecretRef: SecretKeyReference? = nil, cloudName: String? = nil, connInfoSecretTarget: ConnInfoSecretTarget? = nil, connInfoSecretTargetDisabled: Bool? = nil, diskSpace: String? = nil, maintenanceWindowDow: MaintenanceDay? = nil, maintenanceWindowTime: String? = nil, migrationSecretSource: MigrationSecretSource? = nil, plan: String, powered: Bool? = nil, project: String, projectVPCRef: ResourceReference? = nil, projectVpcId: String? = nil, serviceIntegrations: [ServiceIntegrationItem]? = nil, tags: [String: String]? = nil, technicalEmails: [TechnicalEmail]? = nil, terminationProtection: Bool? = nil, userConfig: UserConfig? = nil) {
        self.authSecretRef = authSecretRef
        self.cloudName = cloudName
        self.connInfoSecretTarget = connInfoSecretTarget
        self.connInfoSecretTargetDisabled = connInfoSecretTargetDisabled
        self.diskSpace = diskSpace
        self.maintenanceWindowDow = maintenanceWindowDow
        self.maintenanceWindowTime = maintenanceWindowTime
        self.migrationSecretSource = migrationSecretSource
        self.plan = plan
        self.powered = powered
        self.project = project
        self.projectVPCRef = projectVPCRef
        self.projectVpcId = projectVpcId
        self.serviceIntegrations = serviceIntegrations
        self.tags = tags
        self.technicalEmails = technicalEmails
        self.terminationProtection = terminationProtection
        self.userConfig = userConfig
    }

    enum CodingKeys: String, CodingKey {
        case authSecretRef
        case cloudName
        case connInfoSecretTarget
        case connInfoSecretTargetDisabled
        case diskSpace = "disk_space"
        case maintenanceWindowDow
        case maintenanceWindowTime
        case migrationSecretSource
        case plan
        case powered
        case project
        case projectVPCRef
        case projectVpcId
        case serviceIntegrations
        case tags
        case technicalEmails
        case terminationProtection
        case userConfig
    }

    /// Secret configuration: as a Kafka's.
    public typealias ConnInfoSecretTarget = KafkaSpec.ConnInfoSecretTarget

    /// Reference to a Secret containing migration credentials.
    public struct MigrationSecretSource: Codable, Sendable, Hashable {
        /// When true, the operator deletes the referenced Kubernetes Secret after migration completes successfully.
        public var deleteAfterMigration: Bool?
        /// Name of the Secret containing migration credentials.
        public var name: String

        public init(deleteAfterMigration: Bool? = nil, name: String) {
            self.deleteAfterMigration = deleteAfterMigration
            self.name = name
        }
    }

    /// PostgreSQL specific user configuration options.
    public struct UserConfig: Codable, Sendable, Hashable {
        /// Additional Cloud Regions for Backup Replication.
        public var additionalBackupRegions: [String]?
        /// Custom password for admin user. Defaults to random string. This must be set only when a new service is being created.
        public var adminPassword: String?
        /// Custom username for admin user. This must be set only when a new service is being created.
        public var adminUsername: String?
        /// The hour of day (in UTC) when backup for the service is started. New backup is only started if previous backup has already completed.
        public var backupHour: Int?
        /// Interval in hours between automatic backups. Minimum value is 3 hours. Must be a divisor of 24 (3, 4, 6, 8, 12, 24). (Applicable to ACU plans only).
        public var backupIntervalHours: Int?
        /// The minute of an hour when backup for the service is started. New backup is only started if previous backup has already completed.
        public var backupMinute: Int?
        /// Number of days to retain automatic backups. Backups older than this value will be automatically deleted. (Applicable to ACU plans only).
        public var backupRetentionDays: Int?
        /// Creates a dedicated read-only DNS that automatically falls back to the primary if standby nodes are unavailable. It switches back when a standby recovers.
        public var enableHaReplicaDns: Bool?
        /// Register AAAA DNS records for the service, and allow IPv6 packets to service ports.
        public var enableIpv6: Bool?
        /// Allow incoming connections from CIDR address block, e.g. '10.20.0.0/16'.
        public var ipFilter: [IPFilterEntry]?
        /// Migrate data from existing server.
        public var migration: Migration?
        /// Number of nodes for the service.
        public var nodeCount: Int?
        /// postgresql.conf configuration values.
        public var pg: Pg?
        /// Deprecated. System-wide settings for the pg_qualstats extension.
        public var pgQualstats: PgQualstats?
        /// Should the service which is being forked be a read replica (deprecated, use read_replica service integration instead).
        public var pgReadReplica: Bool?
        /// Name of the PG Service from which to fork (deprecated, use service_to_fork_from). This has effect only when a new service is being created.
        public var pgServiceToForkFrom: String?
        /// Enable the pg_stat_monitor extension. Changing this parameter causes a service restart. When this extension is enabled, pg_stat_statements results for utility commands are unreliable.
        public var pgStatMonitorEnable: Bool?
        /// Available versions: `14`, `15`, `16`, `17`, `18`. Newer versions may also be available.
        /// PostgreSQL major version. Deprecated values: `14`.
        public var pgVersion: String?
        /// System-wide settings for the pgaudit extension.
        public var pgaudit: Pgaudit?
        /// PGBouncer connection pooling settings.
        public var pgbouncer: Pgbouncer?
        /// System-wide settings for pglookout.
        public var pglookout: Pglookout?
        /// Allow access to selected service ports from private networks.
        public var privateAccess: PrivateAccess?
        /// Allow access to selected service components through Privatelink.
        public var privatelinkAccess: PrivatelinkAccess?
        /// Name of another project to fork a service from. This has effect only when a new service is being created.
        public var projectToForkFrom: String?
        /// Allow access to selected service ports from the public Internet.
        public var publicAccess: PublicAccess?
        /// Recovery target time when forking a service. This has effect only when a new service is being created.
        public var recoveryTargetTime: String?
        /// Store logs for the service so that they are available in the HTTP API and console.
        public var serviceLog: Bool?
        /// Name of another service to fork from. This has effect only when a new service is being created.
        public var serviceToForkFrom: String?
        /// Percentage of total RAM that the database server uses for shared memory buffers. Valid range is 20-60 (float), which corresponds to 20% - 60%. This setting adjusts the shared_buffers configuration value. Changing this parameter causes a service restart.
        public var sharedBuffersPercentage: Double?
        /// Use static public IP addresses.
        public var staticIps: Bool?
        public var switchoverWindows: [SwitchoverWindows]?
        /// This setting is deprecated. Use synchronous_commit instead. Any change to this setting will automatically update synchronous_commit. Setting the value to quorum changes synchronous_commit to remote_write, while setting it to off changes synchronous_commit to off.
        public var synchronousReplication: String?
        /// System-wide settings for the timescaledb extension.
        public var timescaledb: Timescaledb?
        /// Variant of the PostgreSQL service, may affect the features that are exposed by default.
        public var variant: String?
        /// Sets the maximum amount of memory to be used by a query operation (such as a sort or hash table) before writing to temporary disk files, in MB. The default is 1MB + 0.075% of total RAM (up to 32MB).
        public var workMem: Int?

        public init(additionalBackupRegions: [String]? = nil, adminPassword: String? = nil, adminUsername: String? = nil, backupHour: Int? = nil, backupIntervalHours: Int? = nil, backupMinute: Int? = nil, backupRetentionDays: Int? = nil, enableHaReplicaDns: Bool? = nil, enableIpv6: Bool? = nil, ipFilter: [IPFilterEntry]? = nil, migration: Migration? = nil, nodeCount: Int? = nil, pg: Pg? = nil, pgQualstats: PgQualstats? = nil, pgReadReplica: Bool? = nil, pgServiceToForkFrom: String? = nil, pgStatMonitorEnable: Bool? = nil, pgVersion: String? = nil, pgaudit: Pgaudit? = nil, pgbouncer: Pgbouncer? = nil, pglookout: Pglookout? = nil, privateAccess: PrivateAccess? = nil, privatelinkAccess: PrivatelinkAccess? = nil, projectToForkFrom: String? = nil, publicAccess: PublicAccess? = nil, recoveryTargetTime: String? = nil, serviceLog: Bool? = nil, serviceToForkFrom: String? = nil, sharedBuffersPercentage: Double? = nil, staticIps: Bool? = nil, switchoverWindows: [SwitchoverWindows]? = nil, synchronousReplication: String? = nil, timescaledb: Timescaledb? = nil, variant: String? = nil, workMem: Int? = nil) {
            self.additionalBackupRegions = additionalBackupRegions
            self.adminPassword = adminPassword
            self.adminUsername = adminUsername
            self.backupHour = backupHour
            self.backupIntervalHours = backupIntervalHours
            self.backupMinute = backupMinute
            self.backupRetentionDays = backupRetentionDays
            self.enableHaReplicaDns = enableHaReplicaDns
            self.enableIpv6 = enableIpv6
            self.ipFilter = ipFilter
            self.migration = migration
            self.nodeCount = nodeCount
            self.pg = pg
            self.pgQualstats = pgQualstats
            self.pgReadReplica = pgReadReplica
            self.pgServiceToForkFrom = pgServiceToForkFrom
            self.pgStatMonitorEnable = pgStatMonitorEnable
            self.pgVersion = pgVersion
            self.pgaudit = pgaudit
            self.pgbouncer = pgbouncer
            self.pglookout = pglookout
            self.privateAccess = privateAccess
            self.privatelinkAccess = privatelinkAccess
            self.projectToForkFrom = projectToForkFrom
            self.publicAccess = publicAccess
            self.recoveryTargetTime = recoveryTargetTime
            self.serviceLog = serviceLog
            self.serviceToForkFrom = serviceToForkFrom
            self.sharedBuffersPercentage = sharedBuffersPercentage
            self.staticIps = staticIps
            self.switchoverWindows = switchoverWindows
            self.synchronousReplication = synchronousReplication
            self.timescaledb = timescaledb
            self.variant = variant
            self.workMem = workMem
        }

        enum CodingKeys: String, CodingKey {
            case additionalBackupRegions = "additional_backup_regions"
            case adminPassword = "admin_password"
            case adminUsername = "admin_username"
            case backupHour = "backup_hour"
            case backupIntervalHours = "backup_interval_hours"
            case backupMinute = "backup_minute"
            case backupRetentionDays = "backup_retention_days"
            case enableHaReplicaDns = "enable_ha_replica_dns"
            case enableIpv6 = "enable_ipv6"
            case ipFilter = "ip_filter"
            case migration
            case nodeCount = "node_count"
            case pg
            case pgQualstats = "pg_qualstats"
            case pgReadReplica = "pg_read_replica"
            case pgServiceToForkFrom = "pg_service_to_fork_from"
            case pgStatMonitorEnable = "pg_stat_monitor_enable"
            case pgVersion = "pg_version"
            case pgaudit
            case pgbouncer
            case pglookout
            case privateAccess = "private_access"
            case privatelinkAccess = "privatelink_access"
            case projectToForkFrom = "project_to_fork_from"
            case publicAccess = "public_access"
            case recoveryTargetTime = "recovery_target_time"
            case serviceLog = "service_log"
            case serviceToForkFrom = "service_to_fork_from"
            case sharedBuffersPercentage = "shared_buffers_percentage"
            case staticIps = "static_ips"
            case switchoverWindows = "switchover_windows"
            case synchronousReplication = "synchronous_replication"
            case timescaledb
            case variant
            case workMem = "work_mem"
        }

        /// Migrate data from existing server.
        public struct Migration: Codable, Sendable, Hashable {
            /// Database name for bootstrapping the initial connection.
            public var dbname: String?
            /// Hostname or IP address of the server where to migrate data from.
            public var host: String
            /// Comma-separated list of databases, which should be ignored during migration (supported by MySQL and PostgreSQL only at the moment).
            public var ignoreDbs: String?
            /// Comma-separated list of database roles, which should be ignored during migration (supported by PostgreSQL only at the moment).
            public var ignoreRoles: String?
            /// The migration method to be used (currently supported only by Redis, Dragonfly, MySQL and PostgreSQL service types).
            public var method: String?
            /// Password for authentication with the server where to migrate data from.
            public var password: String?
            /// Port number of the server where to migrate data from.
            public var port: Int
            /// The server where to migrate data from is secured with SSL.
            public var ssl: Bool?
            /// User name for authentication with the server where to migrate data from.
            public var username: String?

            public init(dbname: String? = nil, host: String, ignoreDbs: String? = nil, ignoreRoles: String? = nil, method: String? = nil, password: String? = nil, port: Int, ssl: Bool? = nil, username: String? = nil) {
                self.dbname = dbname
                self.host = host
                self.ignoreDbs = ignoreDbs
                self.ignoreRoles = ignoreRoles
                self.method = method
                self.password = password
                self.port = port
                self.ssl = ssl
                self.username = username
            }

            enum CodingKeys: String, CodingKey {
                case dbname
                case host
                case ignoreDbs = "ignore_dbs"
                case ignoreRoles = "ignore_roles"
                case method
                case password
                case port
                case ssl
                case username
            }
        }

        /// postgresql.conf configuration values.
        public struct Pg: Codable, Sendable, Hashable {
            /// Specifies a fraction of the table size to add to autovacuum_analyze_threshold when deciding whether to trigger an ANALYZE (e.g. `0.2` for 20% of the table size). The default is `0.2`.
            public var autovacuumAnalyzeScaleFactor: Double?
            /// Specifies the minimum number of inserted, updated or deleted tuples needed to trigger an ANALYZE in any one table. The default is `50`.
            public var autovacuumAnalyzeThreshold: Int?
            /// Specifies the maximum age (in transactions) that a table's pg_class.relfrozenxid field can attain before a VACUUM operation is forced to prevent transaction ID wraparound within the table. The system launches autovacuum processes to prevent wraparound even when autovacuum is otherwise disabled. Changing this parameter causes a service restart.
            public var autovacuumFreezeMaxAge: Int?
            /// Specifies the maximum number of autovacuum processes (other than the autovacuum launcher) that may be running at any one time. The default is `3`. Changing this parameter causes a service restart.
            public var autovacuumMaxWorkers: Int?
            /// Specifies the minimum delay between autovacuum runs on any given database. The delay is measured in seconds. The default is `60`.
            public var autovacuumNaptime: Int?
            /// Specifies the cost delay value that will be used in automatic VACUUM operations. If `-1` is specified, the regular vacuum_cost_delay value will be used. The default is `2` (upstream default).
            public var autovacuumVacuumCostDelay: Int?
            /// Specifies the cost limit value that will be used in automatic VACUUM operations. If `-1` is specified, the regular vacuum_cost_limit value will be used. The default is `-1` (upstream default).
            public var autovacuumVacuumCostLimit: Int?
            /// Specifies a fraction of the table size to add to autovacuum_vacuum_threshold when deciding whether to trigger a VACUUM (e.g. `0.2` for 20% of the table size). The default is `0.2`.
            public var autovacuumVacuumScaleFactor: Double?
            /// Specifies the minimum number of updated or deleted tuples needed to trigger a VACUUM in any one table. The default is `50`.
            public var autovacuumVacuumThreshold: Int?
            /// Specifies the delay between activity rounds for the background writer in milliseconds. The default is `200`.
            public var bgwriterDelay: Int?
            /// Whenever more than bgwriter_flush_after bytes have been written by the background writer, attempt to force the OS to issue these writes to the underlying storage. Specified in kilobytes. Setting of 0 disables forced writeback. The default is `512`.
            public var bgwriterFlushAfter: Int?
            /// In each round, no more than this many buffers will be written by the background writer. Setting this to zero disables background writing. The default is `100`.
            public var bgwriterLruMaxpages: Int?
            /// The average recent need for new buffers is multiplied by bgwriter_lru_multiplier to arrive at an estimate of the number that will be needed during the next round, (up to bgwriter_lru_maxpages). 1.0 represents a “just in time” policy of writing exactly the number of buffers predicted to be needed. Larger values provide some cushion against spikes in demand, while smaller values intentionally leave writes to be done by server processes. The default is `2.0`.
            public var bgwriterLruMultiplier: Double?
            /// This is the amount of time, in milliseconds, to wait on a lock before checking to see if there is a deadlock condition. The default is `1000` (upstream default).
            public var deadlockTimeout: Int?
            /// Specifies the default TOAST compression method for values of compressible columns. The default is `lz4`. Only available for PostgreSQL 14+.
            public var defaultToastCompression: String?
            /// Time out sessions with open transactions after this number of milliseconds.
            public var idleInTransactionSessionTimeout: Int?
            /// EXPERIMENTAL: Controls the largest I/O size in operations that combine I/O in 8kB units. Version 17 and up only.
            public var ioCombineLimit: Int?
            /// EXPERIMENTAL: Controls the largest I/O size in operations that combine I/O in 8kB units, and silently limits the user-settable parameter io_combine_limit. Version 18 and up only. Changing this parameter causes a service restart.
            public var ioMaxCombineLimit: Int?
            /// EXPERIMENTAL: Controls the maximum number of I/O operations that one process can execute simultaneously. Version 18 and up only. Changing this parameter causes a service restart.
            public var ioMaxConcurrency: Int?
            /// EXPERIMENTAL: Controls the maximum number of I/O operations that one process can execute simultaneously. Version 18 and up only. Changing this parameter causes a service restart.
            public var ioMethod: String?
            /// EXPERIMENTAL: Number of IO worker processes, for io_method=worker. Version 18 and up only.
            public var ioWorkers: Int?
            /// Controls system-wide use of Just-in-Time Compilation (JIT).
            public var jit: Bool?
            /// Causes each action executed by autovacuum to be logged if it ran for at least the specified number of milliseconds. Setting this to zero logs all autovacuum actions. Minus-one disables logging autovacuum actions. The default is `1000`.
            public var logAutovacuumMinDuration: Int?
            /// Controls the amount of detail written in the server log for each message that is logged.
            public var logErrorVerbosity: String?
            /// Choose from one of the available log formats.
            public var logLinePrefix: String?
            /// Log statements that take more than this number of milliseconds to run, -1 disables.
            public var logMinDurationStatement: Int?
            /// Log statements for each temporary file created larger than this number of kilobytes, -1 disables.
            public var logTempFiles: Int?
            /// Sets the PostgreSQL maximum number of concurrent connections to the database server. For services with a read replica, first increase the read replica's value. After the change is applied to the replica, you can increase the primary service's value. Changing this parameter causes a service restart.
            public var maxConnections: Int?
            /// PostgreSQL maximum number of files that can be open per process. The default is `1000` (upstream default). Changing this parameter causes a service restart.
            public var maxFilesPerProcess: Int?
            /// PostgreSQL maximum locks per transaction. Changing this parameter causes a service restart.
            public var maxLocksPerTransaction: Int?
            /// PostgreSQL maximum logical replication workers (taken from the pool defined by max_worker_processes). The default is `4` (upstream default). Changing this parameter causes a service restart.
            public var maxLogicalReplicationWorkers: Int?
            /// Sets the maximum number of workers that the system can support for parallel queries. The default is `8` (upstream default).
            public var maxParallelWorkers: Int?
            /// Sets the maximum number of workers that can be started by a single Gather or Gather Merge node. The default is `2` (upstream default).
            public var maxParallelWorkersPerGather: Int?
            /// PostgreSQL maximum predicate locks per transaction. The default is `64` (upstream default). Changing this parameter causes a service restart.
            public var maxPredLocksPerTransaction: Int?
            /// PostgreSQL maximum prepared transactions. The default is `0`. Changing this parameter causes a service restart.
            public var maxPreparedTransactions: Int?
            /// PostgreSQL maximum replication slots. The default is `20`. Changing this parameter causes a service restart.
            public var maxReplicationSlots: Int?
            /// PostgreSQL maximum WAL size (MB) reserved for replication slots. If `-1` is specified, replication slots may retain an unlimited amount of WAL files. The default is `-1` (upstream default). wal_keep_size minimum WAL size setting takes precedence over this.
            public var maxSlotWalKeepSize: Int?
            /// Maximum depth of the stack in bytes. The default is `2097152` (upstream default).
            public var maxStackDepth: Int?
            /// Max standby archive delay in milliseconds. The default is `30000` (upstream default).
            public var maxStandbyArchiveDelay: Int?
            /// Max standby streaming delay in milliseconds. The default is `30000` (upstream default).
            public var maxStandbyStreamingDelay: Int?
            /// Maximum number of synchronization workers per subscription. The default is `2`.
            public var maxSyncWorkersPerSubscription: Int?
            /// PostgreSQL maximum WAL senders. The default is `20`. Changing this parameter causes a service restart.
            public var maxWalSenders: Int?
            /// Sets the maximum number of background processes that the system can support. The default is `8`. Changing this parameter causes a service restart.
            public var maxWorkerProcesses: Int?
            /// Chooses the algorithm for encrypting passwords.
            public var passwordEncryption: String?
            /// Sets the time interval in seconds to run pg_partman's scheduled tasks. The default is `3600`.
            public var pgPartmanBgwInterval: Int?
            /// Controls which role to use for pg_partman's scheduled background tasks.
            public var pgPartmanBgwRole: String?
            /// Enables or disables query plan monitoring. Only available for PostgreSQL 13+.
            public var pgStatMonitorPgsmEnableQueryPlan: Bool?
            /// Sets the maximum number of buckets. Changing this parameter causes a service restart. Only available for PostgreSQL 13+.
            public var pgStatMonitorPgsmMaxBuckets: Int?
            /// Controls which statements are counted. Specify top to track top-level statements (those issued directly by clients), all to also track nested statements (such as statements invoked within functions), or none to disable statement statistics collection. The default is `top`.
            public var pgStatStatementsTrack: String?
            /// Sets the current transaction's synchronization level. The default is `off`. This setting takes precedence over `synchronous_replication`.
            public var synchronousCommit: String?
            /// PostgreSQL temporary file limit in KiB, -1 for unlimited.
            public var tempFileLimit: Int?
            /// PostgreSQL service timezone.
            public var timezone: String?
            /// Specifies the number of bytes reserved to track the currently executing command for each active session. Changing this parameter causes a service restart.
            public var trackActivityQuerySize: Int?
            /// Record commit time of transactions. Changing this parameter causes a service restart.
            public var trackCommitTimestamp: String?
            /// Enables tracking of function call counts and time used.
            public var trackFunctions: String?
            /// Enables timing of database I/O calls. The default is `off`. When on, it will repeatedly query the operating system for the current time, which may cause significant overhead on some platforms.
            public var trackIoTiming: String?
            /// Terminate replication connections that are inactive for longer than this amount of time, in milliseconds. Setting this value to zero disables the timeout.
            public var walSenderTimeout: Int?
            /// WAL flush interval in milliseconds. The default is `200`. Setting this parameter to a lower value may negatively impact performance.
            public var walWriterDelay: Int?

            public init(autovacuumAnalyzeScaleFactor: Double? = nil, autovacuumAnalyzeThreshold: Int? = nil, autovacuumFreezeMaxAge: Int? = nil, autovacuumMaxWorkers: Int? = nil, autovacuumNaptime: Int? = nil, autovacuumVacuumCostDelay: Int? = nil, autovacuumVacuumCostLimit: Int? = nil, autovacuumVacuumScaleFactor: Double? = nil, autovacuumVacuumThreshold: Int? = nil, bgwriterDelay: Int? = nil, bgwriterFlushAfter: Int? = nil, bgwriterLruMaxpages: Int? = nil, bgwriterLruMultiplier: Double? = nil, deadlockTimeout: Int? = nil, defaultToastCompression: String? = nil, idleInTransactionSessionTimeout: Int? = nil, ioCombineLimit: Int? = nil, ioMaxCombineLimit: Int? = nil, ioMaxConcurrency: Int? = nil, ioMethod: String? = nil, ioWorkers: Int? = nil, jit: Bool? = nil, logAutovacuumMinDuration: Int? = nil, logErrorVerbosity: String? = nil, logLinePrefix: String? = nil, logMinDurationStatement: Int? = nil, logTempFiles: Int? = nil, maxConnections: Int? = nil, maxFilesPerProcess: Int? = nil, maxLocksPerTransaction: Int? = nil, maxLogicalReplicationWorkers: Int? = nil, maxParallelWorkers: Int? = nil, maxParallelWorkersPerGather: Int? = nil, maxPredLocksPerTransaction: Int? = nil, maxPreparedTransactions: Int? = nil, maxReplicationSlots: Int? = nil, maxSlotWalKeepSize: Int? = nil, maxStackDepth: Int? = nil, maxStandbyArchiveDelay: Int? = nil, maxStandbyStreamingDelay: Int? = nil, maxSyncWorkersPerSubscription: Int? = nil, maxWalSenders: Int? = nil, maxWorkerProcesses: Int? = nil, passwordEncryption: String? = nil, pgPartmanBgwInterval: Int? = nil, pgPartmanBgwRole: String? = nil, pgStatMonitorPgsmEnableQueryPlan: Bool? = nil, pgStatMonitorPgsmMaxBuckets: Int? = nil, pgStatStatementsTrack: String? = nil, synchronousCommit: String? = nil, tempFileLimit: Int? = nil, timezone: String? = nil, trackActivityQuerySize: Int? = nil, trackCommitTimestamp: String? = nil, trackFunctions: String? = nil, trackIoTiming: String? = nil, walSenderTimeout: Int? = nil, walWriterDelay: Int? = nil) {
                self.autovacuumAnalyzeScaleFactor = autovacuumAnalyzeScaleFactor
                self.autovacuumAnalyzeThreshold = autovacuumAnalyzeThreshold
                self.autovacuumFreezeMaxAge = autovacuumFreezeMaxAge
                self.autovacuumMaxWorkers = autovacuumMaxWorkers
                self.autovacuumNaptime = autovacuumNaptime
                self.autovacuumVacuumCostDelay = autovacuumVacuumCostDelay
                self.autovacuumVacuumCostLimit = autovacuumVacuumCostLimit
                self.autovacuumVacuumScaleFactor = autovacuumVacuumScaleFactor
                self.autovacuumVacuumThreshold = autovacuumVacuumThreshold
                self.bgwriterDelay = bgwriterDelay
                self.bgwriterFlushAfter = bgwriterFlushAfter
                self.bgwriterLruMaxpages = bgwriterLruMaxpages
                self.bgwriterLruMultiplier = bgwriterLruMultiplier
                self.deadlockTimeout = deadlockTimeout
                self.defaultToastCompression = defaultToastCompression
                self.idleInTransactionSessionTimeout = idleInTransactionSessionTimeout
                self.ioCombineLimit = ioCombineLimit
                self.ioMaxCombineLimit = ioMaxCombineLimit
                self.ioMaxConcurrency = ioMaxConcurrency
                self.ioMethod = ioMethod
                self.ioWorkers = ioWorkers
                self.jit = jit
                self.logAutovacuumMinDuration = logAutovacuumMinDuration
                self.logErrorVerbosity = logErrorVerbosity
                self.logLinePrefix = logLinePrefix
                self.logMinDurationStatement = logMinDurationStatement
                self.logTempFiles = logTempFiles
                self.maxConnections = maxConnections
                self.maxFilesPerProcess = maxFilesPerProcess
                self.maxLocksPerTransaction = maxLocksPerTransaction
                self.maxLogicalReplicationWorkers = maxLogicalReplicationWorkers
                self.maxParallelWorkers = maxParallelWorkers
                self.maxParallelWorkersPerGather = maxParallelWorkersPerGather
                self.maxPredLocksPerTransaction = maxPredLocksPerTransaction
                self.maxPreparedTransactions = maxPreparedTransactions
                self.maxReplicationSlots = maxReplicationSlots
                self.maxSlotWalKeepSize = maxSlotWalKeepSize
                self.maxStackDepth = maxStackDepth
                self.maxStandbyArchiveDelay = maxStandbyArchiveDelay
                self.maxStandbyStreamingDelay = maxStandbyStreamingDelay
                self.maxSyncWorkersPerSubscription = maxSyncWorkersPerSubscription
                self.maxWalSenders = maxWalSenders
                self.maxWorkerProcesses = maxWorkerProcesses
                self.passwordEncryption = passwordEncryption
                self.pgPartmanBgwInterval = pgPartmanBgwInterval
                self.pgPartmanBgwRole = pgPartmanBgwRole
                self.pgStatMonitorPgsmEnableQueryPlan = pgStatMonitorPgsmEnableQueryPlan
                self.pgStatMonitorPgsmMaxBuckets = pgStatMonitorPgsmMaxBuckets
                self.pgStatStatementsTrack = pgStatStatementsTrack
                self.synchronousCommit = synchronousCommit
                self.tempFileLimit = tempFileLimit
                self.timezone = timezone
                self.trackActivityQuerySize = trackActivityQuerySize
                self.trackCommitTimestamp = trackCommitTimestamp
                self.trackFunctions = trackFunctions
                self.trackIoTiming = trackIoTiming
                self.walSenderTimeout = walSenderTimeout
                self.walWriterDelay = walWriterDelay
            }

            enum CodingKeys: String, CodingKey {
                case autovacuumAnalyzeScaleFactor = "autovacuum_analyze_scale_factor"
                case autovacuumAnalyzeThreshold = "autovacuum_analyze_threshold"
                case autovacuumFreezeMaxAge = "autovacuum_freeze_max_age"
                case autovacuumMaxWorkers = "autovacuum_max_workers"
                case autovacuumNaptime = "autovacuum_naptime"
                case autovacuumVacuumCostDelay = "autovacuum_vacuum_cost_delay"
                case autovacuumVacuumCostLimit = "autovacuum_vacuum_cost_limit"
                case autovacuumVacuumScaleFactor = "autovacuum_vacuum_scale_factor"
                case autovacuumVacuumThreshold = "autovacuum_vacuum_threshold"
                case bgwriterDelay = "bgwriter_delay"
                case bgwriterFlushAfter = "bgwriter_flush_after"
                case bgwriterLruMaxpages = "bgwriter_lru_maxpages"
                case bgwriterLruMultiplier = "bgwriter_lru_multiplier"
                case deadlockTimeout = "deadlock_timeout"
                case defaultToastCompression = "default_toast_compression"
                case idleInTransactionSessionTimeout = "idle_in_transaction_session_timeout"
                case ioCombineLimit = "io_combine_limit"
                case ioMaxCombineLimit = "io_max_combine_limit"
                case ioMaxConcurrency = "io_max_concurrency"
                case ioMethod = "io_method"
                case ioWorkers = "io_workers"
                case jit
                case logAutovacuumMinDuration = "log_autovacuum_min_duration"
                case logErrorVerbosity = "log_error_verbosity"
                case logLinePrefix = "log_line_prefix"
                case logMinDurationStatement = "log_min_duration_statement"
                case logTempFiles = "log_temp_files"
                case maxConnections = "max_connections"
                case maxFilesPerProcess = "max_files_per_process"
                case maxLocksPerTransaction = "max_locks_per_transaction"
                case maxLogicalReplicationWorkers = "max_logical_replication_workers"
                case maxParallelWorkers = "max_parallel_workers"
                case maxParallelWorkersPerGather = "max_parallel_workers_per_gather"
                case maxPredLocksPerTransaction = "max_pred_locks_per_transaction"
                case maxPreparedTransactions = "max_prepared_transactions"
                case maxReplicationSlots = "max_replication_slots"
                case maxSlotWalKeepSize = "max_slot_wal_keep_size"
                case maxStackDepth = "max_stack_depth"
                case maxStandbyArchiveDelay = "max_standby_archive_delay"
                case maxStandbyStreamingDelay = "max_standby_streaming_delay"
                case maxSyncWorkersPerSubscription = "max_sync_workers_per_subscription"
                case maxWalSenders = "max_wal_senders"
                case maxWorkerProcesses = "max_worker_processes"
                case passwordEncryption = "password_encryption"
                case pgPartmanBgwInterval = "pg_partman_bgw.interval"
                case pgPartmanBgwRole = "pg_partman_bgw.role"
                case pgStatMonitorPgsmEnableQueryPlan = "pg_stat_monitor.pgsm_enable_query_plan"
                case pgStatMonitorPgsmMaxBuckets = "pg_stat_monitor.pgsm_max_buckets"
                case pgStatStatementsTrack = "pg_stat_statements.track"
                case synchronousCommit = "synchronous_commit"
                case tempFileLimit = "temp_file_limit"
                case timezone
                case trackActivityQuerySize = "track_activity_query_size"
                case trackCommitTimestamp = "track_commit_timestamp"
                case trackFunctions = "track_functions"
                case trackIoTiming = "track_io_timing"
                case walSenderTimeout = "wal_sender_timeout"
                case walWriterDelay = "wal_writer_delay"
            }
        }

        /// Deprecated. System-wide settings for the pg_qualstats extension.
        public struct PgQualstats: Codable, Sendable, Hashable {
            /// Deprecated. Enable / Disable pg_qualstats.
            public var enabled: Bool?
            /// Deprecated. Error estimation num threshold to save quals.
            public var minErrEstimateNum: Int?
            /// Deprecated. Error estimation ratio threshold to save quals.
            public var minErrEstimateRatio: Int?
            /// Deprecated. Enable / Disable pg_qualstats constants tracking.
            public var trackConstants: Bool?
            /// Deprecated. Track quals on system catalogs too.
            public var trackPgCatalog: Bool?

            public init(enabled: Bool? = nil, minErrEstimateNum: Int? = nil, minErrEstimateRatio: Int? = nil, trackConstants: Bool? = nil, trackPgCatalog: Bool? = nil) {
                self.enabled = enabled
                self.minErrEstimateNum = minErrEstimateNum
                self.minErrEstimateRatio = minErrEstimateRatio
                self.trackConstants = trackConstants
                self.trackPgCatalog = trackPgCatalog
            }

            enum CodingKeys: String, CodingKey {
                case enabled
                case minErrEstimateNum = "min_err_estimate_num"
                case minErrEstimateRatio = "min_err_estimate_ratio"
                case trackConstants = "track_constants"
                case trackPgCatalog = "track_pg_catalog"
            }
        }

        /// System-wide settings for the pgaudit extension.
        public struct Pgaudit: Codable, Sendable, Hashable {
            /// Enable pgaudit extension. When enabled, pgaudit extension will be automatically installed.Otherwise, extension will be uninstalled but auditing configurations will be preserved.
            public var featureEnabled: Bool?
            /// Specifies which classes of statements will be logged by session audit logging.
            public var log: [String]?
            /// Specifies that session logging should be enabled in the case where all relations in a statement are in pg_catalog.
            public var logCatalog: Bool?
            /// Specifies whether log messages will be visible to a client process such as psql.
            public var logClient: Bool?
            /// Specifies the log level that will be used for log entries.
            public var logLevel: String?
            /// Crop parameters representation and whole statements if they exceed this threshold. A (default) value of -1 disable the truncation.
            public var logMaxStringLength: Int?
            /// This GUC allows to turn off logging nested statements, that is, statements that are executed as part of another ExecutorRun.
            public var logNestedStatements: Bool?
            /// Specifies that audit logging should include the parameters that were passed with the statement.
            public var logParameter: Bool?
            /// Specifies that parameter values longer than this setting (in bytes) should not be logged, but replaced with <long param suppressed>.
            public var logParameterMaxSize: Int?
            /// Specifies whether session audit logging should create a separate log entry for each relation (TABLE, VIEW, etc.) referenced in a SELECT or DML statement.
            public var logRelation: Bool?
            /// Log Rows.
            public var logRows: Bool?
            /// Specifies whether logging will include the statement text and parameters (if enabled).
            public var logStatement: Bool?
            /// Specifies whether logging will include the statement text and parameters with the first log entry for a statement/substatement combination or with every entry.
            public var logStatementOnce: Bool?
            /// Specifies the master role to use for object audit logging.
            public var role: String?

            public init(featureEnabled: Bool? = nil, log: [String]? = nil, logCatalog: Bool? = nil, logClient: Bool? = nil, logLevel: String? = nil, logMaxStringLength: Int? = nil, logNestedStatements: Bool? = nil, logParameter: Bool? = nil, logParameterMaxSize: Int? = nil, logRelation: Bool? = nil, logRows: Bool? = nil, logStatement: Bool? = nil, logStatementOnce: Bool? = nil, role: String? = nil) {
                self.featureEnabled = featureEnabled
                self.log = log
                self.logCatalog = logCatalog
                self.logClient = logClient
                self.logLevel = logLevel
                self.logMaxStringLength = logMaxStringLength
                self.logNestedStatements = logNestedStatements
                self.logParameter = logParameter
                self.logParameterMaxSize = logParameterMaxSize
                self.logRelation = logRelation
                self.logRows = logRows
                self.logStatement = logStatement
                self.logStatementOnce = logStatementOnce
                self.role = role
            }

            enum CodingKeys: String, CodingKey {
                case featureEnabled = "feature_enabled"
                case log
                case logCatalog = "log_catalog"
                case logClient = "log_client"
                case logLevel = "log_level"
                case logMaxStringLength = "log_max_string_length"
                case logNestedStatements = "log_nested_statements"
                case logParameter = "log_parameter"
                case logParameterMaxSize = "log_parameter_max_size"
                case logRelation = "log_relation"
                case logRows = "log_rows"
                case logStatement = "log_statement"
                case logStatementOnce = "log_statement_once"
                case role
            }
        }

        /// PGBouncer connection pooling settings.
        public struct Pgbouncer: Codable, Sendable, Hashable {
            /// If the automatically created database pools have been unused this many seconds, they are freed. If 0 then timeout is disabled. [seconds].
            public var autodbIdleTimeout: Int?
            /// Do not allow more than this many server connections per database (regardless of user). Setting it to 0 means unlimited.
            public var autodbMaxDbConnections: Int?
            /// PGBouncer pool mode.
            public var autodbPoolMode: String?
            /// If non-zero then create automatically a pool of that size per user when a pool doesn't exist.
            public var autodbPoolSize: Int?
            /// List of parameters to ignore when given in startup packet.
            public var ignoreStartupParameters: [String]?
            /// PgBouncer tracks protocol-level named prepared statements related commands sent by the client in transaction and statement pooling modes when max_prepared_statements is set to a non-zero value. Setting it to 0 disables prepared statements. max_prepared_statements defaults to 100, and its maximum is 3000.
            public var maxPreparedStatements: Int?
            /// Add more server connections to pool if below this number. Improves behavior when usual load comes suddenly back after period of total inactivity. The value is effectively capped at the pool size.
            public var minPoolSize: Int?
            /// If a server connection has been idle more than this many seconds it will be dropped. If 0 then timeout is disabled. [seconds].
            public var serverIdleTimeout: Int?
            /// The pooler will close an unused server connection that has been connected longer than this. [seconds].
            public var serverLifetime: Int?
            /// Run server_reset_query (DISCARD ALL) in all pooling modes.
            public var serverResetQueryAlways: Bool?

            public init(autodbIdleTimeout: Int? = nil, autodbMaxDbConnections: Int? = nil, autodbPoolMode: String? = nil, autodbPoolSize: Int? = nil, ignoreStartupParameters: [String]? = nil, maxPreparedStatements: Int? = nil, minPoolSize: Int? = nil, serverIdleTimeout: Int? = nil, serverLifetime: Int? = nil, serverResetQueryAlways: Bool? = nil) {
                self.autodbIdleTimeout = autodbIdleTimeout
                self.autodbMaxDbConnections = autodbMaxDbConnections
                self.autodbPoolMode = autodbPoolMode
                self.autodbPoolSize = autodbPoolSize
                self.ignoreStartupParameters = ignoreStartupParameters
                self.maxPreparedStatements = maxPreparedStatements
                self.minPoolSize = minPoolSize
                self.serverIdleTimeout = serverIdleTimeout
                self.serverLifetime = serverLifetime
                self.serverResetQueryAlways = serverResetQueryAlways
            }

            enum CodingKeys: String, CodingKey {
                case autodbIdleTimeout = "autodb_idle_timeout"
                case autodbMaxDbConnections = "autodb_max_db_connections"
                case autodbPoolMode = "autodb_pool_mode"
                case autodbPoolSize = "autodb_pool_size"
                case ignoreStartupParameters = "ignore_startup_parameters"
                case maxPreparedStatements = "max_prepared_statements"
                case minPoolSize = "min_pool_size"
                case serverIdleTimeout = "server_idle_timeout"
                case serverLifetime = "server_lifetime"
                case serverResetQueryAlways = "server_reset_query_always"
            }
        }

        /// System-wide settings for pglookout.
        public struct Pglookout: Codable, Sendable, Hashable {
            /// Number of seconds of master unavailability before triggering database failover to standby.
            public var maxFailoverReplicationTimeLag: Int?

            public init(maxFailoverReplicationTimeLag: Int? = nil) {
                self.maxFailoverReplicationTimeLag = maxFailoverReplicationTimeLag
            }

            enum CodingKeys: String, CodingKey {
                case maxFailoverReplicationTimeLag = "max_failover_replication_time_lag"
            }
        }

        /// Allow access to selected service ports from private networks.
        public struct PrivateAccess: Codable, Sendable, Hashable {
            /// Allow clients to connect to pg with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var pg: Bool?
            /// Allow clients to connect to pgbouncer with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var pgbouncer: Bool?
            /// Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations.
            public var prometheus: Bool?

            public init(pg: Bool? = nil, pgbouncer: Bool? = nil, prometheus: Bool? = nil) {
                self.pg = pg
                self.pgbouncer = pgbouncer
                self.prometheus = prometheus
            }
        }

        /// Allow access to selected service components through Privatelink.
        public struct PrivatelinkAccess: Codable, Sendable, Hashable {
            /// Enable pg.
            public var pg: Bool?
            /// Enable pgbouncer.
            public var pgbouncer: Bool?
            /// Enable prometheus.
            public var prometheus: Bool?

            public init(pg: Bool? = nil, pgbouncer: Bool? = nil, prometheus: Bool? = nil) {
                self.pg = pg
                self.pgbouncer = pgbouncer
                self.prometheus = prometheus
            }
        }

        /// Allow access to selected service ports from the public Internet.
        public struct PublicAccess: Codable, Sendable, Hashable {
            /// Allow clients to connect to pg from the public internet for service nodes that are in a project VPC or another type of private network.
            public var pg: Bool?
            /// Allow clients to connect to pgbouncer from the public internet for service nodes that are in a project VPC or another type of private network.
            public var pgbouncer: Bool?
            /// Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network.
            public var prometheus: Bool?

            public init(pg: Bool? = nil, pgbouncer: Bool? = nil, prometheus: Bool? = nil) {
                self.pg = pg
                self.pgbouncer = pgbouncer
                self.prometheus = prometheus
            }
        }

        public struct SwitchoverWindows: Codable, Sendable, Hashable {
            public var dow: String
            public var endTime: String
            public var startTime: String

            public init(dow: String, endTime: String, startTime: String) {
                self.dow = dow
                self.endTime = endTime
                self.startTime = startTime
            }

            enum CodingKeys: String, CodingKey {
                case dow
                case endTime = "end_time"
                case startTime = "start_time"
            }
        }

        /// System-wide settings for the timescaledb extension.
        public struct Timescaledb: Codable, Sendable, Hashable {
            /// The number of background workers for timescaledb operations. You should configure this setting to the sum of your number of databases and the total number of concurrent background workers you want running at any given point in time. Changing this parameter causes a service restart.
            public var maxBackgroundWorkers: Int?

            public init(maxBackgroundWorkers: Int? = nil) {
                self.maxBackgroundWorkers = maxBackgroundWorkers
            }

            enum CodingKeys: String, CodingKey {
                case maxBackgroundWorkers = "max_background_workers"
            }
        }
    }
}
