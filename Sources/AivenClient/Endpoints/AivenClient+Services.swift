extension AivenClient {
    private struct ServiceEnvelope: Decodable { var service: AivenService }
    private struct ServicesEnvelope: Decodable { var services: [AivenService] }

    /// `POST /v1/project/{project}/service`. Not retried after an ambiguous failure: on a
    /// timeout or a 5xx, read the service back with ``getService(project:name:includeSecrets:)``.
    public func createService(project: String, _ request: ServiceCreateRequest) async throws(AivenError) -> AivenService {
        try await send(.post, AivenPath("/v1/project/{project}/service", project), body: request, as: ServiceEnvelope.self).service
    }

    /// `GET /v1/project/{project}/service/{service}`; throws ``AivenError/notFound(message:)``
    /// when there is no such service.
    public func getService(project: String, name: String, includeSecrets: Bool = false) async throws(AivenError) -> AivenService {
        let query = includeSecrets ? [("include_secrets", "true")] : []
        return try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}", project, name, query: query), as: ServiceEnvelope.self).service
    }

    /// `GET /v1/project/{project}/service`.
    public func listServices(project: String) async throws(AivenError) -> [AivenService] {
        try await send(.get, AivenPath("/v1/project/{project}/service", project), as: ServicesEnvelope.self).services
    }

    /// `PUT /v1/project/{project}/service/{service}`.
    public func updateService(project: String, name: String, _ request: ServiceUpdateRequest) async throws(AivenError) -> AivenService {
        try await send(.put, AivenPath("/v1/project/{project}/service/{service_name}", project, name), body: request, as: ServiceEnvelope.self).service
    }

    /// `DELETE /v1/project/{project}/service/{service}`. A protected service answers 403
    /// (``AivenError/isTerminationProtection``); a missing one ``AivenError/notFound(message:)``.
    public func deleteService(project: String, name: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath("/v1/project/{project}/service/{service_name}", project, name))
    }

    private struct Tags: Codable { var tags: [String: String] }

    /// `GET /v1/project/{project}/service/{service}/tags`.
    public func getServiceTags(project: String, name: String) async throws(AivenError) -> [String: String] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/tags", project, name), as: Tags.self).tags
    }

    /// `PUT /v1/project/{project}/service/{service}/tags`: the service's tags become exactly
    /// `tags` (`[:]` clears them).
    public func replaceServiceTags(project: String, name: String, tags: [String: String]) async throws(AivenError) {
        try await exchange(.put, AivenPath("/v1/project/{project}/service/{service_name}/tags", project, name), body: Tags(tags: tags))
    }

    private struct Backups: Decodable { var backups: [ServiceBackup] }

    /// `GET /v1/project/{project}/service/{service}/backups`.
    public func listServiceBackups(project: String, name: String) async throws(AivenError) -> [ServiceBackup] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/backups", project, name), as: Backups.self).backups
    }

    private struct ServiceTypes: Decodable { var serviceTypes: [String: ServiceTypeInfo]
        enum CodingKeys: String, CodingKey { case serviceTypes = "service_types" }
    }

    /// `GET /v1/project/{project}/service_types`: plans, clouds and user_config schemas.
    public func listServiceTypes(project: String) async throws(AivenError) -> [String: ServiceTypeInfo] {
        try await send(.get, AivenPath("/v1/project/{project}/service_types", project), as: ServiceTypes.self).serviceTypes
    }

    private struct Clouds: Decodable { var clouds: [AivenCloud] }

    /// `GET /v1/clouds`.
    public func listClouds() async throws(AivenError) -> [AivenCloud] {
        try await send(.get, AivenPath("/v1/clouds"), as: Clouds.self).clouds
    }
}
