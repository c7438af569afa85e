/// What a DELETE did.
public enum DeletionOutcome<Object: Sendable>: Sendable {
    /// The object is gone.
    case deleted
    /// The object has finalizers: it now carries a `deletionTimestamp` and goes away when the
    /// last finalizer is removed.
    case pending(Object)
}
