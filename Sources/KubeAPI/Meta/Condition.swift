/// `metav1.Condition`: one aspect of an object's observed state.
public struct Condition: Codable, Sendable, Hashable {
    /// The condition type in CamelCase, e.g. `Ready`.
    public var type: String
    /// `True`, `False` or `Unknown`.
    public var status: ConditionStatus
    /// The `metadata.generation` the condition was computed from.
    public var observedGeneration: Int64?
    /// RFC 3339 time of the last change of `status` (not of reason or message).
    public var lastTransitionTime: String
    /// A CamelCase reason for the last transition.
    public var reason: String
    /// A human-readable explanation.
    public var message: String

    public init(type: String, status: ConditionStatus, observedGeneration: Int64? = nil, lastTransitionTime: String, reason: String, message: String) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

/// The three values of a condition's `status`.
public enum ConditionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}
