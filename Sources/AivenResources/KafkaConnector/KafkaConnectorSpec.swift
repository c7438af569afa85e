import KubeAPI

/// KafkaConnectorSpec defines the desired state of KafkaConnector.
public struct KafkaConnectorSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// The Java class of the connector.
    public var connectorClass: String
    /// Identifies the project this resource belongs to.
    public var project: String
    /// Specifies the name of the service that this resource belongs to.
    public var serviceName: String
    /// The connector-specific configuration
    /// To build config values from secret the template function `{{ fromSecret "name" "key" }}`
    /// is provided when interpreting the keys.
    /// Where "name" is the name of the secret and "key" is the key in the secret
    /// in the same namespace as the KafkaConnector.
    public var userConfig: [String: String]

    public init(authSecretRef: SecretKeyReference? = nil, connectorClass: String, project: String, serviceName: String, userConfig: [String: String]) {
        self.authSecretRef = authSecretRef
        self.connectorClass = connectorClass
        self.project = project
        self.serviceName = serviceName
        self.userConfig = userConfig
    }
}

