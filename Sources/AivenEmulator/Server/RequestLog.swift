import KubeAPI

/// Counts the requests the emulator received, per `<METHOD> <route template>`.
actor RequestLog {
    private var total = 0
    private var byRoute: [String: Int] = [:]

    func record(method: String, template: String) {
        total += 1
        byRoute["\(method) \(template)", default: 0] += 1
    }

    /// `{"total": <int>, "by_route": {"POST /v1/project/{project}/service": 3, …}}`.
    var summary: JSONValue {
        ["total": .integer(Int64(total)), "by_route": .object(byRoute.mapValues { .integer(Int64($0)) })]
    }

    func reset() {
        total = 0
        byRoute = [:]
    }
}
