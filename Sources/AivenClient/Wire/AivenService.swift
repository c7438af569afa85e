import KubeAPI

/// A service as the API returns it (the object inside `{"service": …}`).
public struct AivenService: Sendable, Hashable, Decodable {
    /// The name, unique in the project.
    public var serviceName: String
    /// `kafka_connect`, …
    public var serviceType: String
    /// The plan, e.g. `business-4`.
    public var plan: String
    /// The cloud (the request key is `cloud`, the response key `cloud_name`).
    public var cloudName: String
    /// The VPC, or `nil` on the public network.
    public var projectVPCId: String?
    /// The lifecycle state.
    public var state: ServiceState
    /// Protected against deletion and power-off.
    public var terminationProtection: Bool
    /// The service's configuration, as stored.
    public var userConfig: [String: AivenJSON]
    /// The maintenance window, if returned.
    public var maintenance: Maintenance?
    /// Technical contacts, if returned.
    public var techEmails: [TechEmail]?
    /// Tags, if returned.
    public var tags: [String: String]?
    /// Integrations attached to the service.
    public var serviceIntegrations: [ServiceIntegrationInfo]
    /// Nodes in the plan.
    public var nodeCount: Int?
    /// The service's disk in MB: the plan's, or the size set with `disk_space_mb`.
    public var diskSpaceMB: Int?
    /// Whether the Kafka service uses Karapace for schema registry and REST proxy
    /// (`features.karapace`); `nil` when Aiven reports no such feature.
    public var karapace: Bool?
    /// The connection URI (may be `null`).
    public var serviceURI: String?
    /// The parts of the connection URI (`host`, `port`, …), if returned.
    public var serviceURIParams: [String: String]?
    /// The service's users (`avnadmin` first); passwords only with `include_secrets`.
    public var users: [ServiceUserInfo]?
    /// The service's endpoints, one per component, route and authentication method.
    public var components: [ServiceComponent]?
    /// Connection details by name (`kafka_access_cert`, `kafka_access_key`, …), if returned.
    public var connectionInfo: [String: AivenJSON]?
    /// When the service was created (RFC 3339).
    public var createTime: String
    /// When the service last changed (RFC 3339).
    public var updateTime: String
    /// The migration `user_config.migration` started, when the operator read it
    /// (``AivenClient/getServiceMigration(project:service:)``); never part of the service's own answer.
    public var migration: ServiceMigration? = nil

    /// `user_config.ip_filter` in its typed form (either item form), if set.
    public var ipFilter: [IPFilterEntryInfo]? {
        userConfig["ip_filter"]?.arrayValue?.compactMap(IPFilterEntryInfo.init(json:))
    }

    private enum CodingKeys: String, CodingKey {
        case serviceName = "service_name", serviceType = "service_type", plan
        case cloudName = "cloud_name", projectVPCId = "project_vpc_id", state
        case terminationProtection = "termination_protection", userConfig = "user_config"
        case maintenance, techEmails = "tech_emails", tags, serviceIntegrations = "service_integrations"
        case nodeCount = "node_count", diskSpaceMB = "disk_space_mb", serviceURI = "service_uri", createTime = "create_time"
        case updateTime = "update_time", serviceURIParams = "service_uri_params", users, components
        case connectionInfo = "connection_info", features
    }

    private enum FeatureKeys: String, CodingKey {
        case karapace
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceName = try container.decode(String.self, forKey: .serviceName)
        serviceType = try container.decode(String.self, forKey: .serviceType)
        plan = try container.decode(String.self, forKey: .plan)
        cloudName = try container.decode(String.self, forKey: .cloudName)
        projectVPCId = try container.decodeIfPresent(String.self, forKey: .projectVPCId)
        state = try container.decode(ServiceState.self, forKey: .state)
        terminationProtection = try container.decodeIfPresent(Bool.self, forKey: .terminationProtection) ?? false
        userConfig = try container.decodeIfPresent([String: AivenJSON].self, forKey: .userConfig) ?? [:]
        maintenance = try? container.decodeIfPresent(Maintenance.self, forKey: .maintenance)
        techEmails = try container.decodeIfPresent([TechEmail].self, forKey: .techEmails)
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags)
        serviceIntegrations = try container.decodeIfPresent([ServiceIntegrationInfo].self, forKey: .serviceIntegrations) ?? []
        nodeCount = try container.decodeIfPresent(Int.self, forKey: .nodeCount)
        diskSpaceMB = try container.decodeIfPresent(Int.self, forKey: .diskSpaceMB)
        let features = try? container.nestedContainer(keyedBy: FeatureKeys.self, forKey: .features)
        karapace = try features?.decodeIfPresent(Bool.self, forKey: .karapace)
        serviceURI = try container.decodeIfPresent(String.self, forKey: .serviceURI)
        serviceURIParams = try container.decodeIfPresent([String: AivenJSON].self, forKey: .serviceURIParams)?.compactMapValues { value in
            switch value {
            case .string(let string): string
            case .integer(let integer): String(integer)
            default: nil
            }
        }
        users = try container.decodeIfPresent([ServiceUserInfo].self, forKey: .users)
        components = try container.decodeIfPresent([ServiceComponent].self, forKey: .components)
        connectionInfo = try container.decodeIfPresent([String: AivenJSON].self, forKey: .connectionInfo)
        createTime = try container.decodeIfPresent(String.self, forKey: .createTime) ?? ""
        updateTime = try container.decodeIfPresent(String.self, forKey: .updateTime) ?? ""
    }
}
