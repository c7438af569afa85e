import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import ServiceLifecycle

/// One kind the ``Operator`` reconciles, described once: its resource definition, its
/// ``ManagedKind``, the related kinds whose changes wake its resources (the token Secret always; a
/// ProjectVPC; the resource a dependant waits for; for kinds whose objects carry no owner tag, the
/// other resources naming the same object), what it needs from the Kubernetes API and where its
/// termination protection is. Everything else follows from the registrations (``Operator/kinds``):
/// the operator's informers and controllers, `plan`, the RBAC and admission policy of every
/// install artefact (`aiven-operator generate`), the README's tables and the test harness.
public struct KindRegistration: Sendable {
    /// The controller name (`kafkaconnect`).
    public let name: String
    /// The kind's CRD, schema and reference page.
    public let definition: ResourceKind
    /// What the kind's controller reads and writes through the Kubernetes API.
    public let access: KubernetesAccess
    /// The spec field that protects the kind's resources from deletion
    /// (`terminationProtection`), `nil` when it has none.
    public let terminationProtectionField: String?
    /// What the operator would do for one manifest of the kind, read-only (`aiven-operator plan`).
    public let plan: @Sendable (JSONValue, PlanSources) async throws -> ChangePlan
    /// The kind's reconciler over a cache the caller refills, one pass at a time (the test
    /// harness drives every kind through it).
    let singlePass: @Sendable (ControllerEnvironment) -> SinglePassReconciler
    /// Makes the kind's informer with its indexes (before any other kind can ask for it).
    let makeInformer: @Sendable (ScopeInformers) -> Void
    /// Makes the kind's controller in a scope, given every scope; all their informers exist.
    let makeController: @Sendable (ScopeInformers, [ScopeInformers], ControllerEnvironment) -> any RunnableController
    /// The kind's resources as the token Secret release reads them, in a scope whose informers exist.
    let tokenSecretUsers: @Sendable (ScopeInformers) -> TokenSecretUsers

    /// The kind's resources in the Kubernetes API, at their storage version.
    public var resourceType: ResourceType {
        ResourceType(
            group: definition.definition.group, version: definition.definition.versions.first { $0.storage }?.name ?? "v1alpha1",
            plural: definition.definition.names.plural, namespaced: true
        )
    }

    /// Every kind of the catalog (``Operator/kinds``), as the checks that look across kinds
    /// (who still needs a token Secret, who an owner tag names) list them.
    static var servedTypes: [ResourceType] { Operator.kinds.map(\.resourceType) }

    /// A kind on the ``ManagedReconciler`` skeleton, woken by its token Secret, the resources
    /// claiming the same object (``Wake/claims(_:)``) and `wakes`.
    public static func managed<Kind: ManagedKind>(_ kind: Kind, wakes: [Wake<Kind.Resource>] = []) -> KindRegistration {
        let wakes = [Wake<Kind.Resource>.tokenSecret, .claims(kind)] + wakes
        let definition = Kind.Resource.definition
        return KindRegistration(
            name: Kind.controllerName,
            definition: definition,
            access: KubernetesAccess(
                group: Kind.Resource.group, plural: Kind.Resource.plural, writesConnectionSecrets: kind.connectionSecretSource != nil,
                deletesSecrets: kind.disposesSecrets
            ),
            terminationProtectionField: Kind.Resource.terminationProtection?.field,
            plan: { document, sources in try await ChangePlan.plan(kind, document: document, definition: definition, sources: sources) },
            singlePass: { environment in
                let store = Store<Kind.Resource>(indexes: Claims<Kind.Resource>.indexes(kind))
                let reconciler = ManagedReconciler(
                    kind: kind, kube: environment.kube, store: store, dependencies: environment.dependencies,
                    aiven: environment.aiven, events: environment.events, configuration: environment.configuration,
                    tokenSecretHolders: environment.tokenSecretUsers, logger: environment.logger
                )
                return SinglePassReconciler(
                    kind: Kind.Resource.kind,
                    refresh: { await store.replace(with: try await environment.kube.resources(Kind.Resource.self, namespace: nil).list().items) },
                    reconcile: { key in try await reconciler.reconcile(key) }
                )
            },
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
                    settledStart: SettledStart(kind.recheckInterval(environment.configuration), isSettled: ManagedReconciler<Kind>.isSettled),
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

/// A kind's reconciler driven one pass at a time: ``refresh`` refills its cache (every
/// namespace) from the API server, ``reconcile(_:)`` runs one pass.
struct SinglePassReconciler: Sendable {
    /// The kind (`KafkaTopic`).
    let kind: String
    let refresh: @Sendable () async throws -> Void
    let reconcile: @Sendable (ObjectKey) async throws -> ReconcileResult
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
