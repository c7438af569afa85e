import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import ServiceLifecycle

/// One kind the ``Operator`` reconciles, described once: the kind, and the related kinds whose
/// changes wake its resources (the token Secret always; a ProjectVPC; the resource a dependant
/// waits for; for kinds whose objects carry no owner tag, the other resources naming the same
/// object). The operator makes, per namespace scope, the kind's informer with one index per
/// wake, its controller and the subscriptions; adding a kind is adding one registration.
public struct KindRegistration: Sendable {
    /// The controller name (`kafkaconnect`).
    public let name: String
    /// Makes the kind's informer with its indexes (before any other kind can ask for it).
    let makeInformer: @Sendable (ScopeInformers) -> Void
    /// Makes the kind's controller in a scope, given every scope; all their informers exist.
    let makeController: @Sendable (ScopeInformers, [ScopeInformers], ControllerEnvironment) -> any RunnableController
    /// The kind's resources as the token Secret release reads them, in a scope whose informers exist.
    let tokenSecretUsers: @Sendable (ScopeInformers) -> TokenSecretUsers

    /// A kind on the ``ManagedReconciler`` skeleton, woken by its token Secret, the resources
    /// claiming the same object (``Wake/claims(_:)``) and `wakes`.
    public static func managed<Kind: ManagedKind>(_ kind: Kind, wakes: [Wake<Kind.Resource>] = []) -> KindRegistration {
        let wakes = [Wake<Kind.Resource>.tokenSecret, .claims(kind)] + wakes
        return KindRegistration(
            name: Kind.controllerName,
            makeInformer: { scope in
                var indexes: [String: Store<Kind.Resource>.IndexFunction] = [:]
                for wake in wakes { indexes[wake.index] = wake.references }
                _ = scope.informer(Kind.Resource.self, indexes: indexes)
            },
            makeController: { scope, scopes, environment in
                let informer = scope.informer(Kind.Resource.self)
                let sources = wakes.map { $0.source(scope, scopes) }
                let controller = Controller(
                    name: Kind.controllerName,
                    informer: informer,
                    reconciler: ManagedReconciler(
                        kind: kind, kube: environment.kube, store: informer.store, dependencies: environment.dependencies,
                        aiven: environment.aiven, events: environment.events, configuration: environment.configuration,
                        claimStores: scopes.map { $0.informer(Kind.Resource.self).store }, tokenSecretHolders: environment.tokenSecretUsers,
                        logger: environment.logger
                    ),
                    maxConcurrentReconciles: environment.maxConcurrentReconciles,
                    prerequisites: sources.map(\.waitUntilSynced),
                    settledStart: SettledStart(kind.readyInterval(environment.configuration), isSettled: ManagedReconciler<Kind>.isSettled),
                    ownMetadata: OwnMetadata(annotations: OperatorAnnotations.written, finalizers: [OperatorAnnotations.finalizer]),
                    logger: environment.logger
                )
                for (wake, source) in zip(wakes, sources) {
                    source.subscribe { reference, changed in
                        await controller.enqueue(await informer.store.keys(index: wake.index, value: reference).filter { $0 != changed })
                    }
                }
                return controller
            },
            tokenSecretUsers: { scope in
                let informer = scope.informer(Kind.Resource.self)
                return TokenSecretUsers(
                    holds: { secret, excluding in
                        for key in await informer.store.keys(index: Wake<Kind.Resource>.tokenSecret.index, value: secret) {
                            guard let resource = await informer.store.get(key), excluding == nil || resource.metadata.uid != excluding else { continue }
                            if resource.metadata.finalizers?.contains(OperatorAnnotations.finalizer) == true { return true }
                        }
                        return false
                    },
                    subscribe: { handler in informer.subscribe { change in await handler(change.object.metadata.namespace ?? "") } },
                    waitUntilSynced: { await informer.store.waitUntilSynced() }
                )
            }
        )
    }
}

/// What every controller of a scope is made with.
struct ControllerEnvironment: Sendable {
    let kube: KubeClient
    let aiven: AivenClients
    let events: EventRecorder
    let configuration: OperatorConfiguration
    let dependencies: Dependencies
    /// Every kind's view of who holds a token Secret, in this scope.
    let tokenSecretUsers: [TokenSecretUsers]
    let maxConcurrentReconciles: Int
    let logger: Logger
}

/// A controller of any kind, as the operator runs it and `/readyz` asks it.
public protocol RunnableController: Service {
    /// The controller name.
    var name: String { get }
    /// `true` once every cache the controller reads has synced.
    var isSynced: Bool { get async }
}

extension Controller: RunnableController {}
