import KubeAPI

/// One `user_config.ip_filter` item: Aiven accepts and returns either a CIDR string or an
/// object `{"network": …, "description": …}`, and echoes the form it stored.
public enum IPFilterEntryInfo: Sendable, Hashable, Codable {
    /// `"10.20.0.0/16"`.
    case cidr(String)
    /// `{"network": "10.20.0.0/16", "description": "office"}`; the description is optional.
    case network(String, description: String?)

    /// The CIDR block, whichever the form.
    public var network: String {
        switch self {
        case .cidr(let network), .network(let network, _): network
        }
    }

    private enum CodingKeys: String, CodingKey { case network, description }

    public init(from decoder: any Decoder) throws {
        if let cidr = try? decoder.singleValueContainer().decode(String.self) {
            self = .cidr(cidr)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = .network(
            try container.decode(String.self, forKey: .network),
            description: try container.decodeIfPresent(String.self, forKey: .description)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .cidr(let cidr):
            var container = encoder.singleValueContainer()
            try container.encode(cidr)
        case .network(let network, let description):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(network, forKey: .network)
            try container.encodeIfPresent(description, forKey: .description)
        }
    }

    /// The JSON form, for building a `user_config`.
    public var json: AivenJSON {
        switch self {
        case .cidr(let cidr): .string(cidr)
        case .network(let network, let description?): ["network": .string(network), "description": .string(description)]
        case .network(let network, nil): ["network": .string(network)]
        }
    }

    /// Reads an item of a `user_config.ip_filter` array; `nil` if it has neither form.
    public init?(json: AivenJSON) {
        switch json {
        case .string(let cidr): self = .cidr(cidr)
        case .object(let members):
            guard let network = members["network"]?.stringValue else { return nil }
            self = .network(network, description: members["description"]?.stringValue)
        default: return nil
        }
    }
}
