import KubeAPI

/// One difference between the desired and the observed service: `user_config.kafka_connect.
/// consumer_isolation_level: "read_uncommitted" → "read_committed"`. `nil` means absent.
public struct FieldChange: Sendable, Hashable, CustomStringConvertible {
    /// Aiven's field name, dotted for nested user_config keys and tags (`tags.env`).
    public var path: String
    public var old: JSONValue?
    public var new: JSONValue?

    public init(path: String, old: JSONValue?, new: JSONValue?) {
        self.path = path
        self.old = old
        self.new = new
    }

    public var description: String {
        "\(path): \(Self.render(old)) → \(Self.render(new))"
    }

    private static func render(_ value: JSONValue?) -> String {
        value.map(\.jsonString) ?? "(unset)"
    }

    /// `true` for changes under `user_config`.
    public var isUserConfig: Bool { path == "user_config" || path.hasPrefix("user_config.") }
    /// `true` for changes of tags.
    public var isTag: Bool { path.hasPrefix("tags.") }
}
