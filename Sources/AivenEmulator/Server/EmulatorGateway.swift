import Foundation
import Hummingbird
import KubeAPI
import Logging
import NIOCore

/// The path every request takes before its handler: request log, injected faults,
/// authentication, rate limit, body parsing; and the conversion of results and errors into
/// Aiven-shaped JSON responses.
struct EmulatorGateway: Sendable {
    let tokens: [EmulatorToken]
    let maxBodyBytes: Int
    let faults: FaultInjector
    let requestLog: RequestLog
    let rateLimiter: RateLimiter
    let logger: Logger

    enum Access: Sendable {
        /// No token needed (public catalogue).
        case open
        /// A valid token; for routes with `{project}`, one allowed for that project.
        case token
        /// The control API: no token, but only for clients on the loopback interface.
        case loopback
    }

    typealias Handler = @Sendable (EmulatorRequest) async throws -> JSONValue

    func respond(
        to request: Request, context: EmulatorRequestContext, template: String, access: Access, isAivenAPI: Bool,
        handler: Handler
    ) async -> Response {
        var request = request
        let method = request.method.rawValue
        if case .loopback = access, context.remoteAddress?.isLoopback != true {
            return Self.error(.controlAPIRefused)
        }
        if isAivenAPI {
            await requestLog.record(method: method, template: template)
        }
        if isAivenAPI, let action = await faults.take(method: method, path: request.uri.path, template: template) {
            switch action {
            case .respond(let status, let message, let retryAfter):
                var response = Self.error(EmulatorError(status, message))
                if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            case .drop:
                return Self.dropConnection
            case .hang(let seconds):
                do {
                    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                } catch {
                    return Self.error(EmulatorError(503, "Service Unavailable"))
                }
            }
        }
        var parameters: [String: String] = [:]
        for (key, value) in context.parameters {
            parameters[String(key)] = String(value).removingPercentEncoding ?? String(value)
        }
        do {
            if let project = parameters["project"], !EmulatorError.isValidProjectName(project) { throw EmulatorError.invalidProjectName(project) }
            if case .token = access {
                let token = try authenticate(request, project: parameters["project"])
                try await rateLimiter.admit(token: token)
            }
            let body = try await parseBody(&request)
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters {
                query[String(key)] = String(value).removingPercentEncoding ?? String(value)
            }
            let result = try await handler(EmulatorRequest(parameters: parameters, body: body, query: query))
            return Self.json(result, status: .ok)
        } catch {
            let error = error as? EmulatorError ?? EmulatorError(500, "Internal Server Error")
            if error.status >= 500 {
                logger.warning("emulated call failed", metadata: ["route": "\(method) \(template)", "status": "\(error.status)"])
            }
            return Self.error(error)
        }
    }

    /// Checks `Authorization: aivenv1 <token>`; returns the token.
    private func authenticate(_ request: Request, project: String?) throws(EmulatorError) -> String {
        guard let header = request.headers[.authorization], header.hasPrefix("aivenv1 ") else {
            throw .invalidToken
        }
        let value = String(header.dropFirst("aivenv1 ".count)).trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw .invalidToken }
        if tokens.isEmpty { return value }
        guard let token = tokens.first(where: { $0.value == value }) else { throw .invalidToken }
        if let project, !token.allows(project: project) {
            throw EmulatorError(403, "Permission denied for project \(project)", errorCode: "permission_denied")
        }
        return value
    }

    /// Bodies announced this large are refused unread: only smaller ones are drained first.
    static let maxDrainedBytes = 64 * 1024 * 1024

    private func parseBody(_ request: inout Request) async throws(EmulatorError) -> JSONValue? {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            // Read and discard, as Aiven's front end does, so the client gets the 413 rather than a reset.
            if length <= Self.maxDrainedBytes {
                do {
                    for try await _ in request.body {}
                } catch {}
            }
            throw EmulatorError.bodyTooLarge(limit: maxBodyBytes)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            throw EmulatorError.bodyTooLarge(limit: maxBodyBytes)
        }
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try JSONParser(maxDepth: 128).parse(Array(buffer.readableBytesView))
        } catch {
            throw EmulatorError.invalid("Invalid JSON in request body: \(error.description)")
        }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonString))
        )
    }

    static func error(_ error: EmulatorError) -> Response {
        json(error.body, status: HTTPResponse.Status(code: error.status))
    }

    private struct ConnectionDropped: Error {}

    /// A response whose body fails at once, so the server closes the connection.
    static var dropConnection: Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { _ in throw ConnectionDropped() })
    }
}
