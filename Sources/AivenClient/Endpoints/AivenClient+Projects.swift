extension AivenClient {
    private struct ProjectCA: Decodable { var certificate: String }

    /// `GET /v1/project/{project}/kms/ca` (`ProjectKmsGetCA`): the PEM certificate of the project's
    /// CA, which signs its services' certificates.
    public func getProjectCA(project: String) async throws(AivenError) -> String {
        try await send(.get, AivenPath("/v1/project/{project}/kms/ca", project), as: ProjectCA.self).certificate
    }
}
