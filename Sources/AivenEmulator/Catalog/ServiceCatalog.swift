import KubeAPI

/// The plans and clouds the emulator sells for `kafka_connect`, and the user_config schema.
///
/// The plan and cloud lists are a project decision (Aiven's real catalogue is larger); every plan
/// is available in every cloud. Their shape follows `GET /v1/service_types` and `GET /v1/clouds`.
struct ServiceCatalog: Sendable {
    static let serviceType = "kafka_connect"
    static let defaultCloud = "google-europe-west1"

    struct Plan: Sendable {
        var name: String
        var nodeCount: Int
        var memoryMB: Int
        var priceUSD: String
        var cpuCount: Int { max(1, memoryMB / 4096) }
    }

    struct Cloud: Sendable {
        var name: String
        var description: String
        var geoRegion: String
        var provider: String
    }

    let plans: [Plan] = [
        Plan(name: "startup-4", nodeCount: 1, memoryMB: 4096, priceUSD: "0.2740"),
        Plan(name: "business-4", nodeCount: 3, memoryMB: 4096, priceUSD: "0.6160"),
        Plan(name: "business-8", nodeCount: 3, memoryMB: 8192, priceUSD: "1.2330"),
        Plan(name: "business-16", nodeCount: 3, memoryMB: 16384, priceUSD: "2.4660"),
        Plan(name: "premium-4", nodeCount: 6, memoryMB: 4096, priceUSD: "1.2330"),
        Plan(name: "premium-8", nodeCount: 6, memoryMB: 8192, priceUSD: "2.4660"),
        Plan(name: "premium-16", nodeCount: 6, memoryMB: 16384, priceUSD: "4.9320"),
    ]

    let clouds: [Cloud] = [
        Cloud(name: "google-europe-west1", description: "Europe, Belgium - Google Cloud: Belgium", geoRegion: "europe", provider: "google"),
        Cloud(name: "google-europe-north1", description: "Europe, Finland - Google Cloud: Finland", geoRegion: "europe", provider: "google"),
        Cloud(name: "aws-eu-west-1", description: "Europe, Ireland - Amazon Web Services: Ireland", geoRegion: "europe", provider: "aws"),
        Cloud(name: "aws-us-east-1", description: "United States, Virginia - Amazon Web Services: N. Virginia", geoRegion: "north america", provider: "aws"),
        Cloud(name: "azure-westeurope", description: "Europe, Netherlands - Azure: Netherlands", geoRegion: "europe", provider: "azure"),
    ]

    /// Aiven's schema for `kafka_connect` user_config (verbatim data, parsed once).
    static let userConfigSchema: JSONValue = {
        do {
            return try JSONParser().parse(KafkaConnectUserConfigSchema.json)
        } catch {
            preconditionFailure("the embedded kafka_connect user_config schema is not JSON: \(error)")
        }
    }()

    func plan(named name: String) -> Plan? { plans.first { $0.name == name } }

    func cloud(named name: String) -> Cloud? { clouds.first { $0.name == name } }

    /// `{"service_types": {"kafka_connect": {…}}}`.
    var serviceTypesBody: JSONValue { ["service_types": [Self.serviceType: serviceTypeDefinition]] }

    /// `GET /v1/project/{project}/service-types/{service_type}`: one type's definition, unwrapped
    /// (Aiven's own client reads `user_config_schema` at the top level).
    func serviceTypeBody(_ name: String) throws(EmulatorError) -> JSONValue {
        guard name == Self.serviceType else {
            throw EmulatorError(404, "Service type '\(name)' does not exist", errorCode: "service_type_not_found")
        }
        return serviceTypeDefinition
    }

    private var serviceTypeDefinition: JSONValue {
        let servicePlans: [JSONValue] = plans.map { plan in
            var regions: [String: JSONValue] = [:]
            for cloud in clouds {
                // avn's `service plans` reads every one of these (kafka_connect has no disk: 0).
                regions[cloud.name] = [
                    "price_usd": .string(plan.priceUSD), "node_memory_mb": .integer(Int64(plan.memoryMB)),
                    "node_cpu_count": .integer(Int64(plan.cpuCount)), "disk_space_mb": 0,
                ]
            }
            return [
                "service_plan": .string(plan.name),
                "service_type": .string(Self.serviceType),
                "node_count": .integer(Int64(plan.nodeCount)),
                "backup_config": ["interval": 24, "max_count": 2, "recovery_mode": "basic"],
                "regions": .object(regions),
            ]
        }
        return [
            "description": "Kafka Connect",
            "service_plans": .array(servicePlans),
            "user_config_schema": Self.userConfigSchema,
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
