import KubeAPI

/// An Aiven service integration endpoint — an external system (a PostgreSQL server, a schema
/// registry, Datadog, …) services integrate with — declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `ServiceIntegrationEndpoint`). Its identity on Aiven is the endpoint id,
/// kept in `status.id`.
public struct ServiceIntegrationEndpoint: AivenResource, Hashable {
    public static let kind = "ServiceIntegrationEndpoint"
    public static let plural = "serviceintegrationendpoints"

    public var apiVersion: String = ServiceIntegrationEndpoint.apiVersion
    public var kind: String = ServiceIntegrationEndpoint.kind
    public var metadata: ObjectMeta
    public var spec: ServiceIntegrationEndpointSpec
    public var status: ServiceIntegrationEndpointStatus?

    public init(metadata: ObjectMeta, spec: ServiceIntegrationEndpointSpec, status: ServiceIntegrationEndpointStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// What the operator observed of the endpoint: its id is its identity on Aiven.
public typealias ServiceIntegrationEndpointStatus = IdentifiedStatus

/// ServiceIntegrationEndpointSpec defines the desired state of ServiceIntegrationEndpoint.
///
/// Each endpoint type's options are one block named after the type (`externalPostgresql` for
/// `external_postgresql`), in Aiven's own `user_config` keys, so a block is sent as the endpoint's
/// `user_config` as written; the schema (``ServiceIntegrationEndpoint/specSchema``) checks them.
public struct ServiceIntegrationEndpointSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// The endpoint's name on Aiven; `metadata.name` when unset.
    public var endpointName: String?
    /// Type of the service integration endpoint (`external_postgresql`, `datadog`, …).
    public var endpointType: String
    /// Identifies the project this resource belongs to.
    public var project: String
    /// The options of each endpoint type, by the spec field that holds them.
    public var blocks: [String: JSONValue]

    public init(
        authSecretRef: SecretKeyReference? = nil, endpointName: String? = nil, endpointType: String, project: String,
        blocks: [String: JSONValue] = [:]
    ) {
        self.authSecretRef = authSecretRef
        self.endpointName = endpointName
        self.endpointType = endpointType
        self.project = project
        self.blocks = blocks
    }

    /// Each endpoint type and the spec field holding its options.
    public static let blockFields: [(type: String, field: String)] = [
        ("autoscaler", "autoscaler"),
        ("datadog", "datadog"),
        ("external_aws_cloudwatch_logs", "externalAWSCloudwatchLogs"),
        ("external_aws_cloudwatch_metrics", "externalAWSCloudwatchMetrics"),
        ("external_elasticsearch_logs", "externalElasticsearchLogs"),
        ("external_google_cloud_bigquery", "externalGoogleCloudBigquery"),
        ("external_google_cloud_logging", "externalGoogleCloudLogging"),
        ("external_kafka", "externalKafka"),
        ("external_opensearch_logs", "externalOpensearchLogs"),
        ("external_postgresql", "externalPostgresql"),
        ("external_schema_registry", "externalSchemaRegistry"),
        ("jolokia", "jolokia"),
        ("prometheus", "prometheus"),
        ("rsyslog", "rsyslog"),
    ]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        authSecretRef = try container.decodeIfPresent(SecretKeyReference.self, forKey: Key(stringValue: "authSecretRef"))
        endpointName = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "endpointName"))
        endpointType = try container.decode(String.self, forKey: Key(stringValue: "endpointType"))
        project = try container.decode(String.self, forKey: Key(stringValue: "project"))
        blocks = [:]
        for (_, field) in Self.blockFields {
            if let block = try container.decodeIfPresent(JSONValue.self, forKey: Key(stringValue: field)) { blocks[field] = block }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(authSecretRef, forKey: Key(stringValue: "authSecretRef"))
        try container.encodeIfPresent(endpointName, forKey: Key(stringValue: "endpointName"))
        try container.encode(endpointType, forKey: Key(stringValue: "endpointType"))
        try container.encode(project, forKey: Key(stringValue: "project"))
        for (field, block) in blocks.sorted(by: { $0.key < $1.key }) {
            try container.encode(block, forKey: Key(stringValue: field))
        }
    }
}
