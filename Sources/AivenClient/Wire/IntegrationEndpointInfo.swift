import KubeAPI

/// A service integration endpoint as the API returns it (inside
/// `{"service_integration_endpoint": …}`). Its secret options (passwords, keys) read `<redacted>`
/// unless it was read with `include_secrets=true`.
public struct IntegrationEndpointInfo: Sendable, Hashable, Decodable {
    /// The endpoint's id (UUID).
    public var endpointId: String
    /// The endpoint's name.
    public var endpointName: String
    /// `external_postgresql`, `datadog`, …
    public var endpointType: String
    /// The endpoint's options as they were given.
    public var userConfig: [String: AivenJSON]

    /// The value Aiven shows in place of a secret option read without `include_secrets`.
    public static let redacted = "<redacted>"

    private enum CodingKeys: String, CodingKey {
        case endpointId = "endpoint_id", endpointName = "endpoint_name", endpointType = "endpoint_type", userConfig = "user_config"
    }

    public init(endpointId: String, endpointName: String, endpointType: String, userConfig: [String: AivenJSON]) {
        self.endpointId = endpointId
        self.endpointName = endpointName
        self.endpointType = endpointType
        self.userConfig = userConfig
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        endpointId = try container.decode(String.self, forKey: .endpointId)
        endpointName = try container.decodeIfPresent(String.self, forKey: .endpointName) ?? ""
        endpointType = try container.decode(String.self, forKey: .endpointType)
        userConfig = try container.decodeIfPresent([String: AivenJSON].self, forKey: .userConfig) ?? [:]
    }
}

/// An endpoint to create: the body of `POST /v1/project/{project}/integration_endpoint`.
public struct IntegrationEndpointRequest: Sendable, Hashable, Encodable {
    public var endpointName: String
    public var endpointType: String
    public var userConfig: [String: AivenJSON]

    public init(endpointName: String, endpointType: String, userConfig: [String: AivenJSON]) {
        self.endpointName = endpointName
        self.endpointType = endpointType
        self.userConfig = userConfig
    }

    private enum CodingKeys: String, CodingKey {
        case endpointName = "endpoint_name", endpointType = "endpoint_type", userConfig = "user_config"
    }
}
