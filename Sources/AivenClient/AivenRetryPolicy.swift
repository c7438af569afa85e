import Foundation

/// When and how long to wait before repeating a failed Aiven API call.
///
/// Retried: transport failures, 429 and 5xx, with capped exponential backoff and jitter (a 429
/// waits for the time Aiven asked for when it said). A 501 is Aiven's "retry later" for Kafka topics
/// and connectors still being set up (Aiven's Go client retries it too). Never retried: other 4xx, and
/// any ambiguous failure of a non-idempotent request (a `POST` that may have reached Aiven: a
/// timeout, a dropped connection, a 5xx): the caller re-reads instead of creating twice.
///
/// The policy is a plain value; ``decision(after:attempt:idempotent:random:)`` is a pure function,
/// so tests drive it (and ``AivenClient``, through its injected sleep) without waiting.
public struct AivenRetryPolicy: Sendable, Hashable {
    /// Total attempts, the first included. `1` disables retries.
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest wait between two attempts.
    public var maxBackoff: Duration
    /// The factor applied to the wait after each retry.
    public var multiplier: Double
    /// Relative jitter: a wait `w` becomes a value in `w × (1 - jitter) … w × (1 + jitter)`
    /// (never more than ``maxBackoff``).
    public var jitter: Double
    /// The longest wait honoured for a 429; a longer `Retry-After` gives up instead.
    public var maxRateLimitWait: Duration
    /// Whether a request that never reached Aiven (the connection could not be made) is sent
    /// again within the call. Off where the caller would rather fail at once than hold something
    /// back meanwhile (``AivenClient/failingFastWhenUnreachable()``).
    public var retriesUnreachable = true

    /// A policy; the defaults match Aiven's own Go client (6 attempts, 2 s … 15 s).
    public init(
        maxAttempts: Int = 6,
        initialBackoff: Duration = .seconds(2),
        maxBackoff: Duration = .seconds(15),
        multiplier: Double = 2,
        jitter: Double = 0.2,
        maxRateLimitWait: Duration = .seconds(60)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
        self.maxRateLimitWait = maxRateLimitWait
    }

    /// The default policy.
    public static let standard = AivenRetryPolicy()
    /// One attempt, no retries.
    public static let never = AivenRetryPolicy(maxAttempts: 1)

    /// What to do after a failed attempt.
    public enum Decision: Sendable, Hashable {
        /// Wait this long, then try again.
        case retry(after: Duration)
        /// Surface the error.
        case giveUp
    }

    /// Whether `error` is worth another attempt for a request of this kind, ignoring the
    /// attempt count.
    public static func isRetryable(_ error: AivenError, idempotent: Bool) -> Bool {
        switch error {
        case .rateLimited:
            true
        case .transport(let failure):
            idempotent || !failure.requestMayHaveBeenSent
        case .server:
            idempotent
        default:
            false
        }
    }

    /// The decision after attempt number `attempt` (1-based) failed with `error`.
    /// - Parameter random: a value in `0..<1` that picks the jitter.
    public func decision(after error: AivenError, attempt: Int, idempotent: Bool, random: Double) -> Decision {
        guard attempt < maxAttempts, Self.isRetryable(error, idempotent: idempotent) else { return .giveUp }
        if !retriesUnreachable, case .transport(let failure) = error, !failure.requestMayHaveBeenSent { return .giveUp }
        if case .rateLimited(let wait?, _) = error {
            return wait <= maxRateLimitWait ? .retry(after: wait) : .giveUp
        }
        return .retry(after: backoff(beforeRetry: attempt, random: random))
    }

    /// The wait before retry number `retry` (1-based): `initialBackoff × multiplier^(retry-1)`,
    /// jittered, capped at ``maxBackoff``.
    public func backoff(beforeRetry retry: Int, random: Double) -> Duration {
        let base = initialBackoff.seconds * pow(multiplier, Double(max(0, retry - 1)))
        let capped = min(base, maxBackoff.seconds)
        let factor = 1 - jitter + 2 * jitter * min(max(random, 0), 1)
        let seconds = min(capped * factor, maxBackoff.seconds)
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

extension Duration {
    /// The duration in seconds, with sub-second precision.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
