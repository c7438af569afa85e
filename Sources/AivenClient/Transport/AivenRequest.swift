/// One HTTP exchange with the Aiven API, without credentials (the transport adds them).
public struct AivenRequest: Sendable, Hashable {
    /// The HTTP method.
    public var method: Method
    /// The path below the base URL, percent-encoded, with its query (e.g. `/v1/project/p/service?limit=999`).
    public var path: String
    /// The JSON body, if any.
    public var body: [UInt8]?
    /// The route template the path was built from (`/v1/project/{project}/service/{service_name}/topic/{topic_name}`),
    /// naming no object: what metrics and logs label the request with. `nil` for a hand-made request.
    public var route: String?

    /// The HTTP methods the Aiven API uses.
    public enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"

        /// Whether repeating the request has the same effect as sending it once.
        public var isIdempotent: Bool { self != .post }
    }

    /// A request; see the properties.
    public init(method: Method, path: String, body: [UInt8]? = nil, route: String? = nil) {
        self.method = method
        self.path = path
        self.body = body
        self.route = route
    }
}

/// The answer to an ``AivenRequest``, whatever its status.
public struct AivenResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The `Retry-After` header, if present.
    public var retryAfter: String?
    /// The body bytes.
    public var body: [UInt8]

    /// A response; see the properties.
    public init(status: Int, retryAfter: String? = nil, body: [UInt8]) {
        self.status = status
        self.retryAfter = retryAfter
        self.body = body
    }
}

/// Sends requests to the Aiven API. The seam between ``AivenClient`` and the network.
public protocol AivenTransport: Sendable {
    /// Sends `request` and returns whatever status came back; throws only when no response
    /// arrived within `timeout`.
    func send(_ request: AivenRequest, timeout: Duration) async throws(AivenError) -> AivenResponse
}
