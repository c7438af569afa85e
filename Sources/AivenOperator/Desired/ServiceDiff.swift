import AivenClient
import KubeAPI

/// What differs between a desired ``ServiceSpec`` and the service Aiven reports, and the requests
/// that close the gap. The reconciler and `aiven-operator plan` both use it, so a preview shows
/// exactly what a reconcile would send.
public struct ServiceDiff: Sendable, Hashable {
    public let desired: ServiceSpec
    public let observed: AivenService
    /// Every difference, in a stable order: service fields, then user_config paths, then tags.
    public let changes: [FieldChange]

    public init(desired: ServiceSpec, observed: AivenService) {
        self.desired = desired
        self.observed = observed
        var changes: [FieldChange] = []
        func compare(_ path: String, _ old: JSONValue?, _ new: JSONValue?) {
            if old != new { changes.append(FieldChange(path: path, old: old, new: new)) }
        }
        compare("plan", .string(observed.plan), .string(desired.plan))
        if let cloud = desired.cloud { compare("cloud", .string(observed.cloudName), .string(cloud)) }
        compare("project_vpc_id", observed.projectVPCId.map(JSONValue.string) ?? .null, desired.projectVPCId.map(JSONValue.string) ?? .null)
        if let day = desired.maintenanceDay { compare("maintenance.dow", observed.maintenance.map { .string($0.dow) }, .string(day)) }
        if let time = desired.maintenanceTime { compare("maintenance.time", observed.maintenance.map { .string($0.time) }, .string(time)) }
        compare("termination_protection", .bool(observed.terminationProtection), .bool(desired.terminationProtection))
        compare(
            "tech_emails",
            .array((observed.techEmails ?? []).map { .string($0.email) }),
            .array(desired.techEmails.map(JSONValue.string))
        )
        compare("powered", .bool(observed.state != .poweroff), .bool(desired.powered))
        if let disk = desired.diskSpaceMB {
            compare("disk_space_mb", observed.diskSpaceMB.map { .integer(Int64($0)) }, .integer(Int64(disk)))
        }
        if let karapace = desired.karapace { compare("karapace", .bool(observed.karapace ?? false), .bool(karapace)) }
        changes += desired.userConfigOwnership.changes(
            observed: ServiceSpec.normalizedUserConfig(observed.userConfig),
            tagged: observed.tags?[ServiceSpec.ownerTag] == desired.ownerUID
        )
        let observedTags = observed.tags ?? [:]
        for key in Set(observedTags.keys).union(desired.tags.keys).sorted() {
            compare("tags.\(key)", observedTags[key].map(JSONValue.string), desired.tags[key].map(JSONValue.string))
        }
        self.changes = changes
    }

    /// `true` when Aiven already matches the spec.
    public var isEmpty: Bool { changes.isEmpty }

    /// The changes that need `PUT /service` (everything but tags).
    public var serviceChanges: [FieldChange] { changes.filter { !$0.isTag } }
    /// The changes that need `PUT /tags`.
    public var tagChanges: [FieldChange] { changes.filter(\.isTag) }

    /// The update closing every service-field difference, sending only what differs; `nil` when
    /// nothing does. A changed user_config is sent as the spec has it, plus the documented default
    /// of each owned option the spec dropped (Aiven merges the sent options into the stored ones;
    /// `null` is refused for every option whose schema is not nullable).
    public var updateRequest: ServiceUpdateRequest? {
        let paths = Set(serviceChanges.map(\.path))
        guard !paths.isEmpty else { return nil }
        var request = ServiceUpdateRequest()
        if paths.contains("plan") { request.plan = desired.plan }
        if paths.contains("cloud") { request.cloud = desired.cloud }
        if paths.contains("project_vpc_id") {
            request.projectVPC = desired.projectVPCId.map(ProjectVPCPlacement.vpc) ?? .publicNetwork
        }
        if paths.contains("maintenance.dow") || paths.contains("maintenance.time") {
            request.maintenance = Maintenance(
                dow: desired.maintenanceDay ?? observed.maintenance?.dow ?? "sunday",
                time: desired.maintenanceTime ?? observed.maintenance?.time ?? "00:00:00"
            )
        }
        if paths.contains("termination_protection") { request.terminationProtection = desired.terminationProtection }
        if paths.contains("tech_emails") { request.techEmails = desired.techEmails.map(TechEmail.init) }
        if paths.contains("powered") { request.powered = desired.powered }
        if paths.contains("disk_space_mb") { request.diskSpaceMB = desired.diskSpaceMB }
        if paths.contains("karapace") { request.karapace = desired.karapace }
        if serviceChanges.contains(where: \.isUserConfig) {
            request.userConfig = desired.userConfigOwnership.updateUserConfig
        }
        return request
    }

    /// The create request for `desired`, marker tag and creation-only integrations included.
    public static func createRequest(for desired: ServiceSpec) -> ServiceCreateRequest {
        ServiceCreateRequest(
            serviceName: desired.name,
            serviceType: desired.serviceType,
            plan: desired.plan,
            cloud: desired.cloud,
            projectVPC: desired.projectVPCId.map(ProjectVPCPlacement.vpc) ?? .unspecified,
            maintenance: desired.maintenanceDay.flatMap { day in desired.maintenanceTime.map { Maintenance(dow: day, time: $0) } },
            userConfig: desired.userConfig,
            terminationProtection: desired.terminationProtection,
            diskSpaceMB: desired.diskSpaceMB,
            tags: desired.tags,
            techEmails: desired.techEmails.map(TechEmail.init),
            serviceIntegrations: desired.readReplicaSources.isEmpty ? nil : desired.readReplicaSources.map {
                ServiceIntegrationRequest(integrationType: "read_replica", sourceService: $0)
            }
        )
    }
}
