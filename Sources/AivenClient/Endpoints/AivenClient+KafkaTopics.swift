extension AivenClient {
    private struct TopicEnvelope: Decodable { var topic: KafkaTopicInfo }
    private struct TopicsEnvelope: Decodable { var topics: [KafkaTopicInfo] }

    /// `POST /v1/project/{project}/service/{service}/topic`. Not retried after an ambiguous
    /// failure; Aiven answers 409 when the topic exists.
    public func createKafkaTopic(project: String, service: String, _ request: KafkaTopicRequest) async throws(AivenError) {
        try await exchange(.post, AivenPath("/v1/project/{project}/service/{service_name}/topic", project, service), body: request)
    }

    /// `GET /v1/project/{project}/service/{service}/topic/{topic}`.
    public func getKafkaTopic(project: String, service: String, topic: String) async throws(AivenError) -> KafkaTopicInfo {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/topic/{topic_name}", project, service, topic), as: TopicEnvelope.self).topic
    }

    /// `GET /v1/project/{project}/service/{service}/topic`.
    public func listKafkaTopics(project: String, service: String) async throws(AivenError) -> [KafkaTopicInfo] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/topic", project, service), as: TopicsEnvelope.self).topics
    }

    /// `PUT /v1/project/{project}/service/{service}/topic/{topic}`: partitions (grow only),
    /// replication, config and tags.
    public func updateKafkaTopic(project: String, service: String, topic: String, _ request: KafkaTopicRequest) async throws(AivenError) {
        var body = request
        body.topicName = nil
        try await exchange(.put, AivenPath("/v1/project/{project}/service/{service_name}/topic/{topic_name}", project, service, topic), body: body)
    }

    /// `DELETE /v1/project/{project}/service/{service}/topic/{topic}`.
    public func deleteKafkaTopic(project: String, service: String, topic: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath("/v1/project/{project}/service/{service_name}/topic/{topic_name}", project, service, topic))
    }
}
