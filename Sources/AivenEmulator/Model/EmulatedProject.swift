import Foundation

/// One change to a project: an entity stored (`value`) or removed (`nil`). A request's changes
/// are what the state journal records, so a write costs the size of what changed.
enum ProjectChange: Codable, Sendable {
    case service(name: String, value: EmulatedService?)
    case vpc(id: String, value: EmulatedVPC?)
    case integration(id: String, value: EmulatedIntegration?)
    case topic(service: String, name: String, value: EmulatedTopic?)
    case connector(service: String, name: String, value: EmulatedConnector?)
    case serviceUser(service: String, name: String, value: EmulatedServiceUser?)
    case acl(service: String, id: String, value: EmulatedACL?)
    case endpoint(id: String, value: EmulatedIntegrationEndpoint?)
    case schemaRegistry(service: String, value: EmulatedSchemaRegistry?)
}

/// Everything the emulator knows about one project.
///
/// Changes go through ``put(_:)-(EmulatedService)`` and the `remove…` methods, which keep the
/// integration index and record each change with its inverse, so a request's changes can be
/// journaled — and reverted if that fails. Reads resolve time-driven transitions on the copy they
/// return and never write, so a request touches only the entities it names.
struct EmulatedProject: Sendable {
    private(set) var services: [String: EmulatedService] = [:]
    private(set) var vpcs: [String: EmulatedVPC] = [:]
    private(set) var integrations: [String: EmulatedIntegration] = [:]
    /// Topics by service name, then topic name.
    private(set) var topics: [String: [String: EmulatedTopic]] = [:]
    /// Connectors by service name, then connector name.
    private(set) var connectors: [String: [String: EmulatedConnector]] = [:]
    /// Service users other than `avnadmin` by service name, then username.
    private(set) var serviceUsers: [String: [String: EmulatedServiceUser]] = [:]
    /// ACL entries of every kind by service name, then id.
    private(set) var acls: [String: [String: EmulatedACL]] = [:]
    /// Integration endpoints by id.
    private(set) var endpoints: [String: EmulatedIntegrationEndpoint] = [:]
    /// Schema registries by Kafka service name (once something was registered or configured).
    private(set) var schemaRegistries: [String: EmulatedSchemaRegistry] = [:]
    /// Integration ids by the names of the services they connect.
    private var integrationIDs: [String: Set<String>] = [:]
    private var pending: [ProjectChange] = []
    private var inverse: [ProjectChange] = []

    init() {}

    var isEmpty: Bool {
        services.isEmpty && vpcs.isEmpty && integrations.isEmpty && topics.isEmpty && connectors.isEmpty && serviceUsers.isEmpty && acls.isEmpty
            && endpoints.isEmpty
            && schemaRegistries.isEmpty
    }

    /// How many entities the project holds (what a compacted state file holds).
    var entityCount: Int {
        services.count + vpcs.count + integrations.count + topics.values.reduce(0) { $0 + $1.count }
            + connectors.values.reduce(0) { $0 + $1.count } + serviceUsers.values.reduce(0) { $0 + $1.count }
            + acls.values.reduce(0) { $0 + $1.count } + endpoints.count + schemaRegistries.count
    }

    // MARK: Reads

    /// The service as it is at `time`.
    func service(_ name: String, at time: Date, _ timings: EmulatorTimings) -> EmulatedService? {
        services[name]?.advanced(to: time, backupAfter: timings.backupAfter.timeInterval)
    }

    /// The VPC as it is at `time`; `nil` once its deletion has finished.
    func vpc(_ id: String, at time: Date, _ timings: EmulatorTimings) -> EmulatedVPC? {
        guard let vpc = vpcs[id], !vpc.isGone(at: time, after: timings.vpcDelay.timeInterval) else { return nil }
        return vpc
    }

    /// The VPCs that exist at `time`, oldest first.
    func existingVPCs(at time: Date, _ timings: EmulatorTimings) -> [EmulatedVPC] {
        vpcs.values.filter { !$0.isGone(at: time, after: timings.vpcDelay.timeInterval) }.sorted { $0.createTime < $1.createTime }
    }

