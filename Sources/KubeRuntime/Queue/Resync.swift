/// The periodic resync of objects that need no work, spread in time so that many objects never
/// come due together.
///
/// Every resync is `interval` ± `jitter` (controller-runtime jitters its sync period by 10 %), so
/// resyncs that once fell together drift apart instead of staying in step.
public struct ResyncInterval: Sendable, Hashable {
    public var interval: Duration
    /// Fraction of `interval` added or removed at random (0 = none, 0.1 = ±10 %).
    public var jitter: Double

    public init(_ interval: Duration, jitter: Double = 0.1) {
        precondition(interval > .zero && (0...1).contains(jitter), "invalid resync interval")
        self.interval = interval
        self.jitter = jitter
    }

    /// The delay until the next resync; `random` is in `0..<1`.
    public func next(random: Double = Double.random(in: 0..<1)) -> Duration {
        interval * (1 - jitter + 2 * jitter * random)
    }

    /// A point within one interval, uniformly spread; `random` is in `0..<1`.
    public func spread(random: Double = Double.random(in: 0..<1)) -> Duration {
        interval * random
    }
}

/// How a controller first looks at the objects it finds when it starts (or takes over as
/// leader): one that is settled — its last pass succeeded and nothing changed since — waits for
/// its resync at a random point within one interval, as if the controller had kept running;
/// any other object (a changed spec, not ready, being deleted) is reconciled at once. A restart
/// with N settled objects makes no burst of N reconciles.
public struct SettledStart<Object: Sendable>: Sendable {
    public let resync: ResyncInterval
    private let settled: @Sendable (Object) -> Bool

    /// - Parameter isSettled: whether the object's last pass succeeded and nothing asks for
    ///   work since (for a managed resource: Ready, its generation observed, not being deleted).
    public init(_ resync: ResyncInterval, isSettled: @escaping @Sendable (Object) -> Bool) {
        self.resync = resync
        settled = isSettled
    }

    public func isSettled(_ object: Object) -> Bool { settled(object) }

    /// The delay before the first reconcile of `object`, `nil` for at once.
    public func delay(for object: Object, random: Double = Double.random(in: 0..<1)) -> Duration? {
        settled(object) ? resync.spread(random: random) : nil
    }
}
