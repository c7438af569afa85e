import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime

/// `KafkaConnector`: one connector on the Kafka Connect workers of `spec.serviceName` (a Kafka
/// service with `user_config.kafka_connect: true`, or a KafkaConnect service with an active
/// `kafka_connect` integration), named after the resource — or after annotation
/// `controllers.aiven.io/connector-name` when its Aiven name cannot be a Kubernetes name.
///
/// Beyond the reference operator (annotations, ``ConnectorAnnotations``): restarts on demand and
/// automatic restarts of transient failures (``ConnectorRecovery``), failures told apart by their
/// trace (``ConnectorFailure``), a requested paused state (a console pause is drift), and plugin
/// checks before a create (``ConnectorPluginCheck``).
///
/// The config sent to Aiven is `name`, `connector.class` and `spec.userConfig` with its
/// `{{ fromSecret "NAME" "KEY" }}` placeholders resolved (``ConnectorConfigTemplate``). Resolved
/// values go to Aiven only: the diff shows the placeholder, never a value, and Aiven's messages and
/// task traces are scrubbed of them.
///
/// Identity and ownership: Kafka Connect connector names are unique per service and carry no owner
/// tag, so the connector of the resource's name is the resource's, as the reference operator has
/// it (it edits a connector that already exists). This also recovers a create whose answer was
/// lost, without a duplicate. Two resources naming one connector are told apart by ``Claims``:
/// the first claimant manages it, the others change nothing and never delete it.
public struct KafkaConnectorKind: ClaimingKind, InputsTrackingKind, PolledWhileReadyKind {
    public static let controllerName = "kafkaconnector"
    public static let noun = "Kafka connector"

    /// The connector the spec asks for. Its config holds values read from Secrets: it is never
    /// printed (`description` names only keys).
    public struct Desired: Sendable, Hashable, CustomStringConvertible {
        public var project: String
        public var service: String
        public var name: String
        /// The whole config sent to Aiven (`name`, `connector.class` and the resolved user config).
        var config: [String: String]
        /// The spec's user config as written, placeholders and all (what the diff shows).
        var written: [String: String]
        var resolved: ConnectorConfigTemplate.Resolved
        /// The connector is to be kept paused (annotation `controllers.aiven.io/connector-state`).
        var paused = false
        /// The restart annotations.
        var requests = ConnectorRecovery.Requests()
        /// The automatic restart limit; `nil`: no automatic restarts.
        var autoRestartLimit: Int?
        /// `metadata.name`, for messages telling a user what to run.
        var resourceName = ""

        public var description: String { "Kafka connector \(project)/\(service)/\(name) (\(resolved))" }
    }

    /// The connector and its state as Aiven reports them.
    public struct Observed: Sendable, Hashable {
        public var connector: KafkaConnectorInfo
        /// `nil` right after the create, before the status was read.
        public var status: KafkaConnectorStatusInfo?
        /// The restarts recorded in the resource's status (set by ``upkeep``), for ``health``.
        var restarts: KafkaConnectorStatus.Restarts?
    }

    public init() {}

    public func describe(_ resource: KafkaConnector) -> String {
        "\(resource.spec.project)/\(resource.spec.serviceName)/\(Self.connectorName(of: resource))"
    }

    /// The connector's name on Aiven: annotation `controllers.aiven.io/connector-name`, else
    /// `metadata.name`.
    static func connectorName(of resource: KafkaConnector) -> String {
        resource.metadata.annotations?[ConnectorAnnotations.name] ?? resource.metadata.name ?? ""
    }

