import Foundation
import KubeAPI

/// An integration endpoint: an external system services integrate with.
struct EmulatedIntegrationEndpoint: Codable, Sendable {
    var id: String
    var name: String
    var type: String
    /// The options as given, secrets included (shown as `<redacted>` unless asked for).
    var userConfig: [String: JSONValue]
    var createTime: Date

    /// The `ServiceIntegrationEndpoint` object of Aiven's responses; secret options read
    /// `<redacted>` unless `includeSecrets`.
    func json(includeSecrets: Bool) -> JSONValue {
        let config = includeSecrets ? userConfig : IntegrationEndpointTypes.redacted(userConfig, type: type)
        return [
            "endpoint_id": .string(id),
            "endpoint_name": .string(name),
            "endpoint_type": .string(type),
            "user_config": .object(config),
            "endpoint_config": .object(config),
        ]
    }
}

/// The endpoint types and their user-config schemas (``IntegrationEndpointUserConfigSchema``),
/// and which integration types join a service to an endpoint of which type.
enum IntegrationEndpointTypes {
    /// The published schemas, by endpoint type.
    static let schemas: [String: JSONValue] = {
        do {
            return try JSONParser().parse(IntegrationEndpointUserConfigSchema.json).objectValue ?? [:]
        } catch {
            preconditionFailure("the embedded integration endpoint schema is not JSON: \(error)")
        }
    }()

    /// The endpoint types the API accepts: the reference CRD's and the published schema's.
    static let names: Set<String> = Set(schemas.keys).union([
        "autoscaler", "datadog", "external_aws_cloudwatch_logs", "external_aws_cloudwatch_metrics", "external_aws_s3", "external_clickhouse",
        "external_elasticsearch_logs", "external_google_cloud_bigquery", "external_google_cloud_logging", "external_kafka", "external_mysql",
        "external_opensearch_logs", "external_postgresql", "external_redis", "external_schema_registry", "external_sumologic_logs", "jolokia",
        "prometheus", "rsyslog",
    ])

    /// `user_config` with every option the type's schema marks `_secure` shown as `<redacted>`.
    static func redacted(_ userConfig: [String: JSONValue], type: String) -> [String: JSONValue] {
        redacted(userConfig, schema: schemas[type] ?? [:])
    }

    private static func redacted(_ config: [String: JSONValue], schema: JSONValue) -> [String: JSONValue] {
        var result = config
        for (key, value) in config {
            guard let property = schema["properties"]?[key] else { continue }
            if property["_secure"]?.boolValue == true, value != .null {
                result[key] = "<redacted>"
            } else if let nested = value.objectValue {
                result[key] = .object(redacted(nested, schema: property))
            }
        }
        return result
    }

    /// Which end of an integration type is an endpoint, of which types, and which service types
    /// the other end may be (`nil`: any). From Aiven's integration type list
    /// (`avn service integration-types-list`) and its integration guides.
    struct Pairing: Sendable {
        var endpointIsSource: Bool
        var endpointTypes: Set<String>
        var serviceTypes: Set<String>?
    }

    private static let metricsSources: Set<String> = ["cassandra", "elasticsearch", "kafka", "kafka_connect", "kafka_mirrormaker", "mysql", "opensearch", "pg", "redis"]

    /// Integration types whose one end is an endpoint.
    static let pairings: [String: Pairing] = [
        "autoscaler": Pairing(endpointIsSource: false, endpointTypes: ["autoscaler"], serviceTypes: nil),
        "datadog": Pairing(endpointIsSource: false, endpointTypes: ["datadog"], serviceTypes: metricsSources),
        "prometheus": Pairing(endpointIsSource: false, endpointTypes: ["prometheus"], serviceTypes: metricsSources),
        "jolokia": Pairing(endpointIsSource: false, endpointTypes: ["jolokia"], serviceTypes: ["kafka", "kafka_connect", "kafka_mirrormaker"]),
        "rsyslog": Pairing(endpointIsSource: false, endpointTypes: ["rsyslog"], serviceTypes: nil),
        "external_aws_cloudwatch_logs": Pairing(endpointIsSource: false, endpointTypes: ["external_aws_cloudwatch_logs"], serviceTypes: nil),
        "external_aws_cloudwatch_metrics": Pairing(endpointIsSource: false, endpointTypes: ["external_aws_cloudwatch_metrics"], serviceTypes: metricsSources),
        "external_elasticsearch_logs": Pairing(endpointIsSource: false, endpointTypes: ["external_elasticsearch_logs"], serviceTypes: nil),
        "external_opensearch_logs": Pairing(endpointIsSource: false, endpointTypes: ["external_opensearch_logs"], serviceTypes: nil),
        "external_google_cloud_logging": Pairing(endpointIsSource: false, endpointTypes: ["external_google_cloud_logging"], serviceTypes: nil),
        "kafka_connect_postgresql": Pairing(endpointIsSource: true, endpointTypes: ["external_postgresql"], serviceTypes: ["kafka_connect"]),
        "schema_registry_proxy": Pairing(endpointIsSource: true, endpointTypes: ["external_schema_registry"], serviceTypes: ["kafka"]),
        "kafka_mirrormaker": Pairing(endpointIsSource: true, endpointTypes: ["external_kafka"], serviceTypes: ["kafka_mirrormaker"]),
        "flink_external_kafka": Pairing(endpointIsSource: true, endpointTypes: ["external_kafka"], serviceTypes: ["flink"]),
        "flink_external_postgresql": Pairing(endpointIsSource: true, endpointTypes: ["external_postgresql"], serviceTypes: ["flink"]),
    ]

