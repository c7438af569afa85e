import AsyncHTTPClient
import Foundation
import KubeAPI
import NIOCore
import NIOHTTP1
import NIOPosix

/// ``AivenTransport`` over HTTP(S) with AsyncHTTPClient: adds the base URL, the
/// `Authorization: aivenv1 <token>` header, the `User-Agent` and JSON content headers.
///
/// Responses are passed on exactly as received: the token is registered with the
/// ``Redactor``, which removes it from what is shown (logs, events, status, error
/// descriptions), never from data.
public struct AivenHTTPTransport: AivenTransport {
    private let httpClient: HTTPClient
    private let baseURL: String
    private let token: AivenToken
    private let userAgent: String
    private let maxResponseBytes: Int

    /// The HTTP client Aiven calls share unless given another: AsyncHTTPClient's shared
    /// configuration, except that a connection that cannot be made fails the requests waiting for
    /// it at once. Otherwise its
    /// pool keeps reconnecting until each request's deadline, so against an unreachable Aiven (a
    /// DNS failure, a refused connection) every attempt took its whole timeout (30 s) before
    /// ``AivenRetryPolicy`` — the one place that decides whether and when to try again — saw it.
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// A transport for `baseURL` (e.g. `https://api.aiven.io`, no trailing `/v1`).
    /// - Parameter httpClient: a shared client; the caller owns its lifecycle.
    public init(
        httpClient: HTTPClient = AivenHTTPTransport.sharedHTTPClient,
        baseURL: String,
        token: AivenToken,
        userAgent: String,
        maxResponseBytes: Int = 32 * 1024 * 1024
    ) {
        self.httpClient = httpClient
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.userAgent = userAgent
        Redactor.shared.register(token.secret)
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: AivenRequest, timeout: Duration) async throws(AivenError) -> AivenResponse {
        var http = HTTPClientRequest(url: baseURL + request.path)
        http.method = HTTPMethod(rawValue: request.method.rawValue)
        http.headers.add(name: "Authorization", value: token.authorization)
        http.headers.add(name: "User-Agent", value: userAgent)
        http.headers.add(name: "Accept", value: "application/json")
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: "application/json")
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let nanoseconds = Int64(timeout.seconds * 1e9)
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        do {
            let response = try await httpClient.execute(http, deadline: deadline)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return AivenResponse(
                status: Int(response.status.code),
                retryAfter: response.headers.first(name: "Retry-After"),
                body: Array(buffer: body)
            )
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transport(classify(error))
        }
    }

    /// Whether the failure happened before the request could have been sent.
    private func classify(_ error: any Error) -> TransportFailure {
        let reason = String(describing: error)
        if let clientError = error as? HTTPClientError {
            if [.connectTimeout, .invalidURL, .emptyHost].contains(clientError) {
                return TransportFailure(reason: reason, requestMayHaveBeenSent: false)
            }
            let isTimeout = [.deadlineExceeded, .readTimeout, .writeTimeout].contains(clientError)
            return TransportFailure(reason: reason, requestMayHaveBeenSent: true, isTimeout: isTimeout)
        }
        if error is NIOConnectionError {
            return TransportFailure(reason: reason, requestMayHaveBeenSent: false)
        }
        if case .connectTimeout? = error as? ChannelError {
            return TransportFailure(reason: reason, requestMayHaveBeenSent: false)
        }
        if let ioError = error as? IOError, ioError.errnoCode == ECONNREFUSED {
            return TransportFailure(reason: reason, requestMayHaveBeenSent: false)
        }
        return TransportFailure(reason: reason, requestMayHaveBeenSent: true)
    }
}
