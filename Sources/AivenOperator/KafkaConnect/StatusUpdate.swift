import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime

/// The status a reconcile computes for a `KafkaConnect`, written through `/status` only when it
/// differs from what is stored (an idle resync writes nothing).
///
/// Conditions: `Initialized` (the service exists and this resource manages it, for the
/// generation in its `observedGeneration`), `Running` (Aiven reports the state the spec asks
/// for: `RUNNING`, or `POWEROFF` when `powered: false`) and `Ready` (everything converged).
struct StatusUpdate {
    let resource: KafkaConnect
    let generation: Int64
    var state: String?
    var conditions: ConditionSet
    var driftedFields: [String]?

    init(_ resource: KafkaConnect) {
        self.resource = resource
        generation = resource.metadata.generation ?? 0
        state = resource.status?.state
        conditions = ConditionSet(resource.status?.conditions ?? [])
        driftedFields = resource.status?.driftedFields
    }

    /// `true` when the spec of this generation was already applied, so a difference found now was
    /// made outside Kubernetes.
    var generationAlreadyApplied: Bool {
        guard let initialized = conditions["Initialized"] else { return false }
        return initialized.status == .true && initialized.observedGeneration == generation
    }

    var isReady: Bool { conditions.isTrue("Ready") }

    private mutating func set(_ type: String, _ status: ConditionStatus, _ reason: String, _ message: String) {
        conditions.set(type, status: status, reason: reason, message: message, observedGeneration: generation, now: MetaTime.now())
    }

    /// The service as Aiven reports it, managed by this resource.
    mutating func observed(_ service: AivenService, desired: ServiceSpec, initialized: String) {
        state = service.state.rawValue
        driftedFields = nil
        set("Initialized", .true, initialized, "Aiven service \(desired.project)/\(desired.name) is managed by this resource")
        let target: ServiceState = desired.powered ? .running : .poweroff
        if service.state == target {
            let message = desired.powered ? "Service is running" : "Service is powered off, as requested"
            set("Running", .true, desired.powered ? "Running" : "PoweredOff", message)
            set("Ready", .true, "Ready", message)
        } else {
            let reason = switch service.state {
            case .rebuilding: "Rebuilding"
            case .rebalancing: "Rebalancing"
            case .poweroff: "PoweredOff"
            default: "Waiting"
            }
            let message = "Service state is \(service.state), waiting for \(target)"
            set("Running", .false, reason, message)
            set("Ready", .false, reason, message)
        }
    }

    /// Waiting for something outside the service (a VPC, an integration source).
    mutating func waiting(reason: String, message: String) {
        set("Ready", .false, reason, message)
    }

    /// A service of that name exists but belongs to someone else.
    mutating func notOwned(message: String) {
        set("Initialized", .false, "AlreadyExists", message)
        set("Ready", .false, "AlreadyExists", message)
    }

    /// Differences left alone because the drift policy is `Report`.
    mutating func drifted(_ paths: [String]) {
        driftedFields = paths
        set("Ready", .false, "Drifted", "Changed on Aiven outside Kubernetes, left as is (drift policy Report): \(paths.joined(separator: ", "))")
    }

    /// A failed reconcile; transient failures leave the status untouched.
    mutating func fail(_ failure: ReconcileFailure) {
        guard !failure.quiet else { return }
        set("Ready", .false, failure.reason, failure.message)
    }

    /// The status as it would be stored.
    var status: KafkaConnectStatus {
        KafkaConnectStatus(state: state, conditions: conditions.conditions, observedGeneration: generation, driftedFields: driftedFields)
    }

    /// Writes the status when it changed; a conflict is left for the next reconcile.
    func write(using client: ResourceClient<KafkaConnect>) async throws(KubeError) {
        guard status != resource.status else { return }
        var updated = resource
        updated.status = status
        _ = try await client.replaceStatus(updated)
    }
}
