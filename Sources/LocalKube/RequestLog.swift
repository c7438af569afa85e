import KubeAPI

/// Counts requests per `METHOD route-template`, served at `GET /_localkube/requests` for tests and
/// benchmarks.
public actor RequestLog {
    private var total = 0
    private var byRoute: [String: Int] = [:]

    public init() {}

    func record(method: String, route: APIRoute) {
        total += 1
        byRoute["\(method) \(route.template)", default: 0] += 1
    }

    /// The number of requests so far, and per `"<METHOD> <route template>"`.
    public var counts: (total: Int, byRoute: [String: Int]) { (total, byRoute) }

    /// `{"total": <int>, "by_route": {"<METHOD> <route template>": <int>, …}}`.
    public var json: JSONValue {
        ["total": .integer(Int64(total)), "by_route": .object(byRoute.mapValues { .integer(Int64($0)) })]
    }
}
