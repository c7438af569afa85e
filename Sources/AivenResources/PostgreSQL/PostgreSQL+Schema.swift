import KubeAPI

extension PostgreSQL {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the reference
    /// docs. Every field, constraint and immutability rule is the reference operator's PostgreSQL
    /// CRD's.
    public static let specSchema: JSONSchemaProps = .object(
        "PostgreSQLSpec defines the desired state of postgres instance.",
        required: ["plan", "project"],
        properties: ServiceSchema.serviceSpecProperties(adding: [
            "connInfoSecretTarget": ServiceSchema.connInfoSecretTarget,
            "connInfoSecretTargetDisabled": ServiceSchema.connInfoSecretTargetDisabled,
            "disk_space": ServiceSchema.diskSpace,
            "migrationSecretSource": .object(
                "Reference to a Secret containing migration credentials.\nSecret keys must match userConfig.migration JSON field names.\nMutually exclusive with userConfig.migration.\nValues must not contain leading or trailing whitespace; such values are rejected\nat reconcile time so malformed credentials surface clearly instead of being silently altered.",
                required: ["name"],
                properties: [
                    "deleteAfterMigration": .boolean("When true, the operator deletes the referenced Kubernetes Secret after\nmigration completes successfully. Defaults to false.\nThe field remains mutable post-migration: flipping false→true on a Done\nresource deletes the Secret on the next reconcile.\nFlipping true→false after deletion is a no-op.", default: false),
                    "name": .string("Name of the Secret containing migration credentials.", minLength: 1),
                ]
            ),
            "powered": ServiceSchema.powered,
            "userConfig": .object(
                "PostgreSQL specific user configuration options.",
                properties: [
                    "additional_backup_regions": .array("Additional Cloud Regions for Backup Replication.", of: .string(), maxItems: 1),
                    "admin_password": .string("Custom password for admin user. Defaults to random string. This must be set only when a new service is being created.", pattern: "^[a-zA-Z0-9-_]+$", minLength: 8, maxLength: 256).immutable(),
                    "admin_username": .string("Custom username for admin user. This must be set only when a new service is being created.", pattern: "^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$", maxLength: 64).immutable(),
                    "backup_hour": .integer("The hour of day (in UTC) when backup for the service is started. New backup is only started if previous backup has already completed.", minimum: 0, maximum: 23),
                    "backup_interval_hours": .integer("Interval in hours between automatic backups. Minimum value is 3 hours. Must be a divisor of 24 (3, 4, 6, 8, 12, 24). (Applicable to ACU plans only).", enum: [12, 24, 3, 4, 6, 8], minimum: 3, maximum: 24),
                    "backup_minute": .integer("The minute of an hour when backup for the service is started. New backup is only started if previous backup has already completed.", minimum: 0, maximum: 59),
                    "backup_retention_days": .integer("Number of days to retain automatic backups. Backups older than this value will be automatically deleted. (Applicable to ACU plans only).", minimum: 1, maximum: 30),
                    "enable_ha_replica_dns": .boolean("Creates a dedicated read-only DNS that automatically falls back to the primary if standby nodes are unavailable. It switches back when a standby recovers."),
                    "enable_ipv6": .boolean("Register AAAA DNS records for the service, and allow IPv6 packets to service ports."),
                    "ip_filter": ServiceSchema.ipFilter(maxItems: 8000),
                    "migration": .object(
                        "Migrate data from existing server.",
                        required: ["host", "port"],
                        properties: [
                            "dbname": .string("Database name for bootstrapping the initial connection.", maxLength: 63),
                            "host": .string("Hostname or IP address of the server where to migrate data from.", maxLength: 255),
                            "ignore_dbs": .string("Comma-separated list of databases, which should be ignored during migration (supported by MySQL and PostgreSQL only at the moment).", maxLength: 2048),
                            "ignore_roles": .string("Comma-separated list of database roles, which should be ignored during migration (supported by PostgreSQL only at the moment).", maxLength: 2048),
                            "method": .string("The migration method to be used (currently supported only by Redis, Dragonfly, MySQL and PostgreSQL service types).", enum: ["dump", "replication"]),
                            "password": .string("Password for authentication with the server where to migrate data from.", maxLength: 256),
                            "port": .integer("Port number of the server where to migrate data from.", minimum: 1, maximum: 65535),
                            "ssl": .boolean("The server where to migrate data from is secured with SSL."),
                            "username": .string("User name for authentication with the server where to migrate data from.", maxLength: 256),
                        ]
                    ),
                    "node_count": .integer("Number of nodes for the service.", minimum: 1, maximum: 100),
                    "pg": .object(
                        "postgresql.conf configuration values.",
                        properties: [
                            "autovacuum_analyze_scale_factor": JSONSchemaProps(type: .number, description: "Specifies a fraction of the table size to add to autovacuum_analyze_threshold when deciding whether to trigger an ANALYZE (e.g. `0.2` for 20% of the table size). The default is `0.2`.", minimum: 0, maximum: 1),
                            "autovacuum_analyze_threshold": .integer("Specifies the minimum number of inserted, updated or deleted tuples needed to trigger an ANALYZE in any one table. The default is `50`.", minimum: 0, maximum: 2147483647),
                            "autovacuum_freeze_max_age": .integer("Specifies the maximum age (in transactions) that a table's pg_class.relfrozenxid field can attain before a VACUUM operation is forced to prevent transaction ID wraparound within the table. The system launches autovacuum processes to prevent wraparound even when autovacuum is otherwise disabled. Changing this parameter causes a service restart.", minimum: 200000000, maximum: 1500000000),
                            "autovacuum_max_workers": .integer("Specifies the maximum number of autovacuum processes (other than the autovacuum launcher) that may be running at any one time. The default is `3`. Changing this parameter causes a service restart.", minimum: 1, maximum: 20),
                            "autovacuum_naptime": .integer("Specifies the minimum delay between autovacuum runs on any given database. The delay is measured in seconds. The default is `60`.", minimum: 1, maximum: 86400),
                            "autovacuum_vacuum_cost_delay": .integer("Specifies the cost delay value that will be used in automatic VACUUM operations. If `-1` is specified, the regular vacuum_cost_delay value will be used. The default is `2` (upstream default).", minimum: -1, maximum: 100),
                            "autovacuum_vacuum_cost_limit": .integer("Specifies the cost limit value that will be used in automatic VACUUM operations. If `-1` is specified, the regular vacuum_cost_limit value will be used. The default is `-1` (upstream default).", minimum: -1, maximum: 10000),
                            "autovacuum_vacuum_scale_factor": JSONSchemaProps(type: .number, description: "Specifies a fraction of the table size to add to autovacuum_vacuum_threshold when deciding whether to trigger a VACUUM (e.g. `0.2` for 20% of the table size). The default is `0.2`.", minimum: 0, maximum: 1),
                            "autovacuum_vacuum_threshold": .integer("Specifies the minimum number of updated or deleted tuples needed to trigger a VACUUM in any one table. The default is `50`.", minimum: 0, maximum: 2147483647),
                            "bgwriter_delay": .integer("Specifies the delay between activity rounds for the background writer in milliseconds. The default is `200`.", minimum: 10, maximum: 10000),
                            "bgwriter_flush_after": .integer("Whenever more than bgwriter_flush_after bytes have been written by the background writer, attempt to force the OS to issue these writes to the underlying storage. Specified in kilobytes. Setting of 0 disables forced writeback. The default is `512`.", minimum: 0, maximum: 2048),
                            "bgwriter_lru_maxpages": .integer("In each round, no more than this many buffers will be written by the background writer. Setting this to zero disables background writing. The default is `100`.", minimum: 0, maximum: 1073741823),
                            "bgwriter_lru_multiplier": JSONSchemaProps(type: .number, description: "The average recent need for new buffers is multiplied by bgwriter_lru_multiplier to arrive at an estimate of the number that will be needed during the next round, (up to bgwriter_lru_maxpages). 1.0 represents a “just in time” policy of writing exactly the number of buffers predicted to be needed. Larger values provide some cushion against spikes in demand, while smaller values intentionally leave writes to be done by server processes. The default is `2.0`.", minimum: 0, maximum: 10),
                            "deadlock_timeout": .integer("This is the amount of time, in milliseconds, to wait on a lock before checking to see if there is a deadlock condition. The default is `1000` (upstream default).", minimum: 500, maximum: 1800000),
                            "default_toast_compression": .string("Specifies the default TOAST compression method for values of compressible columns. The default is `lz4`. Only available for PostgreSQL 14+.", enum: ["lz4", "pglz"]),
                            "idle_in_transaction_session_timeout": .integer("Time out sessions with open transactions after this number of milliseconds.", minimum: 0, maximum: 604800000),
                            "io_combine_limit": .integer("EXPERIMENTAL: Controls the largest I/O size in operations that combine I/O in 8kB units. Version 17 and up only.", minimum: 1, maximum: 32),
                            "io_max_combine_limit": .integer("EXPERIMENTAL: Controls the largest I/O size in operations that combine I/O in 8kB units, and silently limits the user-settable parameter io_combine_limit. Version 18 and up only. Changing this parameter causes a service restart.", minimum: 1, maximum: 128),
                            "io_max_concurrency": .integer("EXPERIMENTAL: Controls the maximum number of I/O operations that one process can execute simultaneously. Version 18 and up only. Changing this parameter causes a service restart.", minimum: -1, maximum: 1024),
                            "io_method": .string("EXPERIMENTAL: Controls the maximum number of I/O operations that one process can execute simultaneously. Version 18 and up only. Changing this parameter causes a service restart.", enum: ["io_uring", "sync", "worker"]),
                            "io_workers": .integer("EXPERIMENTAL: Number of IO worker processes, for io_method=worker. Version 18 and up only.", minimum: 1, maximum: 32),
                            "jit": .boolean("Controls system-wide use of Just-in-Time Compilation (JIT)."),
                            "log_autovacuum_min_duration": .integer("Causes each action executed by autovacuum to be logged if it ran for at least the specified number of milliseconds. Setting this to zero logs all autovacuum actions. Minus-one disables logging autovacuum actions. The default is `1000`.", minimum: -1, maximum: 2147483647),
                            "log_error_verbosity": .string("Controls the amount of detail written in the server log for each message that is logged.", enum: ["DEFAULT", "TERSE", "VERBOSE"]),
                            "log_line_prefix": .string("Choose from one of the available log formats.", enum: ["'%m [%p] %q[user=%u,db=%d,app=%a] '", "'%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h '", "'pid=%p,user=%u,db=%d,app=%a,client=%h '", "'pid=%p,user=%u,db=%d,app=%a,client=%h,txid=%x,qid=%Q '"]),
                            "log_min_duration_statement": .integer("Log statements that take more than this number of milliseconds to run, -1 disables.", minimum: -1, maximum: 86400000),
                            "log_temp_files": .integer("Log statements for each temporary file created larger than this number of kilobytes, -1 disables.", minimum: -1, maximum: 2147483647),
                            "max_connections": .integer("Sets the PostgreSQL maximum number of concurrent connections to the database server. For services with a read replica, first increase the read replica's value. After the change is applied to the replica, you can increase the primary service's value. Changing this parameter causes a service restart.", minimum: 25, maximum: 60000),
                            "max_files_per_process": .integer("PostgreSQL maximum number of files that can be open per process. The default is `1000` (upstream default). Changing this parameter causes a service restart.", minimum: 1000, maximum: 4096),
                            "max_locks_per_transaction": .integer("PostgreSQL maximum locks per transaction. Changing this parameter causes a service restart.", minimum: 64, maximum: 6400),
                            "max_logical_replication_workers": .integer("PostgreSQL maximum logical replication workers (taken from the pool defined by max_worker_processes). The default is `4` (upstream default). Changing this parameter causes a service restart.", minimum: 4, maximum: 256),
                            "max_parallel_workers": .integer("Sets the maximum number of workers that the system can support for parallel queries. The default is `8` (upstream default).", minimum: 0, maximum: 96),
                            "max_parallel_workers_per_gather": .integer("Sets the maximum number of workers that can be started by a single Gather or Gather Merge node. The default is `2` (upstream default).", minimum: 0, maximum: 96),
                            "max_pred_locks_per_transaction": .integer("PostgreSQL maximum predicate locks per transaction. The default is `64` (upstream default). Changing this parameter causes a service restart.", minimum: 64, maximum: 5120),
                            "max_prepared_transactions": .integer("PostgreSQL maximum prepared transactions. The default is `0`. Changing this parameter causes a service restart.", minimum: 0, maximum: 10000),
                            "max_replication_slots": .integer("PostgreSQL maximum replication slots. The default is `20`. Changing this parameter causes a service restart.", minimum: 8, maximum: 256),
                            "max_slot_wal_keep_size": .integer("PostgreSQL maximum WAL size (MB) reserved for replication slots. If `-1` is specified, replication slots may retain an unlimited amount of WAL files. The default is `-1` (upstream default). wal_keep_size minimum WAL size setting takes precedence over this.", minimum: -1, maximum: 2147483647),
                            "max_stack_depth": .integer("Maximum depth of the stack in bytes. The default is `2097152` (upstream default).", minimum: 2097152, maximum: 6291456),
                            "max_standby_archive_delay": .integer("Max standby archive delay in milliseconds. The default is `30000` (upstream default).", minimum: 1, maximum: 43200000),
                            "max_standby_streaming_delay": .integer("Max standby streaming delay in milliseconds. The default is `30000` (upstream default).", minimum: 1, maximum: 43200000),
                            "max_sync_workers_per_subscription": .integer("Maximum number of synchronization workers per subscription. The default is `2`.", minimum: 2, maximum: 8),
                            "max_wal_senders": .integer("PostgreSQL maximum WAL senders. The default is `20`. Changing this parameter causes a service restart.", minimum: 20, maximum: 256),
                            "max_worker_processes": .integer("Sets the maximum number of background processes that the system can support. The default is `8`. Changing this parameter causes a service restart.", minimum: 8, maximum: 288),
                            "password_encryption": .string("Chooses the algorithm for encrypting passwords.", enum: ["md5", "scram-sha-256"]),
                            "pg_partman_bgw.interval": .integer("Sets the time interval in seconds to run pg_partman's scheduled tasks. The default is `3600`.", minimum: 3600, maximum: 604800),
                            "pg_partman_bgw.role": .string("Controls which role to use for pg_partman's scheduled background tasks.", pattern: "^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$", maxLength: 64),
                            "pg_stat_monitor.pgsm_enable_query_plan": .boolean("Enables or disables query plan monitoring. Only available for PostgreSQL 13+."),
                            "pg_stat_monitor.pgsm_max_buckets": .integer("Sets the maximum number of buckets. Changing this parameter causes a service restart. Only available for PostgreSQL 13+.", minimum: 1, maximum: 10),
                            "pg_stat_statements.track": .string("Controls which statements are counted. Specify top to track top-level statements (those issued directly by clients), all to also track nested statements (such as statements invoked within functions), or none to disable statement statistics collection. The default is `top`.", enum: ["all", "none", "top"]),
                            "synchronous_commit": .string("Sets the current transaction's synchronization level. The default is `off`. This setting takes precedence over `synchronous_replication`.", enum: ["local", "off", "on", "remote_apply", "remote_write"]),
                            "temp_file_limit": .integer("PostgreSQL temporary file limit in KiB, -1 for unlimited.", minimum: -1, maximum: 2147483647),
                            "timezone": .string("PostgreSQL service timezone.", pattern: "^[\\w/]*$", maxLength: 64),
                            "track_activity_query_size": .integer("Specifies the number of bytes reserved to track the currently executing command for each active session. Changing this parameter causes a service restart.", minimum: 1024, maximum: 10240),
                            "track_commit_timestamp": .string("Record commit time of transactions. Changing this parameter causes a service restart.", enum: ["off", "on"]),
                            "track_functions": .string("Enables tracking of function call counts and time used.", enum: ["all", "none", "pl"]),
                            "track_io_timing": .string("Enables timing of database I/O calls. The default is `off`. When on, it will repeatedly query the operating system for the current time, which may cause significant overhead on some platforms.", enum: ["off", "on"]),
                            "wal_sender_timeout": .integer("Terminate replication connections that are inactive for longer than this amount of time, in milliseconds. Setting this value to zero disables the timeout."),
                            "wal_writer_delay": .integer("WAL flush interval in milliseconds. The default is `200`. Setting this parameter to a lower value may negatively impact performance.", minimum: 10, maximum: 200),
                        ]
                    ),
                    "pg_qualstats": .object(
                        "Deprecated. System-wide settings for the pg_qualstats extension.",
                        properties: [
                            "enabled": .boolean("Deprecated. Enable / Disable pg_qualstats."),
                            "min_err_estimate_num": .integer("Deprecated. Error estimation num threshold to save quals.", minimum: 0),
                            "min_err_estimate_ratio": .integer("Deprecated. Error estimation ratio threshold to save quals.", minimum: 0),
                            "track_constants": .boolean("Deprecated. Enable / Disable pg_qualstats constants tracking."),
                            "track_pg_catalog": .boolean("Deprecated. Track quals on system catalogs too."),
                        ]
                    ),
                    "pg_read_replica": .boolean("Should the service which is being forked be a read replica (deprecated, use read_replica service integration instead)."),
                    "pg_service_to_fork_from": .string("Name of the PG Service from which to fork (deprecated, use service_to_fork_from). This has effect only when a new service is being created.", pattern: "^[a-z][-a-z0-9]{0,63}$|^$", maxLength: 64).immutable(),
                    "pg_stat_monitor_enable": .boolean("Enable the pg_stat_monitor extension. Changing this parameter causes a service restart. When this extension is enabled, pg_stat_statements results for utility commands are unreliable."),
                    "pg_version": .string("Available versions: `14`, `15`, `16`, `17`, `18`. Newer versions may also be available.\nPostgreSQL major version. Deprecated values: `14`."),
                    "pgaudit": .object(
                        "System-wide settings for the pgaudit extension.",
                        properties: [
                            "feature_enabled": .boolean("Enable pgaudit extension. When enabled, pgaudit extension will be automatically installed.Otherwise, extension will be uninstalled but auditing configurations will be preserved."),
                            "log": .array("Specifies which classes of statements will be logged by session audit logging.", of: .string()),
                            "log_catalog": .boolean("Specifies that session logging should be enabled in the case where all relations in a statement are in pg_catalog."),
                            "log_client": .boolean("Specifies whether log messages will be visible to a client process such as psql."),
                            "log_level": .string("Specifies the log level that will be used for log entries.", enum: ["debug1", "debug2", "debug3", "debug4", "debug5", "info", "log", "notice", "warning"]),
                            "log_max_string_length": .integer("Crop parameters representation and whole statements if they exceed this threshold. A (default) value of -1 disable the truncation.", minimum: -1, maximum: 102400),
                            "log_nested_statements": .boolean("This GUC allows to turn off logging nested statements, that is, statements that are executed as part of another ExecutorRun."),
                            "log_parameter": .boolean("Specifies that audit logging should include the parameters that were passed with the statement."),
                            "log_parameter_max_size": .integer("Specifies that parameter values longer than this setting (in bytes) should not be logged, but replaced with <long param suppressed>."),
                            "log_relation": .boolean("Specifies whether session audit logging should create a separate log entry for each relation (TABLE, VIEW, etc.) referenced in a SELECT or DML statement."),
                            "log_rows": .boolean("Log Rows."),
                            "log_statement": .boolean("Specifies whether logging will include the statement text and parameters (if enabled)."),
                            "log_statement_once": .boolean("Specifies whether logging will include the statement text and parameters with the first log entry for a statement/substatement combination or with every entry."),
                            "role": .string("Specifies the master role to use for object audit logging.", pattern: "^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$", maxLength: 64),
                        ]
                    ),
                    "pgbouncer": .object(
                        "PGBouncer connection pooling settings.",
                        properties: [
                            "autodb_idle_timeout": .integer("If the automatically created database pools have been unused this many seconds, they are freed. If 0 then timeout is disabled. [seconds].", minimum: 0, maximum: 86400),
                            "autodb_max_db_connections": .integer("Do not allow more than this many server connections per database (regardless of user). Setting it to 0 means unlimited.", minimum: 0, maximum: 2147483647),
                            "autodb_pool_mode": .string("PGBouncer pool mode.", enum: ["session", "statement", "transaction"]),
                            "autodb_pool_size": .integer("If non-zero then create automatically a pool of that size per user when a pool doesn't exist.", minimum: 0, maximum: 10000),
                            "ignore_startup_parameters": .array("List of parameters to ignore when given in startup packet.", of: .string(), maxItems: 32),
                            "max_prepared_statements": .integer("PgBouncer tracks protocol-level named prepared statements related commands sent by the client in transaction and statement pooling modes when max_prepared_statements is set to a non-zero value. Setting it to 0 disables prepared statements. max_prepared_statements defaults to 100, and its maximum is 3000.", minimum: 0, maximum: 3000),
                            "min_pool_size": .integer("Add more server connections to pool if below this number. Improves behavior when usual load comes suddenly back after period of total inactivity. The value is effectively capped at the pool size.", minimum: 0, maximum: 10000),
                            "server_idle_timeout": .integer("If a server connection has been idle more than this many seconds it will be dropped. If 0 then timeout is disabled. [seconds].", minimum: 0, maximum: 86400),
                            "server_lifetime": .integer("The pooler will close an unused server connection that has been connected longer than this. [seconds].", minimum: 60, maximum: 86400),
                            "server_reset_query_always": .boolean("Run server_reset_query (DISCARD ALL) in all pooling modes."),
                        ]
                    ),
                    "pglookout": .object(
                        "System-wide settings for pglookout.",
                        properties: [
                            "max_failover_replication_time_lag": .integer("Number of seconds of master unavailability before triggering database failover to standby.", minimum: 10),
                        ]
                    ),
                    "private_access": .object(
                        "Allow access to selected service ports from private networks.",
                        properties: [
                            "pg": .boolean("Allow clients to connect to pg with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "pgbouncer": .boolean("Allow clients to connect to pgbouncer with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                            "prometheus": .boolean("Allow clients to connect to prometheus with a DNS name that always resolves to the service's private IP addresses. Only available in certain network locations."),
                        ]
                    ),
                    "privatelink_access": .object(
                        "Allow access to selected service components through Privatelink.",
                        properties: [
                            "pg": .boolean("Enable pg."),
                            "pgbouncer": .boolean("Enable pgbouncer."),
                            "prometheus": .boolean("Enable prometheus."),
                        ]
                    ),
                    "project_to_fork_from": .string("Name of another project to fork a service from. This has effect only when a new service is being created.", pattern: "^[a-z][-a-z0-9]{0,63}$|^$", maxLength: 63).immutable(),
                    "public_access": .object(
                        "Allow access to selected service ports from the public Internet.",
                        properties: [
                            "pg": .boolean("Allow clients to connect to pg from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "pgbouncer": .boolean("Allow clients to connect to pgbouncer from the public internet for service nodes that are in a project VPC or another type of private network."),
                            "prometheus": .boolean("Allow clients to connect to prometheus from the public internet for service nodes that are in a project VPC or another type of private network."),
                        ]
                    ),
                    "recovery_target_time": .string("Recovery target time when forking a service. This has effect only when a new service is being created.", maxLength: 32).immutable(),
                    "service_log": .boolean("Store logs for the service so that they are available in the HTTP API and console."),
                    "service_to_fork_from": .string("Name of another service to fork from. This has effect only when a new service is being created.", pattern: "^[a-z][-a-z0-9]{0,63}$|^$", maxLength: 64).immutable(),
                    "shared_buffers_percentage": JSONSchemaProps(type: .number, description: "Percentage of total RAM that the database server uses for shared memory buffers. Valid range is 20-60 (float), which corresponds to 20% - 60%. This setting adjusts the shared_buffers configuration value. Changing this parameter causes a service restart.", minimum: 20, maximum: 60),
                    "static_ips": .boolean("Use static public IP addresses."),
                    "switchover_windows": .array(of: .object(
                        required: ["dow", "end_time", "start_time"],
                        properties: [
                            "dow": .string(enum: ["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"]),
                            "end_time": .string(pattern: "^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$", minLength: 8, maxLength: 8),
                            "start_time": .string(pattern: "^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$", minLength: 8, maxLength: 8),
                        ]
                    ), maxItems: 28),
                    "synchronous_replication": .string("This setting is deprecated. Use synchronous_commit instead. Any change to this setting will automatically update synchronous_commit. Setting the value to quorum changes synchronous_commit to remote_write, while setting it to off changes synchronous_commit to off.", enum: ["off", "quorum"]),
                    "timescaledb": .object(
                        "System-wide settings for the timescaledb extension.",
                        properties: [
                            "max_background_workers": .integer("The number of background workers for timescaledb operations. You should configure this setting to the sum of your number of databases and the total number of concurrent background workers you want running at any given point in time. Changing this parameter causes a service restart.", minimum: 1, maximum: 4096),
                        ]
                    ),
                    "variant": .string("Variant of the PostgreSQL service, may affect the features that are exposed by default.", enum: ["aiven", "timescale"]),
                    "work_mem": .integer("Sets the maximum amount of memory to be used by a query operation (such as a sort or hash table) before writing to temporary disk files, in MB. The default is 1MB + 0.075% of total RAM (up to 32MB).", minimum: 1, maximum: 1024),
                ]
            ),
        ]),
        rules: [
            ValidationRule(
                rule: "!(has(self.migrationSecretSource) && has(self.userConfig) && has(self.userConfig.migration))",
                message: "migrationSecretSource and userConfig.migration are mutually exclusive; set only one"
            ),
            ServiceSchema.connInfoSecretTargetDisabledAtCreation,
        ]
    )

    /// The schema of `status`.
    public static let statusSchema = ServiceSchema.observedStatus(
        "ServiceStatus defines the observed state of service.",
        state: "Service state."
    )
}