    public func desired(for resource: KafkaConnector, dependencies: Dependencies) async throws -> Desired {
        let spec = resource.spec
        let name = Self.connectorName(of: resource)
        let namespace = resource.metadata.namespace ?? "default"
        let named = resource.metadata.annotations?[ConnectorAnnotations.name] == nil ? "metadata.name" : "annotation \(ConnectorAnnotations.name)"
        guard !name.isEmpty, name.count <= 1024, !name.contains("/"), !name.contains(where: \.isNewline) else {
            throw InvalidSpec("\(named): \(name.debugDescription) is not a Kafka Connect connector name (1 to 1024 characters, no \"/\")")
        }
        if let applied = resource.status?.connectorName, applied != name {
            throw InvalidSpec(
                "\(named): the connector is \(applied) on Aiven and cannot be renamed (\(name) asked); set \(ConnectorAnnotations.name) back to \(applied), or delete this resource and create one for \(name)")
        }
        for (key, fixed) in [("name", name), ("connector.class", spec.connectorClass)] {
            if let given = spec.userConfig[key], given != fixed {
                throw InvalidSpec("spec.userConfig[\(key)] must be left out or equal \(key == "name" ? named : "spec.connectorClass") (\(fixed))")
            }
        }
        let annotations = resource.metadata.annotations ?? [:]
        let paused: Bool
        switch annotations[ConnectorAnnotations.state]?.lowercased() {
        case nil, "running": paused = false
        case "paused": paused = true
        case let other?: throw InvalidSpec("annotation \(ConnectorAnnotations.state) must be \"running\" or \"paused\", not \"\(other)\"")
        }
        let limit: Int?
        switch annotations[ConnectorAnnotations.autoRestart]?.lowercased() {
        case nil, "false": limit = nil
        case "true": limit = ConnectorRecovery.defaultLimit
        case let other?:
            guard let count = Int(other), (1...100).contains(count) else {
                throw InvalidSpec("annotation \(ConnectorAnnotations.autoRestart) must be \"true\", \"false\" or a restart limit from 1 to 100, not \"\(other)\"")
            }
            limit = count
        }
        let resolved: ConnectorConfigTemplate.Resolved
        do {
            resolved = try await ConnectorConfigTemplate(spec.userConfig).resolve { secret in
                try await dependencies.secret(ObjectKey(namespace: namespace, name: secret))
            }
        } catch let problem as ConnectorConfigTemplate.Problem {
            if case .malformed = problem { throw InvalidSpec(problem.description) }
            throw Waiting(reason: "WaitingForSecret", message: "\(problem) (namespace \(namespace))")
        }
        var config = resolved.config
        config["name"] = name
        config["connector.class"] = spec.connectorClass
        var written = spec.userConfig
        written["name"] = name
        written["connector.class"] = spec.connectorClass
        return Desired(
            project: spec.project, service: spec.serviceName, name: name, config: config, written: written, resolved: resolved, paused: paused,
            requests: ConnectorRecovery.Requests(annotations: annotations), autoRestartLimit: limit, resourceName: resource.metadata.name ?? "")
    }

    public func observe(_ resource: KafkaConnector, client: AivenClient) async throws(AivenError) -> Observed? {
        let spec = resource.spec
        let name = Self.connectorName(of: resource)
        let connectors: [KafkaConnectorInfo]
        do {
            connectors = try await client.listKafkaConnectors(project: spec.project, service: spec.serviceName)
        } catch {
            switch error {
            case .notFound:
                return nil
            case .invalid, .conflict:
                // A service without Kafka Connect has no connectors; anything else is a real error.
                guard try await Self.kafkaConnectUnavailable(project: spec.project, service: spec.serviceName, client: client) != nil else { throw error }
                return nil
            default:
                throw error
            }
        }
        guard let connector = connectors.first(where: { $0.name == name }) else { return nil }
        do {
            return Observed(connector: connector, status: try await client.getKafkaConnectorStatus(project: spec.project, service: spec.serviceName, connector: name))
        } catch .notFound {
            // Deleted between the two reads.
            return nil
        }
    }

    public func claim(of resource: KafkaConnector) -> String? {
        describe(resource)
    }

    public func ownership(of observed: Observed, resource: KafkaConnector, everManaged: Bool) -> Ownership {
        .ours
    }

    /// Differences per config key (`config.connection.url`). A value read from a Secret shows as
    /// its placeholder; Aiven's current value of such a key, or of a key the spec no longer has,
    /// shows as `(redacted)`.
    /// A connector `PAUSED` while the resource asks for it running (or the reverse) differs in
    /// `state`: drift when made in the console, corrected or reported by the drift policy.
    public func changes(desired: Desired, observed: Observed) -> [FieldChange] {
        var changes = configChanges(desired: desired, observed: observed)
        if let state = Self.pauseDifference(desired: desired, observed: observed) {
            changes.append(FieldChange(path: "state", old: .string(state), new: .string(desired.paused ? KafkaConnectorState.paused : KafkaConnectorState.running)))
        }
        return changes
    }

