import KubeAPI

/// The service types, plans and clouds the emulator sells, with each type's user_config schema.
///
/// The plan and cloud lists are a project decision (Aiven's real catalogue is larger); every plan
/// is available in every cloud. Their shape follows `GET /v1/service_types` and `GET /v1/clouds`.
struct ServiceCatalog: Sendable {
    static let defaultCloud = "google-europe-west1"
    /// The organization's account every emulated project belongs to.
    static let accountID = "a2f7c9e1b3d4"

    struct Plan: Sendable {
        var name: String
        var nodeCount: Int
        var memoryMB: Int
        var priceUSD: String
        /// The disk the plan includes (`disk_space_mb`); 0 for a type without disks (kafka_connect).
        var diskSpaceMB: Int = 0
        /// Dynamic disk sizing: the disk grows from ``diskSpaceMB`` in steps of this size up to
        /// ``diskSpaceCapMB``; 0 when the plan's disk cannot be changed.
        var diskSpaceStepMB: Int = 0
        var diskSpaceCapMB: Int = 0
        var cpuCount: Int { max(1, memoryMB / 4096) }

        /// Whether a service of this plan can have a disk other than the included one.
        var sizesDisk: Bool { diskSpaceStepMB > 0 && diskSpaceCapMB > diskSpaceMB }
    }

    /// One service type: its description, plans and Aiven's user_config schema for it.
    struct ServiceType: Sendable {
        var name: String
        var description: String
        var plans: [Plan]
        var userConfigSchema: JSONValue
        /// The major-version option and the version a service gets when its create names none
        /// (`pg_version` `17`); `nil` for unversioned types.
        var defaultVersion: (option: String, version: String)? = nil

        func plan(named name: String) -> Plan? { plans.first { $0.name == name } }

        /// The top-level options whose default Aiven's schema documents.
        var defaults: [String: JSONValue] {
            var defaults = (userConfigSchema["properties"]?.objectValue ?? [:]).compactMapValues { $0["default"] }
            if let version = defaultVersion { defaults[version.option] = .string(version.version) }
            return defaults
        }
    }

    struct Cloud: Sendable {
        var name: String
        var description: String
        var geoRegion: String
        var provider: String
    }

    static let kafkaConnect = ServiceType(
        name: "kafka_connect", description: "Kafka Connect",
        plans: [
            Plan(name: "startup-4", nodeCount: 1, memoryMB: 4096, priceUSD: "0.2740"),
            Plan(name: "business-4", nodeCount: 3, memoryMB: 4096, priceUSD: "0.6160"),
            Plan(name: "business-8", nodeCount: 3, memoryMB: 8192, priceUSD: "1.2330"),
            Plan(name: "business-16", nodeCount: 3, memoryMB: 16384, priceUSD: "2.4660"),
            Plan(name: "premium-4", nodeCount: 6, memoryMB: 4096, priceUSD: "1.2330"),
            Plan(name: "premium-8", nodeCount: 6, memoryMB: 8192, priceUSD: "2.4660"),
            Plan(name: "premium-16", nodeCount: 6, memoryMB: 16384, priceUSD: "4.9320"),
        ],
        userConfigSchema: parse(KafkaConnectUserConfigSchema.json, "kafka_connect"))

