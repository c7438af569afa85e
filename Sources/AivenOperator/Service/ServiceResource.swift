import AivenClient
import AivenResources
import KubeAPI

/// The spec fields every Aiven service kind has (`KafkaConnectSpec`, `KafkaSpec`), under the
/// names the reference operator gives them: what ``ServiceSpec`` reads.
public protocol ServiceFields: Sendable {
    /// The kind's typed `userConfig`.
    associatedtype UserConfig: Encodable & Sendable
    var project: String { get }
    var plan: String { get }
    var cloudName: String? { get }
    var projectVPCRef: ResourceReference? { get }
    var projectVpcId: String? { get }
    var maintenanceWindowDow: MaintenanceDay? { get }
    var maintenanceWindowTime: String? { get }
    var terminationProtection: Bool? { get }
    var technicalEmails: [TechnicalEmail]? { get }
    var tags: [String: String]? { get }
    var powered: Bool? { get }
    var serviceIntegrations: [ServiceIntegrationItem]? { get }
    var userConfig: UserConfig? { get }
    var authSecretRef: SecretKeyReference? { get }
    /// `disk_space` (`600GiB`); kinds whose services have no disk (KafkaConnect) have none.
    var diskSpace: String? { get }
    /// `karapace` (Kafka only); other kinds have none.
    var karapace: Bool? { get }
}

extension ServiceFields {
    public var diskSpace: String? { nil }
    public var karapace: Bool? { nil }
}

/// A kind whose objects are Aiven services, one per resource and named after it, described for
/// ``ServiceKind``: its Aiven service type and, optionally, the connection Secret it publishes.
/// Everything else (ownership, drift, adoption, deletion, termination protection, powered) is
/// the same for every service kind.
public protocol ServiceResource: ManagedResource where Status == ObservedStatus {
    associatedtype Spec: ServiceFields
    /// Aiven's service type (`kafka_connect`, `kafka`).
    static var serviceType: String { get }
    var spec: Spec { get }

    /// The checks Aiven must pass before `desired` is applied over `observed` (PostgreSQL's
    /// upgrade check before a new `pg_version`); none for most kinds.
    static func updateChecks(desired: ServiceSpec, observed: AivenService) -> [UpdateCheck]
}

/// A service kind whose resources publish a connection Secret (`Kafka`): its ``ServiceKind`` is
/// ``ConnectionSecretPublishing``.
public protocol ConnectionSecretResource: ServiceResource {
    /// The connection Secret for the running `service` (read with its secrets) of a project whose
    /// CA is `projectCA`; `nil` when this resource publishes none.
    func connectionSecret(service: AivenService, projectCA: String) -> ConnectionSecret?

    /// `true` when this resource publishes a connection Secret (so its service is read with its
    /// secrets, and the project CA fetched).
    var publishesConnectionSecret: Bool { get }
}

extension ServiceResource {
    public static func updateChecks(desired: ServiceSpec, observed: AivenService) -> [UpdateCheck] { [] }

    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static var terminationProtection: TerminationProtection<Self>? {
        TerminationProtection(field: "terminationProtection") { $0.spec.terminationProtection }
    }
    public var project: String { spec.project }
}

extension KafkaConnectSpec: ServiceFields {}

extension KafkaConnect: ServiceResource {
    public static let serviceType = "kafka_connect"
}

/// `KafkaConnect`: one Aiven for Apache Kafka Connect service per resource.
public typealias KafkaConnectKind = ServiceKind<KafkaConnect>

extension ObservedStatus: ManagedStatus, InputsRecordingStatus {
    public init() { self.init(state: nil) }
}