    /// Aiven's connector state when it is `RUNNING` or `PAUSED` against the resource's wish;
    /// `nil` when it agrees, or is in another state (failed, starting) that a pause does not decide.
    static func pauseDifference(desired: Desired, observed: Observed) -> String? {
        guard let state = observed.status?.state, state == KafkaConnectorState.running || state == KafkaConnectorState.paused else { return nil }
        return (state == KafkaConnectorState.paused) == desired.paused ? nil : state
    }

    func configChanges(desired: Desired, observed: Observed) -> [FieldChange] {
        let have = observed.connector.config
        return Set(desired.config.keys).union(have.keys).sorted().compactMap { key -> FieldChange? in
            let want = desired.config[key]
            guard want != have[key] else { return nil }
            let secret = desired.resolved.secretKeys.contains(key) || want == nil
            let old = have[key].map { secret || desired.resolved.scrub($0) != $0 ? JSONValue.string("(redacted)") : .string($0) }
            let new = want.map { _ in JSONValue.string(desired.written[key] ?? "") }
            return FieldChange(path: "config.\(key)", old: old, new: new)
        }
    }

    /// The service must exist, be `RUNNING` and run Kafka Connect.
    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? {
        try await Self.kafkaConnectUnavailable(project: desired.project, service: desired.service, client: client)
    }

    /// Why `service` cannot run connectors now, or `nil` when it can.
    static func kafkaConnectUnavailable(project: String, service name: String, client: AivenClient) async throws(AivenError) -> Waiting? {
        let service: AivenService
        do {
            service = try await client.getService(project: project, name: name)
        } catch .notFound {
            return Waiting(reason: "WaitingForService", message: "Service \(project)/\(name) does not exist yet")
        }
        guard service.state == .running || service.state == .rebalancing else {
            return Waiting(reason: "WaitingForService", message: "Service \(project)/\(name) is \(service.state), waiting for RUNNING")
        }
        switch service.serviceType {
        case "kafka":
            guard service.userConfig["kafka_connect"] == .bool(true) else {
                return Waiting(reason: "WaitingForKafkaConnect", message: "Kafka service \(project)/\(name) does not run Kafka Connect (user_config.kafka_connect is not true)")
            }
        case "kafka_connect":
            let sources = service.serviceIntegrations.filter {
                $0.integrationType == "kafka_connect" && $0.destService == name && $0.active && $0.enabled
            }.compactMap(\.sourceService)
            guard let source = sources.first else {
                return Waiting(reason: "WaitingForKafkaConnect", message: "Kafka Connect service \(project)/\(name) has no active kafka_connect integration with a Kafka service yet")
            }
            // Its workers run once the Kafka service they use does.
            let kafka: AivenService?
            do {
                kafka = try await client.getService(project: project, name: source)
            } catch .notFound {
                kafka = nil
            }
            guard let kafka, kafka.state == .running || kafka.state == .rebalancing else {
                return Waiting(reason: "WaitingForKafkaConnect", message: "Kafka service \(project)/\(source), integrated with \(name), is not RUNNING yet")
            }
        default:
            return Waiting(reason: "WaitingForKafkaConnect", message: "Service \(project)/\(name) is a \(service.serviceType) service, which does not run Kafka Connect")
        }
        return nil
    }

    /// The class must be one the service offers, with its required options given
    /// (``ConnectorPluginCheck``). Two reads, only before a create.
    public func refusedCreate(_ desired: Desired, client: AivenClient) async throws(AivenError) -> String? {
        let available = try await client.availableKafkaConnectors(project: desired.project, service: desired.service)
        let className = desired.config["connector.class"] ?? ""
        var options: [KafkaConnectorConfigOption]?
        if available.contains(where: { $0.className == className }) {
            options = try await client.kafkaConnectorPluginConfiguration(project: desired.project, service: desired.service, connectorClass: className)
        }
        return ConnectorPluginCheck.problem(
            connectorClass: className, config: Set(desired.config.keys), service: "\(desired.project)/\(desired.service)", available: available, options: options)
    }

    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Observed {
        do {
            return Observed(connector: try await client.createKafkaConnector(project: desired.project, service: desired.service, config: desired.config), status: nil)
        } catch {
            throw Self.scrubbed(error, desired.resolved)
        }
    }

