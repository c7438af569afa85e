import AsyncHTTPClient
import Foundation
import KubeAPI
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// The HTTP transport to one API server: authentication, TLS, and `Status` errors decoded into
/// ``KubeError``. Create one per process, share it, and call ``shutdown()`` at the end.
///
/// ```swift
/// let client = try KubeClient(config: KubeConfig.load())
/// let connects = client.resources(KafkaConnect.self, namespace: "default")
/// let list = try await connects.list()
/// ```
public final class KubeClient: Sendable {
    /// One HTTP answer.
    struct Response: Sendable {
        var code: Int
        var body: [UInt8]
    }

    public let config: KubeConfig
    private let http: HTTPClient
    private let token: BearerToken
    private let logger: Logger
    /// Deadline for ordinary (non-watch) requests.
    private let requestTimeout: Duration
    /// Largest non-watch response body accepted.
    static let maxBodySize = 64 * 1024 * 1024

    public init(config: KubeConfig, requestTimeout: Duration = .seconds(30), logger: Logger = Logger(label: "KubeClient")) throws(KubeError) {
        self.config = config
        self.requestTimeout = requestTimeout
        self.logger = logger
        token = BearerToken(credentials: config.credentials)
        var configuration = HTTPClient.Configuration()
        if config.usesTLS {
            var tls = TLSConfiguration.makeClientConfiguration()
            do {
                if let ca = config.certificateAuthorityPEM {
                    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
                }
                if case .clientCertificate(let certificate, let key) = config.credentials {
                    tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                    tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
                }
            } catch {
                throw KubeError.configuration("bad TLS material: \(error)")
            }
            if config.insecureSkipTLSVerify { tls.certificateVerification = .none }
            configuration.tlsConfiguration = tls
        }
        configuration.timeout.connect = .seconds(10)
        // Over HTTP/1 every watch holds a connection for its life (an operator has one per kind and
        // watched namespace): the default pool of 8 left the watches of a second namespace, and
        // every request after them, waiting forever. Connections are still opened only on demand.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 1024
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes connections. Call once, when done.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// A typed client for `R` in `namespace` (ignored for cluster-scoped kinds; `nil` = all
    /// namespaces for list and watch).
    public func resources<R: KubeResource>(_ type: R.Type, namespace: String? = nil) -> ResourceClient<R> {
        ResourceClient(client: self, namespace: namespace)
    }

    /// A dynamic client for any resource type.
    public func resources(_ resource: ResourceType, namespace: String? = nil) -> DynamicResourceClient {
        DynamicResourceClient(client: self, resource: resource, namespace: namespace)
    }

    // MARK: Transport

    /// Sends a request; a non-2xx answer throws the matching ``KubeError``.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
        contentType: String = "application/json", accept: String = "application/json"
    ) async throws(KubeError) -> Response {
        var refreshed = false
        while true {
            let (request, bearer) = try await makeRequest(method, path, query: query, body: body, contentType: contentType, accept: accept)
            do {
                let response = try await http.execute(request, timeout: TimeAmount(requestTimeout))
                let body = try await response.body.collect(upTo: Self.maxBodySize)
                let answer = Response(code: Int(response.status.code), body: Array(buffer: body))
                if answer.code == 401, !refreshed, await token.canRefresh {
                    // A rotated or expired token: read the file or run the plugin again, once.
                    await token.rejected(bearer)
                    refreshed = true
                    continue
                }
                guard (200..<300).contains(answer.code) else { throw Self.error(code: answer.code, body: answer.body, headers: response.headers) }
                return answer
            } catch let error as KubeError {
                throw error
            } catch {
                throw KubeError.transport("\(method) \(path): \(error)")
            }
        }
    }

    /// Opens a streaming GET (a watch) and returns the body once the server answered 200.
    func stream(_ path: String, query: [(String, String)], timeout: Duration) async throws(KubeError) -> HTTPClientResponse.Body {
        let (request, bearer) = try await makeRequest(.GET, path, query: query, body: nil, contentType: "application/json", accept: "application/json")
        do {
            let response = try await http.execute(request, timeout: TimeAmount(timeout))
            // The watcher retries; the next attempt reads the file or runs the plugin again.
            if response.status.code == 401 { await token.rejected(bearer) }
            guard response.status.code == 200 else {
                let body = try await response.body.collect(upTo: Self.maxBodySize)
                throw Self.error(code: Int(response.status.code), body: Array(buffer: body), headers: response.headers)
            }
            return response.body
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.transport("WATCH \(path): \(error)")
        }
    }

    private func makeRequest(
        _ method: HTTPMethod, _ path: String, query: [(String, String)], body: [UInt8]?, contentType: String, accept: String
    ) async throws(KubeError) -> (request: HTTPClientRequest, bearer: String?) {
        var components = URLComponents()
        components.percentEncodedPath = path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        // `+` in label selectors must reach the server as `%2B`, not a space.
        let suffix = (components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")).map { "?" + $0 } ?? ""
        var request = HTTPClientRequest(url: config.server + components.percentEncodedPath + suffix)
        request.method = method
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: "swift-aiven-operator/KubeClient")
        let bearer = try await token.current()
        if let bearer {
            request.headers.add(name: "Authorization", value: "Bearer \(bearer)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        logger.trace("request", metadata: ["method": "\(method)", "path": "\(path)"])
        return (request, bearer)
    }

    static func error(code: Int, body: [UInt8], headers: HTTPHeaders) -> KubeError {
        let retryAfter = headers.first(name: "Retry-After").flatMap(Int.init)
        let status = (try? JSONValueDecoder().decode(Status.self, from: body))
            ?? Status(message: String(decoding: body.prefix(1024), as: UTF8.self), reason: nil, code: code)
        return KubeError(code: code, status: status, retryAfterSeconds: retryAfter)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
