import Foundation
import KubeAPI

extension EmulatorStore {
    /// Integration types between two services this emulator can create after the fact (read_replica
    /// only at service create); those with an endpoint end are ``IntegrationEndpointTypes/pairings``.
    static let integrationTypes: Set<String> = ["kafka_connect", "kafka_logs", "logs", "metrics"]

    /// `POST /v1/project/{project}/integration`.
    func createIntegration(project: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: RequestSchemas.integrationCreate).require(body)
        let type = body["integration_type"]?.stringValue ?? ""
        if type == "read_replica" {
            throw EmulatorError.invalid("Integration type 'read_replica' can only be set when the service is created")
        }
        let sourceEndpoint = body["source_endpoint_id"]?.stringValue, destEndpoint = body["dest_endpoint_id"]?.stringValue
        if sourceEndpoint != nil || destEndpoint != nil || IntegrationEndpointTypes.pairings[type] != nil {
            return try await createEndpointIntegration(project: project, type: type, body: body)
        }
        guard Self.integrationTypes.contains(type) else {
            throw EmulatorError.invalid("Invalid integration type '\(type)'")
        }
        guard let source = body["source_service"]?.stringValue, let dest = body["dest_service"]?.stringValue else {
            throw EmulatorError.invalid("Invalid input: 'source_service' and 'dest_service' are required for \(type)")
        }
        if type == "kafka_connect" {
            try AivenSchemaValidator(schema: RequestSchemas.kafkaConnectIntegrationUserConfig).require(body["user_config"] ?? [:])
        }
        let userConfig = body["user_config"]?.objectValue ?? [:]
        return try await mutate(project) { (state, _) throws(EmulatorError) in
            guard let sourceService = state.services[source] else { throw .serviceNotFound(source) }
            guard let destService = state.services[dest] else { throw .serviceNotFound(dest) }
            try Self.checkCompatible(type, source: sourceService, dest: destService)
            if state.integrations(of: source).contains(where: { $0.type == type && $0.destService == dest }) {
                throw EmulatorError(409, "Service integration already exists")
            }
            let integration = EmulatedIntegration(
                id: UUID().uuidString.lowercased(), type: type, sourceProject: project, sourceService: source,
                destProject: project, destService: dest, userConfig: userConfig,
                sourceServiceType: sourceService.type.name, destServiceType: destService.type.name)
            state.put(integration)
            return ["service_integration": integration.json]
        }
    }

    /// An integration between a service and an integration endpoint: the integration type's
    /// pairing (``IntegrationEndpointTypes/pairings``) decides which end is the endpoint, of which
    /// endpoint type, and which service types the other end may be.
    private func createEndpointIntegration(project: String, type: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        guard let pairing = IntegrationEndpointTypes.pairings[type] else {
            throw EmulatorError.invalid("Integration type '\(type)' does not integrate with an endpoint")
        }
        let (endpointRole, serviceRole) = pairing.endpointIsSource ? ("source", "dest") : ("dest", "source")
        guard let endpointID = body["\(endpointRole)_endpoint_id"]?.stringValue, body["\(endpointRole)_service"]?.stringValue == nil else {
            throw EmulatorError.invalid("Invalid input: integration type '\(type)' needs '\(endpointRole)_endpoint_id' (an endpoint of type \(pairing.endpointTypes.sorted().joined(separator: ", "))) and no '\(endpointRole)_service'")
        }
        guard let serviceName = body["\(serviceRole)_service"]?.stringValue, body["\(serviceRole)_endpoint_id"]?.stringValue == nil else {
            throw EmulatorError.invalid("Invalid input: integration type '\(type)' needs '\(serviceRole)_service' and no '\(serviceRole)_endpoint_id'")
        }
        let userConfig = body["user_config"]?.objectValue ?? [:]
        return try await mutate(project) { (state, _) throws(EmulatorError) in
            guard let endpoint = state.endpoints[endpointID] else { throw Self.endpointNotFound(endpointID) }
            guard let service = state.services[serviceName] else { throw .serviceNotFound(serviceName) }
            guard pairing.endpointTypes.contains(endpoint.type) else {
                throw EmulatorError.invalid(
                    "Integration type '\(type)' needs a \(pairing.endpointTypes.sorted().joined(separator: " or ")) endpoint, not '\(endpoint.type)' (\(endpoint.name))")
            }
            if let allowed = pairing.serviceTypes, !allowed.contains(service.type.name) {
                throw EmulatorError.invalid(
                    "Integration type '\(type)' cannot be used with a '\(service.type.name)' \(serviceRole == "dest" ? "destination" : "source") service (\(serviceName))")
            }
            let duplicate = state.integrations(of: endpointID).contains {
                $0.type == type && ($0.sourceService ?? $0.destService) == serviceName
            }
            if duplicate { throw EmulatorError(409, "Service integration already exists") }
            var integration = EmulatedIntegration(
                id: UUID().uuidString.lowercased(), type: type, sourceProject: project, sourceService: nil,
                destProject: project, destService: nil, userConfig: userConfig, sourceServiceType: nil, destServiceType: nil)
            if pairing.endpointIsSource {
                (integration.sourceEndpointID, integration.sourceServiceType) = (endpointID, endpoint.type)
                (integration.destService, integration.destServiceType) = (serviceName, service.type.name)
            } else {
                (integration.sourceService, integration.sourceServiceType) = (serviceName, service.type.name)
                (integration.destEndpointID, integration.destServiceType) = (endpointID, endpoint.type)
            }
            state.put(integration)
            return ["service_integration": integration.json]
        }
    }

    /// The service types an integration type joins: `kafka_connect` from a `kafka` to a
    /// `kafka_connect` service, `kafka_logs` into a `kafka` service; never a service to itself.
    static func checkCompatible(_ type: String, source: EmulatedService, dest: EmulatedService) throws(EmulatorError) {
        guard source.name != dest.name else { throw EmulatorError.invalid("A service cannot be integrated with itself") }
        let required: (source: String?, dest: String?) =
            switch type {
            case "kafka_connect": (ServiceCatalog.kafka.name, ServiceCatalog.kafkaConnect.name)
            case "kafka_logs": (nil, ServiceCatalog.kafka.name)
            default: (nil, nil)
            }
        if let wanted = required.source, source.type.name != wanted {
            throw EmulatorError.invalid("Integration type '\(type)' needs a '\(wanted)' source service, not '\(source.type.name)' (\(source.name))")
        }
        if let wanted = required.dest, dest.type.name != wanted {
            throw EmulatorError.invalid("Integration type '\(type)' needs a '\(wanted)' destination service, not '\(dest.type.name)' (\(dest.name))")
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
        try AivenSchemaValidator(schema: RequestSchemas.integrationUpdate).require(body)
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