    /// Kafka plans: three brokers from `startup-2` up, six for `premium-*`; disks sized per broker.
    /// Every Kafka plan sizes its disk dynamically: from the included disk up to four times it, in
    /// 30 GiB steps (60 GiB for six brokers).
    /// `startup-4` is the plan of the reference operator's Kafka examples, so Aiven sells it for kafka.
    static let kafka = ServiceType(
        name: "kafka", description: "Kafka - High-Throughput Distributed Messaging System",
        plans: [
            Plan(name: "startup-2", nodeCount: 3, memoryMB: 2048, priceUSD: "0.2740", diskSpaceMB: 92160, diskSpaceStepMB: 30720, diskSpaceCapMB: 368640),
            Plan(name: "startup-4", nodeCount: 3, memoryMB: 4096, priceUSD: "0.5480", diskSpaceMB: 184320, diskSpaceStepMB: 30720, diskSpaceCapMB: 737280),
            Plan(name: "business-4", nodeCount: 3, memoryMB: 4096, priceUSD: "0.8900", diskSpaceMB: 614400, diskSpaceStepMB: 30720, diskSpaceCapMB: 2457600),
            Plan(name: "business-8", nodeCount: 3, memoryMB: 8192, priceUSD: "1.7810", diskSpaceMB: 1228800, diskSpaceStepMB: 30720, diskSpaceCapMB: 4915200),
            Plan(name: "business-16", nodeCount: 3, memoryMB: 16384, priceUSD: "3.5620", diskSpaceMB: 2457600, diskSpaceStepMB: 30720, diskSpaceCapMB: 9830400),
            Plan(name: "premium-8", nodeCount: 6, memoryMB: 8192, priceUSD: "3.5620", diskSpaceMB: 2457600, diskSpaceStepMB: 61440, diskSpaceCapMB: 9830400),
            Plan(name: "premium-16", nodeCount: 6, memoryMB: 16384, priceUSD: "7.1230", diskSpaceMB: 4915200, diskSpaceStepMB: 61440, diskSpaceCapMB: 19660800),
        ],
        userConfigSchema: parse(KafkaUserConfigSchema.json, "kafka"))

    /// PostgreSQL plans: one node for `hobbyist` and `startup-*` (the plan of the reference
    /// operator's PostgreSQL examples is `startup-4`), a primary and a standby for `business-*`,
    /// three nodes for `premium-*`. Disks grow from the included one up to five times it, in
    /// 10 GiB steps (`hobbyist`'s is fixed).
    static let postgreSQL = ServiceType(
        name: "pg", description: "PostgreSQL - Object-Relational Database Management System",
        plans: [
            Plan(name: "hobbyist", nodeCount: 1, memoryMB: 2048, priceUSD: "0.0260", diskSpaceMB: 8192),
            Plan(name: "startup-4", nodeCount: 1, memoryMB: 4096, priceUSD: "0.1370", diskSpaceMB: 81920, diskSpaceStepMB: 10240, diskSpaceCapMB: 409600),
            Plan(name: "startup-8", nodeCount: 1, memoryMB: 8192, priceUSD: "0.2740", diskSpaceMB: 179200, diskSpaceStepMB: 10240, diskSpaceCapMB: 896000),
            Plan(name: "business-4", nodeCount: 2, memoryMB: 4096, priceUSD: "0.2740", diskSpaceMB: 81920, diskSpaceStepMB: 10240, diskSpaceCapMB: 409600),
            Plan(name: "business-8", nodeCount: 2, memoryMB: 8192, priceUSD: "0.5480", diskSpaceMB: 179200, diskSpaceStepMB: 10240, diskSpaceCapMB: 896000),
            Plan(name: "premium-4", nodeCount: 3, memoryMB: 4096, priceUSD: "0.4110", diskSpaceMB: 81920, diskSpaceStepMB: 10240, diskSpaceCapMB: 409600),
            Plan(name: "premium-8", nodeCount: 3, memoryMB: 8192, priceUSD: "0.8220", diskSpaceMB: 179200, diskSpaceStepMB: 10240, diskSpaceCapMB: 896000),
        ],
        userConfigSchema: parse(PostgreSQLUserConfigSchema.json, "pg"), defaultVersion: ("pg_version", "17"))

    let types: [ServiceType] = [kafkaConnect, kafka, postgreSQL]

    let clouds: [Cloud] = [
        Cloud(name: "google-europe-west1", description: "Europe, Belgium - Google Cloud: Belgium", geoRegion: "europe", provider: "google"),
        Cloud(name: "google-europe-north1", description: "Europe, Finland - Google Cloud: Finland", geoRegion: "europe", provider: "google"),
        Cloud(name: "aws-eu-west-1", description: "Europe, Ireland - Amazon Web Services: Ireland", geoRegion: "europe", provider: "aws"),
        Cloud(name: "aws-us-east-1", description: "United States, Virginia - Amazon Web Services: N. Virginia", geoRegion: "north america", provider: "aws"),
        Cloud(name: "azure-westeurope", description: "Europe, Netherlands - Azure: Netherlands", geoRegion: "europe", provider: "azure"),
    ]

