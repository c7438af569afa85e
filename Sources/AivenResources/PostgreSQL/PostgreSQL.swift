import KubeAPI

/// An Aiven for PostgreSQL® service declared as a Kubernetes resource (`aiven.io/v1alpha1`,
/// `PostgreSQL`). The Aiven service name is `metadata.name`.
public struct PostgreSQL: AivenResource, Hashable {
    public static let kind = "PostgreSQL"
    public static let plural = "postgresqls"

    public var apiVersion: String = PostgreSQL.apiVersion
    public var kind: String = PostgreSQL.kind
    public var metadata: ObjectMeta
    public var spec: PostgreSQLSpec
    public var status: PostgreSQLStatus?

    public init(metadata: ObjectMeta, spec: PostgreSQLSpec, status: PostgreSQLStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// What the operator observed of the service.
public typealias PostgreSQLStatus = ObservedStatus
