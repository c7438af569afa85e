import Testing

@testable import AivenOperator

@Suite struct MeteredAivenTransportTests {
    @Test(arguments: [
        ("/v1/project/p1/service", "/v1/project/{project}/service"),
        ("/v1/project/p1/service/kc-1?include_secrets=true", "/v1/project/{project}/service/{service}"),
        ("/v1/project/p1/service/kc-1/tags", "/v1/project/{project}/service/{service}/tags"),
        ("/v1/project/p1/vpcs/1234-abcd", "/v1/project/{project}/vpcs/{vpc}"),
        ("/v1/clouds", "/v1/clouds"),
    ])
    func routesHideNames(path: String, route: String) {
        #expect(MeteredAivenTransport.route(path) == route)
    }
}
