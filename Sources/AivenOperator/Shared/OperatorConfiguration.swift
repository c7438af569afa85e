import AivenClient
import KubeRuntime

/// Settings shared by the reconcilers.
public struct OperatorConfiguration: Sendable {
    /// Used when a resource has no `spec.authSecretRef` (`DEFAULT_AIVEN_TOKEN`).
    public var defaultToken: AivenToken?
    /// The Aiven API base URL.
    public var aivenBaseURL: String
    /// How often a ready resource is compared with Aiven again, to find drift (±10 % at random,
    /// see ``resync``).
    public var resyncInterval: Duration
    /// How often a Ready `KafkaConnector`'s state and tasks are read again (±10 % at random), so a
    /// task that fails later shows as `Ready=False TaskFailed` within about this long. An idle
    /// poll is two Aiven GETs and no Kubernetes write.
    public var connectorStatusInterval: Duration
    /// The wait after automatic connector restart number n before the next one may be made
    /// (annotation `controllers.aiven.io/auto-restart`); the first is made as soon as a transient
    /// task failure is seen.
    public var connectorRestartBackoff: Backoff
    /// How long a connector runs without a failed task before its automatic restart count starts
    /// over.
    public var connectorHealthyPeriod: Duration
    /// How soon a resource waiting for Aiven (provisioning, a VPC, an integration source) is
    /// looked at again.
    public var pollInterval: Duration
    /// How soon a resource whose spec or token Aiven rejected is tried again without a change.
    public var terminalRetryInterval: Duration
    /// Retries after transient Aiven failures (5xx, timeouts; 429 waits as Aiven says).
    public var transientBackoff: Backoff
    /// How long transient failures may last before they show on the resource (`Ready=False`,
    /// one Warning event).
    public var failureGracePeriod: Duration
    /// The operator's version, sent in the Aiven `User-Agent`.
    public var version: String
    /// Whether a resource gets the reference aiven-operator's annotations
    /// (`controllers.aiven.io/generation-was-processed`, `instance-is-running`) once it is ready,
    /// for tools keyed on them and for a rollback to that operator. They live in metadata, which a
    /// status write cannot carry, so they cost one metadata patch per applied generation.
    public var referenceAnnotations: Bool
    /// Which namespaces may use the default token and name which Aiven projects, for clusters
    /// several teams share (``TenancyPolicy``); ``TenancyPolicy/open`` by default.
    public var tenancy: TenancyPolicy

    /// The jittered resync: a ready resource is looked at again after ``ResyncInterval/next(random:)``,
    /// and one that is settled when the operator starts at a random point within one interval.
    public var resync: ResyncInterval { ResyncInterval(resyncInterval) }

    public init(
        defaultToken: AivenToken? = nil,
        aivenBaseURL: String = AivenClientConfiguration.defaultBaseURL,
        resyncInterval: Duration = .seconds(600),
        connectorStatusInterval: Duration = .seconds(60),
        connectorRestartBackoff: Backoff = Backoff(base: .seconds(30), cap: .seconds(1800)),
        connectorHealthyPeriod: Duration = .seconds(600),
        pollInterval: Duration = .seconds(5),
        terminalRetryInterval: Duration? = nil,
        transientBackoff: Backoff = .reconcileErrors,
        failureGracePeriod: Duration = .seconds(20),
        version: String = OperatorVersion.current,
        referenceAnnotations: Bool = true,
        tenancy: TenancyPolicy = .open
    ) {
        self.referenceAnnotations = referenceAnnotations
        self.tenancy = tenancy
        self.terminalRetryInterval = terminalRetryInterval ?? resyncInterval
        self.transientBackoff = transientBackoff
        self.failureGracePeriod = failureGracePeriod
        self.defaultToken = defaultToken
        self.aivenBaseURL = aivenBaseURL
        self.resyncInterval = resyncInterval
        self.connectorStatusInterval = connectorStatusInterval
        self.connectorRestartBackoff = connectorRestartBackoff
        self.connectorHealthyPeriod = connectorHealthyPeriod
        self.pollInterval = pollInterval
        self.version = version
    }
}

/// The version of this build.
public enum OperatorVersion {
    public static let current = "0.1.0"
}
