import KubeAPI
import KubeClient
import KubeRuntime
import Logging

/// Lets a deleted token Secret go once no resource needs it any more, seen from the Secret's
/// side: a resource whose `spec.authSecretRef` moved from Secret A to Secret B no longer names A,
/// so its own release would never look at A again. Nothing about the old name needs to be
/// remembered: a Secret that is being deleted and still carries
/// ``TokenSecretProtection/finalizer`` is checked against the resources of every kind that name
/// it now — when the Secret changes (its deletion; every Secret on the informer's first list, so
/// after a restart too) and whenever a resource in its namespace changes (one that stopped naming
/// it, or lost its finalizer, or is gone).
///
/// A Secret that is not being deleted keeps the finalizer: it changes nothing until the Secret is
/// deleted, and is checked then.
struct TokenSecretRelease: Reconciler {
    /// The Secret store's index of Secrets that wait only for this release, by namespace.
    static let waitingIndex = "Secret.waitingForTokenRelease"
    static let indexes: [String: Store<Secret>.IndexFunction] = [
        waitingIndex: { secret in isWaiting(secret) ? [secret.metadata.namespace ?? ""] : [] }
    ]

    let secrets: Store<Secret>
    let users: [TokenSecretUsers]
    let protection: TokenSecretProtection
    let logger: Logger

    /// Being deleted, held by the operator's token finalizer.
    static func isWaiting(_ secret: Secret) -> Bool {
        secret.metadata.deletionTimestamp != nil && secret.metadata.finalizers?.contains(TokenSecretProtection.finalizer) == true
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let secret = await secrets.get(key), Self.isWaiting(secret) else { return .done }
        // The caches answer the common case (still needed) without a request; the release
        // itself confirms against the API server before it removes anything.
        if try await protection.release(key.name, namespace: key.namespace, releasing: nil) {
            logger.info("token Secret released", metadata: ["secret": "\(key)"])
        }
        return .done
    }

    /// The controller of one namespace scope: woken by its Secrets and by the resources of every
    /// kind in `users`.
    static func controller(in scope: ScopeInformers, users: [TokenSecretUsers], environment: ControllerEnvironment) -> any RunnableController {
        let informer = scope.informer(Secret.self)
        let controller = Controller(
            name: "tokensecret",
            informer: informer,
            reconciler: TokenSecretRelease(
                secrets: informer.store, users: users,
                protection: TokenSecretProtection(kube: environment.kube, dependencies: environment.dependencies, holders: users), logger: environment.logger
            ),
            maxConcurrentReconciles: 1,
            prerequisites: users.map(\.waitUntilSynced),
            logger: environment.logger
        )
        for kind in users {
            kind.subscribe { namespace in
                await controller.enqueue(await informer.store.keys(index: waitingIndex, value: namespace))
            }
        }
        return controller
    }
}

/// The resources of one kind as ``TokenSecretRelease`` reads them, from the kind's cache.
struct TokenSecretUsers: Sendable {
    /// Whether a resource naming Secret `namespace/name`, other than the one with uid
    /// `excluding`, still holds the operator's finalizer.
    let holds: @Sendable (_ secret: String, _ excluding: String?) async -> Bool
    /// Calls the handler with the namespace of every resource of the kind that changes.
    let subscribe: @Sendable (@escaping @Sendable (_ namespace: String) async -> Void) -> Void
    /// Returns once the kind's cache has synced.
    let waitUntilSynced: @Sendable () async -> Void
}
