import AivenClient
import AivenResources
import KubeRuntime
import KubeAPI

/// A kind of Aiven service (``ServiceResource``: `KafkaConnect`, `Kafka`): one service per
/// resource, named after it, of the kind's service type.
///
/// The desired service is full desired state (``ServiceSpec``: a field removed from the spec is
/// reset); ownership is the owner tag; the diff is ``ServiceDiff``; `Running` means Aiven reports
/// `RUNNING` (or `POWEROFF` when `powered: false`). A `read_replica` source must be running with a
/// backup before the service is created. A migration from a Secret (``MigratingServiceResource``)
/// is read while it runs (a changed Secret is applied like a new generation), followed until Aiven
/// reports it done (`MigrationComplete`), and its Secret deleted then when asked.
public struct ServiceKind<Resource: ServiceResource>: ClaimingKind, OwnerTaggingKind, InputsTrackingKind {
    /// `kafkaconnect`, `kafka`.
    public static var controllerName: String { Resource.kind.lowercased() }
    public static var noun: String { "Aiven service" }

    public init() {}

    public func describe(_ resource: Resource) -> String {
        "\(resource.spec.project)/\(resource.metadata.name ?? "")"
    }

    public func desired(for resource: Resource, dependencies: Dependencies) async throws -> ServiceSpec {
        // With both set (the reference CRD allows it), projectVpcId wins, as in the reference
        // operator: the referenced ProjectVPC is not even waited for.
        let vpc = try await dependencies.projectVPCId(
            reference: resource.spec.projectVpcId == nil ? resource.spec.projectVPCRef : nil,
            id: resource.spec.projectVpcId, namespace: resource.metadata.namespace ?? "default"
        )
        var spec: ServiceSpec
        do {
            spec = try ServiceSpec(resource, projectVPCId: vpc)
        } catch {
            throw InvalidSpec(error.message)
        }
        if let migrating = resource as? any MigratingServiceResource, let migration = try await MigrationSource.read(for: migrating, dependencies: dependencies) {
            spec.migrate(migration)
        }
        Redactor.shared.register(spec.userConfigOwnership.secretValues)
        return spec
    }

    /// The Secret a migration was read from, while it runs (``MigrationSource/version``).
    public func inputsVersion(of desired: ServiceSpec) -> String? {
        desired.migration?.version
    }

    /// Both `spec.projectVpcId` and `spec.projectVPCRef`: the reference operator's webhook
    /// refused it, its CRD accepts it; the id wins, as in the reference operator.
    public func specWarnings(for resource: Resource) -> [Notice] {
        guard let id = resource.spec.projectVpcId, let reference = resource.spec.projectVPCRef else { return [] }
        let referenced = [reference.namespace, reference.name].compactMap { $0 }.joined(separator: "/")
        return [
            Notice(
                .warning, "ProjectVPCAmbiguous",
                "spec.projectVpcId and spec.projectVPCRef are both set: spec.projectVpcId (\(id)) wins and ProjectVPC \(referenced) is ignored; remove one of them")
        ]
    }

    public func observe(_ resource: Resource, client: AivenClient) async throws(AivenError) -> AivenService? {
        do {
            return try await client.getService(project: resource.spec.project, name: resource.metadata.name ?? "")
        } catch .notFound {
            return nil
        }
    }

    public func ownerUID(of observed: AivenService) -> String? {
        observed.tags?[ServiceSpec.ownerTag]
    }

    /// `project/name`: two resources of the kind naming one service (in any namespaces) follow
    /// the first-claimant rule (``Claims``) as topics do, so a later one never reads, writes or
    /// deletes the service; between kinds, the owner tag decides.
    public func claim(of resource: Resource) -> String? {
        describe(resource)
    }

    public func ownership(of observed: AivenService, resource: Resource, everManaged: Bool) -> Ownership {
        .of(ownerTag: ownerUID(of: observed), uid: resource.metadata.uid, everManaged: everManaged)
    }

    public func changes(desired: ServiceSpec, observed: AivenService) -> [FieldChange] {
        ServiceDiff(desired: desired, observed: observed).changes
    }

    public func createPrerequisite(_ desired: ServiceSpec, client: AivenClient) async throws(AivenError) -> Waiting? {
        for source in desired.readReplicaSources {
            let service: AivenService
            do {
                service = try await client.getService(project: desired.project, name: source)
            } catch .notFound {
                return Waiting(reason: "WaitingForIntegrationSource", message: "read_replica source \(source) does not exist")
            }
            guard service.state == .running || service.state == .rebalancing else {
                return Waiting(reason: "WaitingForIntegrationSource", message: "read_replica source \(source) is \(service.state), waiting for RUNNING")
            }
            if try await client.listServiceBackups(project: desired.project, name: source).isEmpty {
                return Waiting(reason: "WaitingForIntegrationSource", message: "read_replica source \(source) has no backup yet")
            }
        }
        return nil
    }

    public func create(_ desired: ServiceSpec, client: AivenClient) async throws(AivenError) -> AivenService {
        try await client.createService(project: desired.project, ServiceDiff.createRequest(for: desired))
    }

    public func update(_ desired: ServiceSpec, observed: AivenService, client: AivenClient) async throws(AivenError) -> AivenService {
        let diff = ServiceDiff(desired: desired, observed: observed)
        var current = observed
        if let request = diff.updateRequest {
            current = try await client.updateService(project: desired.project, name: desired.name, request)
        }
        if !diff.tagChanges.isEmpty {
            try await client.replaceServiceTags(project: desired.project, name: desired.name, tags: desired.tags)
            current.tags = desired.tags
        }
        return current
    }

