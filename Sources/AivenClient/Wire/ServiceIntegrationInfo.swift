import KubeAPI

/// A service integration as the API returns it (inside `{"service_integration": …}`).
public struct ServiceIntegrationInfo: Sendable, Hashable, Decodable {
    /// The integration's id (UUID).
    public var serviceIntegrationId: String?
    /// `read_replica`, `kafka_connect`, …
    public var integrationType: String
    /// The source service.
    public var sourceService: String?
    /// The destination service.
    public var destService: String?
    /// The source service's project.
    public var sourceProject: String?
    /// The destination service's project.
    public var destProject: String?
    /// The source integration endpoint, for integrations from an endpoint.
    public var sourceEndpointId: String?
    /// The destination integration endpoint, for integrations to an endpoint.
    public var destEndpointId: String?
    /// Whether the integration is active.
    public var active: Bool
    /// Whether the integration is enabled.
    public var enabled: Bool
    /// The integration's own configuration.
    public var userConfig: [String: AivenJSON]?

    private enum CodingKeys: String, CodingKey {
        case serviceIntegrationId = "service_integration_id", integrationType = "integration_type"
        case sourceService = "source_service", destService = "dest_service"
        case sourceProject = "source_project", destProject = "dest_project", active, enabled
        case sourceEndpointId = "source_endpoint_id", destEndpointId = "dest_endpoint_id"
        case userConfig = "user_config"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceIntegrationId = try container.decodeIfPresent(String.self, forKey: .serviceIntegrationId)
        integrationType = try container.decode(String.self, forKey: .integrationType)
        sourceService = try container.decodeIfPresent(String.self, forKey: .sourceService)
        destService = try container.decodeIfPresent(String.self, forKey: .destService)
        sourceProject = try container.decodeIfPresent(String.self, forKey: .sourceProject)
        destProject = try container.decodeIfPresent(String.self, forKey: .destProject)
        sourceEndpointId = try container.decodeIfPresent(String.self, forKey: .sourceEndpointId)
        destEndpointId = try container.decodeIfPresent(String.self, forKey: .destEndpointId)
        active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? false
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
        userConfig = try container.decodeIfPresent([String: AivenJSON].self, forKey: .userConfig)
    }
}

/// An integration to create: the body of `POST /v1/project/{project}/integration`, and an item
/// of `service_integrations` in a service create body (e.g. `read_replica`).
public struct ServiceIntegrationRequest: Sendable, Hashable, Encodable {
    /// `read_replica`, `kafka_connect`, …
    public var integrationType: String
    /// The source service.
    public var sourceService: String?
    /// The destination service.
    public var destService: String?
    /// The source project, when not the request's project.
    public var sourceProject: String?
    /// The destination project, when not the request's project.
    public var destProject: String?
    /// The source integration endpoint, for integrations from an endpoint.
    public var sourceEndpointId: String?
    /// The destination integration endpoint, for integrations to an endpoint.
    public var destEndpointId: String?
    /// The integration's own configuration.
    public var userConfig: [String: AivenJSON]?

    /// An integration; see the properties.
    public init(
        integrationType: String,
        sourceService: String? = nil,
        destService: String? = nil,
        sourceProject: String? = nil,
        destProject: String? = nil,
        sourceEndpointId: String? = nil,
        destEndpointId: String? = nil,
        userConfig: [String: AivenJSON]? = nil
    ) {
        self.integrationType = integrationType
        self.sourceService = sourceService
        self.destService = destService
        self.sourceProject = sourceProject
        self.destProject = destProject
        self.sourceEndpointId = sourceEndpointId
        self.destEndpointId = destEndpointId
        self.userConfig = userConfig
    }

    private enum CodingKeys: String, CodingKey {
        case integrationType = "integration_type", sourceService = "source_service"
        case destService = "dest_service", sourceProject = "source_project"
        case destProject = "dest_project", sourceEndpointId = "source_endpoint_id"
        case destEndpointId = "dest_endpoint_id", userConfig = "user_config"
    }
}