    private static func parse(_ text: String, _ type: String) -> JSONValue {
        do {
            return try JSONParser().parse(text)
        } catch {
            preconditionFailure("the embedded \(type) user_config schema is not JSON: \(error)")
        }
    }

    /// The type named `name`; services stored before types were recorded are `kafka_connect`.
    static func type(named name: String) -> ServiceType? {
        switch name {
        case kafkaConnect.name: kafkaConnect
        case kafka.name: kafka
        case postgreSQL.name: postgreSQL
        default: nil
        }
    }

    func cloud(named name: String) -> Cloud? { clouds.first { $0.name == name } }

    /// `{"service_types": {"kafka": {…}, "kafka_connect": {…}}}`.
    var serviceTypesBody: JSONValue {
        ["service_types": .object(Dictionary(uniqueKeysWithValues: types.map { ($0.name, definition(of: $0)) }))]
    }

    /// `GET /v1/project/{project}/service-types/{service_type}`: one type's definition, unwrapped
    /// (Aiven's own client reads `user_config_schema` at the top level).
    func serviceTypeBody(_ name: String) throws(EmulatorError) -> JSONValue {
        guard let type = Self.type(named: name) else {
            throw EmulatorError(404, "Service type '\(name)' does not exist", errorCode: "service_type_not_found")
        }
        return definition(of: type)
    }

    private func definition(of type: ServiceType) -> JSONValue {
        let servicePlans: [JSONValue] = type.plans.map { plan in
            var regions: [String: JSONValue] = [:]
            for cloud in clouds {
                // avn's `service plans` reads every one of these.
                var region: JSONValue = [
                    "price_usd": .string(plan.priceUSD), "node_memory_mb": .integer(Int64(plan.memoryMB)),
                    "node_cpu_count": .integer(Int64(plan.cpuCount)), "disk_space_mb": .integer(Int64(plan.diskSpaceMB)),
                ]
                if plan.sizesDisk {
                    region["disk_space_step_mb"] = .integer(Int64(plan.diskSpaceStepMB))
                    region["disk_space_cap_mb"] = .integer(Int64(plan.diskSpaceCapMB))
                }
                regions[cloud.name] = region
            }
            return [
                "service_plan": .string(plan.name),
                "service_type": .string(type.name),
                "node_count": .integer(Int64(plan.nodeCount)),
                "backup_config": ["interval": 24, "max_count": 2, "recovery_mode": "basic"],
                "regions": .object(regions),
            ]
        }
        return [
            "description": .string(type.description),
            "service_plans": .array(servicePlans),
            "user_config_schema": type.userConfigSchema,
        ]
    }

    /// `GET /v1/service_versions`: the major versions of the versioned types (`pg_version`,
    /// `kafka_version`) with their end of life, which avn checks before a create that names one.
    static var serviceVersionsBody: JSONValue {
        let versions: [(type: String, version: String, endOfLife: String?)] = [
            ("pg", "14", "2026-11-12T00:00:00Z"), ("pg", "15", "2027-11-11T00:00:00Z"), ("pg", "16", "2028-11-09T00:00:00Z"),
            ("pg", "17", "2029-11-08T00:00:00Z"), ("pg", "18", nil),
            ("kafka", "3.9", nil), ("kafka", "4.0", nil), ("kafka", "4.1", nil), ("kafka", "4.2", nil),
        ]
        return [
            "service_versions": .array(versions.map { entry in
                [
                    "service_type": .string(entry.type), "major_version": .string(entry.version), "state": "available",
                    "aiven_end_of_life_time": entry.endOfLife.map(JSONValue.string) ?? .null,
                    "upstream_end_of_life_time": entry.endOfLife.map(JSONValue.string) ?? .null,
                    "availability_start_time": "2024-01-01T00:00:00Z", "availability_end_time": entry.endOfLife.map(JSONValue.string) ?? .null,
                    "termination_time": .null, "end_of_life_help_article_url": .null,
                ]
            })
        ]
    }

    /// `{"clouds": [...]}`.
    var cloudsBody: JSONValue {
        [
            "clouds": .array(
                clouds.map {
                    [
                        "cloud_name": .string($0.name), "cloud_description": .string($0.description),
                        "geo_region": .string($0.geoRegion), "provider": .string($0.provider),
                    ]
                })
        ]
    }
}
