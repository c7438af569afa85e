/// Where and how ``AivenClient`` talks to Aiven.
public struct AivenClientConfiguration: Sendable {
    /// The API host, without `/v1`. Defaults to `https://api.aiven.io`; point it at an emulator
    /// in development and tests.
    public var baseURL: String
    /// The credentials.
    public var token: AivenToken
    /// The `User-Agent` header, `aiven-operator/<version>`.
    public var userAgent: String
    /// The limit for each attempt of each call.
    public var timeout: Duration
    /// Retries of failed calls.
    public var retryPolicy: AivenRetryPolicy

    /// The real Aiven API.
    public static let defaultBaseURL = "https://api.aiven.io"

    /// A configuration naming the operator version in the `User-Agent`.
    public init(
        token: AivenToken,
        operatorVersion: String,
        baseURL: String = AivenClientConfiguration.defaultBaseURL,
        timeout: Duration = .seconds(30),
        retryPolicy: AivenRetryPolicy = .standard
    ) {
        self.baseURL = baseURL
        self.token = token
        self.userAgent = Self.userAgent(operatorVersion: operatorVersion)
        self.timeout = timeout
        self.retryPolicy = retryPolicy
    }

    /// `aiven-operator/<version>`, with a leading `v` dropped.
    public static func userAgent(operatorVersion: String) -> String {
        let version = operatorVersion.hasPrefix("v") ? String(operatorVersion.dropFirst()) : operatorVersion
        return "aiven-operator/\(version)"
    }
}
