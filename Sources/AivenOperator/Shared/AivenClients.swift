import AivenClient
import AsyncHTTPClient
import Synchronization

/// One ``AivenClient`` per token, sharing one HTTP connection pool and the project CAs they read
/// (a ``ProjectCACache``: one per process, as the operator makes one `AivenClients`).
public final class AivenClients: Sendable {
    private let baseURL: String
    private let version: String
    private let httpClient: HTTPClient
    private let retryPolicy: AivenRetryPolicy?
    private let clients = Mutex<[AivenToken: AivenClient]>([:])
    private let projectCAs = ProjectCACache()

    /// - Parameter retryPolicy: retries inside one call; `nil` for the standard policy.
    public init(baseURL: String, version: String, httpClient: HTTPClient = AivenHTTPTransport.sharedHTTPClient, retryPolicy: AivenRetryPolicy? = nil) {
        self.baseURL = baseURL
        self.version = version
        self.httpClient = httpClient
        self.retryPolicy = retryPolicy
    }

    /// The client that authenticates with `token`.
    public func client(for token: AivenToken) -> AivenClient {
        clients.withLock { clients in
            if let client = clients[token] { return client }
            let configuration = AivenClientConfiguration(token: token, operatorVersion: version, baseURL: baseURL)
            let transport = AivenHTTPTransport(httpClient: httpClient, baseURL: baseURL, token: token, userAgent: configuration.userAgent)
            let client = AivenClient(
                transport: MeteredAivenTransport(base: transport),
                timeout: configuration.timeout,
                retryPolicy: retryPolicy ?? configuration.retryPolicy
            ).keepingProjectCAs(in: projectCAs, apiURL: baseURL)
            clients[token] = client
            return client
        }
    }
}
