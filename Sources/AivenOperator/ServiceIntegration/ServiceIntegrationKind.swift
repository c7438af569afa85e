import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime
import Synchronization

/// `ServiceIntegration`: one Aiven service integration per resource.
///
/// Its identity on Aiven is the integration id, kept in `status.id`. Before there is one, the
/// integration of the same type from the same source to the same destination is the resource's:
/// Aiven allows only one such integration, and taking it over also recovers a create whose answer
/// was lost (the reference operator adopts it too). Both services must be `RUNNING` before the
/// create; every field but the type's user config is immutable.
public struct ServiceIntegrationKind: PolledWhileReadyKind {
    public static let controllerName = "serviceintegration"
    public static let noun = "Aiven service integration"

    /// The integration the spec asks for.
    public struct Desired: Sendable, Hashable {
        public var project: String
        public var request: ServiceIntegrationRequest
    }

    /// The endpoint ids `destinationEndpointRef`s resolved to, by the integration resource's uid:
    /// ``observe(_:client:)`` sees only the resource, and the integration's identity on Aiven
    /// includes that id (``desired(for:dependencies:)`` always runs first, except on deletion).
    private let referencedEndpoints = ReferencedEndpoints()

    public init() {}

    public func describe(_ resource: ServiceIntegration) -> String {
        let spec = resource.spec
        let source = spec.sourceServiceName ?? spec.sourceEndpointID ?? "?"
        let destination = spec.destinationServiceName ?? spec.destinationEndpointRef.map { "ServiceIntegrationEndpoint \($0.name)" } ?? spec.destinationEndpointId ?? "?"
        return "\(spec.project)/\(spec.integrationType) \(source) → \(destination)"
    }

    public func desired(for resource: ServiceIntegration, dependencies: Dependencies) async throws -> Desired {
        let spec = resource.spec
        var destinationEndpointId = spec.destinationEndpointId.flatMap { $0.isEmpty ? nil : $0 }
        if let reference = spec.destinationEndpointRef {
            let id = try await Self.endpointId(reference.name, namespace: resource.metadata.namespace ?? "", dependencies: dependencies)
            referencedEndpoints.record(id, for: resource)
            destinationEndpointId = id
        }
        return Desired(
            project: spec.project,
            request: ServiceIntegrationRequest(
                integrationType: spec.integrationType,
                sourceService: spec.sourceServiceName, destService: spec.destinationServiceName,
                sourceProject: spec.sourceProjectName, destProject: spec.destinationProjectName,
                sourceEndpointId: spec.sourceEndpointID.flatMap { $0.isEmpty ? nil : $0 }, destEndpointId: destinationEndpointId,
                userConfig: try Self.userConfig(of: spec)
            )
        )
    }

    /// The id of the ServiceIntegrationEndpoint `name` in the resource's own namespace (the
    /// reference allows no other), once it has one; ``Waiting`` until then.
    static func endpointId(_ name: String, namespace: String, dependencies: Dependencies) async throws -> String {
        let key = ObjectKey(namespace: namespace, name: name)
        guard let endpoint = try await dependencies.resource(ServiceIntegrationEndpoint.self, key) else {
            throw Waiting(reason: "WaitingForEndpoint", message: "ServiceIntegrationEndpoint \(namespace)/\(name) does not exist yet")
        }
        guard let id = endpoint.status?.id, !id.isEmpty else {
            throw Waiting(reason: "WaitingForEndpoint", message: "ServiceIntegrationEndpoint \(namespace)/\(name) has no endpoint on Aiven yet")
        }
        return id
    }

    /// The user config block of the spec's integration type (`kafkaConnect` for `kafka_connect`),
    /// as Aiven's `user_config`; a block for another type is a mistake, refused by name.
    static func userConfig(of spec: ServiceIntegrationSpec) throws -> [String: AivenJSON]? {
        let blocks: [(type: String, field: String, value: JSONValue?)] = [
            ("autoscaler", "autoscaler", spec.autoscaler),
            ("clickhouse_kafka", "clickhouseKafka", try json(spec.clickhouseKafka)),
            ("clickhouse_postgresql", "clickhousePostgresql", try json(spec.clickhousePostgresql)),
            ("datadog", "datadog", try json(spec.datadog)),
            ("external_aws_cloudwatch_metrics", "externalAWSCloudwatchMetrics", try json(spec.externalAWSCloudwatchMetrics)),
            ("kafka_connect", "kafkaConnect", try json(spec.kafkaConnect)),
            ("kafka_logs", "kafkaLogs", try json(spec.kafkaLogs)),
            ("kafka_mirrormaker", "kafkaMirrormaker", try json(spec.kafkaMirrormaker)),
            ("logs", "logs", try json(spec.logs)),
            ("metrics", "metrics", try json(spec.metrics)),
        ]
        var userConfig: [String: AivenJSON]?
        for block in blocks {
            guard let value = block.value else { continue }
            guard block.type == spec.integrationType else {
                throw InvalidSpec("spec.\(block.field) configures a \(block.type) integration, but spec.integrationType is \(spec.integrationType)")
            }
            userConfig = value.objectValue ?? [:]
        }
        return userConfig
    }

