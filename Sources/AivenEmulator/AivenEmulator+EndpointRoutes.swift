import Hummingbird
import KubeAPI

extension AivenEmulator {
    /// Integration endpoints (`/v1/project/{project}/integration_endpoint…`) and their types.
    func endpointRoutes(_ router: Router<EmulatorRequestContext>, project: String) {
        let store = store
        let endpoint = "\(project)/integration_endpoint/{integration_endpoint_id}"
        route(router, .post, "\(project)/integration_endpoint") {
            try await store.createIntegrationEndpoint(project: $0.parameter("project"), body: $0.requiredBody)
        }
        route(router, .get, "\(project)/integration_endpoint") { try await store.integrationEndpoints(project: $0.parameter("project")) }
        route(router, .get, endpoint) {
            try await store.integrationEndpoint(
                project: $0.parameter("project"), id: $0.parameter("integration_endpoint_id"), includeSecrets: $0.query["include_secrets"] == "true")
        }
        route(router, .put, endpoint) {
            try await store.updateIntegrationEndpoint(project: $0.parameter("project"), id: $0.parameter("integration_endpoint_id"), body: $0.requiredBody)
        }
        route(router, .delete, endpoint) {
            try await store.deleteIntegrationEndpoint(project: $0.parameter("project"), id: $0.parameter("integration_endpoint_id"))
        }
        route(router, .get, "\(project)/integration_endpoint_types") { await store.integrationEndpointTypes(project: $0.parameter("project")) }
    }
}
