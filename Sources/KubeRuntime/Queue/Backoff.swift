/// Capped exponential backoff with jitter: `base × 2^(attempt-1)`, at most `cap`, then scaled by
/// a random factor in `1 - jitter ... 1` so retries of many keys spread out.
public struct Backoff: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// Fraction of the delay that may be removed at random (0 = none, 0.5 = up to half).
    public var jitter: Double

    public init(base: Duration, cap: Duration, jitter: Double = 0.2) {
        precondition(base > .zero && cap >= base && (0...1).contains(jitter), "invalid backoff")
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The default for reconcile errors: 1 s doubling up to 5 minutes.
    public static let reconcileErrors = Backoff(base: .seconds(1), cap: .seconds(300))

    /// The delay before retry number `attempt` (1 for the first retry); `random` is in `0..<1`.
    public func delay(attempt: Int, random: Double = Double.random(in: 0..<1)) -> Duration {
        let exponent = min(max(attempt - 1, 0), 62)
        let ceiling = Double(cap.components.seconds) + Double(cap.components.attoseconds) / 1e18
        let start = Double(base.components.seconds) + Double(base.components.attoseconds) / 1e18
        let raw = min(start * pow2(exponent), ceiling)
        let scaled = raw * (1 - jitter * random)
        return .milliseconds(Int64((scaled * 1000).rounded()))
    }

    private func pow2(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 2 }
        return value
    }
}
