import KubeAPI

/// An integration between two Aiven services (or a service and an endpoint) declared as a
/// Kubernetes resource (`aiven.io/v1alpha1`, `ServiceIntegration`). Its identity on Aiven is the
/// integration id, kept in `status.id`.
public struct ServiceIntegration: AivenResource, Hashable {
    public static let kind = "ServiceIntegration"
    public static let plural = "serviceintegrations"

    public var apiVersion: String = ServiceIntegration.apiVersion
    public var kind: String = ServiceIntegration.kind
    public var metadata: ObjectMeta
    public var spec: ServiceIntegrationSpec
    public var status: ServiceIntegrationStatus?

    public init(metadata: ObjectMeta, spec: ServiceIntegrationSpec, status: ServiceIntegrationStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// What the operator observed of the integration: its id is its identity on Aiven.
public typealias ServiceIntegrationStatus = IdentifiedStatus
