import Foundation
import KubeAPI

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

    /// The values that are secrets (passwords, private keys; a URI carries the password), for
    /// the ``Redactor``.
    var secretValues: [String] {
        data.filter { $0.key.hasSuffix("PASSWORD") || $0.key.hasSuffix("ACCESS_KEY") }.map(\.value)
    }

    /// Why the Secret of this name cannot be written by the resource with `uid`: `nil` when it
    /// may be (there is none yet, or the resource controls it). Any other Secret — the user's
    /// own, the namespace's token Secret, another resource's — is never written, adopted or
    /// (through an ownerReference) deleted: the resource shows `SecretConflict` instead.
    func conflict(with existing: Secret?, uid: String) -> String? {
        guard let existing else { return nil }
        let controller = existing.metadata.ownerReferences?.first { $0.controller == true }
        if controller?.uid == uid { return nil }
        let whose = controller.map { "it is controlled by \($0.kind) \($0.name)" } ?? "it was not created by this resource"
        return "Secret \(name) already exists and \(whose): nothing is written to it or deleted with this resource. Set spec.connInfoSecretTarget.name to another name, or delete the Secret to have it written."
    }

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
