/// A service task (`{"task": …}` of `POST …/service/{service}/task` and `GET …/task/{id}`): a
/// check Aiven runs on the service, such as `upgrade_check` before a PostgreSQL major upgrade.
public struct ServiceTask: Sendable, Hashable, Decodable {
    /// The task's id, for ``AivenClient/getServiceTask(project:service:id:)``.
    public var taskId: String
    /// `upgrade_check`, `migration_check`, …
    public var taskType: String
    /// `true` once the task finished and passed.
    public var success: Bool
    /// Aiven's words on the outcome: empty while the task runs, the reason when it failed.
    public var result: String

    private enum CodingKeys: String, CodingKey {
        case taskId = "task_id", taskType = "task_type", success, result
    }

    public init(taskId: String, taskType: String, success: Bool, result: String) {
        self.taskId = taskId
        self.taskType = taskType
        self.success = success
        self.result = result
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        taskId = try container.decode(String.self, forKey: .taskId)
        taskType = try container.decodeIfPresent(String.self, forKey: .taskType) ?? ""
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? false
        result = try container.decodeIfPresent(String.self, forKey: .result) ?? ""
    }

    /// Finished and failed: not successful, with Aiven's reason.
    public var failed: Bool { !success && !result.isEmpty }
}

/// The body of `POST …/service/{service}/task` (`ServiceTaskCreate`).
public struct ServiceTaskRequest: Sendable, Hashable, Encodable {
    public var taskType: String
    /// For `upgrade_check`: the major version to check an upgrade to.
    public var upgradeCheck: UpgradeCheck?

    /// `upgrade_check`'s payload.
    public struct UpgradeCheck: Sendable, Hashable, Encodable {
        public var targetVersion: String
        private enum CodingKeys: String, CodingKey { case targetVersion = "target_version" }
    }

    /// Checks whether the service can be upgraded to major version `targetVersion`.
    public static func upgradeCheck(to targetVersion: String) -> ServiceTaskRequest {
        ServiceTaskRequest(taskType: "upgrade_check", upgradeCheck: UpgradeCheck(targetVersion: targetVersion))
    }

    private enum CodingKeys: String, CodingKey { case taskType = "task_type", upgradeCheck = "upgrade_check" }
}
