import KubeAPI

/// The body of `PUT /v1/project/{project}/service/{service}`. Absent fields are unchanged.
///
/// Name, type, tags and integrations cannot be changed here (tags have their own endpoint).
public struct ServiceUpdateRequest: Sendable, Hashable, Encodable {
    /// A new plan (the service rebalances).
    public var plan: String?
    /// A new cloud (the service migrates).
    public var cloud: String?
    /// A new network placement; `.unspecified` leaves it.
    public var projectVPC: ProjectVPCPlacement
    /// A new maintenance window.
    public var maintenance: Maintenance?
    /// The full user_config (the operator always sends the whole map).
    public var userConfig: [String: AivenJSON]?
    /// Turn termination protection on or off.
    public var terminationProtection: Bool?
    /// The technical contacts.
    public var techEmails: [TechEmail]?
    /// `false` powers the service off, `true` on.
    public var powered: Bool?
    /// A new disk size in MB (within the plan's limits and steps); a smaller one rebalances.
    public var diskSpaceMB: Int?
    /// Kafka only: switch Karapace (schema registry and REST proxy) on or off.
    public var karapace: Bool?

    /// An update; set only what should change.
    public init(
        plan: String? = nil,
        cloud: String? = nil,
        projectVPC: ProjectVPCPlacement = .unspecified,
        maintenance: Maintenance? = nil,
        userConfig: [String: AivenJSON]? = nil,
        terminationProtection: Bool? = nil,
        techEmails: [TechEmail]? = nil,
        powered: Bool? = nil,
        diskSpaceMB: Int? = nil,
        karapace: Bool? = nil
    ) {
        self.plan = plan
        self.cloud = cloud
        self.projectVPC = projectVPC
        self.maintenance = maintenance
        self.userConfig = userConfig
        self.terminationProtection = terminationProtection
        self.techEmails = techEmails
        self.powered = powered
        self.diskSpaceMB = diskSpaceMB
        self.karapace = karapace
    }

    private enum CodingKeys: String, CodingKey {
        case plan, cloud, projectVPCId = "project_vpc_id", maintenance, userConfig = "user_config"
        case terminationProtection = "termination_protection", techEmails = "tech_emails", powered
        case diskSpaceMB = "disk_space_mb", karapace
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(plan, forKey: .plan)
        try container.encodeIfPresent(cloud, forKey: .cloud)
        try projectVPC.encode(into: &container, forKey: .projectVPCId)
        try container.encodeIfPresent(maintenance, forKey: .maintenance)
        try container.encodeIfPresent(userConfig, forKey: .userConfig)
        try container.encodeIfPresent(terminationProtection, forKey: .terminationProtection)
        try container.encodeIfPresent(techEmails, forKey: .techEmails)
        try container.encodeIfPresent(powered, forKey: .powered)
        try container.encodeIfPresent(diskSpaceMB, forKey: .diskSpaceMB)
        try container.encodeIfPresent(karapace, forKey: .karapace)
    }
}
