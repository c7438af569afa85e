import AsyncHTTPClient
import Foundation
import KubeAPI
import Logging

/// A typed client for the parts of the Aiven REST API (v1) that the operator uses.
///
/// Every call has a timeout and goes through the ``AivenRetryPolicy``; failures are thrown as
/// ``AivenError``. The client is a value: copy it freely, share one per token.
public struct AivenClient: Sendable {
    private let transport: any AivenTransport
    private let timeout: Duration
    private var retryPolicy: AivenRetryPolicy
    private let logger: Logger
    private let sleep: @Sendable (Duration) async throws -> Void
    private let random: @Sendable () -> Double
    /// Where ``getProjectCA(project:)`` keeps its answers, and under which API URL.
    var projectCAs: (cache: ProjectCACache, apiURL: String)? = nil

    /// A client over HTTP for `configuration`.
    /// - Parameter httpClient: a shared AsyncHTTPClient; the caller owns its lifecycle.
    public init(
        configuration: AivenClientConfiguration,
        httpClient: HTTPClient = AivenHTTPTransport.sharedHTTPClient,
        logger: Logger = Logger(label: "aiven-client")
    ) {
        self.init(
            transport: AivenHTTPTransport(
                httpClient: httpClient,
                baseURL: configuration.baseURL,
                token: configuration.token,
                userAgent: configuration.userAgent
            ),
            timeout: configuration.timeout,
            retryPolicy: configuration.retryPolicy,
            logger: logger
        )
    }

    /// A client over any transport, with the waiting between retries injected.
    /// - Parameters:
    ///   - sleep: waits between attempts; tests pass a recorder that returns at once.
    ///   - random: values in `0..<1` for the retry jitter.
    public init(
        transport: any AivenTransport,
        timeout: Duration = .seconds(30),
        retryPolicy: AivenRetryPolicy = .standard,
        logger: Logger = Logger(label: "aiven-client"),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.transport = transport
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.logger = logger
        self.sleep = sleep
        self.random = random
    }

    /// A client over any transport whose retry waits run on `clock`.
    public init<C: Clock>(
        transport: any AivenTransport,
        timeout: Duration = .seconds(30),
        retryPolicy: AivenRetryPolicy = .standard,
        logger: Logger = Logger(label: "aiven-client"),
        clock: C,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) where C.Duration == Duration {
        self.init(
            transport: transport, timeout: timeout, retryPolicy: retryPolicy, logger: logger,
            sleep: { try await clock.sleep(for: $0) }, random: random
        )
    }

    /// This client, but a request that cannot reach Aiven fails at its first attempt instead of
    /// being retried within the call (``AivenRetryPolicy/retriesUnreachable``): for a call whose
    /// caller holds something back until it returns — a create sent before any read keeps its
    /// resource's finalizer on, and so its deletion waiting, for as long as the call lasts.
    public func failingFastWhenUnreachable() -> AivenClient {
        var client = self
        client.retryPolicy.retriesUnreachable = false
        return client
    }

    // MARK: Exchange

    /// Sends a request with retries and decodes a success body as `Output`.
    func send<Output: Decodable>(
        _ method: AivenRequest.Method, _ path: AivenPath, body: (some Encodable)? = nil as Never?,
        as output: Output.Type
    ) async throws(AivenError) -> Output {
        let response = try await exchange(method, path, body: body)
        do {
            return try JSONValueDecoder().decode(Output.self, from: response.body.isEmpty ? Array("{}".utf8) : response.body)
        } catch {
            throw .invalidResponse(message: "\(method.rawValue) \(path.template): \(error)")
        }
    }

    /// Sends a request with retries and returns the success response.
    @discardableResult
    func exchange(
        _ method: AivenRequest.Method, _ path: AivenPath, body: (some Encodable)? = nil as Never?
    ) async throws(AivenError) -> AivenResponse {
        var bytes: [UInt8]?
        if let body {
            do {
                bytes = Array(try JSONEncoder().encode(body))
            } catch {
                throw .invalidResponse(message: "cannot encode the request body: \(error)")
            }
        }
        let request = AivenRequest(method: method, path: path.rendered, body: bytes, route: path.template)
        var attempt = 1
        while true {
            let error: AivenError
            do {
                let response = try await transport.send(request, timeout: timeout)
                if (200..<300).contains(response.status) {
                    logger.debug("aiven call", metadata: ["method": "\(method.rawValue)", "route": "\(path.template)", "status": "\(response.status)", "attempt": "\(attempt)"])
                    return response
                }
                error = AivenError(status: response.status, body: response.body, retryAfterHeader: response.retryAfter)
            } catch let failure {
                error = failure
            }
            if case .cancelled = error { throw error }
            let decision = retryPolicy.decision(after: error, attempt: attempt, idempotent: method.isIdempotent, random: random())
            guard case .retry(let wait) = decision else {
                logger.debug("aiven call failed", metadata: ["method": "\(method.rawValue)", "route": "\(path.template)", "error": "\(error)", "attempt": "\(attempt)"])
                throw error
            }
            logger.info("retrying aiven call", metadata: ["method": "\(method.rawValue)", "route": "\(path.template)", "error": "\(error)", "attempt": "\(attempt)", "wait": "\(wait)"])
            do {
                try await sleep(wait)
            } catch {
                throw .cancelled
            }
            attempt += 1
        }
    }
}
