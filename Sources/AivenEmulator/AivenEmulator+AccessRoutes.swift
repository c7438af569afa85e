import Hummingbird
import KubeAPI

extension AivenEmulator {
    /// Service users (`…/service/{service_name}/user…`) and the three kinds of ACL entries:
    /// Aiven's (`…/acl`), Kafka-native (`…/kafka/acl`) and Schema Registry's
    /// (`…/kafka/schema-registry/acl`); and the control API's login check.
    func accessRoutes(_ router: Router<EmulatorRequestContext>, service: String) {
        let store = store
        let user = "\(service)/user/{service_username}"
        route(router, .post, "\(service)/user") {
            try await store.createServiceUser(project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
        }
        route(router, .get, user) {
            try await store.serviceUser(project: $0.parameter("project"), service: $0.parameter("service_name"), username: $0.parameter("service_username"))
        }
        route(router, .put, user) {
            try await store.modifyServiceUser(
                project: $0.parameter("project"), service: $0.parameter("service_name"), username: $0.parameter("service_username"),
                body: $0.requiredBody)
        }
        route(router, .put, "\(user)/credentials/reset") {
            try await store.resetServiceUserCredentials(
                project: $0.parameter("project"), service: $0.parameter("service_name"), username: $0.parameter("service_username"))
        }
        route(router, .delete, user) {
            try await store.deleteServiceUser(
                project: $0.parameter("project"), service: $0.parameter("service_name"), username: $0.parameter("service_username"))
        }
        let kinds: [(String, EmulatedACL.Kind)] = [("acl", .aiven), ("kafka/acl", .native), ("kafka/schema-registry/acl", .schemaRegistry)]
        for (path, kind) in kinds {
            route(router, .post, "\(service)/\(path)") {
                try await store.addACL(kind, project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
            }
            route(router, .get, "\(service)/\(path)") {
                try await store.acls(kind, project: $0.parameter("project"), service: $0.parameter("service_name"))
            }
            route(router, .delete, "\(service)/\(path)/{acl_id}") {
                try await store.deleteACL(kind, project: $0.parameter("project"), service: $0.parameter("service_name"), id: $0.parameter("acl_id"))
            }
        }
        route(router, .get, "\(service)/kafka/acl/{acl_id}") {
            try await store.acl(.native, project: $0.parameter("project"), service: $0.parameter("service_name"), id: $0.parameter("acl_id"))
        }
        control(router, .post, "/_emulator/project/{project}/service/{service_name}/authenticate") {
            try await store.authenticate(project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
        }
    }
}
