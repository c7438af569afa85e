import Foundation
import KubeAPI
import KubeClient

/// A Secret holding how to connect to an Aiven object (`connInfoSecretTarget`), as a kind
/// describes it; the skeleton writes it in the resource's namespace, controlled by the resource
/// (so Kubernetes deletes it with the resource), and only when its content changes. Its
/// description names the keys, never the values.
public struct ConnectionSecret: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    /// Plain-text values by key.
    public var data: [String: String]
    public var labels: [String: String]
    public var annotations: [String: String]

    public init(name: String, data: [String: String], labels: [String: String] = [:], annotations: [String: String] = [:]) {
        self.name = name
        self.data = data
        self.labels = labels
        self.annotations = annotations
    }

    public var description: String { "Secret \(name) (\(data.keys.sorted().joined(separator: ", ")))" }

    /// `existing` made to hold this content, owned by `owner`; `nil` when it already does.
    func secret(updating existing: Secret?, namespace: String, owner: OwnerReference) -> Secret? {
        var secret = existing ?? Secret(metadata: ObjectMeta(name: name, namespace: namespace), type: "Opaque")
        let encoded = data.mapValues { Data($0.utf8).base64EncodedString() }
        var changed = existing == nil
        if secret.data ?? [:] != encoded {
            secret.data = encoded
            changed = true
        }
        for (key, value) in labels where secret.metadata.labels?[key] != value {
            secret.metadata.labels = (secret.metadata.labels ?? [:]).merging([key: value]) { _, new in new }
            changed = true
        }
        for (key, value) in annotations where secret.metadata.annotations?[key] != value {
            secret.metadata.annotations = (secret.metadata.annotations ?? [:]).merging([key: value]) { _, new in new }
            changed = true
        }
        var references = secret.metadata.ownerReferences ?? []
        if !references.contains(where: { $0.uid == owner.uid && $0.controller == true }) {
            references.removeAll { $0.uid == owner.uid }
            references.append(owner)
            secret.metadata.ownerReferences = references
            changed = true
        }
        return changed ? secret : nil
    }
}

extension KubeError {
    /// The write lost a race: the object was created or changed meanwhile.
    var isAlreadyExistsOrConflict: Bool {
        switch self {
        case .alreadyExists, .conflict: true
        default: false
        }
    }
}
