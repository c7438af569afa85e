/// A user of a service (`users` in a service): `avnadmin`, or one made through the API. Its
/// description never shows the password or the access key.
public struct ServiceUser: Sendable, Hashable, Decodable, CustomStringConvertible {
    public var username: String
    /// `primary` for `avnadmin`, `normal` otherwise.
    public var type: String?
    /// Only returned with `include_secrets`.
    public var password: String?
    /// The user's client certificate and key (Kafka), when returned.
    public var accessCert: String?
    public var accessKey: String?

    private enum CodingKeys: String, CodingKey {
        case username, type, password, accessCert = "access_cert", accessKey = "access_key"
    }

    public var description: String { "ServiceUser(\(username), \(type ?? "?"))" }
}

/// One endpoint of a service (`components` in a service): which component, where, on which
/// route and, for Kafka, with which authentication method.
public struct ServiceComponent: Sendable, Hashable, Decodable {
    /// `kafka`, `kafka_connect`, `kafka_rest`, `schema_registry`, …
    public var component: String
    public var host: String
    public var port: Int
    /// `dynamic`, `public`, `private`, `privatelink`.
    public var route: String?
    /// `primary` or `replica`.
    public var usage: String?
    /// `certificate` or `sasl` (Kafka only).
    public var kafkaAuthenticationMethod: String?

    private enum CodingKeys: String, CodingKey {
        case component, host, port, route, usage, kafkaAuthenticationMethod = "kafka_authentication_method"
    }

    public init(component: String, host: String, port: Int, route: String? = nil, usage: String? = nil, kafkaAuthenticationMethod: String? = nil) {
        self.component = component
        self.host = host
        self.port = port
        self.route = route
        self.usage = usage
        self.kafkaAuthenticationMethod = kafkaAuthenticationMethod
    }
}
