import KubeAPI

/// Checks service create and update bodies as the Aiven API does, and reads them into values.
///
/// Order: body shape (types, required keys, unknown keys), then the service name rule, cloud,
/// plan, `disk_space_mb` against the plan's disk limits and finally `user_config` against Aiven's
/// schema. An update's disk is checked by the store, against the plan the service ends up on.
struct ServiceRequestValidator: Sendable {
    let catalog: ServiceCatalog

    enum Placement: Sendable, Hashable {
        case unspecified, publicNetwork, vpc(String)
    }

    struct Maintenance: Sendable, Hashable {
        var dow: String?
        var time: String?
    }

    struct Integration: Sendable, Hashable {
        var type: String
        var sourceService: String?
    }

    struct Create: Sendable {
        var name: String
        var type: ServiceCatalog.ServiceType
        var plan: String
        var cloud: String
        var projectVPC: Placement
        var maintenance: Maintenance?
        var userConfig: [String: JSONValue]?
        var terminationProtection: Bool?
        /// The requested disk, already checked against the plan; `nil`: the plan's own.
        var diskSpaceMB: Int?
        var tags: [String: String]?
        var techEmails: [String]?
        var integrations: [Integration]
    }

    struct Update: Sendable {
        var plan: String?
        var cloud: String?
        var projectVPC: Placement
        var maintenance: Maintenance?
        var userConfig: [String: JSONValue]?
        var terminationProtection: Bool?
        var techEmails: [String]?
        var powered: Bool?
        /// The requested disk, not yet checked against the plan (see ``checkDiskSpace(_:plan:type:)``).
        var diskSpaceMB: Int?
        /// Kafka only: Karapace on or off.
        var karapace: Bool?
    }

    func create(_ body: JSONValue) throws(EmulatorError) -> Create {
        try shape(body, RequestSchemas.serviceCreate)
        let name = body["service_name"]?.stringValue ?? ""
        try Self.checkName(name)
        let typeName = body["service_type"]?.stringValue ?? ""
        guard let type = ServiceCatalog.type(named: typeName) else {
            let offered = catalog.types.map { "'\($0.name)'" }.joined(separator: ", ")
            throw EmulatorError.invalid("Invalid service type '\(typeName)': this emulator offers \(offered)")
        }
        let cloud = body["cloud"]?.stringValue ?? ServiceCatalog.defaultCloud
        try checkCloud(cloud)
        let plan = body["plan"]?.stringValue ?? ""
        try checkPlan(plan, type: type)
        let diskSpaceMB = Self.diskSpace(body)
        if let diskSpaceMB, let offered = type.plan(named: plan) { try Self.checkDiskSpace(diskSpaceMB, plan: offered, type: type) }
        let userConfig = try checkUserConfig(body["user_config"], type: type)
        return Create(
            name: name, type: type, plan: plan, cloud: cloud, projectVPC: Self.placement(body),
            maintenance: Self.maintenance(body), userConfig: userConfig,
            terminationProtection: body["termination_protection"]?.boolValue, diskSpaceMB: diskSpaceMB,
            tags: try Self.tags(body["tags"]), techEmails: Self.emails(body),
            integrations: (body["service_integrations"]?.arrayValue ?? []).map {
                Integration(type: $0["integration_type"]?.stringValue ?? "", sourceService: $0["source_service"]?.stringValue)
            }
        )
    }

    /// Checks an update of a service of `type`.
    func update(_ body: JSONValue, type: ServiceCatalog.ServiceType) throws(EmulatorError) -> Update {
        try shape(body, RequestSchemas.serviceUpdate)
        let cloud = body["cloud"]?.stringValue
        if let cloud { try checkCloud(cloud) }
        let plan = body["plan"]?.stringValue
        if let plan { try checkPlan(plan, type: type) }
        let karapace = body["karapace"]?.boolValue
        if karapace != nil, type.name != "kafka" {
            throw EmulatorError.invalid("karapace is only available for Kafka services, not '\(type.name)'")
        }
        let userConfig = try checkUserConfig(body["user_config"], type: type)
        let properties = type.userConfigSchema["properties"]?.objectValue ?? [:]
        if let option = userConfig?.keys.sorted().first(where: { properties[$0]?["create_only"]?.boolValue == true }) {
            throw EmulatorError.invalid("Invalid 'user_config': \(option) can only be set when the service is created")
        }
        return Update(
            plan: plan, cloud: cloud, projectVPC: Self.placement(body), maintenance: Self.maintenance(body),
            userConfig: userConfig,
            terminationProtection: body["termination_protection"]?.boolValue,
            techEmails: Self.emails(body), powered: body["powered"]?.boolValue, diskSpaceMB: Self.diskSpace(body),
            karapace: karapace
        )
    }

