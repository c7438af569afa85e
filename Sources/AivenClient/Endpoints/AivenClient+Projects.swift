extension AivenClient {
    private struct ProjectCA: Decodable { var certificate: String }

    /// `GET /v1/project/{project}/kms/ca` (`ProjectKmsGetCA`): the PEM certificate of the project's
    /// CA, which signs its services' certificates. Asked once per ``ProjectCACache/lifetime`` on a
    /// client made with ``keepingProjectCAs(in:apiURL:)``, on every call otherwise.
    public func getProjectCA(project: String) async throws(AivenError) -> String {
        guard let projectCAs else { return try await fetchProjectCA(project: project) }
        return try await projectCAs.cache.certificate(apiURL: projectCAs.apiURL, project: project) { () throws(AivenError) in
            try await fetchProjectCA(project: project)
        }
    }

    /// This client, keeping the project CAs it reads in `cache` under `apiURL` (the API its
    /// transport talks to).
    public func keepingProjectCAs(in cache: ProjectCACache, apiURL: String) -> AivenClient {
        var client = self
        client.projectCAs = (cache, apiURL)
        return client
    }

    private func fetchProjectCA(project: String) async throws(AivenError) -> String {
        try await send(.get, AivenPath("/v1/project/{project}/kms/ca", project), as: ProjectCA.self).certificate
    }
}
