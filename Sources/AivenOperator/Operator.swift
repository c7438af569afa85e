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

    public let controllers: [Controller<KafkaConnect, KafkaConnectReconciler>]
    public let projectVPCControllers: [Controller<AivenResources.ProjectVPC, ProjectVPCReconciler>]
    private let kube: KubeClient
    private let options: Options
    private let logger: Logger
    private let leading = SyncFlag()

    public init(kube: KubeClient, aiven: AivenClients, configuration: OperatorConfiguration, options: Options, logger: Logger) {
        self.kube = kube
        self.options = options
        self.logger = logger
        let events = EventRecorder(client: kube, component: "aiven-operator", logger: logger)
        let scopes: [String?] = options.namespaces.isEmpty ? [nil] : options.namespaces.map { $0 }
        projectVPCControllers = scopes.map { namespace in
            let store = Store<AivenResources.ProjectVPC>()
            let secrets = Store<Secret>()
            let secretWatcher = Watcher(client: kube.resources(Secret.self, namespace: namespace), store: secrets, logger: logger)
            return Controller(
                name: "projectvpc",
                watcher: Watcher(client: kube.resources(AivenResources.ProjectVPC.self, namespace: namespace), store: store, logger: logger),
                reconciler: ProjectVPCReconciler(
                    kube: kube, store: store, tokens: TokenResolver(secrets: secrets, defaultToken: configuration.defaultToken),
                    aiven: aiven, events: events, configuration: configuration
                ),
                maxConcurrentReconciles: options.maxConcurrentReconciles,
                triggers: [
                    { controller in
                        await secretWatcher.run { change in
                            let secret = change.object
                            for vpc in await controller.store.list()
                            where vpc.metadata.namespace == secret.metadata.namespace && vpc.spec.authSecretRef?.name == secret.metadata.name {
                                await controller.enqueue(Store<AivenResources.ProjectVPC>.key(of: vpc))
                            }
                        }
                    },
                ],
                prerequisites: [{ await secrets.hasSynced }],
                logger: logger
            )
        }
        controllers = scopes.map { namespace in
            let store = Store<KafkaConnect>()
            let secrets = Store<Secret>()
            let vpcs = Store<AivenResources.ProjectVPC>()
            let secretWatcher = Watcher(client: kube.resources(Secret.self, namespace: namespace), store: secrets, logger: logger)
            let vpcWatcher = Watcher(client: kube.resources(AivenResources.ProjectVPC.self, namespace: namespace), store: vpcs, logger: logger)
            let reconciler = KafkaConnectReconciler(
                kube: kube, store: store, projectVPCs: vpcs,
                tokens: TokenResolver(secrets: secrets, defaultToken: configuration.defaultToken),
                aiven: aiven, events: events, configuration: configuration, logger: logger
            )
            return Controller(
                name: "kafkaconnect",
                watcher: Watcher(client: kube.resources(KafkaConnect.self, namespace: namespace), store: store, logger: logger),
                reconciler: reconciler,
                maxConcurrentReconciles: options.maxConcurrentReconciles,
                triggers: [
                    { controller in
                        await secretWatcher.run { change in
                            let secret = change.object
                            for resource in await controller.store.list()
                            where resource.metadata.namespace == secret.metadata.namespace && resource.spec.authSecretRef?.name == secret.metadata.name {
                                await controller.enqueue(Store<KafkaConnect>.key(of: resource))
                            }
                        }
                    },
                    { controller in
                        await vpcWatcher.run { change in
                            let vpc = change.object
                            for resource in await controller.store.list() {
                                guard let reference = resource.spec.projectVPCRef else { continue }
                                let namespace = reference.namespace ?? resource.metadata.namespace
                                if reference.name == vpc.metadata.name, namespace == vpc.metadata.namespace {
                                    await controller.enqueue(Store<KafkaConnect>.key(of: resource))
                                }
                            }
                        }
                    },
                ],
                prerequisites: [{ await secrets.hasSynced }, { await vpcs.hasSynced }],
                logger: logger
            )
        }
    }

    /// `true` when every cache has synced and, with leader election, this replica leads.
    public var isReady: Bool {
        get async {
            if options.leaderElection != nil, await !leading.value { return false }
            for controller in controllers where await !controller.isSynced { return false }
            for controller in projectVPCControllers where await !controller.isSynced { return false }
            return true
        }
    }

    public func run() async throws {
        let services: [any Service] = controllers + projectVPCControllers
        let work: @Sendable () async throws -> Void = {
            try await withThrowingDiscardingTaskGroup { group in
                for service in services {
                    group.addTask { try await service.run() }
                }
            }
        }
        guard let election = options.leaderElection else {
            try await work()
            return
        }
        let elector = LeaderElector(kube: kube, configuration: election, logger: logger)
        try await elector.run {
            await self.leading.set()
            try await work()
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
