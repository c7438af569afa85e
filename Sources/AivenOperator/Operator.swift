import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import ServiceLifecycle

/// The whole operator: per watched namespace (or the whole cluster), one shared cache per kind
/// and one controller per registered kind (``kinds``) plus the token Secrets' release
/// (``TokenSecretRelease``), optionally behind leader election.
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

    /// Every kind the operator reconciles, in documentation order: the one catalog. Adding a kind
    /// is adding its registration here; the CRDs, docs, RBAC, admission policy, README tables,
    /// `plan` and the test harness follow from it.
    public static let kinds: [KindRegistration] = [
        .managed(KafkaConnectKind(), wakes: [.projectVPC { $0.spec.projectVPCRef }]),
        .managed(ProjectVPCKind()),
        .managed(KafkaKind(), wakes: [
            .projectVPC { $0.spec.projectVPCRef },
            // Its connection Secret: one edited or deleted by hand is put back at once.
            .on(Secret.self, index: "Secret.connection") { [(nil, $0.spec.connInfoSecretTarget?.name ?? $0.metadata.name ?? "")] },
            // A ServiceUser of its `avnadmin`: a password it resets reaches this Secret at once.
            .on(ServiceUser.self, identities: { $0.username == "avnadmin" ? [$0.spec.serviceName] : [] }) { [(nil, $0.metadata.name ?? "")] },
        ]),
        .managed(KafkaTopicKind(), wakes: [.on(Kafka.self) { [(nil, $0.spec.serviceName)] }]),
        .managed(ServiceIntegrationKind(), wakes: [
            // Its services: an integration vanishes with either, and is looked at once one changes.
            .on(Kafka.self) { [$0.spec.sourceServiceName, $0.spec.destinationServiceName].compactMap { $0.map { (nil, $0) } } },
            .on(KafkaConnect.self) { [$0.spec.sourceServiceName, $0.spec.destinationServiceName].compactMap { $0.map { (nil, $0) } } },
            // Its endpoints: the one `destinationEndpointRef` names, and those named by id (by the
            // id in their status), so an endpoint created, given its id or deleted is seen at once.
            .on(ServiceIntegrationEndpoint.self) { $0.spec.destinationEndpointRef.map { [(nil, $0.name)] } ?? [] },
            .on(ServiceIntegrationEndpoint.self, index: "ServiceIntegrationEndpoint.id", identities: { [$0.status?.id].compactMap { $0 } }) {
                [$0.spec.sourceEndpointID, $0.spec.destinationEndpointId].compactMap { $0.map { (nil, $0) } }
            },
        ]),
        .managed(ServiceIntegrationEndpointKind()),
        .managed(KafkaConnectorKind(), wakes: [
            // The Secrets its `fromSecret` placeholders read: a rotation is applied at once.
            .on(Secret.self, index: "Secret.fromSecret") { ConnectorConfigTemplate.secrets(in: $0.spec.userConfig).map { (nil, $0) } },
            .on(Kafka.self) { [(nil, $0.spec.serviceName)] },
            .on(KafkaConnect.self) { [(nil, $0.spec.serviceName)] },
            // The integration that joins its Kafka Connect service to Kafka: one that vanishes or
            // comes back wakes the connector at once.
            .on(ServiceIntegration.self, identities: { [$0.spec.destinationServiceName].compactMap { $0 } }) { [(nil, $0.spec.serviceName)] },
        ]),
        .managed(ServiceUserKind(), wakes: [
            .on(Kafka.self) { [(nil, $0.spec.serviceName)] },
            // Its connection Secret: one edited or deleted by hand is put back at once.
            .on(Secret.self, index: "Secret.connection") { [(nil, $0.spec.connInfoSecretTarget?.name ?? $0.metadata.name ?? "")] },
            // The Secret its password comes from: a change there is applied at once.
            .on(Secret.self, index: "Secret.source") { $0.spec.connInfoSecretSource.map { [(nil, $0.name)] } ?? [] },
        ]),
        .managed(KafkaACLKind(), wakes: [.on(Kafka.self) { [(nil, $0.spec.serviceName)] }]),
        .managed(KafkaNativeACLKind(), wakes: [.on(Kafka.self) { [(nil, $0.spec.serviceName)] }]),
        .managed(KafkaSchemaRegistryACLKind(), wakes: [.on(Kafka.self) { [(nil, $0.spec.serviceName)] }]),
        .managed(PostgreSQLKind(), wakes: [
            .projectVPC { $0.spec.projectVPCRef },
            .on(Secret.self, index: "Secret.connection") { [(nil, $0.spec.connInfoSecretTarget?.name ?? $0.metadata.name ?? "")] },
            // A read replica waits for its source service.
            .on(PostgreSQL.self) { ($0.spec.serviceIntegrations ?? []).map { (nil, $0.sourceServiceName) } },
            // The Secret its migration comes from: one created or changed is applied at once.
            .on(Secret.self, index: "Secret.migration") { $0.spec.migrationSecretSource.map { [(nil, $0.name)] } ?? [] },
        ]),
        .managed(KafkaSchemaKind(), wakes: [
            .on(Kafka.self) { [(nil, $0.spec.serviceName)] },
            // The KafkaSchemas its `kafkaSchemaRef`s name: a referent's new version is registered at once.
            .on(KafkaSchema.self, index: "KafkaSchema.reference") { ($0.spec.references ?? []).compactMap { $0.kafkaSchemaRef.map { (namespace: nil, name: $0.name) } } },
        ]),
    ]

    /// The definitions (CRD, schema, reference page) of the catalog's kinds, in its order.
    public static var definitions: [ResourceKind] { kinds.map(\.definition) }

    /// One per (kind, namespace scope).
    public let controllers: [any RunnableController]
    /// One per (kind, namespace scope), shared by every controller that reads the kind.
    private let informers: [any InformerService]
    /// Sends the events of every controller, in the background.
    private let events: EventRecorder
    private let kube: KubeClient
    private let options: Options
    private let logger: Logger

    public init(
        kube: KubeClient, aiven: AivenClients, configuration: OperatorConfiguration, options: Options,
        kinds: [KindRegistration] = Operator.kinds, logger: Logger
    ) {
        // Whatever handler the caller gave, secret values never reach it (``Redactor``).
        let logger = RedactingLogHandler.wrapping(logger)
        self.kube = kube
        self.options = options
        self.logger = logger
        let events = EventRecorder(client: kube, component: "aiven-operator", logger: logger)
        self.events = events
        let scopes: [String?] = options.namespaces.isEmpty ? [nil] : options.namespaces.map { $0 }
        // An object the operator cannot read is skipped, and said so on the object.
        let undecodable: @Sendable (UndecodableObject) async -> Void = { object in
            await events.record(.warning, reason: "Undecodable", message: "The operator cannot read this object and skips it: \(object.reason)", about: object)
        }
        var informers: [any InformerService] = []
        var controllers: [any RunnableController] = []
        // Each kind's own informer first, in every scope, with the indexes its wakes need (a kind
        // reads its own informers of every scope, see ``Claims``).
        let scopeInformers = scopes.map { namespace in
            let scope = ScopeInformers(namespace: namespace, kube: kube, onUndecodable: undecodable, logger: logger)
            // Secrets with the index of those waiting for their token finalizer to go.
            _ = scope.informer(Secret.self, indexes: TokenSecretRelease.indexes)
            for kind in kinds { kind.makeInformer(scope) }
            return scope
        }
        for scope in scopeInformers {
            let users = kinds.map { $0.tokenSecretUsers(scope) }
            let environment = ControllerEnvironment(
                kube: kube, aiven: aiven, events: events, configuration: configuration,
                dependencies: .cached(
                    secrets: scope.informer(Secret.self).store, projectVPCs: scope.informer(ProjectVPC.self).store, objects: scope.cachedObjects),
                tokenSecretUsers: users, maxConcurrentReconciles: options.maxConcurrentReconciles, logger: logger
            )
            controllers += kinds.map { $0.makeController(scope, scopeInformers, environment) }
            controllers.append(TokenSecretRelease.controller(in: scope, users: users, environment: environment))
            informers += scope.all
        }
        self.informers = informers
        self.controllers = controllers
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
            return true
        }
    }

    /// Runs the informers and the event sender on every replica and the controllers only while
    /// this replica leads (always, without leader election); returns or throws when either ends.
    public func run() async throws {
        let caches: [any Service] = informers.map { $0 as any Service } + [events]
        let workers: [any Service] = controllers.map { $0 as any Service }
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
