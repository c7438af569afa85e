import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime

/// Keeps the token Secret a resource names (`spec.authSecretRef`) while a resource may still need
/// it to delete its Aiven object: the Secret carries the finalizer
/// `finalizers.aiven.io/needed-to-delete-services` (the reference operator's name, so a Secret it
/// protected stays protected after a switch) from a resource's first Aiven write until no
/// resource of any kind in its namespace that names it still has its own finalizer.
///
/// So deleting a namespace (or the Secret and its resources together) deletes the Aiven objects
/// first and the Secret last, instead of leaving resources stuck `Terminating` without a token.
/// A Secret no resource names any more (their `authSecretRef` moved on) is let go by
/// ``TokenSecretRelease`` once it is deleted.
struct TokenSecretProtection: Sendable {
    static let finalizer = "finalizers.aiven.io/needed-to-delete-services"

    let kube: KubeClient
    let dependencies: Dependencies
    /// The caches of every kind, asked before the API server (none: the API server only).
    var holders: [TokenSecretUsers] = []

    /// Whether Secret `name` is being deleted: a resource that does not hold it yet starts no
    /// Aiven object with it (it would keep the Secret, or lose it before its own deletion).
    func isBeingDeleted(_ name: String, namespace: String) async throws -> Bool {
        try await dependencies.secret(ObjectKey(namespace: namespace, name: name))?.metadata.deletionTimestamp != nil
    }

    /// Puts the finalizer on Secret `name` unless the cache shows it there already (an idle pass
    /// writes nothing). A Secret being deleted takes no new finalizer; one that is gone needs none.
    func protect(_ name: String, namespace: String) async throws {
        guard let secret = try await dependencies.secret(ObjectKey(namespace: namespace, name: name)),
            secret.metadata.deletionTimestamp == nil,
            secret.metadata.finalizers?.contains(Self.finalizer) != true
        else { return }
        do {
            _ = try await Finalizers.add(Self.finalizer, to: secret, using: kube.resources(Secret.self, namespace: namespace))
        } catch .conflict, .notFound {
            // The cache was behind; the next pass looks again.
        }
    }

    /// Removes the finalizer from Secret `name` once no resource other than `releasing` (a uid)
    /// that names it still holds the operator's finalizer. The caches answer "still held" first,
    /// so releasing N resources that share a Secret (a namespace deletion) costs no list for all
    /// but the last; only then is it confirmed from the API server, across every kind. A cache
    /// behind by a release may keep the finalizer on here: ``TokenSecretRelease`` lets a deleted
    /// Secret go once the caches agree. Returns whether the finalizer was removed.
    @discardableResult
    func release(_ name: String, namespace: String, releasing: String?) async throws -> Bool {
        for kind in holders where await kind.holds("\(namespace)/\(name)", releasing) { return false }
        for type in KindRegistration.servedTypes {
            let objects = try await kube.resources(type, namespace: namespace).list().items
            let stillNeeded = objects.contains { object in
                object[path: ["spec", "authSecretRef", "name"]]?.stringValue == name
                    && object[path: ["metadata", "uid"]]?.stringValue != releasing
                    && object[path: ["metadata", "finalizers"]]?.arrayValue?.contains(.string(OperatorAnnotations.finalizer)) == true
            }
            if stillNeeded { return false }
        }
        let secrets = kube.resources(Secret.self, namespace: namespace)
        // Nothing retries this once the resource is gone: a conflicting write is read again.
        var attempts = 0
        while true {
            attempts += 1
            do {
                let secret = try await secrets.get(name)
                guard secret.metadata.finalizers?.contains(Self.finalizer) == true else { return false }
                _ = try await Finalizers.remove(Self.finalizer, from: secret, using: secrets)
                return true
            } catch {
                if case .notFound = error { return false }
                guard case .conflict = error, attempts < 5 else { throw error }
            }
        }
    }
}
