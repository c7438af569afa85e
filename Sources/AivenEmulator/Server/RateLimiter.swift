import KubeAPI

/// A per-token limit of `limit` requests in any `window`, off until configured.
actor RateLimiter {
    /// The admitted requests of one token inside the window, oldest first. Expired entries are
    /// dropped from the front, so admitting a request costs amortised O(1).
    private struct Window {
        var times: [ContinuousClock.Instant] = []
        var head = 0

        var count: Int { times.count - head }
        var oldest: ContinuousClock.Instant? { head < times.count ? times[head] : nil }

        mutating func expire(before cutoff: ContinuousClock.Instant) {
            while head < times.count, times[head] <= cutoff { head += 1 }
            if head > 64, head * 2 > times.count {
                times.removeFirst(head)
                head = 0
            }
        }
    }

    private var limit: Int?
    private var window: Duration = .seconds(60)
    private var recent: [String: Window] = [:]

    /// Sets the limit from `{"requests": N, "per_seconds": W}`; `{"requests": null}` turns it off.
    /// The whole body is checked first (``ControlSchemas/rateLimit``): a rejected change changes nothing.
    func configure(_ body: JSONValue) throws(EmulatorError) -> JSONValue {
        try ControlSchemas.check(body, against: ControlSchemas.rateLimit)
        let requests = body["requests"]?.integerValue.map(Int.init)
        let seconds = body["per_seconds"]?.doubleValue ?? 60
        limit = requests
        window = .milliseconds(Int64((seconds * 1000).rounded()))
        recent = [:]
        return ["requests": limit.map { .integer(Int64($0)) } ?? .null, "per_seconds": .number(seconds)]
    }

    /// The current setting, in the shape ``configure(_:)`` takes.
    var setting: JSONValue {
        ["requests": limit.map { .integer(Int64($0)) } ?? .null, "per_seconds": .number(window.timeInterval)]
    }

    /// Counts a request; throws Aiven's 429 when the token is over its limit.
    func admit(token: String) throws(EmulatorError) -> Void {
        guard let limit else { return }
        let now = ContinuousClock.now
        var times = recent[token, default: Window()]
        recent[token] = nil
        defer { recent[token] = times }
        times.expire(before: now - window)
        if times.count >= limit, let oldest = times.oldest {
            let wait = max(1, Int((window - (now - oldest)).timeInterval.rounded(.up)))
            throw EmulatorError(
                429,
                "The user has sent too many requests in a given amount of time: Rate limit \(limit) exceeded - try again in \(wait)s")
        }
        times.times.append(now)
    }
}