    /// Edits the config when it differs (Kafka Connect restarts the connector with it; failed
    /// tasks are restarted too, so a rotated password is tried at once), then pauses or resumes.
    public func update(_ desired: Desired, observed: Observed, client: AivenClient) async throws(AivenError) -> Observed {
        do {
            var connector = observed.connector
            let edited = !configChanges(desired: desired, observed: observed).isEmpty
            if edited {
                connector = try await client.editKafkaConnector(project: desired.project, service: desired.service, connector: desired.name, config: desired.config)
                for task in observed.status?.tasks ?? [] where task.state == KafkaConnectorState.failed {
                    try await client.restartKafkaConnectorTask(project: desired.project, service: desired.service, connector: desired.name, task: task.id)
                }
            }
            if Self.pauseDifference(desired: desired, observed: observed) != nil {
                if desired.paused {
                    try await client.pauseKafkaConnector(project: desired.project, service: desired.service, connector: desired.name)
                } else {
                    try await client.resumeKafkaConnector(project: desired.project, service: desired.service, connector: desired.name)
                }
            }
            // An edit restarts the connector: its state is read again at the next pass. A pause or
            // resume alone is read back now.
            let status = edited ? nil : try await client.getKafkaConnectorStatus(project: desired.project, service: desired.service, connector: desired.name)
            return Observed(connector: connector, status: status)
        } catch {
            throw Self.scrubbed(error, desired.resolved)
        }
    }

    /// Restarts asked for with annotations and automatic restarts of transient failures
    /// (``ConnectorRecovery``); the status is read again after any restart.
    public func upkeep(
        _ desired: Desired, observed: inout Observed, status: inout KafkaConnectorStatus, configuration: OperatorConfiguration, client: AivenClient
    ) async throws(AivenError) -> [Notice] {
        observed.restarts = status.restarts
        guard let current = observed.status else { return [] }
        let policy = ConnectorRecovery.Policy(limit: desired.autoRestartLimit, backoff: configuration.connectorRestartBackoff, healthyPeriod: configuration.connectorHealthyPeriod)
        let recovery = ConnectorRecovery.decide(requests: desired.requests, recorded: status.restarts, status: current, policy: policy, now: Date())
        do {
            for operation in recovery.operations {
                switch operation {
                case .restartConnector:
                    try await client.restartKafkaConnector(project: desired.project, service: desired.service, connector: desired.name)
                case .restartTask(let task):
                    try await client.restartKafkaConnectorTask(project: desired.project, service: desired.service, connector: desired.name, task: task)
                }
            }
            if !recovery.operations.isEmpty {
                observed.status = try await client.getKafkaConnectorStatus(project: desired.project, service: desired.service, connector: desired.name)
                record(observed, in: &status)
            }
        } catch {
            throw Self.scrubbed(error, desired.resolved)
        }
        status.restarts = recovery.restarts
        observed.restarts = recovery.restarts
        return recovery.notices.map { Notice($0.type, $0.reason, desired.resolved.scrub($0.message)) }
    }

    public func delete(_ resource: KafkaConnector, client: AivenClient) async throws(AivenError) {
        try await client.deleteKafkaConnector(project: resource.spec.project, service: resource.spec.serviceName, connector: Self.connectorName(of: resource))
    }

