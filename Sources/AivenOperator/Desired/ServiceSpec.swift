import AivenResources
import KubeAPI

/// The Aiven service a service resource (``ServiceResource``) asks for, as full desired state: every field the
/// operator manages, with a field removed from the spec mapped to the value that resets it on
/// Aiven (no tags, no technical emails, no termination protection, the public network, an empty
/// user_config).
public struct ServiceSpec: Sendable, Hashable {
    /// The tag that marks a service as created (or adopted) by the resource with this uid.
    public static let ownerTag = "aiven-operator-uid"

    /// Aiven's service type (`kafka_connect`, `kafka`).
    public var serviceType: String
    public var project: String
    public var name: String
    public var plan: String
    /// `nil` leaves the cloud to Aiven (the project default on create, unchanged on update).
    public var cloud: String?
    /// `nil` is the public network.
    public var projectVPCId: String?
    /// Day and time of the maintenance window; `nil` parts are left to Aiven.
    public var maintenanceDay: String?
    public var maintenanceTime: String?
    public var terminationProtection: Bool
    public var techEmails: [String]
    /// `user_config` as an object, with `ip_filter` entries in object form.
    public var userConfig: [String: JSONValue]
    /// What the operator applied of user_config before (`status.appliedUserConfig`).
    public var appliedUserConfig: AppliedUserConfig?
    /// The resource's uid (the owner tag's value).
    public var ownerUID: String
    /// The user's tags plus ``ownerTag``.
    public var tags: [String: String]
    public var powered: Bool
    /// `read_replica` sources, applied only when the service is created.
    public var readReplicaSources: [String]
    /// The disk `spec.disk_space` asks for, in MB. `nil`: the spec sets none, and the operator owns
    /// no disk: it sends none and reports no drift against whatever Aiven has (the plan's disk,
    /// or a size applied before the field was dropped — dropping it does not change the disk).
    public var diskSpaceMB: Int?
    /// `spec.karapace`. `nil`: the spec does not set it, and the operator owns nothing: it sends
    /// none and reports no drift against what Aiven has. Aiven takes it on update only, so a
    /// service created with it gets it from the update that follows the create.
    public var karapace: Bool?
    /// The migration `spec.migrationSecretSource` asks for (PostgreSQL): while it runs, its
    /// options are part of ``userConfig`` (sent and compared, not recorded as owned, so a
    /// migration done leaves nothing to reset).
    public var migration: MigrationSource?

    /// The desired service for `resource`; `projectVPCId` is the resolved VPC (from
    /// `spec.projectVpcId` or the referenced ProjectVPC).
    public init<Resource: ServiceResource>(_ resource: Resource, projectVPCId: String?) throws(ServiceSpecError) {
        let spec = resource.spec
        guard let name = resource.metadata.name, let uid = resource.metadata.uid else {
            throw ServiceSpecError(message: "the resource has no name or uid yet")
        }
        serviceType = Resource.serviceType
        project = spec.project
        self.name = name
        plan = spec.plan
        cloud = spec.cloudName
        self.projectVPCId = projectVPCId
        maintenanceDay = spec.maintenanceWindowDow?.rawValue
        maintenanceTime = spec.maintenanceWindowTime
        terminationProtection = spec.terminationProtection ?? false
        techEmails = spec.technicalEmails?.map(\.email) ?? []
        let userConfig: [String: JSONValue]
        do {
            let encoded = try spec.userConfig.map { try JSONValue.encoding($0) } ?? .object([:])
            userConfig = ServiceSpec.normalizedUserConfig(encoded.objectValue ?? [:])
        } catch {
            throw ServiceSpecError(message: "spec.userConfig cannot be encoded: \(error)")
        }
        self.userConfig = userConfig
        ownerUID = uid
        appliedUserConfig = resource.status?.appliedUserConfig
        var tags = spec.tags ?? [:]
        tags[Self.ownerTag] = uid
        self.tags = tags
        powered = spec.powered ?? true
        readReplicaSources = (spec.serviceIntegrations ?? []).filter { $0.integrationType == .readReplica }.map(\.sourceServiceName)
        if let diskSpace = spec.diskSpace { diskSpaceMB = try DiskSpace.megabytes(diskSpace) } else { diskSpaceMB = nil }
        karapace = spec.karapace
    }

    /// Takes the migration read from its Secret: its options join ``userConfig``.
    mutating func migrate(_ migration: MigrationSource) {
        self.migration = migration
        if let options = migration.options { userConfig["migration"] = .object(options) }
    }

    /// The user_config options the operator owns: the spec's, and those it applied before that
    /// the spec dropped.
    public var userConfigOwnership: UserConfigOwnership {
        UserConfigOwnership(desired: userConfig, applied: appliedUserConfig, salt: ownerUID, sourced: migration?.options == nil ? [] : ["migration"])
    }

    /// `ip_filter` entries in one form (`{"network": …}` objects) so a CIDR string and the
    /// equivalent object compare equal.
    static func normalizedUserConfig(_ config: [String: JSONValue]) -> [String: JSONValue] {
        var config = config
        if case .array(let entries)? = config["ip_filter"] {
            config["ip_filter"] = .array(entries.map { entry in
                if case .string(let network) = entry { return ["network": .string(network)] }
                return entry
            })
        }
        return config
    }
}

/// A resource that cannot be turned into a desired service.
public struct ServiceSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension JSONValue {
    /// The JSON form of an `Encodable` value.
    static func encoding(_ value: some Encodable) throws -> JSONValue {
        try JSONParser().parse(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }
}

import Foundation
