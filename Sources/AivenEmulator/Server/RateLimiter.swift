import KubeAPI

/// A per-token limit of `limit` requests in any `window`, off until configured.
actor RateLimiter {
    private var limit: Int?
    private var window: Duration = .seconds(60)
    private var recent: [String: [ContinuousClock.Instant]] = [:]

    /// Sets the limit from `{"requests": N, "per_seconds": W}`; `{"requests": null}` turns it off.
    func configure(_ body: JSONValue) throws(EmulatorError) -> JSONValue {
        switch body["requests"] {
        case .null?, nil:
            limit = nil
        case let value?:
            guard let requests = value.integerValue, requests >= 1 else {
                throw EmulatorError.invalid("Invalid input for requests: must be a positive integer or null")
            }
            limit = Int(requests)
        }
        let seconds = body["per_seconds"]?.doubleValue ?? 60
        guard seconds > 0 else { throw EmulatorError.invalid("Invalid input for per_seconds: must be positive") }
        window = .milliseconds(Int64(seconds * 1000))
        recent = [:]
        return ["requests": limit.map { .integer(Int64($0)) } ?? .null, "per_seconds": .number(seconds)]
    }

    /// Counts a request; throws Aiven's 429 when the token is over its limit.
    func admit(token: String) throws(EmulatorError) -> Void {
        guard let limit else { return }
        let now = ContinuousClock.now
        var times = recent[token, default: []].filter { now - $0 < window }
        if times.count >= limit {
            let wait = max(1, Int((window - (now - times[0])).timeInterval.rounded(.up)))
            recent[token] = times
            throw EmulatorError(
                429,
                "The user has sent too many requests in a given amount of time: Rate limit \(limit) exceeded - try again in \(wait)s")
        }
        times.append(now)
        recent[token] = times
    }
}
