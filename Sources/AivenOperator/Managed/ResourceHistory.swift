import KubeRuntime

/// What the process remembers about resources between passes that the status does not hold:
/// the current streak of transient failures of each, and the resources a create was sent for
/// (so a deletion never skips Aiven for a resource whose create may have landed before its
/// status said so).
actor ResourceHistory {
    struct Streak {
        var since: ContinuousClock.Instant
        var attempts: Int
        /// The failure was written to the status and announced with an event.
        var reported: Bool
    }

    private var streaks: [ObjectKey: Streak] = [:]
    private var createsSent: Set<String> = []

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

    func sentCreate(uid: String) {
        createsSent.insert(uid)
    }

    func hasSentCreate(uid: String) -> Bool {
        createsSent.contains(uid)
    }

    /// Forgets a resource that is gone.
    func forget(_ key: ObjectKey, uid: String?) {
        streaks[key] = nil
        if let uid { createsSent.remove(uid) }
    }
}
