import AivenResources
import KubeAPI
import KubeClient

/// Who the owner tag of an Aiven object names (`aiven-operator-uid=<uid>`), asked of the API
/// server across every namespace and every `aiven.io` kind: a resource that still exists holds
/// its object, so annotation `controllers.aiven.io/adopt` never takes it (``Ownership/otherOwner``);
/// only an object whose owning resource is gone may be adopted (``Ownership/formerOwner``).
///
/// Asked only when a resource with the adopt annotation meets an object tagged as another's, so
/// it costs one cluster-wide list per kind on that rare path and nothing otherwise. When the
/// answer cannot be had (listing every namespace is forbidden, the API server fails), the owner
/// counts as live: refusing is safe, taking over another team's object is not.
public struct OwnerTagHolder: Sendable {
    let kube: KubeClient

    public init(kube: KubeClient) {
        self.kube = kube
    }

    /// What the API server says about the resource with `uid`.
    public func holder(uid: String) async -> Holder {
        for type in KindRegistration.servedTypes {
            let objects: [JSONValue]
            do {
                objects = try await kube.resources(type, namespace: nil).listAll().items
            } catch {
                return .unknown(reason: "listing \(type.plural) in every namespace failed: \(error)")
            }
            if let owner = objects.first(where: { $0[path: ["metadata", "uid"]]?.stringValue == uid }) {
                let namespace = owner[path: ["metadata", "namespace"]]?.stringValue ?? ""
                let name = owner[path: ["metadata", "name"]]?.stringValue ?? ""
                return .live("\(owner[path: ["kind"]]?.stringValue ?? type.plural) \(namespace)/\(name)", namespace: namespace)
            }
        }
        return .gone
    }

    /// `ownership` with a tag naming another resource resolved to ``Ownership/formerOwner`` when
    /// that resource is gone; the live holder's name comes back for the refusal message.
    func resolve(_ ownership: Ownership, ownerUID: String?, adopting: Bool) async -> (Ownership, Holder?) {
        guard ownership == .otherOwner, adopting, let ownerUID else { return (ownership, nil) }
        let holder = await holder(uid: ownerUID)
        return (holder == .gone ? .formerOwner : .otherOwner, holder)
    }

    /// The resource an owner tag names, as the API server knows it.
    public enum Holder: Sendable, Hashable {
        /// It exists: `Kind namespace/name`, in `namespace`.
        case live(String, namespace: String)
        /// No `aiven.io` resource in any namespace has that uid.
        case gone
        /// The API server could not say; treated as live.
        case unknown(reason: String)

        /// Why the adopt annotation does not take the object, for the condition and the event.
        func adoptionRefusal(of object: String) -> String {
            switch self {
            case .live(let owner, _):
                "\(object) is managed by \(owner) (its owner tag \(ServiceSpec.ownerTag) names that resource): annotation \(OperatorAnnotations.adopt) takes only objects without an owner tag or whose owning resource is gone, so nothing changes."
            case .unknown(let reason):
                "\(object) carries another resource's owner tag (\(ServiceSpec.ownerTag)) and whether that resource still exists cannot be checked (\(reason)): nothing changes."
            case .gone:
                Action.refusal(of: object)
            }
        }
    }
}