    /// The integrations from or to `service` (a service's name or an endpoint's id), by id.
    func integrations(of service: String) -> [EmulatedIntegration] {
        (integrationIDs[service] ?? []).compactMap { integrations[$0] }.sorted { $0.id < $1.id }
    }

    /// The integration endpoints, by name then id.
    var sortedEndpoints: [EmulatedIntegrationEndpoint] {
        endpoints.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The topics of `service`, by name.
    func topics(of service: String) -> [EmulatedTopic] {
        (topics[service] ?? [:]).values.sorted { $0.name < $1.name }
    }

    /// The connectors of `service`, by name.
    func connectors(of service: String) -> [EmulatedConnector] {
        (connectors[service] ?? [:]).values.sorted { $0.name < $1.name }
    }

    /// The users of `service` other than `avnadmin`, by name.
    func serviceUsers(of service: String) -> [EmulatedServiceUser] {
        (serviceUsers[service] ?? [:]).values.sorted { $0.username < $1.username }
    }

    /// The ACL entries of `kind` on `service`, oldest first.
    func acls(of service: String, _ kind: EmulatedACL.Kind) -> [EmulatedACL] {
        (acls[service] ?? [:]).values.filter { $0.kind == kind }.sorted { ($0.createTime, $0.id) < ($1.createTime, $1.id) }
    }

    // MARK: Changes

    mutating func put(_ service: EmulatedService) { record(.service(name: service.name, value: service)) }
    mutating func removeService(_ name: String) { record(.service(name: name, value: nil)) }
    mutating func put(_ vpc: EmulatedVPC) { record(.vpc(id: vpc.id, value: vpc)) }
    mutating func removeVPC(_ id: String) { record(.vpc(id: id, value: nil)) }
    mutating func put(_ integration: EmulatedIntegration) { record(.integration(id: integration.id, value: integration)) }
    mutating func removeIntegration(_ id: String) { record(.integration(id: id, value: nil)) }
    mutating func put(_ topic: EmulatedTopic, service: String) { record(.topic(service: service, name: topic.name, value: topic)) }
    mutating func removeTopic(service: String, name: String) { record(.topic(service: service, name: name, value: nil)) }
    mutating func put(_ connector: EmulatedConnector, service: String) {
        record(.connector(service: service, name: connector.name, value: connector))
    }
    mutating func removeConnector(service: String, name: String) { record(.connector(service: service, name: name, value: nil)) }
    mutating func put(_ user: EmulatedServiceUser, service: String) { record(.serviceUser(service: service, name: user.username, value: user)) }
    mutating func removeServiceUser(service: String, name: String) { record(.serviceUser(service: service, name: name, value: nil)) }
    mutating func put(_ acl: EmulatedACL, service: String) { record(.acl(service: service, id: acl.id, value: acl)) }
    mutating func removeACL(service: String, id: String) { record(.acl(service: service, id: id, value: nil)) }
    mutating func put(_ endpoint: EmulatedIntegrationEndpoint) { record(.endpoint(id: endpoint.id, value: endpoint)) }
    mutating func removeEndpoint(_ id: String) { record(.endpoint(id: id, value: nil)) }
    mutating func put(_ registry: EmulatedSchemaRegistry, service: String) { record(.schemaRegistry(service: service, value: registry)) }
    mutating func removeSchemaRegistry(service: String) { record(.schemaRegistry(service: service, value: nil)) }

    /// The changes since the last call and their inverses (newest first), forgetting both.
    mutating func takeChanges() -> (changes: [ProjectChange], inverse: [ProjectChange]) {
        defer {
            pending = []
            inverse = []
        }
        return (pending, inverse.reversed())
    }

    private mutating func record(_ change: ProjectChange) {
        inverse.append(apply(change))
        pending.append(change)
    }

    /// Applies `change` without recording it (journal replay, reverting); returns its inverse.
    @discardableResult
    mutating func apply(_ change: ProjectChange) -> ProjectChange {
        switch change {
        case .service(let name, let value):
            let old = services[name]
            services[name] = value
            return .service(name: name, value: old)
        case .vpc(let id, let value):
            let old = vpcs[id]
            vpcs[id] = value
            return .vpc(id: id, value: old)
        case .integration(let id, let value):
            let old = integrations[id]
            for end in old?.ends ?? [] { integrationIDs[end]?.remove(id) }
            integrations[id] = value
            for end in value?.ends ?? [] { integrationIDs[end, default: []].insert(id) }
            return .integration(id: id, value: old)
        case .topic(let service, let name, let value):
            let old = topics[service]?[name]
            topics[service, default: [:]][name] = value
            if topics[service]?.isEmpty == true { topics[service] = nil }
            return .topic(service: service, name: name, value: old)
        case .connector(let service, let name, let value):
            let old = connectors[service]?[name]
            connectors[service, default: [:]][name] = value
            if connectors[service]?.isEmpty == true { connectors[service] = nil }
            return .connector(service: service, name: name, value: old)
        case .serviceUser(let service, let name, let value):
            let old = serviceUsers[service]?[name]
            serviceUsers[service, default: [:]][name] = value
            if serviceUsers[service]?.isEmpty == true { serviceUsers[service] = nil }
            return .serviceUser(service: service, name: name, value: old)
        case .acl(let service, let id, let value):
            let old = acls[service]?[id]
            acls[service, default: [:]][id] = value
            if acls[service]?.isEmpty == true { acls[service] = nil }
            return .acl(service: service, id: id, value: old)
        case .endpoint(let id, let value):
            let old = endpoints[id]
            endpoints[id] = value
            return .endpoint(id: id, value: old)
        case .schemaRegistry(let service, let value):
            let old = schemaRegistries[service]
            schemaRegistries[service] = value
            return .schemaRegistry(service: service, value: old)
        }
    }
}

extension EmulatedProject: Codable {
    private enum CodingKeys: String, CodingKey {
        case services, vpcs, integrations, topics, connectors, serviceUsers = "service_users", acls, endpoints, schemaRegistries = "schema_registries"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for service in try container.decodeIfPresent([String: EmulatedService].self, forKey: .services)?.values ?? [:].values {
            apply(.service(name: service.name, value: service))
        }
        for vpc in try container.decodeIfPresent([String: EmulatedVPC].self, forKey: .vpcs)?.values ?? [:].values {
            apply(.vpc(id: vpc.id, value: vpc))
        }
        for integration in try container.decodeIfPresent([String: EmulatedIntegration].self, forKey: .integrations)?.values ?? [:].values {
            apply(.integration(id: integration.id, value: integration))
        }
        for (service, topics) in try container.decodeIfPresent([String: [String: EmulatedTopic]].self, forKey: .topics) ?? [:] {
            for topic in topics.values { apply(.topic(service: service, name: topic.name, value: topic)) }
        }
        for (service, connectors) in try container.decodeIfPresent([String: [String: EmulatedConnector]].self, forKey: .connectors) ?? [:] {
            for connector in connectors.values { apply(.connector(service: service, name: connector.name, value: connector)) }
        }
        for (service, users) in try container.decodeIfPresent([String: [String: EmulatedServiceUser]].self, forKey: .serviceUsers) ?? [:] {
            for user in users.values { apply(.serviceUser(service: service, name: user.username, value: user)) }
        }
        for (service, acls) in try container.decodeIfPresent([String: [String: EmulatedACL]].self, forKey: .acls) ?? [:] {
            for acl in acls.values { apply(.acl(service: service, id: acl.id, value: acl)) }
        }
        for endpoint in try container.decodeIfPresent([String: EmulatedIntegrationEndpoint].self, forKey: .endpoints)?.values ?? [:].values {
            apply(.endpoint(id: endpoint.id, value: endpoint))
        }
        for (service, registry) in try container.decodeIfPresent([String: EmulatedSchemaRegistry].self, forKey: .schemaRegistries) ?? [:] {
            apply(.schemaRegistry(service: service, value: registry))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(services, forKey: .services)
        try container.encode(vpcs, forKey: .vpcs)
        try container.encode(integrations, forKey: .integrations)
        try container.encode(topics, forKey: .topics)
        try container.encode(connectors, forKey: .connectors)
        try container.encode(serviceUsers, forKey: .serviceUsers)
        try container.encode(acls, forKey: .acls)
        try container.encode(endpoints, forKey: .endpoints)
        try container.encode(schemaRegistries, forKey: .schemaRegistries)
    }
}