    /// What `GET …/integration_endpoint_types` lists of a type.
    static func typeListing(_ type: String) -> JSONValue {
        let services = pairings.values.filter { $0.endpointTypes.contains(type) }.flatMap { $0.serviceTypes ?? metricsSources }
        return [
            "endpoint_type": .string(type),
            "title": .string(type.replacingOccurrences(of: "_", with: " ")),
            "service_types": .array(Set(services).sorted().map(JSONValue.string)),
            "user_config_schema": schemas[type] ?? ["type": "object", "properties": [:]],
        ]
    }
}

extension EmulatorStore {
    /// `POST /v1/project/{project}/integration_endpoint`: the options are checked against the
    /// type's published schema.
    func createIntegrationEndpoint(project: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: RequestSchemas.integrationEndpointCreate).require(body)
        let name = body["endpoint_name"]?.stringValue ?? ""
        let type = body["endpoint_type"]?.stringValue ?? ""
        guard IntegrationEndpointTypes.names.contains(type) else {
            throw EmulatorError.invalidInput(SchemaProblem(path: "endpoint_type", message: "\(PythonRepr.quote(type)) is not a valid endpoint type"))
        }
        let userConfig = body["user_config"]?.objectValue ?? [:]
        try Self.checkEndpointConfig(userConfig, type: type)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            let endpoint = EmulatedIntegrationEndpoint(id: UUID().uuidString.lowercased(), name: name, type: type, userConfig: userConfig, createTime: time)
            state.put(endpoint)
            return ["service_integration_endpoint": endpoint.json(includeSecrets: false)]
        }
    }

    /// The options of a `type` endpoint against its published schema (any options for a type
    /// without one).
    static func checkEndpointConfig(_ userConfig: [String: JSONValue], type: String) throws(EmulatorError) {
        guard let schema = IntegrationEndpointTypes.schemas[type] else { return }
        if let problem = AivenSchemaValidator(schema: schema).firstProblem(in: .object(userConfig)) {
            throw EmulatorError.invalidInput(SchemaProblem(path: problem.path.isEmpty ? "user_config" : "user_config.\(problem.path)", message: problem.message))
        }
    }

    /// `GET /v1/project/{project}/integration_endpoint`: secrets redacted.
    func integrationEndpoints(project: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, _) throws(EmulatorError) in
            ["service_integration_endpoints": .array(state.sortedEndpoints.map { $0.json(includeSecrets: false) })]
        }
    }

    /// `GET /v1/project/{project}/integration_endpoint/{id}`: secrets only with `include_secrets=true`.
    func integrationEndpoint(project: String, id: String, includeSecrets: Bool) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, _) throws(EmulatorError) in
            guard let endpoint = state.endpoints[id] else { throw Self.endpointNotFound(id) }
            return ["service_integration_endpoint": endpoint.json(includeSecrets: includeSecrets)]
        }
    }

    /// `PUT /v1/project/{project}/integration_endpoint/{id}`: the options given replace the
    /// endpoint's, checked as on create.
    func updateIntegrationEndpoint(project: String, id: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: RequestSchemas.integrationEndpointUpdate).require(body)
        let userConfig = body["user_config"]?.objectValue ?? [:]
        return try await mutate(project) { (state, _) throws(EmulatorError) in
            guard var endpoint = state.endpoints[id] else { throw Self.endpointNotFound(id) }
            try Self.checkEndpointConfig(userConfig, type: endpoint.type)
            endpoint.userConfig = userConfig
            state.put(endpoint)
            return ["service_integration_endpoint": endpoint.json(includeSecrets: false)]
        }
    }

    /// `DELETE /v1/project/{project}/integration_endpoint/{id}`: its integrations go with it.
    func deleteIntegrationEndpoint(project: String, id: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, _) throws(EmulatorError) in
            guard state.endpoints[id] != nil else { throw Self.endpointNotFound(id) }
            for integration in state.integrations(of: id) { state.removeIntegration(integration.id) }
            state.removeEndpoint(id)
            return ["message": "Service integration endpoint deleted"]
        }
    }

    /// `GET /v1/project/{project}/integration_endpoint_types`.
    func integrationEndpointTypes(project: String) -> JSONValue {
        ["endpoint_types": .array(IntegrationEndpointTypes.names.sorted().map(IntegrationEndpointTypes.typeListing))]
    }

    static func endpointNotFound(_ id: String) -> EmulatorError {
        EmulatorError(404, "Service integration endpoint \(id) does not exist", errorCode: "service_integration_endpoint_not_found")
    }
}
