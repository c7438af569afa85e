import AivenClient

extension AivenClient {
    /// What a resource waits for while `service` does not exist or is not `RUNNING` (a topic for
    /// its Kafka, an integration for both ends), with `reason` and a message naming the service
    /// as `label` (`Kafka service orders`); `nil` once it runs.
    func waitingForRunning(_ service: String, project: String, label: String, reason: String) async throws(AivenError) -> Waiting? {
        let found: AivenService
        do {
            found = try await getService(project: project, name: service)
        } catch .notFound {
            return Waiting(reason: reason, message: "\(label) \(service) does not exist yet")
        }
        guard found.state == .running else {
            return Waiting(reason: reason, message: "\(label) \(service) is \(found.state), waiting for RUNNING")
        }
        return nil
    }
}
