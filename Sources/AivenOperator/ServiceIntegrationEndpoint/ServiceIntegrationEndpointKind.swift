import AivenClient
import AivenResources
import KubeAPI
import KubeRuntime

/// `ServiceIntegrationEndpoint`: one Aiven integration endpoint per resource.
///
/// Its identity on Aiven is the endpoint id, kept in `status.id`. Before there is one, the
/// endpoint of the project with the same name and type is the resource's (a create whose answer
/// was lost is recovered, not repeated); endpoints carry no owner tag, so two resources naming the
/// same endpoint are told apart by ``Claims``. The spec's block of its endpoint type is the
/// endpoint's `user_config`. Its secret options (passwords, keys, basic-auth passwords) are read
/// from the spec as the reference operator reads them, registered with the ``Redactor`` so no
/// status, event, log line or error message shows them, and compared with what Aiven holds only
/// through a read with `include_secrets`; a difference in one shows its path, never its value.
public struct ServiceIntegrationEndpointKind: ClaimingKind {
    public static let controllerName = "serviceintegrationendpoint"
    public static let noun = "Aiven integration endpoint"

    /// The endpoint the spec asks for.
    public struct Desired: Sendable, Hashable {
        public var project: String
        public var request: IntegrationEndpointRequest
    }

    /// The `user_config` options of each endpoint type that hold secrets: those Aiven's published
    /// schema marks `_secure` (and shows as `<redacted>`).
    public static let secretOptions: [String: Set<String>] = [
        "datadog": ["datadog_api_key"],
        "external_aws_cloudwatch_logs": ["secret_key"],
        "external_aws_cloudwatch_metrics": ["secret_key"],
        "external_aws_s3": ["secret_access_key"],
        "external_clickhouse": ["password"],
        "external_elasticsearch_logs": ["url"],
        "external_google_cloud_bigquery": ["service_account_credentials"],
        "external_google_cloud_logging": ["service_account_credentials"],
        "external_kafka": ["sasl_plain_password", "ssl_client_key"],
        "external_mysql": ["password"],
        "external_opensearch_logs": ["url"],
        "external_postgresql": ["password", "ssl_client_key"],
        "external_schema_registry": ["basic_auth_password"],
        "jolokia": ["basic_auth_password"],
        "prometheus": ["basic_auth_password"],
        "rsyslog": ["key"],
    ]

    public init() {}

    /// The endpoint's name on Aiven: `spec.endpointName`, else `metadata.name`.
    static func endpointName(of resource: ServiceIntegrationEndpoint) -> String {
        resource.spec.endpointName.flatMap { $0.isEmpty ? nil : $0 } ?? resource.metadata.name ?? ""
    }

    public func describe(_ resource: ServiceIntegrationEndpoint) -> String {
        "\(resource.spec.project)/\(Self.endpointName(of: resource)) (\(resource.spec.endpointType))"
    }

    public func desired(for resource: ServiceIntegrationEndpoint, dependencies: Dependencies) async throws -> Desired {
        let spec = resource.spec
        var userConfig: [String: AivenJSON] = [:]
        for (type, field) in ServiceIntegrationEndpointSpec.blockFields {
            guard let block = spec.blocks[field] else { continue }
            guard type == spec.endpointType else {
                throw InvalidSpec("spec.\(field) configures a \(type) endpoint, but spec.endpointType is \(spec.endpointType)")
            }
            userConfig = block.objectValue ?? [:]
        }
        // Aiven may quote a refused value in its message: it is scrubbed from what is shown.
        Redactor.shared.register(Self.secretValues(in: userConfig, type: spec.endpointType))
        return Desired(
            project: spec.project,
            request: IntegrationEndpointRequest(endpointName: Self.endpointName(of: resource), endpointType: spec.endpointType, userConfig: userConfig)
        )
    }

