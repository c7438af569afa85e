import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime
import Logging

/// Keeps one Aiven project VPC for each `ProjectVPC` resource. All spec fields are immutable, so
/// the VPC is created once, observed until `ACTIVE`, and deleted with the resource (Aiven refuses
/// while services still use it: the resource then waits, it does not fail).
///
/// A VPC has no tags, so its identity is its project, cloud and CIDR: before creating, an existing
/// VPC with the same three is taken over, which also recovers a create whose answer was lost.
public struct ProjectVPCReconciler: Reconciler {
    let kube: KubeClient
    let store: Store<AivenResources.ProjectVPC>
    let tokens: TokenResolver
    let aiven: AivenClients
    let events: EventRecorder
    let configuration: OperatorConfiguration

    public init(kube: KubeClient, store: Store<AivenResources.ProjectVPC>, tokens: TokenResolver, aiven: AivenClients, events: EventRecorder, configuration: OperatorConfiguration) {
        self.kube = kube
        self.store = store
        self.tokens = tokens
        self.aiven = aiven
        self.events = events
        self.configuration = configuration
    }

    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard var resource = await store.get(key) else { return .done }
        if resource.metadata.annotations?[OperatorAnnotations.paused] == "true" { return .done }
        let client = kube.resources(AivenResources.ProjectVPC.self, namespace: key.namespace)
        var status = resource.status ?? ProjectVPCStatus()
        var conditions = ConditionSet(status.conditions ?? [])
        let generation = resource.metadata.generation ?? 0
        func set(_ type: String, _ value: ConditionStatus, _ reason: String, _ message: String) {
            conditions.set(type, status: value, reason: reason, message: message, observedGeneration: generation, now: MetaTime.now())
        }
        func write() async throws {
            status.conditions = conditions.conditions
            status.observedGeneration = generation
            guard status != resource.status else { return }
            var updated = resource
            updated.status = status
            _ = try await client.replaceStatus(updated)
        }
        let spec = resource.spec
        do {
            let token = try await tokens.token(namespace: key.namespace, reference: spec.authSecretRef)
            let aiven = aiven.client(for: token.token)
            if resource.metadata.deletionTimestamp != nil {
                guard resource.metadata.finalizers?.contains(OperatorAnnotations.finalizer) == true else { return .done }
                if let id = status.id, resource.metadata.annotations?[OperatorAnnotations.deletionPolicy]?.lowercased() != "orphan" {
                    do {
                        _ = try await aiven.deleteProjectVPC(project: spec.project, id: id)
                        _ = try await aiven.getProjectVPC(project: spec.project, id: id)
                        return .requeue(after: configuration.pollInterval)
                    } catch .notFound {
                        // Gone: fall through to release the finalizer.
                    } catch .conflict(let message), .invalid(let message), .forbidden(let message) {
                        set("Ready", .false, "DeletionWaiting", "Aiven keeps the VPC for now: \(message)")
                        try await write()
                        return .requeue(after: configuration.pollInterval)
                    } catch {
                        throw ReconcileFailure(error, token: token)
                    }
                }
                _ = try await Finalizers.remove(OperatorAnnotations.finalizer, from: resource, using: client)
                return .done
            }
            resource = try await Finalizers.add(OperatorAnnotations.finalizer, to: resource, using: client)
            let vpc: ProjectVPCObservation
            do {
                vpc = try await observe(spec, id: status.id, client: aiven)
            } catch {
                throw ReconcileFailure(error, token: token)
            }
            if vpc.created {
                await events.record(.normal, reason: "Created", message: "Created Aiven project VPC \(spec.project)/\(spec.cloudName) \(spec.networkCidr)", about: resource)
            }
            status.id = vpc.vpc.projectVPCId
            status.state = vpc.vpc.state
            set("Initialized", .true, vpc.created ? "Created" : "Observed", "Aiven project VPC \(vpc.vpc.projectVPCId) is managed by this resource")
            if vpc.vpc.state == AivenProjectVPC.active {
                set("Running", .true, "Active", "VPC is ACTIVE")
                set("Ready", .true, "Active", "VPC is ACTIVE")
                try await write()
                return .requeue(after: configuration.resyncInterval)
            }
            set("Running", .false, "Waiting", "VPC state is \(vpc.vpc.state), waiting for ACTIVE")
            set("Ready", .false, "Waiting", "VPC state is \(vpc.vpc.state), waiting for ACTIVE")
            try await write()
            return .requeue(after: configuration.pollInterval)
        } catch let error as TokenError {
            set("Ready", .false, error.reason, "Cannot find the Aiven token: \(error)")
            try await write()
            throw error
        } catch let failure as ReconcileFailure {
            if !failure.quiet {
                set("Ready", .false, failure.reason, failure.message)
                try await write()
                if let event = failure.event { await events.record(.warning, reason: event.reason, message: event.message, about: resource) }
            }
            throw failure
        }
    }

    /// The VPC with `id`, else an existing VPC with the spec's cloud and CIDR, else a new one.
    private func observe(_ spec: ProjectVPCSpec, id: String?, client: AivenClient) async throws(AivenError) -> ProjectVPCObservation {
        if let id {
            do {
                let vpc = try await client.getProjectVPC(project: spec.project, id: id)
                return ProjectVPCObservation(vpc: vpc, created: false)
            } catch .notFound {
                // Deleted on Aiven: look for a match or create it again below.
            }
        }
        let existing = try await client.listProjectVPCs(project: spec.project).first {
            $0.cloudName == spec.cloudName && $0.networkCIDR == spec.networkCidr && $0.state != "DELETING" && $0.state != "DELETED"
        }
        if let existing { return ProjectVPCObservation(vpc: existing, created: false) }
        let created = try await client.createProjectVPC(project: spec.project, ProjectVPCCreateRequest(cloudName: spec.cloudName, networkCIDR: spec.networkCidr))
        return ProjectVPCObservation(vpc: created, created: true)
    }
}

/// A VPC and whether this reconcile created it.
struct ProjectVPCObservation {
    var vpc: AivenProjectVPC
    var created: Bool
}
