import KubeAPI
import KubeClient
import KubeRuntime

/// The status a reconcile computes for a managed resource, written through `/status` only when
/// it differs from what is stored (an idle resync writes nothing).
///
/// Conditions: `Initialized` (the Aiven object exists and this resource manages it), `Running`
/// (Aiven reports the state the spec asks for) and `Ready` (everything converged).
/// `observedGeneration`, top level and on the conditions, is the generation whose spec was
/// applied on Aiven: a pass that fails or waits before applying leaves it where it was.
struct StatusUpdate<Resource: ManagedResource> {
    /// The resource as last read or written (its resourceVersion makes the write conditional).
    var resource: Resource
    let generation: Int64
    var status: Resource.Status
    var conditions: ConditionSet

    init(_ resource: Resource) {
        self.resource = resource
        generation = resource.metadata.generation ?? 0
        status = resource.status ?? Resource.Status()
        conditions = ConditionSet(status.conditions ?? [])
    }

    /// The resource created or adopted its object in an earlier pass. (The reference
    /// aiven-operator's `Initialized=True`, reason `CreatedOrUpdated`, does not count: that is
    /// evidence for adoption, see ``DecisionContext/managedByReferenceOperator``.)
    var everManaged: Bool {
        conditions.isTrue("Initialized") && initializedReason != "CreatedOrUpdated"
    }

    /// The spec of this generation was applied earlier, so a difference found now was made
    /// outside Kubernetes.
    var generationApplied: Bool { everManaged && status.observedGeneration == generation }

    var isReady: Bool { conditions.isTrue("Ready") }

    /// The message of Aiven's refusal of this generation's spec (`Ready=False` with `reason`,
    /// recorded as the generation's outcome, ``refused(reason:message:)``); `nil` when none
    /// stands or the kind has no refusals.
    func standingRefusal(reason: String?) -> String? {
        guard let reason, status.observedGeneration == generation, let ready = conditions["Ready"], ready.status == .false, ready.reason == reason
        else { return nil }
        return ready.message
    }

    /// The reason `Initialized` gives (`Created`, `Adopted`).
    var initializedReason: String? { conditions["Initialized"]?.reason }

    /// Messages are scrubbed of secret values (``Redactor``): Aiven's errors may quote them.
    private mutating func set(_ type: String, _ value: ConditionStatus, _ reason: String, _ message: String) {
        conditions.set(type, status: value, reason: reason, message: Redactor.shared.scrub(message), observedGeneration: status.observedGeneration, now: MetaTime.now())
    }

    /// This generation's spec is now applied on Aiven (the reconciler records the inputs it was
    /// built from, ``ManagedKind/record(appliedInputs:in:)``).
    mutating func applied() {
        status.observedGeneration = generation
        status.driftedFields = nil
    }

    /// The object exists and this resource manages it.
    mutating func managed(reason: String, message: String) {
        set("Initialized", .true, reason, message)
    }

    /// The object's state against the spec.
    mutating func health(_ health: Health) {
        set("Running", health.ready ? .true : .false, health.reason, health.message)
        set("Ready", health.ready ? .true : .false, health.ready ? "Ready" : health.reason, health.message)
        for condition in health.conditions {
            set(condition.type, condition.status ? .true : .false, condition.reason, condition.message)
        }
    }

    /// Waiting for something (a dependency, Aiven, the user).
    mutating func notReady(reason: String, message: String) {
        set("Ready", .false, reason, message)
    }

    /// Aiven refused this generation's spec for good: the generation's outcome, shown until the
    /// spec changes (``standingRefusal(reason:)``).
    mutating func refused(reason: String, message: String) {
        applied()
        set("Ready", .false, reason, message)
    }

    /// An object of that name exists and belongs to someone else.
    mutating func notOwned(message: String) {
        set("Initialized", .false, "AlreadyExists", message)
        set("Ready", .false, "AlreadyExists", message)
    }

    /// The condition reason of a resource whose object another resource holds (``Claims``).
    static var alreadyClaimed: String { "AlreadyClaimed" }

    /// Another resource named the object first and holds it: this one manages nothing.
    mutating func claimed(message: String) {
        set("Initialized", .false, Self.alreadyClaimed, message)
        set("Ready", .false, Self.alreadyClaimed, message)
    }

    /// Differences left alone because the drift policy is `Report`.
    mutating func drifted(_ paths: [String]) {
        status.driftedFields = paths
        set("Ready", .false, "Drifted", "Changed on Aiven outside Kubernetes, left as is (drift policy Report): \(paths.joined(separator: ", "))")
    }

    /// The status as it would be stored.
    var stored: Resource.Status {
        var stored = status
        stored.conditions = conditions.conditions
        return stored
    }

    /// Writes the status when it changed.
    func write(using client: ResourceClient<Resource>) async throws(KubeError) {
        guard stored != resource.status else { return }
        var updated = resource
        updated.status = stored
        try await client.writeStatus(updated)
    }
}
