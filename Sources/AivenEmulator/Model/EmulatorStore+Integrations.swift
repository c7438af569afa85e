import Foundation
import KubeAPI

extension EmulatorStore {
    /// Integration types this emulator can create after the fact (read_replica only at service create).
    static let integrationTypes: Set<String> = ["kafka_connect", "kafka_logs", "logs", "metrics", "datadog", "prometheus"]

    /// `POST /v1/project/{project}/integration`.
    func createIntegration(project: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        if let problem = AivenSchemaValidator(schema: RequestSchemas.integrationCreate).firstProblem(in: body) {
            throw EmulatorError.invalidInput(problem)
        }
        let type = body["integration_type"]?.stringValue ?? ""
        if type == "read_replica" {
            throw EmulatorError.invalid("Integration type 'read_replica' can only be set when the service is created")
        }
        guard Self.integrationTypes.contains(type) else {
            throw EmulatorError.invalid("Invalid integration type '\(type)'")
        }
        guard let source = body["source_service"]?.stringValue, let dest = body["dest_service"]?.stringValue else {
            throw EmulatorError.invalid("Invalid input: 'source_service' and 'dest_service' are required for \(type)")
        }
        let userConfig = body["user_config"]?.objectValue ?? [:]
        return try await mutate(project) { (state, _) throws(EmulatorError) in
            for name in [source, dest] where state.services[name] == nil { throw .serviceNotFound(name) }
            if state.integrations(of: source).contains(where: { $0.type == type && $0.destService == dest }) {
                throw EmulatorError(409, "Service integration already exists")
            }
            let integration = EmulatedIntegration(
                id: UUID().uuidString.lowercased(), type: type, sourceProject: project, sourceService: source,
                destProject: project, destService: dest, userConfig: userConfig)
            state.put(integration)
            return ["service_integration": integration.json]
        }
    }

    /// `GET /v1/project/{project}/integration/{id}`.
    func integration(project: String, id: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, _) throws(EmulatorError) in
            guard let integration = state.integrations[id] else { throw Self.integrationNotFound(id) }
            return ["service_integration": integration.json]
        }
    }

    /// `GET /v1/project/{project}/service/{service}/integration`.
    func integrations(project: String, service: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, _) throws(EmulatorError) in
            guard state.services[service] != nil else { throw .serviceNotFound(service) }
            return ["service_integrations": .array(state.integrations(of: service).map(\.json))]
        }
    }

    /// `PUT /v1/project/{project}/integration/{id}`: replaces the integration's `user_config`.
    func updateIntegration(project: String, id: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        if let problem = AivenSchemaValidator(schema: RequestSchemas.integrationUpdate).firstProblem(in: body) {
            throw EmulatorError.invalidInput(problem)
        }
        let userConfig = body["user_config"]?.objectValue ?? [:]
        return try await mutate(project) { (state, _) throws(EmulatorError) in
            guard var integration = state.integrations[id] else { throw Self.integrationNotFound(id) }
            integration.userConfig = userConfig
            state.put(integration)
            return ["service_integration": integration.json]
        }
    }

    /// `DELETE /v1/project/{project}/integration/{id}`.
    func deleteIntegration(project: String, id: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, _) throws(EmulatorError) in
            guard state.integrations[id] != nil else { throw Self.integrationNotFound(id) }
            state.removeIntegration(id)
            return ["message": "Service integration deleted"]
        }
    }

    static func integrationNotFound(_ id: String) -> EmulatorError {
        EmulatorError(404, "Service integration \(id) does not exist", errorCode: "service_integration_not_found")
    }
}