    public func delete(_ observed: AivenService, resource: Resource, client: AivenClient) async throws(AivenError) {
        let name = resource.metadata.name ?? ""
        // The spec no longer protects it (the skeleton blocks deletion while it does).
        if observed.terminationProtection {
            _ = try await client.updateService(project: resource.spec.project, name: name, ServiceUpdateRequest(terminationProtection: false))
        }
        try await client.deleteService(project: resource.spec.project, name: name)
    }

    /// Follows a migration from a Secret until Aiven reports it done: its status is read while
    /// the service runs (a migration Aiven has no record of counts as done, as in the reference
    /// operator) and is part of the service's health.
    public func upkeep(
        _ desired: ServiceSpec, observed: inout AivenService, status: inout ObservedStatus, configuration: OperatorConfiguration, client: AivenClient
    ) async throws(AivenError) -> [Notice] {
        guard let migration = desired.migration, !migration.done, observed.state == .running else { return [] }
        do {
            observed.migration = try await client.getServiceMigration(project: desired.project, service: desired.name)
        } catch .notFound {
            observed.migration = ServiceMigration(status: "done")
        }
        let before = status.conditions?.first { $0.type == MigrationSource.condition }?.reason
        switch observed.migration?.status {
        case "done":
            return [Notice(.normal, "MigrationDone", "The migration from Secret \(migration.secret) is done")]
        case "failed" where before != "MigrationFailed":
            return [Notice(.warning, "MigrationFailed", "The migration from Secret \(migration.secret) failed: \(observed.migration?.error ?? "no reason given")")]
        default:
            return []
        }
    }

    public func health(of observed: AivenService, desired: ServiceSpec) -> Health {
        let target: ServiceState = desired.powered ? .running : .poweroff
        if observed.state == target {
            let health = desired.powered
                ? Health(ready: true, reason: "Running", message: "Service is running")
                : Health(ready: true, reason: "PoweredOff", message: "Service is powered off, as requested")
            return observed.migration.map { MigrationSource.health($0, running: health) } ?? health
        }
        let reason = switch observed.state {
        case .rebuilding: "Rebuilding"
        case .rebalancing: "Rebalancing"
        case .poweroff: "PoweredOff"
        default: "Waiting"
        }
        return Health(ready: false, reason: reason, message: "Service state is \(observed.state), waiting for \(target)")
    }

    public func updateChecks(desired: ServiceSpec, observed: AivenService) -> [UpdateCheck] {
        Resource.updateChecks(desired: desired, observed: observed)
    }

    /// Starts the check's service task and waits for it a little (Aiven runs an upgrade check in
    /// seconds); a task still running after that is ``UpdateCheck/Outcome/pending``.
    public func run(_ check: UpdateCheck, for desired: ServiceSpec, client: AivenClient) async throws(AivenError) -> UpdateCheck.Outcome {
        var task = try await client.createServiceTask(project: desired.project, service: desired.name, check.task)
        for delay in [0.5, 1, 2, 4] {
            if task.success { return .passed }
            if task.failed { return .failed(task.result) }
            try? await Task.sleep(for: .seconds(delay))
            task = try await client.getServiceTask(project: desired.project, service: desired.name, id: task.taskId)
        }
        return task.success ? .passed : task.failed ? .failed(task.result) : .pending
    }

    public func record(_ observed: AivenService, in status: inout ObservedStatus) {
        status.state = observed.state.rawValue
    }

    public func fieldsLeftOnAiven(_ desired: ServiceSpec) -> [String] {
        desired.userConfigOwnership.keptOnAiven.map { "user_config.\($0)" }
    }

    public func recordApplied(_ desired: ServiceSpec, in status: inout ObservedStatus) {
        status.appliedUserConfig = desired.userConfigOwnership.record
    }

    public func createdMessage(_ desired: ServiceSpec, created: AivenService, resource: Resource) -> String {
        "Created Aiven service \(desired.project)/\(desired.name) (plan \(desired.plan), state \(created.state))"
    }
}

extension ServiceKind: ConnectionSecretPublishing where Resource: ConnectionSecretResource {
    /// The resource's connection Secret once its service is `RUNNING`: the service read with its
    /// secrets (users' passwords) and the project's CA (asked once an hour, see ``ProjectCACache``).
    public func connectionSecret(for resource: Resource, observed: AivenService, client: AivenClient) async throws(AivenError) -> ConnectionSecret? {
        guard resource.publishesConnectionSecret, observed.state == .running else { return nil }
        let service = try await client.getService(project: resource.spec.project, name: observed.serviceName, includeSecrets: true)
        let ca = try await client.getProjectCA(project: resource.spec.project)
        return resource.connectionSecret(service: service, projectCA: ca)
    }
}

/// Aiven refuses a second service of a name in a project (`409 Service … already exists`).
extension ServiceKind: UniquelyNamedOnAiven {}

extension ServiceKind: SecretDisposingKind where Resource: MigratingServiceResource {
    /// The migration's Secret, with `deleteAfterMigration`, once Aiven reported the migration done
    /// (in this pass or an earlier one: flipping the flag on later deletes it too).
    public func disposableSecret(of resource: Resource, desired: ServiceSpec, observed: AivenService) -> SecretDisposal? {
        guard let migration = desired.migration, migration.deleteAfterMigration, migration.done || observed.migration?.status == "done" else { return nil }
        return SecretDisposal(name: migration.secret, reason: "the migration is done (spec.migrationSecretSource.deleteAfterMigration)")
    }
}

/// Aiven's answer to a service's DELETE ends the service (`200`, or `404` when it was gone): the
/// reference operator, too, releases its finalizer on it.
extension ServiceKind: GoneOnceDeleted {}