    /// The values of the secret options of a `type` endpoint's `userConfig`.
    static func secretValues(in userConfig: [String: AivenJSON], type: String) -> [String] {
        (secretOptions[type] ?? []).compactMap { userConfig[$0]?.stringValue }
    }

    /// The endpoint with the recorded id, else the project's endpoint of the spec's name and
    /// type; read with its secrets, to compare them.
    public func observe(_ resource: ServiceIntegrationEndpoint, client: AivenClient) async throws(AivenError) -> IntegrationEndpointInfo? {
        let project = resource.spec.project
        do {
            if let id = resource.status?.id, !id.isEmpty {
                do {
                    return try await client.getIntegrationEndpoint(project: project, id: id, includeSecrets: true)
                } catch .notFound {
                    // Deleted on Aiven: look for one of the spec's name below.
                }
            }
            let name = Self.endpointName(of: resource)
            let endpoints = try await client.listIntegrationEndpoints(project: project)
            guard let found = endpoints.first(where: { $0.endpointName == name && $0.endpointType == resource.spec.endpointType }) else { return nil }
            return try await client.getIntegrationEndpoint(project: project, id: found.endpointId, includeSecrets: true)
        } catch .notFound {
            return nil
        }
    }

    public func claim(of resource: ServiceIntegrationEndpoint) -> String? {
        "\(ServiceIntegrationEndpoint.kind)/\(resource.spec.project)/\(Self.endpointName(of: resource))"
    }

    public func ownership(of observed: IntegrationEndpointInfo, resource: ServiceIntegrationEndpoint, everManaged: Bool) -> Ownership {
        .ours
    }

    /// The spec's options that differ on Aiven. A secret option reads `<redacted>` when Aiven did
    /// not return it, which is not a difference; a difference in one shows no value.
    public func changes(desired: Desired, observed: IntegrationEndpointInfo) -> [FieldChange] {
        desired.request.userConfig.keys.sorted().compactMap { key in
            let (want, have) = (desired.request.userConfig[key], observed.userConfig[key])
            guard want != have else { return nil }
            guard Self.secretOptions[desired.request.endpointType]?.contains(key) == true else { return FieldChange(path: "user_config.\(key)", old: have, new: want) }
            if have?.stringValue == IntegrationEndpointInfo.redacted { return nil }
            return FieldChange(path: "user_config.\(key)", old: have.map { _ in .string(Redactor.placeholder) }, new: .string(Redactor.placeholder))
        }
    }

    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> IntegrationEndpointInfo {
        try await client.createIntegrationEndpoint(project: desired.project, desired.request)
    }

    public func update(_ desired: Desired, observed: IntegrationEndpointInfo, client: AivenClient) async throws(AivenError) -> IntegrationEndpointInfo {
        try await client.updateIntegrationEndpoint(project: desired.project, id: observed.endpointId, userConfig: desired.request.userConfig)
    }

    public func delete(_ observed: IntegrationEndpointInfo, resource: ServiceIntegrationEndpoint, client: AivenClient) async throws(AivenError) {
        do {
            try await client.deleteIntegrationEndpoint(project: resource.spec.project, id: observed.endpointId)
        } catch .notFound {
            // Already gone.
        }
    }

    public func health(of observed: IntegrationEndpointInfo, desired: Desired) -> Health {
        Health(ready: true, reason: "Active", message: "Integration endpoint \(observed.endpointId) exists")
    }

    public func record(_ observed: IntegrationEndpointInfo, in status: inout ServiceIntegrationEndpointStatus) {
        status.id = observed.endpointId
    }

    public func createdMessage(_ desired: Desired, created: IntegrationEndpointInfo, resource: ServiceIntegrationEndpoint) -> String {
        "Created Aiven integration endpoint \(describe(resource)) (id \(created.endpointId))"
    }
}

extension ServiceIntegrationEndpoint: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public var project: String { spec.project }
    public static let terminationProtection: TerminationProtection<Self>? = nil
}
