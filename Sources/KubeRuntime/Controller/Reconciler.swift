/// Brings one object's world in line with its spec. Level-triggered: it receives only a key and
/// reads everything it needs, so coalesced or missed events never skip a step.
public protocol Reconciler: Sendable {
    /// Reconciles the object with `key`. Throwing retries the key with backoff (or after the
    /// error's ``RetryAfterError/retryAfter`` when it is one).
    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult
}

/// What a successful reconcile asks for next.
public enum ReconcileResult: Sendable, Hashable {
    /// Nothing until the next event.
    case done
    /// Look again after `delay` (waiting for a state, or the periodic resync).
    case requeue(after: Duration)
}

/// An error that knows when a retry makes sense (for example Aiven's 429 wait time).
public protocol RetryAfterError: Error {
    /// The wait before retrying; `nil` for the controller's exponential backoff.
    var retryAfter: Duration? { get }
}
