/// A maintenance window: `dow` is `monday`…`sunday` (`never` only appears in responses) and
/// `time` is `HH:MM:SS` (UTC).
public struct Maintenance: Sendable, Hashable, Codable {
    /// Day of week.
    public var dow: String
    /// Start time, `HH:MM:SS`.
    public var time: String

    /// A window; see the properties.
    public init(dow: String, time: String) {
        self.dow = dow
        self.time = time
    }
}

/// A technical contact for a service: `{"email": …}`.
public struct TechEmail: Sendable, Hashable, Codable {
    /// The address.
    public var email: String

    /// A contact address.
    public init(email: String) { self.email = email }
}

/// Where a service's network lives, which the API encodes as `project_vpc_id` being absent,
/// `null` or a UUID.
public enum ProjectVPCPlacement: Sendable, Hashable {
    /// Key absent. On create: the project's VPC in that cloud if there is one; on update: unchanged.
    case unspecified
    /// `null`: the public network.
    case publicNetwork
    /// The VPC with this id.
    case vpc(String)
}
