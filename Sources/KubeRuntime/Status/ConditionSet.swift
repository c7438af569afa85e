import KubeAPI

/// A resource's `status.conditions` with metav1 semantics: one entry per type,
/// `lastTransitionTime` changes only when `status` flips, and every condition records the
/// generation it was computed from.
public struct ConditionSet: Sendable, Hashable {
    public private(set) var conditions: [Condition]

    public init(_ conditions: [Condition] = []) {
        self.conditions = conditions
    }

    /// The condition of `type`, if present.
    public subscript(type: String) -> Condition? {
        conditions.first { $0.type == type }
    }

    /// Sets the condition of `type`. The transition time is `now` only when the status changes
    /// (or the condition is new); reason, message and generation are always updated.
    public mutating func set(
        _ type: String,
        status: ConditionStatus,
        reason: String,
        message: String,
        observedGeneration: Int64?,
        now: String
    ) {
        let updated = Condition(
            type: type,
            status: status,
            observedGeneration: observedGeneration,
            lastTransitionTime: now,
            reason: reason,
            message: message
        )
        guard let index = conditions.firstIndex(where: { $0.type == type }) else {
            conditions.append(updated)
            return
        }
        var condition = updated
        if conditions[index].status == status {
            condition.lastTransitionTime = conditions[index].lastTransitionTime
        }
        conditions[index] = condition
    }

    /// Removes the condition of `type`.
    public mutating func remove(_ type: String) {
        conditions.removeAll { $0.type == type }
    }

    /// `true` when the condition of `type` is `True`.
    public func isTrue(_ type: String) -> Bool {
        self[type]?.status == .true
    }
}
