import Hummingbird
import KubeAPI

extension AivenEmulator {
    /// A Kafka service's schema registry (`…/service/{service_name}/kafka/schema/…`): subjects,
    /// versions, schemas by id, compatibility configuration and checks (``EmulatedSchemaRegistry``).
    func schemaRegistryRoutes(_ router: Router<EmulatorRequestContext>, service: String) {
        let store = store
        let schema = "\(service)/kafka/schema"
        let subject = "\(schema)/subjects/{subject_name}"
        let version = "\(subject)/versions/{version_id}"
        route(router, .get, "\(schema)/subjects") { try await store.schemaSubjects(project: $0.parameter("project"), service: $0.parameter("service_name")) }
        route(router, .delete, subject) {
            try await store.deleteSchemaSubject(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"),
                permanent: $0.query["permanent"] == "true")
        }
        route(router, .post, "\(subject)/versions") {
            try await store.registerSchema(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"), body: $0.requiredBody)
        }
        route(router, .get, "\(subject)/versions") {
            try await store.schemaVersions(project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"))
        }
        route(router, .get, version) {
            try await store.schemaVersion(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"),
                version: $0.parameter("version_id"))
        }
        route(router, .get, "\(version)/schema") {
            try await store.schemaVersionText(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"),
                version: $0.parameter("version_id"))
        }
        route(router, .delete, version) {
            try await store.deleteSchemaVersion(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"),
                version: $0.parameter("version_id"))
        }
        route(router, .get, "\(schema)/schemas/ids/{schema_id}") {
            try await store.schemaByID(project: $0.parameter("project"), service: $0.parameter("service_name"), id: $0.parameter("schema_id"))
        }
        route(router, .get, "\(schema)/config") { try await store.schemaGlobalConfig(project: $0.parameter("project"), service: $0.parameter("service_name")) }
        route(router, .put, "\(schema)/config") {
            try await store.changeSchemaGlobalConfig(project: $0.parameter("project"), service: $0.parameter("service_name"), body: $0.requiredBody)
        }
        route(router, .get, "\(schema)/config/{subject_name}") {
            try await store.schemaSubjectConfig(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"),
                fallback: $0.query["global_default_fallback"] == "true")
        }
        route(router, .put, "\(schema)/config/{subject_name}") {
            try await store.changeSchemaSubjectConfig(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"), body: $0.requiredBody)
        }
        route(router, .post, "\(schema)/compatibility/subjects/{subject_name}/versions/{version_id}") {
            try await store.checkSchemaCompatibility(
                project: $0.parameter("project"), service: $0.parameter("service_name"), subject: $0.parameter("subject_name"),
                version: $0.parameter("version_id"), body: $0.requiredBody)
        }
    }
}
