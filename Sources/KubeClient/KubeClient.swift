import AsyncHTTPClient
import Foundation
import KubeAPI
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOSSL

/// A connection to one Kubernetes API server over its REST protocol.
///
/// One instance holds one HTTP connection pool; share it, and call ``shutdown()`` when done.
/// Typed access goes through ``resources(_:)`` and ``resources(_:)-swift.method``.
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    let http: HTTPClient
    private let tokens: TokenSource
    private let logger: Logger

    /// Largest non-watch response accepted.
    static let maxResponseBytes = 64 * 1024 * 1024

    public init(configuration: ClientConfiguration, logger: Logger = Logger(label: "kube-client")) throws(KubeError) {
        self.configuration = configuration
        self.logger = logger
        var tls = TLSConfiguration.makeClientConfiguration()
        if configuration.insecureSkipTLSVerify {
            tls.certificateVerification = .none
        }
        do {
            if let authority = configuration.certificateAuthority {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(authority))
            }
            if case .clientCertificate(let certificate, let key) = configuration.credentials {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            }
        } catch {
            throw KubeError.configuration("invalid TLS material: \(error)")
        }
        var httpConfiguration = HTTPClient.Configuration(tlsConfiguration: tls)
        httpConfiguration.timeout.connect = .seconds(10)
        httpConfiguration.decompression = .enabled(limit: .ratio(50))
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        tokens = TokenSource(configuration.credentials)
    }

    /// Closes the connection pool.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// Sends one request and decodes the JSON answer; a non-2xx status throws ``KubeError``.
    public func send(
        _ method: HTTPMethod,
        _ path: String,
        query: [(String, String)] = [],
        body: JSONValue? = nil,
        contentType: String = "application/json"
    ) async throws(KubeError) -> JSONValue {
        let response = try await execute(method, path, query: query, body: body, contentType: contentType, timeout: configuration.requestTimeout)
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch {
            throw KubeError.transport("reading the response of \(method) \(path): \(error)")
        }
        guard (200..<300).contains(response.status.code) else {
            throw Self.error(status: response.status, headers: response.headers, body: bytes)
        }
        do {
            return try JSONParser().parse(Array(bytes.readableBytesView))
        } catch {
            throw KubeError.decoding("\(method) \(path): \(error)")
        }
    }

    /// Starts a request and returns the response head with its body still streaming.
    func execute(
        _ method: HTTPMethod,
        _ path: String,
        query: [(String, String)],
        body: JSONValue? = nil,
        contentType: String = "application/json",
        timeout: Duration
    ) async throws(KubeError) -> HTTPClientResponse {
        guard var components = URLComponents(url: configuration.server, resolvingAgainstBaseURL: false) else {
            throw KubeError.configuration("cannot build a URL for \(path)")
        }
        components.percentEncodedPath = components.percentEncodedPath.trimmingSuffix("/") + path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        // `+` is a space in a query; label selectors never mean that.
        let encodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components.percentEncodedQuery = encodedQuery
        guard let url = components.string else { throw KubeError.configuration("cannot build a URL for \(path)") }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "aiven-operator")
        if let token = try tokens.token(), mayCarryToken {
            request.headers.add(name: "Authorization", value: "Bearer \(token.value)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body.jsonBytes))
        }
        do {
            return try await http.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
        } catch {
            logger.debug("request failed", metadata: ["method": "\(method)", "path": "\(path)", "error": "\(error)"])
            throw KubeError.transport("\(method) \(path): \(error)")
        }
    }

    /// Bearer tokens go only over TLS or to the local machine, never in clear over a network.
    private var mayCarryToken: Bool {
        configuration.server.scheme == "https" || ["127.0.0.1", "localhost", "::1", "[::1]"].contains(configuration.server.host ?? "")
    }

    static func error(status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer) -> KubeError {
        let text = String(buffer: body)
        var decoded = (try? JSONDecoder().decode(Status.self, from: Data(text.utf8)))
            ?? Status(message: text.isEmpty ? status.reasonPhrase : text, reason: status.reasonPhrase, code: Int(status.code))
        if decoded.code == nil { decoded.code = Int(status.code) }
        let retryAfter = headers.first(name: "Retry-After").flatMap(Int64.init).map { Duration.seconds($0) }
            ?? decoded.details?.retryAfterSeconds.map { Duration.seconds($0) }
        return KubeError(code: Int(status.code), status: decoded, retryAfter: retryAfter)
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
