import Foundation
import KubeAPI

/// One service task (`POST …/service/{service}/task`): an `upgrade_check` of a PostgreSQL service.
struct EmulatedServiceTask: Codable, Sendable {
    var id: String
    var type: String
    /// `upgrade_check`'s target major version.
    var targetVersion: String?
    var success: Bool
    var result: String
    var createTime: Date

    var json: JSONValue {
        [
            "task_id": .string(id), "task_type": .string(type), "success": .bool(success), "result": .string(result),
            "create_time": .string(createTime.rfc3339),
        ]
    }
}

extension EmulatedService {
    /// The major version the service runs: its `pg_version`, or its type's default.
    var majorVersion: String? {
        guard let option = type.defaultVersion else { return nil }
        return userConfig[option.option]?.stringValue ?? option.version
    }

    /// Why an upgrade of this service to `target` cannot be made, in Aiven's words where known
    /// (see docs/emulator.md); `nil` when it can.
    func upgradeRefusal(to target: String) -> String? {
        guard let current = majorVersion else { return "Service type '\(type.name)' has no major versions to upgrade" }
        let offered = (type.userConfigSchema[path: ["properties", "pg_version", "enum"]]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }
        guard offered.contains(target), let to = Int(target) else {
            return "Upgrade check failed: '\(target)' is not an available PostgreSQL version (available: \(offered.joined(separator: ", ")))"
        }
        guard let from = Int(current), to > from else {
            return "Upgrade check failed: cannot upgrade from PostgreSQL \(current) to \(target): the target version must be newer than the current one"
        }
        return nil
    }

    /// The migration `user_config.migration` asks for, as it stands at `now`: `running` until the
    /// service runs and the provisioning time has passed since it started, then `failed` for a
    /// source host Aiven cannot resolve (any name under the reserved `.invalid` domain), `syncing`
    /// for `method: replication` (Aiven keeps replicating until the migration is removed), `done`
    /// otherwise. `nil`: no migration.
    func migration(at now: Date, after delay: TimeInterval) -> JSONValue? {
        guard let start = migrationStart, case .object(let migration)? = userConfig["migration"] else { return nil }
        let host = migration["host"]?.stringValue ?? ""
        let method = migration["method"]?.stringValue ?? "dump"
        var status = "running"
        var error: JSONValue = .null
        if isRunning, now.timeIntervalSince(start) >= delay {
            if host == "invalid" || host.hasSuffix(".invalid") {
                status = "failed"
                error = .string("Could not connect to \(host):\(migration["port"].map { $0.jsonString } ?? ""): could not translate host name to address")
            } else {
                status = method == "replication" ? "syncing" : "done"
            }
        }
        return ["status": .string(status), "method": .string(method), "error": error]
    }
}

extension EmulatorStore {
    /// `POST /v1/project/{project}/service/{service}/task`: only `upgrade_check` is offered; the
    /// check runs at once (see docs/emulator.md).
    func createServiceTask(project: String, service name: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        guard let taskType = body["task_type"]?.stringValue else {
            throw EmulatorError.invalid("Invalid input for task_type: field required")
        }
        guard taskType == "upgrade_check" else {
            throw EmulatorError.invalid("Task type '\(taskType)' is not supported for this service")
        }
        guard let target = body[path: ["upgrade_check", "target_version"]]?.stringValue ?? body["target_version"]?.stringValue else {
            throw EmulatorError.invalid("Invalid input for upgrade_check.target_version: field required")
        }
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            guard var service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            guard service.type.name == ServiceCatalog.postgreSQL.name else {
                throw EmulatorError.invalid("Task type 'upgrade_check' is not supported for service type '\(service.type.name)'")
            }
            let refusal = service.upgradeRefusal(to: target)
            let task = EmulatedServiceTask(
                id: UUID().uuidString.lowercased(), type: taskType, targetVersion: target, success: refusal == nil,
                result: refusal ?? "Upgrade check to PostgreSQL \(target) passed", createTime: time)
            service.tasks = (service.tasks ?? []).suffix(19) + [task]
            state.put(service)
            return ["task": task.json]
        }
    }

    /// `GET /v1/project/{project}/service/{service}/task/{task_id}`.
    func serviceTask(project: String, service name: String, id: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            guard let task = service.tasks?.first(where: { $0.id == id }) else { throw EmulatorError(404, "Task not found") }
            return ["task": task.json]
        }
    }

    /// `GET /v1/project/{project}/service/{service}/migration`: 404 when no migration is active.
    func migrationStatus(project: String, service name: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            guard let migration = service.migration(at: time, after: timings.provisionDelay.timeInterval) else {
                throw EmulatorError(404, "Service has no active migration")
            }
            return ["migration": migration, "migration_detail": []]
        }
    }

    /// An update that changes `pg_version` must upgrade, and only after an upgrade check to that
    /// version passed (the reference operator: the check "is required to unblock ServiceUpdate").
    func checkUpgrade(of service: EmulatedService, to userConfig: [String: JSONValue]) throws(EmulatorError) {
        guard let option = service.type.defaultVersion, let target = userConfig[option.option]?.stringValue, target != service.majorVersion else { return }
        if let refusal = service.upgradeRefusal(to: target) { throw EmulatorError.invalid(refusal) }
        guard service.tasks?.contains(where: { $0.type == "upgrade_check" && $0.targetVersion == target && $0.success }) == true else {
            throw EmulatorError.invalid("An upgrade check to PostgreSQL \(target) must pass before the upgrade: create a task of type upgrade_check first")
        }
    }
}
