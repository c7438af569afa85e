/// A user of a service (`users` in a service, `{"user": …}` of `…/user/{username}`): `avnadmin`,
/// or one made through the API. Its description and mirror never show the password or the key.
public struct ServiceUserInfo: Sendable, Hashable, Decodable, CustomStringConvertible, CustomReflectable {
    public var username: String
    /// `primary` for `avnadmin`, `normal` otherwise.
    public var type: String?
    /// The password; empty or absent when Aiven does not know it (set directly in the database).
    public var password: String?
    /// The user's client certificate and key (Kafka), when returned.
    public var accessCert: String?
    public var accessKey: String?

    private enum CodingKeys: String, CodingKey {
        case username, type, password, accessCert = "access_cert", accessKey = "access_key"
    }

    /// A user; see the properties.
    public init(username: String, type: String? = nil, password: String? = nil, accessCert: String? = nil, accessKey: String? = nil) {
        self.username = username
        self.type = type
        self.password = password
        self.accessCert = accessCert
        self.accessKey = accessKey
    }

    /// Whether this is the service's built-in user (`avnadmin`), which cannot be deleted.
    public var isPrimary: Bool { type == "primary" || username == "avnadmin" }

    public var description: String { "ServiceUserInfo(\(username), \(type ?? "?"))" }

    public var customMirror: Mirror { Mirror(self, children: ["username": username, "type": type as Any]) }
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
