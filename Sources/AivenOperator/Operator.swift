import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import ServiceLifecycle

/// The whole operator: per watched namespace (or the whole cluster), the caches of KafkaConnects,
/// ProjectVPCs and Secrets and the KafkaConnect controller, optionally behind leader election.
/// A swift-service-lifecycle `Service`: graceful shutdown lets in-flight reconciles finish.
public final class Operator: Service, Sendable {
    /// How the operator runs.
    public struct Options: Sendable {
        /// Namespaces to watch; empty watches the whole cluster.
        public var namespaces: [String]
        public var maxConcurrentReconciles: Int
        /// Leader election, when several replicas run.
        public var leaderElection: LeaderElector.Configuration?

        public init(namespaces: [String] = [], maxConcurrentReconciles: Int = 4, leaderElection: LeaderElector.Configuration? = nil) {
            self.namespaces = namespaces
            self.maxConcurrentReconciles = maxConcurrentReconciles
            self.leaderElection = leaderElection
        }
    }

    public let controllers: [Controller<KafkaConnect, ManagedReconciler<KafkaConnectKind>>]
    public let projectVPCControllers: [Controller<AivenResources.ProjectVPC, ManagedReconciler<ProjectVPCKind>>]
    public let serviceIntegrationControllers: [Controller<AivenResources.ServiceIntegration, ManagedReconciler<ServiceIntegrationKind>>]
    /// One per (kind, namespace scope), shared by every controller that reads the kind.
    private let informers: [any InformerService]
    private let kube: KubeClient
    private let options: Options
    private let logger: Logger

    /// Index of resources by the Secret holding their token (`namespace/name`).
    static let bySecret = "secret"
    /// Index of KafkaConnects by the ProjectVPC they are placed in (`namespace/name`).
    static let byProjectVPC = "projectVPC"

    public init(kube: KubeClient, aiven: AivenClients, configuration: OperatorConfiguration, options: Options, logger: Logger) {
        self.kube = kube
        self.options = options
        self.logger = logger
        let events = EventRecorder(client: kube, component: "aiven-operator", logger: logger)
        let scopes: [String?] = options.namespaces.isEmpty ? [nil] : options.namespaces.map { $0 }
        // An object the operator cannot read is skipped, and said so on the object.
        let undecodable: @Sendable (UndecodableObject) async -> Void = { object in
            await events.record(.warning, reason: "Undecodable", message: "The operator cannot read this object and skips it: \(object.reason)", about: object)
        }
        func informer<Object: KubeResource>(_ type: Object.Type, _ namespace: String?, indexes: [String: Store<Object>.IndexFunction] = [:]) -> Informer<Object> {
            Informer(watcher: Watcher(client: kube.resources(type, namespace: namespace), store: Store(indexes: indexes), onUndecodable: undecodable, logger: logger))
        }
        @Sendable func secretKey<R: ManagedResource>(_ resource: R) -> [String] {
            resource.authSecretRef.map { ["\(resource.metadata.namespace ?? "")/\($0.name)"] } ?? []
        }
        var informers: [any InformerService] = []
        var projectVPCControllers: [Controller<AivenResources.ProjectVPC, ManagedReconciler<ProjectVPCKind>>] = []
        var controllers: [Controller<KafkaConnect, ManagedReconciler<KafkaConnectKind>>] = []
        var serviceIntegrationControllers: [Controller<AivenResources.ServiceIntegration, ManagedReconciler<ServiceIntegrationKind>>] = []
        for namespace in scopes {
            let secrets = informer(Secret.self, namespace)
            let vpcs = informer(AivenResources.ProjectVPC.self, namespace, indexes: [Self.bySecret: { secretKey($0) }])
            let kafkaConnects = informer(KafkaConnect.self, namespace, indexes: [
                Self.bySecret: { secretKey($0) },
                Self.byProjectVPC: { resource in
                    resource.spec.projectVPCRef.map { ["\($0.namespace ?? resource.metadata.namespace ?? "")/\($0.name)"] } ?? []
                },
            ])
            let serviceIntegrations = informer(AivenResources.ServiceIntegration.self, namespace, indexes: [Self.bySecret: { secretKey($0) }])
            informers += [secrets, vpcs, kafkaConnects, serviceIntegrations] as [any InformerService]
            let dependencies = Dependencies.cached(secrets: secrets.store, projectVPCs: vpcs.store)
            let vpcController = Controller(
                name: ProjectVPCKind.controllerName,
                informer: vpcs,
                reconciler: ManagedReconciler(
                    kind: ProjectVPCKind(), kube: kube, store: vpcs.store, dependencies: dependencies,
                    aiven: aiven, events: events, configuration: configuration, logger: logger
                ),
                maxConcurrentReconciles: options.maxConcurrentReconciles,
                prerequisites: [{ await secrets.store.waitUntilSynced() }],
                logger: logger
            )
            let kafkaConnectController = Controller(
                name: KafkaConnectKind.controllerName,
                informer: kafkaConnects,
                reconciler: ManagedReconciler(
                    kind: KafkaConnectKind(), kube: kube, store: kafkaConnects.store, dependencies: dependencies,
                    aiven: aiven, events: events, configuration: configuration, logger: logger
                ),
                maxConcurrentReconciles: options.maxConcurrentReconciles,
                prerequisites: [{ await secrets.store.waitUntilSynced() }, { await vpcs.store.waitUntilSynced() }],
                logger: logger
            )
            let serviceIntegrationController = Controller(
                name: ServiceIntegrationKind.controllerName,
                informer: serviceIntegrations,
                reconciler: ManagedReconciler(
                    kind: ServiceIntegrationKind(), kube: kube, store: serviceIntegrations.store, dependencies: dependencies,
                    aiven: aiven, events: events, configuration: configuration, logger: logger
                ),
                maxConcurrentReconciles: options.maxConcurrentReconciles,
                prerequisites: [{ await secrets.hasSynced }],
                logger: logger
            )
            // Secondary watches: a Secret wakes the resources whose token it holds; a ProjectVPC
            // the KafkaConnects placed in it.
            secrets.subscribe { (change: Watcher<Secret>.Change) in
                let key = Self.reference(change.object)
                await vpcController.enqueue(await vpcs.store.keys(index: Self.bySecret, value: key))
                await kafkaConnectController.enqueue(await kafkaConnects.store.keys(index: Self.bySecret, value: key))
                await serviceIntegrationController.enqueue(await serviceIntegrations.store.keys(index: Self.bySecret, value: key))
            }
            vpcs.subscribe { (change: Watcher<AivenResources.ProjectVPC>.Change) in
                await kafkaConnectController.enqueue(await kafkaConnects.store.keys(index: Self.byProjectVPC, value: Self.reference(change.object)))
            }
            projectVPCControllers.append(vpcController)
            controllers.append(kafkaConnectController)
            serviceIntegrationControllers.append(serviceIntegrationController)
        }
        self.informers = informers
        self.projectVPCControllers = projectVPCControllers
        self.controllers = controllers
        self.serviceIntegrationControllers = serviceIntegrationControllers
    }

