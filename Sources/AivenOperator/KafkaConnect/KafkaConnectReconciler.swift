import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime
import Logging

/// Keeps one Aiven for Apache Kafka Connect service in line with each `KafkaConnect` resource.
///
/// Every reconcile starts from the current state: the resource from the cache, the service from
/// Aiven. A missing service is created with every spec field and an owner tag; an existing one
/// is updated field by field (full desired state: a field removed from the spec is reset), drift
/// made outside Kubernetes is corrected or reported, and the status says what was seen.
public struct KafkaConnectReconciler: Reconciler {
    let kube: KubeClient
    let store: Store<KafkaConnect>
    let projectVPCs: Store<AivenResources.ProjectVPC>
    let tokens: TokenResolver
    let aiven: AivenClients
    let events: EventRecorder
    let configuration: OperatorConfiguration
    let logger: Logger

    public init(
        kube: KubeClient,
        store: Store<KafkaConnect>,
        projectVPCs: Store<AivenResources.ProjectVPC>,
        tokens: TokenResolver,
        aiven: AivenClients,
        events: EventRecorder,
        configuration: OperatorConfiguration,
        logger: Logger
    ) {
        self.kube = kube
        self.store = store
        self.projectVPCs = projectVPCs
        self.tokens = tokens
        self.aiven = aiven
        self.events = events
        self.configuration = configuration
        self.logger = logger
    }

    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard var resource = await store.get(key) else { return .done }
        if resource.metadata.annotations?[OperatorAnnotations.paused] == "true" { return .done }
        let client = kube.resources(KafkaConnect.self, namespace: key.namespace)
        if resource.metadata.deletionTimestamp != nil {
            return try await finalize(resource, client: client)
        }
        resource = try await Finalizers.add(OperatorAnnotations.finalizer, to: resource, using: client)
        var status = StatusUpdate(resource)
        let outcome: Outcome
        do {
            outcome = try await converge(resource, status: &status)
        } catch let failure as ReconcileFailure {
            status.fail(failure)
            try await status.write(using: client)
            if let event = failure.event { await events.record(.warning, reason: event.reason, message: event.message, about: resource) }
            throw failure
        }
        if outcome.writesStatus { try await status.write(using: client) }
        for event in outcome.events {
            await events.record(.normal, reason: event.reason, message: event.message, about: resource)
        }
        return outcome.result
    }

    /// What a successful pass did and asks for.
    struct Outcome {
        var result: ReconcileResult
        var events: [EventNote] = []
        /// `false` right after a create: the next pass (moments later) reads the service and
        /// writes its state, which saves one status write per resource.
        var writesStatus = true
    }

    /// Creates, updates or just observes the service; records what it saw in `status`.
    private func converge(_ resource: KafkaConnect, status: inout StatusUpdate) async throws(ReconcileFailure) -> Outcome {
        let token = try await resolveToken(resource)
        let client = aiven.client(for: token.token)
        guard let projectVPCId = await resolveProjectVPC(resource) else {
            status.waiting(reason: "WaitingForProjectVPC", message: "ProjectVPC \(vpcReferenceName(resource)) is not ACTIVE yet")
            return Outcome(result: .requeue(after: configuration.pollInterval))
        }
        let desired: ServiceSpec
        do {
            desired = try ServiceSpec(resource, projectVPCId: projectVPCId)
        } catch {
            throw ReconcileFailure(reason: "InvalidSpec", message: error.message, retryAfter: nil)
        }
        let observed: AivenService?
        do {
            observed = try await client.getService(project: desired.project, name: desired.name)
        } catch .notFound {
            observed = nil
        } catch {
            throw ReconcileFailure(error, token: token)
        }
        guard let observed else {
            return try await create(desired, client: client, token: token, status: &status)
        }
        return try await update(resource, desired: desired, observed: observed, client: client, token: token, status: &status)
    }

    private func create(_ desired: ServiceSpec, client: AivenClient, token: ResolvedToken, status: inout StatusUpdate) async throws(ReconcileFailure) -> Outcome {
        if let waiting = try await readReplicaSourceNotReady(desired, client: client, token: token) {
            status.waiting(reason: "WaitingForIntegrationSource", message: waiting)
            return Outcome(result: .requeue(after: configuration.pollInterval))
        }
        let created: AivenService
        do {
            created = try await client.createService(project: desired.project, ServiceDiff.createRequest(for: desired))
        } catch .alreadyExists {
            // A create we sent before may have landed (a timeout or crash after sending): the next
            // pass reads the service and checks its owner tag.
            throw ReconcileFailure(reason: "Creating", message: "service \(desired.name) appeared while creating it; checking its owner", retryAfter: .seconds(1), event: nil)
        } catch {
            throw ReconcileFailure(error, token: token)
        }
        return Outcome(
            result: .requeue(after: configuration.pollInterval),
            events: [EventNote(reason: "Created", message: "Created Aiven service \(desired.project)/\(desired.name) (plan \(desired.plan), state \(created.state))")],
            writesStatus: false
        )
    }

    private func update(
        _ resource: KafkaConnect, desired: ServiceSpec, observed: AivenService, client: AivenClient, token: ResolvedToken, status: inout StatusUpdate
    ) async throws(ReconcileFailure) -> Outcome {
        var events: [EventNote] = []
        let owner = observed.tags?[ServiceSpec.ownerTag]
        let managed = status.conditions["Initialized"]
        let initialized: String
        if owner == desired.tags[ServiceSpec.ownerTag] || (owner == nil && managed?.status == .true) {
            // Ours, or ours with the owner tag removed on Aiven (drift: the tag is put back).
            initialized = managed?.reason == "Adopted" ? "Adopted" : "Created"
        } else if resource.metadata.annotations?[OperatorAnnotations.adopt] == "true" {
            initialized = "Adopted"
            if owner == nil { events.append(EventNote(reason: "Adopted", message: "Adopted existing Aiven service \(desired.project)/\(desired.name)")) }
        } else {
            status.notOwned(message: "Aiven service \(desired.project)/\(desired.name) already exists and was not created by this resource; nothing was changed. Set annotation \(OperatorAnnotations.adopt): \"true\" to manage it.")
            return Outcome(result: .requeue(after: configuration.resyncInterval))
        }
        let diff = ServiceDiff(desired: desired, observed: observed)
        var current = observed
        let isDrift = status.generationAlreadyApplied && !diff.isEmpty
        if isDrift, resource.metadata.annotations?[OperatorAnnotations.driftPolicy]?.lowercased() == "report" {
            status.observed(observed, desired: desired, initialized: initialized)
            status.drifted(diff.changes.map(\.path))
            return Outcome(result: .requeue(after: configuration.resyncInterval))
        }
        if !diff.isEmpty {
            do {
                if let request = diff.updateRequest {
                    current = try await client.updateService(project: desired.project, name: desired.name, request)
                }
                if !diff.tagChanges.isEmpty {
                    try await client.replaceServiceTags(project: desired.project, name: desired.name, tags: desired.tags)
                }
            } catch {
                throw ReconcileFailure(error, token: token)
            }
            let fields = diff.changes.map(\.path).joined(separator: ", ")
            events.append(isDrift
                ? EventNote(reason: "DriftCorrected", message: "Reverted changes made outside Kubernetes: \(fields)")
                : EventNote(reason: "Updated", message: "Updated Aiven service: \(fields)"))
        }
        status.observed(current, desired: desired, initialized: initialized)
        let result: ReconcileResult = status.isReady ? .requeue(after: configuration.resyncInterval) : .requeue(after: configuration.pollInterval)
        return Outcome(result: result, events: events)
    }

    // MARK: Inputs

    private func resolveToken(_ resource: KafkaConnect) async throws(ReconcileFailure) -> ResolvedToken {
        do {
            return try await tokens.token(namespace: resource.metadata.namespace ?? "default", reference: resource.spec.authSecretRef)
        } catch {
            throw ReconcileFailure(reason: error.reason, message: "Cannot find the Aiven token: \(error)", retryAfter: nil)
        }
    }

    /// The VPC to place the service in (`.some(nil)`: the public network); `nil` while the
    /// referenced ProjectVPC is not ACTIVE yet.
    private func resolveProjectVPC(_ resource: KafkaConnect) async -> String?? {
        guard let reference = resource.spec.projectVPCRef else { return .some(resource.spec.projectVpcId) }
        let key = ObjectKey(namespace: reference.namespace ?? resource.metadata.namespace ?? "default", name: reference.name)
        guard let vpc = await projectVPCs.get(key), vpc.status?.state == "ACTIVE", let id = vpc.status?.id else { return nil }
        return .some(id)
    }

    private func vpcReferenceName(_ resource: KafkaConnect) -> String {
        guard let reference = resource.spec.projectVPCRef else { return "" }
        return "\(reference.namespace ?? resource.metadata.namespace ?? "default")/\(reference.name)"
    }

    /// Why a `read_replica` source cannot be used yet (it must be running with a backup).
    private func readReplicaSourceNotReady(_ desired: ServiceSpec, client: AivenClient, token: ResolvedToken) async throws(ReconcileFailure) -> String? {
        for source in desired.readReplicaSources {
            do {
                let service = try await client.getService(project: desired.project, name: source)
                guard service.state == .running || service.state == .rebalancing else {
                    return "read_replica source \(source) is \(service.state), waiting for RUNNING"
                }
                if try await client.listServiceBackups(project: desired.project, name: source).isEmpty {
                    return "read_replica source \(source) has no backup yet"
                }
            } catch .notFound {
                return "read_replica source \(source) does not exist"
            } catch {
                throw ReconcileFailure(error, token: token)
            }
        }
        return nil
    }
}

/// An event to record after the status is written.
struct EventNote: Sendable, Hashable {
    var reason: String
    var message: String
}
