extension AivenClient {
    private struct TaskEnvelope: Decodable { var task: ServiceTask }
    private struct MigrationEnvelope: Decodable { var migration: ServiceMigration }

    /// `POST /v1/project/{project}/service/{service}/task` (`ServiceTaskCreate`): starts a check
    /// (`upgrade_check`). Several checks may run at once, so a retried create is harmless.
    public func createServiceTask(project: String, service: String, _ request: ServiceTaskRequest) async throws(AivenError) -> ServiceTask {
        try await send(.post, AivenPath("/v1/project/{project}/service/{service_name}/task", project, service), body: request, as: TaskEnvelope.self).task
    }

    /// `GET /v1/project/{project}/service/{service}/task/{task_id}` (`ServiceTaskGet`).
    public func getServiceTask(project: String, service: String, id: String) async throws(AivenError) -> ServiceTask {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/task/{task_id}", project, service, id), as: TaskEnvelope.self).task
    }

    /// `GET /v1/project/{project}/service/{service}/migration` (`ServiceGetMigrationStatus`);
    /// throws ``AivenError/notFound(message:)`` when no migration is active.
    public func getServiceMigration(project: String, service: String) async throws(AivenError) -> ServiceMigration {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/migration", project, service), as: MigrationEnvelope.self).migration
    }
}
