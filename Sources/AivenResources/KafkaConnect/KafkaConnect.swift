import KubeAPI

/// An Aiven for Apache Kafka® Connect service declared as a Kubernetes resource
/// (`aiven.io/v1alpha1`, `KafkaConnect`). The Aiven service name is `metadata.name`.
public struct KafkaConnect: AivenResource, Hashable {
    public static let kind = "KafkaConnect"
    public static let plural = "kafkaconnects"

    public var apiVersion: String = KafkaConnect.apiVersion
    public var kind: String = KafkaConnect.kind
    public var metadata: ObjectMeta
    public var spec: KafkaConnectSpec
    public var status: KafkaConnectStatus?

    public init(metadata: ObjectMeta, spec: KafkaConnectSpec, status: KafkaConnectStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// KafkaConnectSpec defines the desired state of KafkaConnect.
public struct KafkaConnectSpec: Codable, Sendable, Hashable {
    /// Authentication reference to Aiven token in a secret.
    public var authSecretRef: SecretKeyReference?
    /// Cloud the service runs in.
    public var cloudName: String?
    /// Day of week when maintenance operations should be performed.
    public var maintenanceWindowDow: MaintenanceDay?
    /// Time of day when maintenance operations should be performed. UTC time in HH:mm:ss format.
    public var maintenanceWindowTime: String?
    /// Subscription plan.
    public var plan: String
    /// Power state of the service; `true` unless set (the schema defaults it).
    public var powered: Bool?
    /// Identifies the project this resource belongs to. Immutable.
    public var project: String
    /// Reference to a ProjectVPC resource whose ID is used as the project VPC.
    public var projectVPCRef: ResourceReference?
    /// Identifier of the VPC the service should be in, if any.
    public var projectVpcId: String?
    /// Service integrations to specify when creating a service. Immutable.
    public var serviceIntegrations: [ServiceIntegrationItem]?
    /// Tags are key-value pairs that allow you to categorize services.
    public var tags: [String: String]?
    /// Addresses that receive alerts about maintenance and service instability.
    public var technicalEmails: [TechnicalEmail]?
    /// Prevent service from being deleted.
    public var terminationProtection: Bool?
    /// KafkaConnect specific user configuration options.
    public var userConfig: KafkaConnectUserConfig?

    public init(
        project: String,
        plan: String,
        authSecretRef: SecretKeyReference? = nil,
        cloudName: String? = nil,
        maintenanceWindowDow: MaintenanceDay? = nil,
        maintenanceWindowTime: String? = nil,
        powered: Bool? = nil,
        projectVPCRef: ResourceReference? = nil,
        projectVpcId: String? = nil,
        serviceIntegrations: [ServiceIntegrationItem]? = nil,
        tags: [String: String]? = nil,
        technicalEmails: [TechnicalEmail]? = nil,
        terminationProtection: Bool? = nil,
        userConfig: KafkaConnectUserConfig? = nil
    ) {
        self.project = project
        self.plan = plan
        self.authSecretRef = authSecretRef
        self.cloudName = cloudName
        self.maintenanceWindowDow = maintenanceWindowDow
        self.maintenanceWindowTime = maintenanceWindowTime
        self.powered = powered
        self.projectVPCRef = projectVPCRef
        self.projectVpcId = projectVpcId
        self.serviceIntegrations = serviceIntegrations
        self.tags = tags
        self.technicalEmails = technicalEmails
        self.terminationProtection = terminationProtection
        self.userConfig = userConfig
    }
}

/// A key in a Secret of the resource's namespace (`spec.authSecretRef`).
public struct SecretKeyReference: Codable, Sendable, Hashable {
    public var name: String
    public var key: String

    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }
}

/// A reference to another resource by name, optionally in another namespace (`spec.projectVPCRef`).
public struct ResourceReference: Codable, Sendable, Hashable {
    public var name: String
    public var namespace: String?

    public init(name: String, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }
}

/// A service integration created together with the service (`spec.serviceIntegrations[]`).
public struct ServiceIntegrationItem: Codable, Sendable, Hashable {
    public var integrationType: IntegrationType
    public var sourceServiceName: String

    public init(integrationType: IntegrationType, sourceServiceName: String) {
        self.integrationType = integrationType
        self.sourceServiceName = sourceServiceName
    }
}

/// The integration types `spec.serviceIntegrations` accepts.
public enum IntegrationType: String, Codable, Sendable, Hashable, CaseIterable {
    case readReplica = "read_replica"
}

/// One technical contact (`spec.technicalEmails[]`).
public struct TechnicalEmail: Codable, Sendable, Hashable {
    public var email: String

    public init(email: String) {
        self.email = email
    }
}

/// The day of a maintenance window (`spec.maintenanceWindowDow`).
public enum MaintenanceDay: String, Codable, Sendable, Hashable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

/// What the operator observed of the service.
public typealias KafkaConnectStatus = ObservedStatus
