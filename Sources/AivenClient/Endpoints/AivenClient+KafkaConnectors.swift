extension AivenClient {
    private struct ConnectorEnvelope: Decodable { var connector: KafkaConnectorInfo }
    private struct ConnectorsEnvelope: Decodable { var connectors: [KafkaConnectorInfo] }
    private struct StatusEnvelope: Decodable { var status: KafkaConnectorStatusInfo }
    private struct PluginsEnvelope: Decodable { var plugins: [KafkaConnectorPlugin] }
    private struct ConfigurationEnvelope: Decodable {
        var configurationSchema: [KafkaConnectorConfigOption]
        enum CodingKeys: String, CodingKey { case configurationSchema = "configuration_schema" }
    }

    /// `POST /v1/project/{project}/service/{service}/connectors`. `config` must hold `name` and
    /// `connector.class`; it may hold credentials, so it is never logged. Not retried after an
    /// ambiguous failure.
    public func createKafkaConnector(project: String, service: String, config: [String: String]) async throws(AivenError) -> KafkaConnectorInfo {
        try await send(.post, AivenPath("/v1/project/{project}/service/{service_name}/connectors", project, service), body: config, as: ConnectorEnvelope.self).connector
    }

    /// `PUT /v1/project/{project}/service/{service}/connectors/{connector}`: replaces the whole
    /// configuration.
    public func editKafkaConnector(project: String, service: String, connector: String, config: [String: String]) async throws(AivenError) -> KafkaConnectorInfo {
        try await send(.put, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}", project, service, connector), body: config, as: ConnectorEnvelope.self).connector
    }

    /// `GET /v1/project/{project}/service/{service}/connectors`.
    public func listKafkaConnectors(project: String, service: String) async throws(AivenError) -> [KafkaConnectorInfo] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/connectors", project, service), as: ConnectorsEnvelope.self).connectors
    }

    /// `GET /v1/project/{project}/service/{service}/connectors/{connector}/status`.
    public func getKafkaConnectorStatus(project: String, service: String, connector: String) async throws(AivenError) -> KafkaConnectorStatusInfo {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}/status", project, service, connector), as: StatusEnvelope.self).status
    }

    /// `DELETE /v1/project/{project}/service/{service}/connectors/{connector}`.
    public func deleteKafkaConnector(project: String, service: String, connector: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}", project, service, connector))
    }

    /// `GET /v1/project/{project}/service/{service}/available-connectors`: the plugins the
    /// service's workers can run.
    public func availableKafkaConnectors(project: String, service: String) async throws(AivenError) -> [KafkaConnectorPlugin] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/available-connectors", project, service), as: PluginsEnvelope.self).plugins
    }

    /// `GET /v1/project/{project}/service/{service}/connector-plugins/{class}/configuration`: the
    /// options a connector plugin takes, which of them are required.
    public func kafkaConnectorPluginConfiguration(project: String, service: String, connectorClass: String) async throws(AivenError) -> [KafkaConnectorConfigOption] {
        try await send(
            .get, AivenPath("/v1/project/{project}/service/{service_name}/connector-plugins/{connector_name}/configuration", project, service, connectorClass),
            as: ConfigurationEnvelope.self
        ).configurationSchema
    }

    /// `POST …/connectors/{connector}/pause`: the connector and its tasks stop processing (state
    /// `PAUSED`) until resumed.
    public func pauseKafkaConnector(project: String, service: String, connector: String) async throws(AivenError) {
        try await exchange(.post, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}/pause", project, service, connector))
    }

    /// `POST …/connectors/{connector}/resume`.
    public func resumeKafkaConnector(project: String, service: String, connector: String) async throws(AivenError) {
        try await exchange(.post, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}/resume", project, service, connector))
    }

    /// `POST …/connectors/{connector}/restart`: restarts the connector instance (Kafka Connect
    /// restarts no task with it; see ``restartKafkaConnectorTask(project:service:connector:task:)``).
    public func restartKafkaConnector(project: String, service: String, connector: String) async throws(AivenError) {
        try await exchange(.post, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}/restart", project, service, connector))
    }

    /// `POST …/connectors/{connector}/tasks/{task}/restart`.
    public func restartKafkaConnectorTask(project: String, service: String, connector: String, task: Int) async throws(AivenError) {
        try await exchange(
            .post, AivenPath("/v1/project/{project}/service/{service_name}/connectors/{connector_name}/tasks/{task_id}/restart", project, service, connector, String(task)))
    }
}