    /// `Ready` when every task runs (or, asked for paused, when the connector and every task
    /// are `PAUSED`). A failed task reads by its class (``ConnectorFailure``): credentials and
    /// configuration failures say what to fix; transient ones what automatic restarts did.
    public func health(of observed: Observed, desired: Desired) -> Health {
        guard let status = observed.status else {
            return Health(ready: false, reason: "Starting", message: "Connector was applied; waiting for its state")
        }
        let total = status.tasks.count
        let running = status.tasks.filter { $0.state == KafkaConnectorState.running }.count
        let failedTasks = status.tasks.filter { $0.state == KafkaConnectorState.failed }
        let limit = desired.autoRestartLimit
        let restarted = observed.restarts?.automatic ?? 0
        let automatic: String
        if ConnectorRecovery.exhausted(observed.restarts, limit: limit) {
            automatic = "Gave up after \(restarted) automatic restarts (the limit of annotation \(ConnectorAnnotations.autoRestart)); it stays failed until restarted with \(ConnectorAnnotations.restart) or changed."
        } else if limit != nil {
            let next = observed.restarts?.nextAttemptTime.map { "; next attempt at \($0)" } ?? ""
            automatic = "Restarted automatically \(restarted) of at most \(limit ?? 0) times\(next)."
        } else {
            automatic = ConnectorFailure.transient.remedy(resource: desired.resourceName)
        }
        if let failed = Self.worst(failedTasks) {
            let failure = ConnectorFailure.classify(trace: failed.trace)
            let trace = Self.summary(of: failed.trace, scrubbedBy: desired.resolved)
            let head = "\(failedTasks.count) of \(total) tasks FAILED; task \(failed.id): \(trace)."
            switch failure {
            case .credentials, .configuration:
                return Health(ready: false, reason: failure.reason, message: "\(head) \(failure.remedy(resource: desired.resourceName))")
            case .transient:
                let reason = ConnectorRecovery.exhausted(observed.restarts, limit: limit) ? "RestartLimitReached" : failure.reason
                return Health(ready: false, reason: reason, message: "\(head) \(automatic)")
            }
        }
        let paused = status.tasks.filter { $0.state == KafkaConnectorState.paused }.count
        switch status.state {
        case KafkaConnectorState.failed:
            let reason = ConnectorRecovery.exhausted(observed.restarts, limit: limit) ? "RestartLimitReached" : "ConnectorFailed"
            return Health(ready: false, reason: reason, message: "Connector is FAILED. \(automatic)")
        case KafkaConnectorState.paused where desired.paused && paused == total:
            return Health(ready: true, reason: "Paused", message: "Connector is PAUSED as asked (annotation \(ConnectorAnnotations.state)) with \(paused)/\(total) tasks paused")
        case _ where desired.paused:
            return Health(ready: false, reason: "Pausing", message: "Connector is \(status.state) with \(paused)/\(total) tasks paused, waiting for every task to be PAUSED")
        case KafkaConnectorState.running where running == total:
            return Health(ready: true, reason: "Running", message: "Connector is RUNNING with \(running)/\(total) tasks running")
        case KafkaConnectorState.paused:
            return Health(ready: false, reason: "Paused", message: "Connector is PAUSED, though the resource asks for it running")
        default:
            return Health(ready: false, reason: "Starting", message: "Connector is \(status.state) with \(running)/\(total) tasks running, waiting for RUNNING")
        }
    }

    /// The failed task to report: a credentials failure first, then a configuration one (those
    /// need a person), then the first.
    static func worst(_ failed: [KafkaConnectorStatusInfo.Task]) -> KafkaConnectorStatusInfo.Task? {
        let rank = { (task: KafkaConnectorStatusInfo.Task) in ConnectorFailure.allCases.firstIndex(of: ConnectorFailure.classify(trace: task.trace)) ?? 0 }
        return failed.min { rank($0) < rank($1) }
    }

    public func record(_ observed: Observed, in status: inout KafkaConnectorStatus) {
        status.connectorName = observed.connector.name
        if let plugin = observed.connector.plugin {
            status.pluginStatus = KafkaConnectorStatus.PluginStatus(
                author: plugin.author ?? "", class: plugin.className, docUrl: plugin.docURL ?? "", title: plugin.title ?? "", type: plugin.type ?? "",
                version: plugin.version ?? "")
        }
        guard let observed = observed.status else { return }
        status.state = observed.state
        status.tasks = observed.tasks.map { KafkaConnectorStatus.TaskState(id: $0.id, state: $0.state) }
        let states = observed.tasks.map(\.state)
        let known = [KafkaConnectorState.running, KafkaConnectorState.failed, KafkaConnectorState.paused, KafkaConnectorState.unassigned]
        status.tasksStatus = KafkaConnectorStatus.TasksStatus(
            total: states.count,
            running: states.filter { $0 == KafkaConnectorState.running }.count,
            failed: states.filter { $0 == KafkaConnectorState.failed }.count,
            paused: states.filter { $0 == KafkaConnectorState.paused }.count,
            unassigned: states.filter { $0 == KafkaConnectorState.unassigned }.count,
            unknown: states.filter { !known.contains($0) }.count,
            // Only the exception class: the rest of a trace may quote config values (the
            // `TaskFailed` condition carries the scrubbed first line).
            stackTrace: observed.tasks.first { $0.state == KafkaConnectorState.failed }.map { Self.exceptionClass(of: $0.trace) }
        )
    }

