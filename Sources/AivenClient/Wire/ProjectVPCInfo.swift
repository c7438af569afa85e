/// A project VPC as the API returns it.
public struct ProjectVPCInfo: Sendable, Hashable, Decodable {
    /// The VPC's id (UUID), used as a service's `project_vpc_id`.
    public var projectVPCId: String
    /// The cloud it lives in.
    public var cloudName: String
    /// Its address range.
    public var networkCIDR: String
    /// `APPROVED` (being built), `ACTIVE`, `DELETING` or `DELETED`.
    public var state: String
    /// When the VPC was created (RFC 3339).
    public var createTime: String?
    /// When the VPC last changed (RFC 3339).
    public var updateTime: String?

    /// The VPC is usable.
    public static let active = "ACTIVE"
    /// The VPC is being built.
    public static let approved = "APPROVED"

    private enum CodingKeys: String, CodingKey {
        case projectVPCId = "project_vpc_id", cloudName = "cloud_name", networkCIDR = "network_cidr"
        case state, createTime = "create_time", updateTime = "update_time"
    }
}

/// The body of `POST /v1/project/{project}/vpcs`.
public struct ProjectVPCCreateRequest: Sendable, Hashable, Encodable {
    /// The cloud, e.g. `aws-eu-west-1`.
    public var cloudName: String
    /// The address range, e.g. `10.0.0.0/24`.
    public var networkCIDR: String

    /// A VPC to create (with no peering connections).
    public init(cloudName: String, networkCIDR: String) {
        self.cloudName = cloudName
        self.networkCIDR = networkCIDR
    }

    private enum CodingKeys: String, CodingKey {
        case cloudName = "cloud_name", networkCIDR = "network_cidr", peeringConnections = "peering_connections"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cloudName, forKey: .cloudName)
        try container.encode(networkCIDR, forKey: .networkCIDR)
        try container.encode([String](), forKey: .peeringConnections)
    }
}
