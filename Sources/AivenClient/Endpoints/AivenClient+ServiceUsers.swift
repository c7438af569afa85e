extension AivenClient {
    private struct UserEnvelope: Decodable { var user: ServiceUserInfo }
    private struct CreateUserBody: Encodable { var username: String }
    private struct ModifyUserBody: Encodable {
        var operation = "reset-credentials"
        var newPassword: String?
        private enum CodingKeys: String, CodingKey { case operation, newPassword = "new_password" }
    }

    /// `POST /v1/project/{project}/service/{service}/user` (`ServiceUserCreate`): a user with a
    /// password Aiven chooses (and, on Kafka, a client certificate). Not retried after an
    /// ambiguous failure: read the user back with ``getServiceUser(project:service:username:)``.
    public func createServiceUser(project: String, service: String, username: String) async throws(AivenError) -> ServiceUserInfo {
        try await send(
            .post, AivenPath("/v1/project/{project}/service/{service_name}/user", project, service), body: CreateUserBody(username: username),
            as: UserEnvelope.self
        ).user
    }

    /// `GET /v1/project/{project}/service/{service}/user/{username}` (`ServiceUserGet`), with its
    /// secrets; throws ``AivenError/notFound(message:)`` when there is no such user.
    public func getServiceUser(project: String, service: String, username: String) async throws(AivenError) -> ServiceUserInfo {
        try await send(
            .get, AivenPath("/v1/project/{project}/service/{service_name}/user/{service_username}", project, service, username, query: [("include_secrets", "true")]),
            as: UserEnvelope.self
        ).user
    }

    /// `PUT /v1/project/{project}/service/{service}/user/{username}` with `reset-credentials`
    /// (`ServiceUserCredentialsModify`): sets `newPassword`, or a new one Aiven chooses when `nil`.
    /// A failure's message never carries `newPassword`.
    public func resetServiceUserPassword(project: String, service: String, username: String, newPassword: String?) async throws(AivenError) {
        do {
            try await exchange(
                .put, AivenPath("/v1/project/{project}/service/{service_name}/user/{service_username}", project, service, username),
                body: ModifyUserBody(newPassword: newPassword))
        } catch {
            throw error.redacting([newPassword ?? ""])
        }
    }

    /// `DELETE /v1/project/{project}/service/{service}/user/{username}` (`ServiceUserDelete`).
    /// Aiven refuses to delete `avnadmin`.
    public func deleteServiceUser(project: String, service: String, username: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath("/v1/project/{project}/service/{service_name}/user/{service_username}", project, service, username))
    }
}
