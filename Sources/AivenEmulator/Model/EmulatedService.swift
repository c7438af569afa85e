import Foundation
import KubeAPI

/// A service (`kafka` or `kafka_connect`) held by the emulator.
struct EmulatedService: Codable, Sendable {
    /// Where the service is in its lifecycle. Transitions are resolved lazily from the clock:
    /// a `building` phase whose deadline has passed is `running` since that deadline.
    enum Phase: Codable, Sendable, Hashable {
        /// `REBUILDING` or `REBALANCING` until the deadline.
        case building(state: String, until: Date)
        case running(since: Date)
        case poweroff
    }

    var name: String
    var plan: String
    var cloud: String
    var projectVPCId: String?
    var phase: Phase
    var terminationProtection: Bool
    var userConfig: [String: JSONValue]
    var tags: [String: String]
    var techEmails: [String]
    var maintenanceDow: String
    var maintenanceTime: String
    var createTime: Date
    var updateTime: Date
    var backupTimes: [Date]
    /// The service type's name; absent in state written before Kafka was offered (`kafka_connect`).
    var serviceType: String?
    /// The `avnadmin` user's secrets; absent in state written before they were generated.
    var credentials: ServiceCredentials?
    /// A disk other than the plan's (dynamic disk sizing); `nil` (also in older state): the plan's.
    var diskSpaceMB: Int? = nil
    /// Kafka: whether Karapace serves schema registry and REST proxy (`features.karapace`);
    /// `nil` (also in older state): off.
    var karapace: Bool? = nil
    /// PostgreSQL: when the migration `user_config.migration` asks for started (a create or an
    /// update that set or changed it); `nil` (also in older state): none.
    var migrationStart: Date? = nil
    /// The service's tasks (`POST …/task`: upgrade checks), oldest first; `nil` in older state.
    var tasks: [EmulatedServiceTask]? = nil

    /// The service's type in the catalogue.
    var type: ServiceCatalog.ServiceType { ServiceCatalog.type(named: serviceType ?? "") ?? ServiceCatalog.kafkaConnect }

    /// The disk the service has: its own size, or its plan's (`disk_space_mb` of every read).
    var effectiveDiskSpaceMB: Int { diskSpaceMB ?? type.plan(named: plan)?.diskSpaceMB ?? 0 }

    /// The number of nodes (Kafka brokers) its plan has.
    var nodeCount: Int { type.plan(named: plan)?.nodeCount ?? 1 }

    var state: String {
        switch phase {
        case .building(let state, _): state
        case .running: "RUNNING"
        case .poweroff: "POWEROFF"
        }
    }

    var isRunning: Bool {
        if case .running = phase { return true }
        if case .building("REBALANCING", _) = phase { return true }
        return false
    }

    /// The service as it is at `now` (see ``advance(to:backupAfter:)``).
    func advanced(to now: Date, backupAfter: TimeInterval) -> EmulatedService {
        var service = self
        service.advance(to: now, backupAfter: backupAfter)
        return service
    }

    /// Moves the phase forward to `now`: finishes builds and takes the first backup once the
    /// service has run for `backupAfter`.
    mutating func advance(to now: Date, backupAfter: TimeInterval) {
        if case .building(_, let until) = phase, until <= now {
            phase = .running(since: until)
        }
        if case .running(let since) = phase, backupTimes.isEmpty, now.timeIntervalSince(since) >= backupAfter {
            backupTimes.append(since.addingTimeInterval(backupAfter))
        }
    }
}

/// A project VPC: `APPROVED` until `activeAt`, `DELETING` after a delete until it disappears.
struct EmulatedVPC: Codable, Sendable {
    var id: String
    var cloud: String
    var networkCIDR: String
    var createTime: Date
    var activeAt: Date
    var deletingSince: Date?

    func state(at now: Date) -> String {
        if deletingSince != nil { return "DELETING" }
        return now >= activeAt ? "ACTIVE" : "APPROVED"
    }

    /// Whether a deleted VPC has finished deleting by `now` (it no longer exists).
    func isGone(at now: Date, after delay: TimeInterval) -> Bool {
        deletingSince.map { now.timeIntervalSince($0) >= delay } ?? false
    }
}

/// A service integration between two services.
struct EmulatedIntegration: Codable, Sendable {
    var id: String
    var type: String
    var sourceProject: String
    /// The source service; `nil` when the source is an integration endpoint.
    var sourceService: String?
    var destProject: String
    /// The destination service; `nil` when the destination is an integration endpoint.
    var destService: String?
    var userConfig: [String: JSONValue]
    /// The services' types when the integration was made; absent in older state (`kafka_connect`).
    var sourceServiceType: String?
    var destServiceType: String?
    /// The source integration endpoint, for integrations from one.
    var sourceEndpointID: String? = nil
    /// The destination integration endpoint, for integrations to one.
    var destEndpointID: String? = nil

    /// The services and endpoints it joins, by name or id (what the project's index keys).
    var ends: [String] { [sourceService ?? sourceEndpointID, destService ?? destEndpointID].compactMap { $0 } }
}
