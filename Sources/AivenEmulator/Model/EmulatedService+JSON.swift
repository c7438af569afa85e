import Foundation
import KubeAPI

extension Date {
    /// RFC 3339 in UTC, as Aiven writes timestamps (`2026-08-21T09:00:00Z`).
    var rfc3339: String { formatted(.iso8601) }
}

extension EmulatedService {
    /// The `Service` object of Aiven's responses.
    func json(project: String, userConfig: [String: JSONValue], integrations: [EmulatedIntegration], catalog: ServiceCatalog) -> JSONValue {
        let plan = type.plan(named: plan)
        let endpoints = connectionDetails(project: project)
        return [
            "service_name": .string(name),
            "service_type": .string(type.name),
            "service_type_description": .string(type.description),
            "plan": .string(self.plan),
            "cloud_name": .string(cloud),
            "cloud_description": catalog.cloud(named: cloud).map { .string($0.description) } ?? .null,
            "project_vpc_id": projectVPCId.map(JSONValue.string) ?? .null,
            "state": .string(state),
            "create_time": .string(createTime.rfc3339),
            "update_time": .string(updateTime.rfc3339),
            "group_list": ["default"],
            "node_count": .integer(Int64(plan?.nodeCount ?? 1)),
            "node_cpu_count": .integer(Int64(plan?.cpuCount ?? 1)),
            "node_memory_mb": .number(Double(plan?.memoryMB ?? 4096)),
            "disk_space_mb": .integer(Int64(effectiveDiskSpaceMB)),
            "termination_protection": .bool(terminationProtection),
            "service_uri": endpoints.uri,
            "service_uri_params": endpoints.uriParams,
            "components": endpoints.components,
            "connection_info": endpoints.connectionInfo,
            "users": endpoints.users,
            "node_states": .array(
                (0..<(plan?.nodeCount ?? 1)).map { index in
                    ["name": .string("\(name)-\(index + 1)"), "state": isRunning ? "running" : "setting_up_vm", "progress_updates": []]
                }),
            "maintenance": ["dow": .string(maintenanceDow), "time": .string(maintenanceTime), "enabled": true, "updates": []],
            "user_config": .object(userConfig),
            "service_integrations": .array(integrations.map(\.json)),
            "tags": .object(tags.mapValues(JSONValue.string)),
            "tech_emails": .array(techEmails.map { ["email": .string($0)] }),
            "features": type.name == "kafka" ? ["karapace": .bool(karapace ?? false)] : [:],
            "metadata": [:],
        ]
    }

    /// The `backups` list.
    var backupsJSON: JSONValue {
        .array(
            backupTimes.map { time in
                [
                    "backup_name": .string("\(name)-\(Int(time.timeIntervalSince1970))"),
                    "backup_time": .string(time.rfc3339),
                    "data_size": 0,
                    "storage_location": "s3://aiven-emulator/backups",
                ]
            })
    }
}

extension EmulatedIntegration {
    /// The `ServiceIntegration` object of Aiven's responses.
    /// An end that is an endpoint has no service (`null`), its id in `…_endpoint_id` and the
    /// endpoint's type as its `…_service_type`.
    var json: JSONValue {
        [
            "service_integration_id": .string(id),
            "integration_type": .string(type),
            "source_project": .string(sourceProject),
            "source_service": sourceService.map(JSONValue.string) ?? .null,
            "source_service_type": .string(sourceServiceType ?? ServiceCatalog.kafkaConnect.name),
            "source_endpoint_id": sourceEndpointID.map(JSONValue.string) ?? .null,
            "dest_project": .string(destProject),
            "dest_service": destService.map(JSONValue.string) ?? .null,
            "dest_service_type": .string(destServiceType ?? ServiceCatalog.kafkaConnect.name),
            "dest_endpoint_id": destEndpointID.map(JSONValue.string) ?? .null,
            "active": true,
            "enabled": true,
            "description": .string("\(type) integration from \(sourceService ?? sourceEndpointID ?? "") to \(destService ?? destEndpointID ?? "")"),
            "user_config": .object(userConfig),
            "integration_status": ["state": ["status": "running", "errors": [], "nodes": [:]], "status_user_desc": ""],
        ]
    }
}

extension EmulatedVPC {
    /// The VPC object of Aiven's responses.
    func json(at now: Date) -> JSONValue {
        [
            "project_vpc_id": .string(id),
            "cloud_name": .string(cloud),
            "network_cidr": .string(networkCIDR),
            "state": .string(state(at: now)),
            "peering_connections": [],
            "create_time": .string(createTime.rfc3339),
            "update_time": .string(max(createTime, min(activeAt, now)).rfc3339),
        ]
    }
}
