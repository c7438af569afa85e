import KubeAPI

extension ResourceOperations {
    /// Writes the replicas of the Scale `change` makes of the current one (``DeploymentScale``)
    /// to the Deployment, as an update of its main resource.
    func scale(
        namespace: String?, name: String, precondition: String?, options: WriteOptions, change: (JSONValue) throws(APIError) -> JSONValue
    ) async throws(APIError) -> WriteResult {
        try await write(namespace: namespace, name: name, status: false, precondition: precondition, options: options) { old throws(APIError) in
            try DeploymentScale.scaled(old, to: try change(DeploymentScale.scale(of: old)), name: name)
        } merge: { old, new throws(APIError) in
            try mainUpdate(old: old, new: new)
        }
    }
}
