/// A service's `state`. Unknown values from the API are kept, not rejected.
public struct ServiceState: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The API's spelling, e.g. `RUNNING`.
    public var rawValue: String
    /// A state from its API spelling.
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    /// Being built (after create or power-on).
    public static let rebuilding = ServiceState(rawValue: "REBUILDING")
    /// Usable.
    public static let running = ServiceState(rawValue: "RUNNING")
    /// Usable, being moved to a new plan or cloud.
    public static let rebalancing = ServiceState(rawValue: "REBALANCING")
    /// Powered off.
    public static let poweroff = ServiceState(rawValue: "POWEROFF")
}
