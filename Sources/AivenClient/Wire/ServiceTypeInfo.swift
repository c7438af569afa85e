import KubeAPI

/// A service type in the catalogue (`GET /v1/project/{project}/service_types`).
public struct ServiceTypeInfo: Sendable, Hashable, Decodable {
    /// Human-readable name, e.g. `Kafka Connect`.
    public var description: String?
    /// The plans, with the clouds each is sold in.
    public var servicePlans: [ServicePlan]
    /// Aiven's JSON schema for this type's `user_config`.
    public var userConfigSchema: AivenJSON?

    private enum CodingKeys: String, CodingKey {
        case description, servicePlans = "service_plans", userConfigSchema = "user_config_schema"
    }
}

/// A plan of a service type.
public struct ServicePlan: Sendable, Hashable, Decodable {
    /// The plan name, e.g. `business-4`.
    public var servicePlan: String
    /// The service type it belongs to.
    public var serviceType: String
    /// Nodes in the plan.
    public var nodeCount: Int?
    /// Price details per cloud; the keys are the clouds the plan is available in.
    public var regions: [String: AivenJSON]

    private enum CodingKeys: String, CodingKey {
        case servicePlan = "service_plan", serviceType = "service_type", nodeCount = "node_count", regions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        servicePlan = try container.decode(String.self, forKey: .servicePlan)
        serviceType = try container.decode(String.self, forKey: .serviceType)
        nodeCount = try container.decodeIfPresent(Int.self, forKey: .nodeCount)
        regions = try container.decodeIfPresent([String: AivenJSON].self, forKey: .regions) ?? [:]
    }
}

/// A cloud region (`GET /v1/clouds`).
public struct AivenCloud: Sendable, Hashable, Decodable {
    /// The name used in requests, e.g. `google-europe-west1`.
    public var cloudName: String
    /// Human-readable description.
    public var cloudDescription: String?
    /// The geographic region, e.g. `europe`.
    public var geoRegion: String

    private enum CodingKeys: String, CodingKey {
        case cloudName = "cloud_name", cloudDescription = "cloud_description", geoRegion = "geo_region"
    }
}