    private static func json(_ value: (some Encodable)?) throws -> JSONValue? {
        guard let value else { return nil }
        return try JSONParser().parse(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    public func observe(_ resource: ServiceIntegration, client: AivenClient) async throws(AivenError) -> ServiceIntegrationInfo? {
        let spec = resource.spec
        if let id = resource.status?.id {
            do {
                return try await client.getServiceIntegration(project: spec.project, id: id)
            } catch .notFound {
                // Gone on Aiven (with one of its services, say): look for a match below.
            }
        }
        // The integrations of one of its services: the source's, else the destination's (an
        // integration from an endpoint).
        let listed: (service: String, project: String?)
        if let source = spec.sourceServiceName {
            listed = (source, spec.sourceProjectName)
        } else if let destination = spec.destinationServiceName {
            listed = (destination, spec.destinationProjectName)
        } else {
            return nil
        }
        let integrations: [ServiceIntegrationInfo]
        do {
            integrations = try await client.listServiceIntegrations(project: listed.project ?? spec.project, service: listed.service)
        } catch .notFound {
            return nil
        }
        let sourceEndpoint = spec.sourceEndpointID.flatMap { $0.isEmpty ? nil : $0 }
        var destinationEndpoint = spec.destinationEndpointId.flatMap { $0.isEmpty ? nil : $0 }
        if spec.destinationEndpointRef != nil { destinationEndpoint = referencedEndpoints.id(for: resource) }
        let candidates = integrations.filter { integration in
            integration.integrationType == spec.integrationType && integration.sourceService == spec.sourceServiceName
                && integration.destService == spec.destinationServiceName
                && (sourceEndpoint == nil || integration.sourceEndpointId == sourceEndpoint)
                && (destinationEndpoint == nil || integration.destEndpointId == destinationEndpoint)
        }
        // A referenced endpoint not resolved in this process (a deletion right after a restart):
        // only an unambiguous match is the resource's.
        if spec.destinationEndpointRef != nil, destinationEndpoint == nil {
            return candidates.count == 1 ? candidates.first : nil
        }
        return candidates.first
    }

    /// A Ready integration is read again as often as a connector's status
    /// (`--connector-status-interval`): it vanishes on Aiven with either of its services, and the
    /// connectors on it wait for it (they are woken when it changes).
    public func readyInterval(_ configuration: OperatorConfiguration) -> ResyncInterval {
        ResyncInterval(min(configuration.connectorStatusInterval, configuration.resyncInterval))
    }

    public func ownership(of observed: ServiceIntegrationInfo, resource: ServiceIntegration, everManaged: Bool) -> Ownership {
        .ours
    }

    public func changes(desired: Desired, observed: ServiceIntegrationInfo) -> [FieldChange] {
        let want = desired.request.userConfig ?? [:]
        let have = observed.userConfig ?? [:]
        guard want != have else { return [] }
        return [FieldChange(path: "user_config", old: .object(have), new: .object(want))]
    }

    /// Aiven integrates only existing, running services and existing endpoints: wait for them.
    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? {
        let request = desired.request
        for (role, id) in [("source", request.sourceEndpointId), ("destination", request.destEndpointId)] {
            guard let id else { continue }
            do {
                _ = try await client.getIntegrationEndpoint(project: desired.project, id: id)
            } catch .notFound {
                return Waiting(reason: "WaitingForEndpoint", message: "\(role) integration endpoint \(id) does not exist yet")
            }
        }
        let ends = [("source", request.sourceService, request.sourceProject), ("destination", request.destService, request.destProject)]
        for (role, service, project) in ends {
            guard let service else { continue }
            if let waiting = try await client.waitingForRunning(service, project: project ?? desired.project, label: "\(role) service", reason: "WaitingForServices") {
                return waiting
            }
        }
        return nil
    }

    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> ServiceIntegrationInfo {
        try await client.createServiceIntegration(project: desired.project, desired.request)
    }

    public func update(_ desired: Desired, observed: ServiceIntegrationInfo, client: AivenClient) async throws(AivenError) -> ServiceIntegrationInfo {
        try await client.updateServiceIntegration(project: desired.project, id: observed.serviceIntegrationId ?? "", userConfig: desired.request.userConfig ?? [:])
    }

    public func delete(_ observed: ServiceIntegrationInfo, resource: ServiceIntegration, client: AivenClient) async throws(AivenError) {
        do {
            try await client.deleteServiceIntegration(project: resource.spec.project, id: observed.serviceIntegrationId ?? "")
        } catch .notFound {
            // Deleted with one of its services meanwhile.
        }
    }

    public func health(of observed: ServiceIntegrationInfo, desired: Desired) -> Health {
        observed.active && observed.enabled
            ? Health(ready: true, reason: "Active", message: "Integration is active")
            : Health(ready: false, reason: "WaitingForActivation", message: "Integration is not active yet")
    }

    public func record(_ observed: ServiceIntegrationInfo, in status: inout ServiceIntegrationStatus) {
        status.id = observed.serviceIntegrationId
    }

    public func createdMessage(_ desired: Desired, created: ServiceIntegrationInfo, resource: ServiceIntegration) -> String {
        "Created Aiven service integration \(describe(resource)) (id \(created.serviceIntegrationId ?? "?"))"
    }
}

extension ServiceIntegration: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static let terminationProtection: TerminationProtection<Self>? = nil
}

/// The endpoint ids ServiceIntegrations' `destinationEndpointRef`s resolved to, by resource uid.
final class ReferencedEndpoints: Sendable {
    private let ids = Mutex<[String: String]>([:])

    func record(_ id: String, for resource: ServiceIntegration) {
        guard let uid = resource.metadata.uid else { return }
        ids.withLock { $0[uid] = id }
    }

    func id(for resource: ServiceIntegration) -> String? {
        guard let uid = resource.metadata.uid else { return nil }
        return ids.withLock { $0[uid] }
    }
}
