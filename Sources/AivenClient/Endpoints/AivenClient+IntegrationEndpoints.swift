extension AivenClient {
    private struct EndpointEnvelope: Decodable {
        var endpoint: IntegrationEndpointInfo
        enum CodingKeys: String, CodingKey { case endpoint = "service_integration_endpoint" }
    }

    private struct EndpointsEnvelope: Decodable {
        var endpoints: [IntegrationEndpointInfo]
        enum CodingKeys: String, CodingKey { case endpoints = "service_integration_endpoints" }
    }

    private struct EndpointUpdate: Encodable {
        var userConfig: [String: AivenJSON]
        enum CodingKeys: String, CodingKey { case userConfig = "user_config" }
    }

    /// `POST /v1/project/{project}/integration_endpoint` (`ServiceIntegrationEndpointCreate`). Not
    /// retried after an ambiguous failure.
    public func createIntegrationEndpoint(project: String, _ request: IntegrationEndpointRequest) async throws(AivenError) -> IntegrationEndpointInfo {
        try await send(.post, AivenPath("/v1/project/{project}/integration_endpoint", project), body: request, as: EndpointEnvelope.self).endpoint
    }

    /// `GET /v1/project/{project}/integration_endpoint/{id}` (`ServiceIntegrationEndpointGet`),
    /// with its secret options when `includeSecrets`.
    public func getIntegrationEndpoint(project: String, id: String, includeSecrets: Bool = false) async throws(AivenError) -> IntegrationEndpointInfo {
        let query = includeSecrets ? [("include_secrets", "true")] : []
        return try await send(
            .get, AivenPath("/v1/project/{project}/integration_endpoint/{integration_endpoint_id}", project, id, query: query), as: EndpointEnvelope.self
        ).endpoint
    }

    /// `GET /v1/project/{project}/integration_endpoint` (`ServiceIntegrationEndpointList`): every
    /// endpoint of the project, secrets redacted.
    public func listIntegrationEndpoints(project: String) async throws(AivenError) -> [IntegrationEndpointInfo] {
        try await send(.get, AivenPath("/v1/project/{project}/integration_endpoint", project), as: EndpointsEnvelope.self).endpoints
    }

    /// `PUT /v1/project/{project}/integration_endpoint/{id}` (`ServiceIntegrationEndpointUpdate`):
    /// Aiven merges `userConfig` into the endpoint's options.
    public func updateIntegrationEndpoint(project: String, id: String, userConfig: [String: AivenJSON]) async throws(AivenError) -> IntegrationEndpointInfo {
        try await send(
            .put, AivenPath("/v1/project/{project}/integration_endpoint/{integration_endpoint_id}", project, id),
            body: EndpointUpdate(userConfig: userConfig), as: EndpointEnvelope.self
        ).endpoint
    }

    /// `DELETE /v1/project/{project}/integration_endpoint/{id}` (`ServiceIntegrationEndpointDelete`).
    public func deleteIntegrationEndpoint(project: String, id: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath("/v1/project/{project}/integration_endpoint/{integration_endpoint_id}", project, id))
    }
}
