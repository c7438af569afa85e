import KubeRuntime

/// What the process remembers about resources between passes that the status does not hold:
/// the current streak of transient failures of each.
actor ResourceHistory {
    struct Streak {
        var since: ContinuousClock.Instant
        var attempts: Int
        /// The failure was written to the status and announced with an event.
        var reported: Bool
    }

    private var streaks: [ObjectKey: Streak] = [:]

    /// Counts one more transient failure of `key`; returns the streak so far.
    func failed(_ key: ObjectKey, now: ContinuousClock.Instant = .now) -> Streak {
        var streak = streaks[key] ?? Streak(since: now, attempts: 0, reported: false)
        streak.attempts += 1
        streaks[key] = streak
        return streak
    }

    /// The streak of `key` was reported.
    func reported(_ key: ObjectKey) {
        streaks[key]?.reported = true
    }

    /// A pass of `key` got through (or failed for good): the streak ends.
    func succeeded(_ key: ObjectKey) {
        streaks[key] = nil
    }

    /// Forgets a resource that is gone.
    func forget(_ key: ObjectKey) {
        streaks[key] = nil
    }
}
