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

    /// `tasks.max`, at least one task.
    var taskCount: Int { max(1, config["tasks.max"].flatMap { Int($0) } ?? 1) }

    var className: String { config["connector.class"] ?? "" }
}
