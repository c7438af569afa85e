import AivenClient
import KubeAPI

/// Keeps a resource from changing an object that is part of a service another namespace manages
/// (``ServicePartKind``: a `ServiceUser` for the `avnadmin` of a `Kafka` in another namespace):
/// before such a change, the service's owner tag is read and the resource it names looked up
/// (``OwnerTagHolder``). A live owner in another namespace, or one that cannot be checked, refuses
/// the change (``NotPermitted``); an untagged service or one whose resource is gone does not.
/// Asked on every pass that would manage the object (take it over, change it, publish its
/// password), and only for such parts (one per service at most), so it costs one Aiven read and
/// one cluster-wide list per kind on those passes only.
struct ServicePartGuard {
    let owners: OwnerTagHolder

    /// Throws ``NotPermitted`` when `action` would manage a part of `service` that a resource
    /// outside `namespace` manages.
    func check(_ action: Action, service: ServiceName, object: String, namespace: String, client: AivenClient, token: ResolvedToken) async throws {
        guard action.managesObject else { return }
        let tag = try await AivenReadFailure.reading(with: token) { () throws(AivenError) -> String? in
            do throws(AivenError) {
                return try await client.getService(project: service.project, name: service.service).tags?[ServiceSpec.ownerTag]
            } catch .notFound {
                return nil
            }
        }
        guard let tag else { return }
        switch await owners.holder(uid: tag) {
        case .gone:
            return
        case .live(let owner, let ownerNamespace) where ownerNamespace != namespace:
            throw NotPermitted(
                message: "\(object) is part of service \(service.project)/\(service.service), which \(owner) manages: only a resource in namespace \(ownerNamespace) may change it, so nothing is sent")
        case .live:
            return
        case .unknown(let reason):
            throw NotPermitted(
                message: "\(object) is part of service \(service.project)/\(service.service), whose managing resource cannot be checked (\(reason)): nothing is sent")
        }
    }
}