    /// The Secrets' versions and, when asked for paused, `state=PAUSED`: a change of either
    /// is applied like a new generation (a requested pause is not drift), whatever the drift
    /// policy.
    public func inputsVersion(of desired: Desired) -> String? {
        let versions = desired.resolved.secretVersions
        let secrets = versions.isEmpty ? nil : versions.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }.joined(separator: ",")
        return KafkaConnectorStatus.inputs(secrets: secrets, state: desired.paused ? KafkaConnectorState.paused : nil)
    }

    /// Tasks fail on their own while nothing changes: a Ready connector is read again every
    /// `--connector-status-interval` (the resync when that is shorter), not only at the resync.
    public func readyInterval(_ configuration: OperatorConfiguration) -> ResyncInterval {
        ResyncInterval(min(configuration.connectorStatusInterval, configuration.resyncInterval))
    }

    public func createdMessage(_ desired: Desired, created: Observed, resource: KafkaConnector) -> String {
        "Created Kafka connector \(describe(resource)) (\(resource.spec.connectorClass))"
    }

    /// The first line of a trace, scrubbed of Secret values and cut to a readable length.
    static func summary(of trace: String, scrubbedBy resolved: ConnectorConfigTemplate.Resolved) -> String {
        let line = trace.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let scrubbed = resolved.scrub(line.trimmingCharacters(in: .whitespaces))
        guard !scrubbed.isEmpty else { return "no trace given" }
        return scrubbed.count > 300 ? String(scrubbed.prefix(300)) + "…" : scrubbed
    }

    /// `org.apache.kafka.connect.errors.ConnectException` of `org.apache…ConnectException: message`.
    static func exceptionClass(of trace: String) -> String {
        let line = trace.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let name = line.prefix { $0 != ":" && !$0.isWhitespace }
        return String(name.prefix(200))
    }

    /// Aiven's answer with every Secret value in its message replaced (Kafka Connect quotes
    /// invalid config values).
    static func scrubbed(_ error: AivenError, _ resolved: ConnectorConfigTemplate.Resolved) -> AivenError {
        switch error {
        case .notFound(let message): .notFound(message: resolved.scrub(message))
        case .alreadyExists(let message): .alreadyExists(message: resolved.scrub(message))
        case .conflict(let message): .conflict(message: resolved.scrub(message))
        case .invalid(let message): .invalid(message: resolved.scrub(message))
        case .unauthorized(let message): .unauthorized(message: resolved.scrub(message))
        case .forbidden(let message): .forbidden(message: resolved.scrub(message))
        case .rateLimited(let wait, let message): .rateLimited(retryAfter: wait, message: resolved.scrub(message))
        case .server(let status, let message): .server(status: status, message: resolved.scrub(message))
        case .unexpectedStatus(let status, let message): .unexpectedStatus(status: status, message: resolved.scrub(message))
        case .invalidResponse(let message): .invalidResponse(message: resolved.scrub(message))
        case .transport, .cancelled: error
        }
    }
}

/// Kafka Connect connector and task states.
enum KafkaConnectorState {
    static let running = "RUNNING"
    static let failed = "FAILED"
    static let paused = "PAUSED"
    static let unassigned = "UNASSIGNED"
}

extension KafkaConnector: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static let terminationProtection: TerminationProtection<Self>? = nil
}

extension KafkaConnectorStatus: InputsRecordingStatus {
    public init() { self.init(state: nil) }

    /// `status.appliedSecrets` and `status.appliedState` as one version
    /// (``KafkaConnectorKind/inputsVersion(of:)``).
    public var appliedInputs: String? {
        get { Self.inputs(secrets: appliedSecrets, state: appliedState) }
        set {
            let parts = (newValue ?? "").split(separator: ";").map(String.init)
            appliedState = parts.first { $0.hasPrefix(Self.statePrefix) }.map { String($0.dropFirst(Self.statePrefix.count)) }
            appliedSecrets = parts.first { !$0.hasPrefix(Self.statePrefix) }
        }
    }

    private static let statePrefix = "state="

    /// `SECRETS;state=STATE`, either part left out when absent; `nil` when both are.
    static func inputs(secrets: String?, state: String?) -> String? {
        let parts = [secrets, state.map { statePrefix + $0 }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ";")
    }
}

/// Kafka Connect refuses a second connector of a name (`409 Connector … already exists`), and a
/// connector carries no owner tag: its name is its identity.
extension KafkaConnectorKind: DeletableByIdentity {}
