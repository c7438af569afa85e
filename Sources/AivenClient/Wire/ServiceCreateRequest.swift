import KubeAPI

/// The body of `POST /v1/project/{project}/service`.
///
/// The cloud goes out as `cloud` (responses call it `cloud_name`); `project_vpc_id` follows
/// ``ProjectVPCPlacement``; `tech_emails` is always sent, as Aiven's operator does.
public struct ServiceCreateRequest: Sendable, Hashable, Encodable {
    /// The name: 1–64 lower-case letters, digits and `-`, starting with a letter.
    public var serviceName: String
    /// The service type, `kafka_connect`.
    public var serviceType: String
    /// The plan, e.g. `business-4`.
    public var plan: String
    /// The cloud, e.g. `google-europe-west1`; Aiven picks one when absent.
    public var cloud: String?
    /// The network placement (`project_vpc_id`).
    public var projectVPC: ProjectVPCPlacement
    /// The maintenance window.
    public var maintenance: Maintenance?
    /// The service configuration, validated by Aiven against the type's schema.
    public var userConfig: [String: AivenJSON]?
    /// Protect against deletion and power-off.
    public var terminationProtection: Bool?
    /// The disk in MB, when not the plan's (within the plan's limits and steps).
    public var diskSpaceMB: Int?
    /// Initial tags.
    public var tags: [String: String]?
    /// Technical contacts (always sent, possibly empty).
    public var techEmails: [TechEmail]
    /// Creation-time integrations such as `read_replica`.
    public var serviceIntegrations: [ServiceIntegrationRequest]?

    /// A create request; only the name and plan are required.
    public init(
        serviceName: String,
        serviceType: String = "kafka_connect",
        plan: String,
        cloud: String? = nil,
        projectVPC: ProjectVPCPlacement = .unspecified,
        maintenance: Maintenance? = nil,
        userConfig: [String: AivenJSON]? = nil,
        terminationProtection: Bool? = nil,
        diskSpaceMB: Int? = nil,
        tags: [String: String]? = nil,
        techEmails: [TechEmail] = [],
        serviceIntegrations: [ServiceIntegrationRequest]? = nil
    ) {
        self.serviceName = serviceName
        self.serviceType = serviceType
        self.plan = plan
        self.cloud = cloud
        self.projectVPC = projectVPC
        self.maintenance = maintenance
        self.userConfig = userConfig
        self.terminationProtection = terminationProtection
        self.diskSpaceMB = diskSpaceMB
        self.tags = tags
        self.techEmails = techEmails
        self.serviceIntegrations = serviceIntegrations
    }

    private enum CodingKeys: String, CodingKey {
        case serviceName = "service_name", serviceType = "service_type", plan, cloud
        case projectVPCId = "project_vpc_id", maintenance, userConfig = "user_config"
        case terminationProtection = "termination_protection", diskSpaceMB = "disk_space_mb", tags, techEmails = "tech_emails"
        case serviceIntegrations = "service_integrations"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(serviceName, forKey: .serviceName)
        try container.encode(serviceType, forKey: .serviceType)
        try container.encode(plan, forKey: .plan)
        try container.encodeIfPresent(cloud, forKey: .cloud)
        try projectVPC.encode(into: &container, forKey: .projectVPCId)
        try container.encodeIfPresent(maintenance, forKey: .maintenance)
        try container.encodeIfPresent(userConfig, forKey: .userConfig)
        try container.encodeIfPresent(terminationProtection, forKey: .terminationProtection)
        try container.encodeIfPresent(diskSpaceMB, forKey: .diskSpaceMB)
        try container.encodeIfPresent(tags, forKey: .tags)
        try container.encode(techEmails, forKey: .techEmails)
        try container.encodeIfPresent(serviceIntegrations, forKey: .serviceIntegrations)
    }
}

extension ProjectVPCPlacement {
    func encode<Key: CodingKey>(into container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        switch self {
        case .unspecified: break
        case .publicNetwork: try container.encodeNil(forKey: key)
        case .vpc(let id): try container.encode(id, forKey: key)
        }
    }
}
