import AivenClient
import AivenOperator
import ArgumentParser
import Foundation
import KubeClient
import KubeRuntime
import Logging

/// `aiven-operator run`: the operator against a real cluster and the real Aiven API.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the operator (kubeconfig or in-cluster configuration).",
        discussion: """
            The Aiven token comes from each resource's spec.authSecretRef, else from DEFAULT_AIVEN_TOKEN. \
            Environment: KUBECONFIG, DEFAULT_AIVEN_TOKEN, AIVEN_API_URL, WATCHED_NAMESPACES (comma-separated), \
            DEFAULT_TOKEN_NAMESPACES, NAMESPACE_PROJECTS (see --default-token-namespaces, --namespace-projects).
            """
    )

    @Option(help: "Path of a kubeconfig (default: $KUBECONFIG, ~/.kube/config, then in-cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context to use.")
    var context: String?

    @Flag(name: .customLong("leader-elect"), help: "Use a Lease so that only one replica reconciles.")
    var leaderElect = false

    @Option(name: .customLong("leader-election-namespace"), help: "Namespace of the leader election Lease (default: the pod's namespace or default).")
    var leaderElectionNamespace: String?

    @Option(name: .customLong("leader-election-id"), help: "Name of the leader election Lease.")
    var leaderElectionID = "aiven-operator-leader"

    @Option(name: .customLong("metrics-bind-address"), help: "Address of /metrics (0 disables).")
    var metricsBindAddress = ":8080"

    @Option(name: .customLong("health-probe-bind-address"), help: "Address of /healthz and /readyz (0 disables).")
    var healthProbeBindAddress = ":8081"

    @Option(name: .customLong("watched-namespaces"), help: "Comma-separated namespaces to watch (default: all, or WATCHED_NAMESPACES).")
    var watchedNamespaces: String?

    @Option(name: .customLong("aiven-api-url"), help: "Aiven API base URL (default: AIVEN_API_URL or https://api.aiven.io).")
    var aivenAPIURL: String?

    @Option(name: .customLong("max-concurrent-reconciles"), help: "Reconciles running at once.")
    var maxConcurrentReconciles = 4

    @Option(name: .customLong("resync-interval"), help: "Seconds between drift checks of a ready resource.")
    var resyncInterval: Double = 600

    @Option(name: .customLong("connector-status-interval"), help: "Seconds between status checks of a ready KafkaConnector, to report failed tasks (two Aiven GETs, no Kubernetes write when nothing changed).")
    var connectorStatusInterval: Double = 60

    @Flag(
        name: .customLong("reference-annotations"), inversion: .prefixedNo,
        help: "Set the reference aiven-operator's annotations (controllers.aiven.io/generation-was-processed, instance-is-running) on ready resources: one metadata patch per applied generation."
    )
    var referenceAnnotations = true

    @Option(
        name: .customLong("default-token-namespaces"),
        help: "Comma-separated namespaces whose resources may use DEFAULT_AIVEN_TOKEN (default: all, or DEFAULT_TOKEN_NAMESPACES). For clusters several teams share."
    )
    var defaultTokenNamespaces: String?

    @Option(
        name: .customLong("namespace-projects"),
        help: "Comma-separated namespace=project pairs: the Aiven projects each namespace's resources may name; a namespace not listed names none (default: any, or NAMESPACE_PROJECTS). For clusters several teams share."
    )
    var namespaceProjects: String?

    @Option(name: .customLong("log-format"), help: "json or text.")
    var logFormat = "text"

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard ["json", "text"].contains(logFormat) else { throw ValidationError("--log-format must be json or text") }
        guard maxConcurrentReconciles >= 1 else { throw ValidationError("--max-concurrent-reconciles must be at least 1") }
        try IntervalOption.check(resyncInterval, flag: "--resync-interval")
        try IntervalOption.check(connectorStatusInterval, flag: "--connector-status-interval")
        do {
            _ = try TenancyPolicy.projects(parsing: namespaceProjects ?? "")
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = OperatorLauncher.logger(format: logFormat, level: logLevel)
        let kubeConfiguration = try kubeconfig.map { path throws(KubeError) in try KubeConfig.kubeconfig(path: path, context: context) }
            ?? KubeConfig.load(environment: environment, context: context)
        let kube = try KubeClient(config: kubeConfiguration, logger: logger)
        let namespaces = (watchedNamespaces ?? environment["WATCHED_NAMESPACES"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let identity = "\(ProcessInfo.processInfo.hostName)-\(UUID().uuidString.prefix(8))"
        let configuration = OperatorConfiguration(
            defaultToken: environment["DEFAULT_AIVEN_TOKEN"].flatMap { $0.isEmpty ? nil : AivenToken($0) },
            aivenBaseURL: aivenAPIURL ?? environment["AIVEN_API_URL"] ?? AivenClientConfiguration.defaultBaseURL,
            resyncInterval: IntervalOption.duration(resyncInterval),
            connectorStatusInterval: IntervalOption.duration(connectorStatusInterval),
            referenceAnnotations: referenceAnnotations,
            tenancy: TenancyPolicy(
                defaultTokenNamespaces: TenancyPolicy.namespaces(parsing: defaultTokenNamespaces ?? environment["DEFAULT_TOKEN_NAMESPACES"] ?? ""),
                projects: try TenancyPolicy.projects(parsing: namespaceProjects ?? environment["NAMESPACE_PROJECTS"] ?? "")
            )
        )
        let options = Operator.Options(
            namespaces: namespaces,
            maxConcurrentReconciles: maxConcurrentReconciles,
            leaderElection: leaderElect ? LeaderElector.Configuration(
                namespace: leaderElectionNamespace ?? environment["POD_NAMESPACE"] ?? kubeConfiguration.namespace,
                name: leaderElectionID,
                identity: identity
            ) : nil
        )
        logger.info("starting", metadata: ["version": "\(OperatorVersion.current)", "aiven": "\(configuration.aivenBaseURL)", "namespaces": "\(namespaces.isEmpty ? "all" : namespaces.joined(separator: ","))"])
        do {
            try await OperatorLauncher.run(
                kube: kube, configuration: configuration, options: options,
                endpoints: .init(metrics: try OperatorLauncher.bindAddress(metricsBindAddress), health: try OperatorLauncher.bindAddress(healthProbeBindAddress)),
                logger: logger
            )
        } catch {
            try? await kube.shutdown()
            throw error
        }
        try await kube.shutdown()
    }
}