    /// Aiven's service name rule: 1–64 characters, lower-case letters, digits and `-`,
    /// starting with a letter.
    static func checkName(_ name: String) throws(EmulatorError) {
        let valid = (1...64).contains(name.utf8.count)
            && name.utf8.first.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } == true
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            }
        guard valid else { throw EmulatorError.invalid("Service name must consist of 1-64 alphanumerical characters") }
    }

    func checkCloud(_ cloud: String) throws(EmulatorError) {
        guard catalog.cloud(named: cloud) != nil else { throw EmulatorError.invalid("Invalid cloud '\(cloud)'") }
    }

    func checkPlan(_ plan: String, type: ServiceCatalog.ServiceType) throws(EmulatorError) {
        guard type.plan(named: plan) != nil else {
            throw EmulatorError.invalid("Invalid plan '\(plan)' for service type '\(type.name)'")
        }
    }

    /// Aiven's dynamic disk sizing: a plan's disk is its own `disk_space_mb`, or more in steps of
    /// `disk_space_step_mb` up to `disk_space_cap_mb`; a type without disks takes none (0 is the
    /// only value it accepts).
    static func checkDiskSpace(_ megabytes: Int, plan: ServiceCatalog.Plan, type: ServiceCatalog.ServiceType) throws(EmulatorError) {
        guard megabytes != plan.diskSpaceMB else { return }
        guard plan.diskSpaceMB > 0 else {
            throw EmulatorError.invalid("Service type '\(type.name)' has no disk: disk_space_mb cannot be set")
        }
        guard plan.sizesDisk else {
            throw EmulatorError.invalid("Disk space is not configurable for plan '\(plan.name)': it is \(plan.diskSpaceMB) MB")
        }
        guard megabytes >= plan.diskSpaceMB else {
            throw EmulatorError.invalid("Requested disk space \(megabytes) MB is less than the \(plan.diskSpaceMB) MB of plan '\(plan.name)'")
        }
        guard megabytes <= plan.diskSpaceCapMB else {
            throw EmulatorError.invalid("Requested disk space \(megabytes) MB is more than the maximum \(plan.diskSpaceCapMB) MB of plan '\(plan.name)'")
        }
        guard (megabytes - plan.diskSpaceMB) % plan.diskSpaceStepMB == 0 else {
            throw EmulatorError.invalid(
                "Requested disk space \(megabytes) MB must increase from the \(plan.diskSpaceMB) MB of plan '\(plan.name)' in steps of \(plan.diskSpaceStepMB) MB")
        }
    }

    /// Validates `user_config` against Aiven's schema: `Invalid 'user_config': Invalid input for <path>: <problem>`.
    func checkUserConfig(_ value: JSONValue?, type: ServiceCatalog.ServiceType) throws(EmulatorError) -> [String: JSONValue]? {
        guard let value else { return nil }
        if let problem = AivenSchemaValidator(schema: type.userConfigSchema).firstProblem(in: value) {
            let detail = problem.path.isEmpty ? problem.message : "Invalid input for \(problem.path): \(problem.message)"
            throw EmulatorError.invalid("Invalid 'user_config': \(detail)")
        }
        return value.objectValue
    }

    private func shape(_ body: JSONValue, _ schema: JSONValue) throws(EmulatorError) {
        if let problem = AivenSchemaValidator(schema: schema).firstProblem(in: body) {
            throw EmulatorError.invalidInput(problem)
        }
    }

    /// `disk_space_mb` (the body's shape is checked: a non-negative integer when present).
    private static func diskSpace(_ body: JSONValue) -> Int? {
        body["disk_space_mb"]?.integerValue.map { Int($0) }
    }

    private static func placement(_ body: JSONValue) -> Placement {
        switch body["project_vpc_id"] {
        case nil: .unspecified
        case .string(let id)?: .vpc(id)
        default: .publicNetwork
        }
    }

    private static func maintenance(_ body: JSONValue) -> Maintenance? {
        guard let value = body["maintenance"] else { return nil }
        return Maintenance(dow: value["dow"]?.stringValue, time: value["time"]?.stringValue)
    }

    private static func emails(_ body: JSONValue) -> [String]? {
        body["tech_emails"]?.arrayValue?.compactMap { $0["email"]?.stringValue }
    }

    static func tags(_ value: JSONValue?) throws(EmulatorError) -> [String: String]? {
        guard let members = value?.objectValue else { return nil }
        var tags: [String: String] = [:]
        for (key, value) in members {
            guard let text = value.stringValue else {
                throw EmulatorError.invalidInput(SchemaProblem(path: "tags.\(key)", message: "\(PythonRepr.of(value)) is not of type 'string'"))
            }
            try checkTag(key: key, value: text)
            tags[key] = text
        }
        return tags
    }

    /// Tag keys: 1–64 characters of letters, digits, `_`, `-`, `.`, `:`; values at most 64 characters.
    static func checkTag(key: String, value: String) throws(EmulatorError) {
        let keyValid = (1...64).contains(key.count) && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:".contains($0)) }
        guard keyValid else { throw EmulatorError.invalid("Invalid tag key '\(key)'") }
        guard value.count <= 64 else { throw EmulatorError.invalid("Invalid tag value for key '\(key)': too long") }
    }
}
