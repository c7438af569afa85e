import Testing

@testable import AivenOperator

@Suite struct MeteredAivenTransportTests {
    /// The route label of a request the client built: its template, placeholders shortened.
    @Test(arguments: [
        ("/v1/project/{project}/service/{service_name}/topic/{topic_name}", "/v1/project/{project}/service/{service}/topic/{topic}"),
        ("/v1/project/{project}/service/{service_name}/connectors/{connector_name}/status", "/v1/project/{project}/service/{service}/connectors/{connector}/status"),
        ("/v1/project/{project}/integration/{integration_id}", "/v1/project/{project}/integration/{integration}"),
        ("/v1/project/{project}/vpcs/{project_vpc_id}", "/v1/project/{project}/vpcs/{project_vpc}"),
        ("/v1/project/{project}/kms/ca", "/v1/project/{project}/kms/ca"),
    ])
    func templatesAreLabels(template: String, label: String) {
        #expect(MeteredAivenTransport.label(template) == label)
    }

    /// A hand-made request (no template) names no object either.
    @Test(arguments: [
        ("/v1/project/p1/service", "/v1/project/{project}/service"),
        ("/v1/project/p1/service/kc-1?include_secrets=true", "/v1/project/{project}/service/{service}"),
        ("/v1/project/p1/service/kc-1/tags", "/v1/project/{project}/service/{service}/tags"),
        ("/v1/project/p1/vpcs/1234-abcd", "/v1/project/{project}/vpcs/{project_vpc}"),
        ("/v1/project/p1/service/k/topic/kafka-topic-connect", "/v1/project/{project}/service/{service}/topic/{topic}"),
        ("/v1/project/p1/service/c/connectors/kafka-connector/status", "/v1/project/{project}/service/{service}/connectors/{connector}/status"),
        ("/v1/clouds", "/v1/clouds"),
    ])
    func routesHideNames(path: String, route: String) {
        #expect(MeteredAivenTransport.route(path) == route)
    }
}
