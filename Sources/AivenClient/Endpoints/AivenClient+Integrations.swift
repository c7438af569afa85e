extension AivenClient {
    private struct IntegrationEnvelope: Decodable {
        var serviceIntegration: ServiceIntegrationInfo
        enum CodingKeys: String, CodingKey { case serviceIntegration = "service_integration" }
    }

    private struct IntegrationsEnvelope: Decodable {
        var serviceIntegrations: [ServiceIntegrationInfo]
        enum CodingKeys: String, CodingKey { case serviceIntegrations = "service_integrations" }
    }

    /// `POST /v1/project/{project}/integration`. Not retried after an ambiguous failure.
    public func createServiceIntegration(project: String, _ request: ServiceIntegrationRequest) async throws(AivenError) -> ServiceIntegrationInfo {
        try await send(.post, AivenPath("/v1/project/{project}/integration", project), body: request, as: IntegrationEnvelope.self).serviceIntegration
    }

    /// `GET /v1/project/{project}/integration/{id}`.
    public func getServiceIntegration(project: String, id: String) async throws(AivenError) -> ServiceIntegrationInfo {
        try await send(.get, AivenPath("/v1/project/{project}/integration/{integration_id}", project, id), as: IntegrationEnvelope.self).serviceIntegration
    }

    /// `GET /v1/project/{project}/service/{service}/integration`: the service's integrations.
    public func listServiceIntegrations(project: String, service: String) async throws(AivenError) -> [ServiceIntegrationInfo] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/integration", project, service), as: IntegrationsEnvelope.self).serviceIntegrations
    }

    private struct IntegrationUpdate: Encodable {
        var userConfig: [String: AivenJSON]
        enum CodingKeys: String, CodingKey { case userConfig = "user_config" }
    }

    /// `PUT /v1/project/{project}/integration/{id}`: replaces the integration's `user_config`, the
    /// only part of an integration that can change.
    public func updateServiceIntegration(project: String, id: String, userConfig: [String: AivenJSON]) async throws(AivenError) -> ServiceIntegrationInfo {
        try await send(
            .put, AivenPath("/v1/project/{project}/integration/{integration_id}", project, id),
            body: IntegrationUpdate(userConfig: userConfig), as: IntegrationEnvelope.self
        ).serviceIntegration
    }

    /// `DELETE /v1/project/{project}/integration/{id}`.
    public func deleteServiceIntegration(project: String, id: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath("/v1/project/{project}/integration/{integration_id}", project, id))
    }
}
