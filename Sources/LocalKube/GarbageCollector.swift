import KubeAPI

/// kube-controller-manager's garbage collector, background propagation: an object whose every
/// ownerReference names an owner (by uid) that no longer exists is deleted, through the API
/// semantics (its finalizers run first). It looks at the dependents of each removed object as it
/// goes, at each object given ownerReferences (an owner that does not exist, as the real
/// collector's owner verification finds), and at every object once at startup (owners removed
/// while LocalKube was down).
/// `propagationPolicy: Orphan` on an owner's DELETE removes the owner from its dependents'
/// ownerReferences instead (``orphanDependents(of:)``), so they stay.
struct GarbageCollector: Sendable {
    let store: ObjectStore

    /// Who deletes dependents: admission policies see (and may refuse) it.
    static let collector = UserInfo(
        name: "system:serviceaccount:kube-system:generic-garbage-collector",
        groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]
    )

    /// What the collector looks at.
    enum Trigger: Sendable, Hashable {
        /// The object with this uid was removed: its dependents may have lost their last owner.
        case removed(uid: String)
        /// The object with this uid was written with ownerReferences: they may name no live owner.
        case owned(uid: String)
    }

    /// Until cancelled: a sweep of every object, then one look per ``Trigger``.
    func run() async {
        await collect(await store.dependents(of: nil))
        for await trigger in store.collectionTriggers {
            switch trigger {
            case .removed(let uid): await collect(await store.dependents(of: [uid]))
            case .owned(let uid): await collect(await store.owned(uid: uid).map { [$0] } ?? [])
            }
        }
    }

    /// Deletes the `candidates` whose owners are all gone.
    private func collect(_ candidates: [(resource: GroupResource, object: JSONValue)]) async {
        guard !candidates.isEmpty else { return }
        let served = await store.servedResources
        for (resource, object) in candidates where object[path: ["metadata", "deletionTimestamp"]] == nil {
            var ownerLeft = false
            for owner in ObjectStore.ownerUIDs(of: object) where await store.exists(uid: owner) { ownerLeft = true }
            guard !ownerLeft, let type = served.first(where: { $0.groupResource == resource }) else { continue }
            var operations = ResourceOperations(store: store, type: type)
            operations.requester = Self.collector
            // The uid precondition keeps a same-named successor safe.
            _ = try? await operations.delete(
                namespace: object[path: ["metadata", "namespace"]]?.stringValue,
                name: object[path: ["metadata", "name"]]?.stringValue ?? "",
                options: ["preconditions": ["uid": object[path: ["metadata", "uid"]] ?? .null]],
                dryRun: false
            )
        }
    }

    /// Removes the ownerReferences naming `uid` from every dependent (`propagationPolicy: Orphan`).
    func orphanDependents(of uid: String) async {
        for (resource, object) in await store.dependents(of: [uid]) {
            var updated = object
            let kept = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
            updated["metadata"]?["ownerReferences"] = kept.isEmpty ? nil : .array(kept)
            _ = try? await store.update(resource, updated, expected: object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")
        }
    }
}
