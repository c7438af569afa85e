import Foundation
import KubeAPI

/// A Kafka topic on an emulated `kafka` service.
struct EmulatedTopic: Codable, Sendable {
    struct Tag: Codable, Sendable, Hashable {
        var key: String
        var value: String
    }

    var name: String
    var partitions: Int
    var replication: Int
    /// The options set on the topic (`source: topic_config`), by their API names (`retention_ms`).
    var config: [String: JSONValue]
    var tags: [Tag]
    var description: String
    var createTime: Date
    /// `CONFIGURING` until then, `ACTIVE` after.
    var activeAt: Date

    func state(at now: Date) -> String { now >= activeAt ? "ACTIVE" : "CONFIGURING" }
}

/// A connector on an emulated Kafka Connect (a `kafka_connect` service or a `kafka` service with
/// `kafka_connect: true`).
struct EmulatedConnector: Codable, Sendable {
    var name: String
    /// The connector's configuration, as sent (every value a string).
    var config: [String: String]
    var paused: Bool
    /// Tasks made to fail (control API), by task id, with their traces.
    var failedTasks: [Int: String]
    /// How many more restarts of a failed task fail again, by task id (absent: the next restart
    /// succeeds; ``untilEdited``: every restart fails until the config is edited, as a wrong
    /// password or a bad option does).
    var failingRestarts: [Int: Int]? = nil
    /// The connector instance made to fail (control API): its trace. Kafka Connect reports the
    /// connector `FAILED` while its tasks keep their own states.
    var connectorFailure: String? = nil

    /// Every restart fails again until the config is edited.
    static let untilEdited = Int.max

    /// A restart of `task`: it runs again unless its failure recurs.
    mutating func restart(task: Int) {
        guard failedTasks[task] != nil else { return }
        let remaining = failingRestarts?[task] ?? 0
        if remaining == 0 {
            failedTasks[task] = nil
            failingRestarts?[task] = nil
        } else if remaining != Self.untilEdited {
            failingRestarts?[task] = remaining - 1
        }
    }

    /// An edited config restarts the connector and every task with the new config.
    mutating func edited(_ config: [String: String]) {
        self.config = config
        failedTasks = [:]
        failingRestarts = nil
        connectorFailure = nil
    }

    /// `tasks.max`, at least one task.
    var taskCount: Int { max(1, config["tasks.max"].flatMap { Int($0) } ?? 1) }

    var className: String { config["connector.class"] ?? "" }
}
