import AivenClient

/// Settings shared by the reconcilers.
public struct OperatorConfiguration: Sendable {
    /// Used when a resource has no `spec.authSecretRef` (`DEFAULT_AIVEN_TOKEN`).
    public var defaultToken: AivenToken?
    /// The Aiven API base URL.
    public var aivenBaseURL: String
    /// How often a ready resource is compared with Aiven again, to find drift.
    public var resyncInterval: Duration
    /// How soon a resource waiting for Aiven (provisioning, a VPC, an integration source) is
    /// looked at again.
    public var pollInterval: Duration
    /// The operator's version, sent in the Aiven `User-Agent`.
    public var version: String

    public init(
        defaultToken: AivenToken? = nil,
        aivenBaseURL: String = AivenClientConfiguration.defaultBaseURL,
        resyncInterval: Duration = .seconds(600),
        pollInterval: Duration = .seconds(5),
        version: String = OperatorVersion.current
    ) {
        self.defaultToken = defaultToken
        self.aivenBaseURL = aivenBaseURL
        self.resyncInterval = resyncInterval
        self.pollInterval = pollInterval
        self.version = version
    }
}

/// The version of this build.
public enum OperatorVersion {
    public static let current = "0.1.0"
}