    private static func reference<Object: KubeResource>(_ object: Object) -> String {
        "\(object.metadata.namespace ?? "")/\(object.metadata.name ?? "")"
    }

    /// The informers that have not synced yet (`KafkaConnect in default`), for `/readyz`.
    public var unsyncedInformers: [String] {
        get async {
            var names: [String] = []
            for informer in informers where await !informer.hasSynced { names.append(informer.name) }
            return names
        }
    }

    /// What keeps the operator from being ready (`/readyz`): informers not synced yet
    /// (`Secret not synced`). Empty when ready. As with controller-runtime, a replica waiting for
    /// leadership is ready: its caches are warm, and a Deployment with several replicas rolls out.
    public var notReady: [String] {
        get async { await unsyncedInformers.map { "\($0) not synced" } }
    }

    /// `true` when every cache has synced and, with leader election, this replica leads.
    public var isReady: Bool {
        get async {
            if await !notReady.isEmpty { return false }
            for controller in controllers where await !controller.isSynced { return false }
            for controller in projectVPCControllers where await !controller.isSynced { return false }
            for controller in serviceIntegrationControllers where await !controller.isSynced { return false }
            return true
        }
    }

    /// Runs the informers on every replica and the controllers only while this replica leads
    /// (always, without leader election); returns or throws when either ends.
    public func run() async throws {
        let caches: [any Service] = informers.map { $0 as any Service }
        let workers: [any Service] = controllers + projectVPCControllers + serviceIntegrationControllers
        guard let election = options.leaderElection else {
            try await Self.runAll(caches + workers)
            return
        }
        let elector = LeaderElector(kube: kube, configuration: election, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await Self.runAll(caches) }
            group.addTask {
                try await elector.run { try await Self.runAll(workers) }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private static func runAll(_ services: [any Service]) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            for service in services {
                group.addTask { try await service.run() }
            }
        }
    }
}

extension Watcher.Change {
    /// The object that changed.
    var object: Object {
        switch self {
        case .applied(let object), .deleted(let object): object
        }
    }
}
