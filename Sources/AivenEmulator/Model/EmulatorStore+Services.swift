import Foundation
import KubeAPI

extension EmulatorStore {
    /// `POST /v1/project/{project}/service`.
    func createService(project: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        let request = try ServiceRequestValidator(catalog: catalog).create(body)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            guard state.services[request.name] == nil else {
                throw EmulatorError(409, "Service \(request.name) already exists", errorCode: "service_already_exists")
            }
            let vpcId = try placement(request.projectVPC, cloud: request.cloud, in: state, at: time)
            var replicaOf: String?
            for integration in request.integrations {
                guard integration.type == "read_replica" else {
                    throw EmulatorError.invalid("Integration type '\(integration.type)' cannot be created with the service")
                }
                guard let sourceName = integration.sourceService, let source = state.service(sourceName, at: time, timings) else {
                    throw EmulatorError.serviceNotFound(integration.sourceService ?? "")
                }
                guard source.type.name == request.type.name else {
                    throw EmulatorError.invalid(
                        "A read replica must have the source service's type: \(sourceName) is '\(source.type.name)', not '\(request.type.name)'")
                }
                guard source.isRunning else {
                    throw EmulatorError.invalid("Service \(sourceName) is not running")
                }
                guard !source.backupTimes.isEmpty else {
                    throw EmulatorError.invalid("No valid backups for service \(sourceName)")
                }
                replicaOf = sourceName
            }
            let service = EmulatedService(
                name: request.name, plan: request.plan, cloud: request.cloud, projectVPCId: vpcId,
                phase: .building(state: "REBUILDING", until: time.addingTimeInterval(timings.provisionDelay.timeInterval)),
                terminationProtection: request.terminationProtection ?? false,
                userConfig: userConfigBehaviour.created(request.userConfig ?? [:], type: request.type), tags: request.tags ?? [:],
                techEmails: request.techEmails ?? [], maintenanceDow: request.maintenance?.dow ?? "sunday",
                maintenanceTime: request.maintenance?.time ?? "04:00:00", createTime: time, updateTime: time,
                backupTimes: [], serviceType: request.type.name,
                credentials: .generate(service: request.name, project: project, at: time, certificate: request.type.name == "kafka")
                    .withPassword(request.userConfig?["admin_password"]?.stringValue),
                diskSpaceMB: request.diskSpaceMB.flatMap { $0 == request.type.plan(named: request.plan)?.diskSpaceMB ? nil : $0 },
                migrationStart: request.userConfig?["migration"]?.objectValue == nil ? nil : time
            )
            state.put(service)
            if request.type.name == ServiceCatalog.kafka.name {
                for acl in EmulatedACL.defaults(at: time) { state.put(acl, service: service.name) }
            }
            if let replicaOf {
                let integration = EmulatedIntegration(
                    id: UUID().uuidString.lowercased(), type: "read_replica", sourceProject: project,
                    sourceService: replicaOf, destProject: project, destService: service.name, userConfig: [:],
                    sourceServiceType: request.type.name, destServiceType: request.type.name)
                state.put(integration)
            }
            return ["service": serviceJSON(service, project: project, state: state)]
        }
    }

    /// `GET /v1/project/{project}/service/{service}`.
    func service(project: String, name: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            return ["service": serviceJSON(service, project: project, state: state)]
        }
    }

    /// `GET /v1/project/{project}/service`.
    func services(project: String) throws(EmulatorError) -> JSONValue {
        try read(project) { state, time in
            let services = state.services.keys.sorted().compactMap { state.service($0, at: time, timings) }
            return ["services": .array(services.map { serviceJSON($0, project: project, state: state) })]
        }
    }

    /// `PUT /v1/project/{project}/service/{service}`.
    func updateService(project: String, name: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        let type = try read(project) { (state, _) throws(EmulatorError) in
            guard let service = state.services[name] else { throw .serviceNotFound(name) }
            return service.type
        }
        let request = try ServiceRequestValidator(catalog: catalog).update(body, type: type)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            guard var service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            let protected = request.terminationProtection ?? service.terminationProtection
            if request.powered == false, protected, service.phase != .poweroff {
                throw .terminationProtected
            }
            var moved = false
            if let plan = request.plan, plan != service.plan {
                service.plan = plan
                moved = true
            }
            if let cloud = request.cloud, cloud != service.cloud {
                service.cloud = cloud
                moved = true
            }
            if request.projectVPC != .unspecified {
                let vpcId = try placement(request.projectVPC, cloud: service.cloud, in: state, at: time)
                if vpcId != service.projectVPCId {
                    service.projectVPCId = vpcId
                    moved = true
                }
            }
            let shrunk = try resizeDisk(of: &service, to: request.diskSpaceMB)
            if let userConfig = request.userConfig {
                try checkUpgrade(of: service, to: userConfig)
                let before = service.userConfig["migration"]
                service.userConfig = userConfigBehaviour.updated(service.userConfig, with: userConfig)
                // A migration set or changed starts (again).
                if userConfig["migration"] != nil, service.userConfig["migration"] != before { service.migrationStart = time }
            }
            if let protection = request.terminationProtection { service.terminationProtection = protection }
            if let karapace = request.karapace { service.karapace = karapace }
            if let emails = request.techEmails { service.techEmails = emails }
            if let maintenance = request.maintenance {
                service.maintenanceDow = maintenance.dow ?? service.maintenanceDow
                service.maintenanceTime = maintenance.time ?? service.maintenanceTime
            }
            switch (request.powered, service.phase) {
            case (false?, _):
                service.phase = .poweroff
            case (true?, .poweroff):
                service.phase = .building(state: "REBUILDING", until: time.addingTimeInterval(timings.provisionDelay.timeInterval))
            case (_, .poweroff):
                break
            case (_, .building("REBUILDING", _)):
                break
            default:
                if moved || shrunk {
                    service.phase = .building(state: "REBALANCING", until: time.addingTimeInterval(timings.rebalanceDelay.timeInterval))
                }
            }
            service.updateTime = time
            state.put(service)
            return ["service": serviceJSON(service, project: project, state: state)]
        }
    }

    /// Applies an update's disk to `service`, already on its new plan: a requested size is checked
    /// against that plan; without one, a size of its own that the new plan does not allow falls
    /// back to the plan's. Returns whether the disk shrank (the nodes are replaced: `REBALANCING`);
    /// a larger disk is attached online.
    private func resizeDisk(of service: inout EmulatedService, to requested: Int?) throws(EmulatorError) -> Bool {
        let before = service.effectiveDiskSpaceMB
        guard let plan = service.type.plan(named: service.plan) else { return false }
        if let requested {
            try ServiceRequestValidator.checkDiskSpace(requested, plan: plan, type: service.type)
            service.diskSpaceMB = requested == plan.diskSpaceMB ? nil : requested
        } else if let own = service.diskSpaceMB, (try? ServiceRequestValidator.checkDiskSpace(own, plan: plan, type: service.type)) == nil {
            service.diskSpaceMB = nil
        }
        return service.effectiveDiskSpaceMB < before
    }

    /// `DELETE /v1/project/{project}/service/{service}`.
    func deleteService(project: String, name: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, _) throws(EmulatorError) in
            guard let service = state.services[name] else { throw .serviceNotFound(name) }
            guard !service.terminationProtection else { throw .terminationProtected }
            for integration in state.integrations(of: name) { state.removeIntegration(integration.id) }
            for topic in state.topics(of: name) { state.removeTopic(service: name, name: topic.name) }
            for connector in state.connectors(of: name) { state.removeConnector(service: name, name: connector.name) }
            for user in state.serviceUsers(of: name) { state.removeServiceUser(service: name, name: user.username) }
            for acl in state.acls[name]?.values.map(\.id) ?? [] { state.removeACL(service: name, id: acl) }
            if state.schemaRegistries[name] != nil { state.removeSchemaRegistry(service: name) }
            state.removeService(name)
            return ["message": .string("Service \(name) deleted")]
        }
    }

    /// `GET …/backups`.
    func backups(project: String, name: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            return ["backups": service.backupsJSON]
        }
    }

    /// The `Service` object, with every user and, for Kafka, the Aiven and Schema Registry ACLs.
    func serviceJSON(_ service: EmulatedService, project: String, state: EmulatedProject) -> JSONValue {
        var object = service.json(
            project: project, userConfig: userConfigBehaviour.visible(service.userConfig, type: service.type), integrations: state.integrations(of: service.name),
            catalog: catalog
        ).objectValue ?? [:]
        object["users"] = .array(Self.usersJSON(of: service, project: project, in: state))
        if service.type.name == ServiceCatalog.kafka.name {
            object["acl"] = .array(state.acls(of: service.name, .aiven).map(\.json))
            object["schema_registry_acl"] = .array(state.acls(of: service.name, .schemaRegistry).map(\.json))
        }
        return .object(object)
    }

    /// The VPC a service lands in: absent → the project's active VPC in that cloud, if any.
    func placement(_ placement: ServiceRequestValidator.Placement, cloud: String, in state: EmulatedProject, at time: Date) throws(EmulatorError) -> String? {
        switch placement {
        case .unspecified:
            return state.existingVPCs(at: time, timings).first { $0.cloud == cloud && $0.state(at: time) == "ACTIVE" }?.id
        case .publicNetwork:
            return nil
        case .vpc(let id):
            guard let vpc = state.vpc(id, at: time, timings), vpc.deletingSince == nil else {
                throw EmulatorError(404, "Project VPC \(id) does not exist", errorCode: "project_vpc_not_found")
            }
            guard vpc.cloud == cloud else {
                throw EmulatorError.invalid("Project VPC \(id) is in cloud '\(vpc.cloud)', not '\(cloud)'")
            }
            guard vpc.state(at: time) == "ACTIVE" else {
                throw EmulatorError.invalid("Project VPC \(id) is not active")
            }
            return id
        }
    }
}
