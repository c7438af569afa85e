/// Polling for a state that arrives asynchronously, shared by every suite.
public enum Eventually {
    /// What a poll ended with.
    public struct Outcome: Sendable {
        /// `check` returned `true` before the timeout.
        public var reached: Bool
        /// The last error `check` threw, if any (errors count as "not yet").
        public var lastError: (any Error)?
    }

    /// Calls `check` every `interval` until it returns `true` or `timeout` passes.
    public static func poll(
        timeout: Duration, interval: Duration = .milliseconds(250), _ check: () async throws -> Bool
    ) async throws -> Outcome {
        let deadline = ContinuousClock.now + timeout
        var lastError: (any Error)?
        while ContinuousClock.now < deadline {
            do {
                if try await check() { return Outcome(reached: true, lastError: nil) }
            } catch {
                lastError = error
            }
            try await Task.sleep(for: interval)
        }
        return Outcome(reached: false, lastError: lastError)
    }
}
