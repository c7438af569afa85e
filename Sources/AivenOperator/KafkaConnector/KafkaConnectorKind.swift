import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime

/// `KafkaConnector`: one connector on the Kafka Connect workers of `spec.serviceName` (a Kafka
/// service with `user_config.kafka_connect: true`, or a KafkaConnect service with an active
/// `kafka_connect` integration), named after the resource.
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
public struct KafkaConnectorKind: ManagedKind {
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

        public var description: String { "Kafka connector \(project)/\(service)/\(name) (\(resolved))" }
    }

    /// The connector and its state as Aiven reports them.
    public struct Observed: Sendable, Hashable {
        public var connector: KafkaConnectorInfo
        /// `nil` right after the create, before the status was read.
        public var status: KafkaConnectorStatusInfo?
    }

    public init() {}

    public func describe(_ resource: AivenResources.KafkaConnector) -> String {
        "\(resource.spec.project)/\(resource.spec.serviceName)/\(resource.metadata.name ?? "")"
    }

    public func desired(for resource: AivenResources.KafkaConnector, dependencies: Dependencies) async throws -> Desired {
        let spec = resource.spec
        let name = resource.metadata.name ?? ""
        let namespace = resource.metadata.namespace ?? "default"
        for (key, fixed) in [("name", name), ("connector.class", spec.connectorClass)] {
            if let given = spec.userConfig[key], given != fixed {
                throw InvalidSpec("spec.userConfig[\(key)] must be left out or equal \(key == "name" ? "metadata.name" : "spec.connectorClass") (\(fixed))")
            }
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
        return Desired(project: spec.project, service: spec.serviceName, name: name, config: config, written: written, resolved: resolved)
    }

    public func observe(_ resource: AivenResources.KafkaConnector, client: AivenClient) async throws(AivenError) -> Observed? {
        let spec = resource.spec
        let name = resource.metadata.name ?? ""
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

    public func claim(of resource: AivenResources.KafkaConnector) -> String? {
        describe(resource)
    }

    public func ownership(of observed: Observed, resource: AivenResources.KafkaConnector, everManaged: Bool) -> Ownership {
        .ours
    }

    /// Differences per config key (`config.connection.url`). A value read from a Secret shows as
    /// its placeholder; Aiven's current value of such a key, or of a key the spec no longer has,
    /// shows as `(redacted)`.
    public func changes(desired: Desired, observed: Observed) -> [FieldChange] {
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

    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Observed {
        do {
            return Observed(connector: try await client.createKafkaConnector(project: desired.project, service: desired.service, config: desired.config), status: nil)
        } catch {
            throw Self.scrubbed(error, desired.resolved)
        }
    }

    public func update(_ desired: Desired, observed: Observed, client: AivenClient) async throws(AivenError) -> Observed {
        do {
            let connector = try await client.editKafkaConnector(project: desired.project, service: desired.service, connector: desired.name, config: desired.config)
            // An edit restarts the connector: its state is read again at the next pass.
            return Observed(connector: connector, status: nil)
        } catch {
            throw Self.scrubbed(error, desired.resolved)
        }
    }

    public func delete(_ observed: Observed, resource: AivenResources.KafkaConnector, client: AivenClient) async throws(AivenError) {
        try await client.deleteKafkaConnector(project: resource.spec.project, service: resource.spec.serviceName, connector: observed.connector.name)
    }

    public func health(of observed: Observed, desired: Desired) -> Health {
        guard let status = observed.status else {
            return Health(ready: false, reason: "Starting", message: "Connector was applied; waiting for its state")
        }
        let total = status.tasks.count
        let running = status.tasks.filter { $0.state == KafkaConnectorState.running }.count
        if let failed = status.tasks.first(where: { $0.state == KafkaConnectorState.failed }) {
            let count = status.tasks.filter { $0.state == KafkaConnectorState.failed }.count
            let trace = Self.summary(of: failed.trace, scrubbedBy: desired.resolved)
            return Health(ready: false, reason: "TaskFailed", message: "\(count) of \(total) tasks FAILED; task \(failed.id): \(trace)")
        }
        switch status.state {
        case KafkaConnectorState.running where running == total:
            return Health(ready: true, reason: "Running", message: "Connector is RUNNING with \(running)/\(total) tasks running")
        case KafkaConnectorState.failed:
            return Health(ready: false, reason: "ConnectorFailed", message: "Connector is FAILED")
        case KafkaConnectorState.paused:
            return Health(ready: false, reason: "Paused", message: "Connector is PAUSED")
        default:
            return Health(ready: false, reason: "Starting", message: "Connector is \(status.state) with \(running)/\(total) tasks running, waiting for RUNNING")
        }
    }

    public func record(_ observed: Observed, in status: inout KafkaConnectorStatus) {
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

    public func inputsVersion(of desired: Desired) -> String? {
        let versions = desired.resolved.secretVersions
        return versions.isEmpty ? nil : versions.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }.joined(separator: ",")
    }

    /// Tasks fail on their own while nothing changes: a Ready connector is read again every
    /// `--connector-status-interval` (the resync when that is shorter), not only at the resync.
    public func readyInterval(_ configuration: OperatorConfiguration) -> ResyncInterval {
        ResyncInterval(min(configuration.connectorStatusInterval, configuration.resyncInterval))
    }

    public func createdMessage(_ desired: Desired, created: Observed, resource: AivenResources.KafkaConnector) -> String {
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

extension AivenResources.KafkaConnector: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static let terminationProtection: TerminationProtection<Self>? = nil
}

extension KafkaConnectorStatus: ManagedStatus {
    public init() { self.init(state: nil) }

    public var appliedInputs: String? {
        get { appliedSecrets }
        set { appliedSecrets = newValue }
    }
}
