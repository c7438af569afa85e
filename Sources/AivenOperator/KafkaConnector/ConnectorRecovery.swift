import AivenClient
import AivenResources
import Foundation
import KubeRuntime

/// What to restart on a connector in one pass and what the status records of it: restarts asked
/// for with annotations (each value acted on once) and automatic restarts of transient failures
/// (first at once, then with capped exponential backoff, at most a limit in a row, the count
/// forgotten once the connector ran healthy for a while). Pure: ``KafkaConnectorKind`` executes
/// the ``operations`` and `aiven-operator` tests read the rules from `ConnectorRecoveryTests`.
///
/// Only failures ``ConnectorFailure/classify(trace:)`` reads as transient are restarted
/// automatically: a refused password or a wrong option fails again on every restart (Strimzi's
/// auto-restart restarts them forever). Those are restarted when what they depend on changes —
/// the spec or a `fromSecret` Secret, which re-applies the config — or when asked.
public struct ConnectorRecovery: Sendable, Hashable {
    /// A restart call.
    public enum Operation: Sendable, Hashable {
        /// `POST …/connectors/{name}/restart` (the connector instance).
        case restartConnector
        /// `POST …/connectors/{name}/tasks/{id}/restart`.
        case restartTask(Int)
    }

    /// The automatic restarts a resource allows.
    public struct Policy: Sendable, Hashable {
        /// At most this many automatic restarts in a row; `nil`: none at all.
        public var limit: Int?
        /// The wait after automatic restart number n before the next (n = 1 first).
        public var backoff: Backoff
        /// How long the connector runs without a failure before its count starts over.
        public var healthyPeriod: Duration

        public init(limit: Int?, backoff: Backoff, healthyPeriod: Duration) {
            self.limit = limit
            self.backoff = backoff
            self.healthyPeriod = healthyPeriod
        }
    }

    /// The restart annotations' current values.
    public struct Requests: Sendable, Hashable {
        /// `controllers.aiven.io/restart`.
        public var connector: String?
        /// `controllers.aiven.io/restart-task`.
        public var task: String?

        public init(connector: String? = nil, task: String? = nil) {
            self.connector = connector
            self.task = task
        }

        init(annotations: [String: String]?) {
            self.init(connector: annotations?[ConnectorAnnotations.restart], task: annotations?[ConnectorAnnotations.restartTask])
        }
    }

    /// The automatic restart limit when annotation `controllers.aiven.io/auto-restart` is `"true"`.
    public static let defaultLimit = 10

    /// The calls to make, in order.
    public var operations: [Operation]
    /// The status's `restarts` afterwards.
    public var restarts: KafkaConnectorStatus.Restarts?
    /// The events to announce.
    public var notices: [Notice]

    /// The restarts for a connector in state `status`, given the annotations and what the status
    /// recorded. `random` (in `0..<1`) jitters the backoff.
    public static func decide(
        requests: Requests, recorded: KafkaConnectorStatus.Restarts?, status: KafkaConnectorStatusInfo, policy: Policy, now: Date,
        random: Double = Double.random(in: 0..<1)
    ) -> ConnectorRecovery {
        var record = recorded ?? KafkaConnectorStatus.Restarts()
        var operations: [Operation] = []
        var notices: [Notice] = []
        let failed = status.tasks.filter { $0.state == KafkaConnectorState.failed }
        let connectorFailed = status.state == KafkaConnectorState.failed

        if let value = requests.connector, value != record.connector {
            operations.append(.restartConnector)
            operations += failed.map { .restartTask($0.id) }
            record.connector = value
            // Asked for by a person: the automatic count starts over.
            record.automatic = nil
            record.nextAttemptTime = nil
            record.lastRestartTime = MetaTime.string(now)
            let tasks = failed.isEmpty ? "" : " and its failed \(Self.list(failed.map(\.id), "task", "tasks"))"
            notices.append(Notice(.normal, "Restarted", "Restarted the connector\(tasks) (annotation \(ConnectorAnnotations.restart)=\(value))"))
        }
        if let value = requests.task, value != record.task {
            record.task = value
            if let id = Int(value), status.tasks.contains(where: { $0.id == id }) {
                if !operations.contains(.restartTask(id)) { operations.append(.restartTask(id)) }
                record.lastRestartTime = MetaTime.string(now)
                notices.append(Notice(.normal, "Restarted", "Restarted task \(id) (annotation \(ConnectorAnnotations.restartTask)=\(value))"))
            } else {
                let ids = status.tasks.map { String($0.id) }.joined(separator: ", ")
                notices.append(Notice(
                    .warning, "RestartRefused",
                    "Annotation \(ConnectorAnnotations.restartTask)=\(value) names no task of the connector (its tasks: \(ids.isEmpty ? "none" : ids)); nothing was restarted"))
            }
        }

        let transient = failed.filter { ConnectorFailure.classify(trace: $0.trace) == .transient }
        if operations.isEmpty, let limit = policy.limit, connectorFailed || !transient.isEmpty {
            let count = record.automatic ?? 0
            let due = record.nextAttemptTime.flatMap(MetaTime.date).map { $0 <= now } ?? true
            if count < limit, due {
                operations = (connectorFailed ? [.restartConnector] : []) + transient.map { .restartTask($0.id) }
                record.automatic = count + 1
                record.lastRestartTime = MetaTime.string(now)
                record.nextAttemptTime = MetaTime.string(now.addingTimeInterval(Self.seconds(policy.backoff.delay(attempt: count + 1, random: random))))
                let what = (connectorFailed ? ["the connector"] : []) + (transient.isEmpty ? [] : [Self.list(transient.map(\.id), "task", "tasks")])
                notices.append(Notice(
                    .normal, "Restarted",
                    "Restarted \(what.joined(separator: " and ")) automatically after a transient failure (restart \(count + 1) of at most \(limit))"))
            }
        } else if failed.isEmpty, !connectorFailed, (record.automatic ?? 0) > 0,
            let last = record.lastRestartTime.flatMap(MetaTime.date), now.timeIntervalSince(last) >= Self.seconds(policy.healthyPeriod)
        {
            // Healthy for a while: the next failure starts a new series.
            record.automatic = nil
            record.nextAttemptTime = nil
        }
        let restarts = record == KafkaConnectorStatus.Restarts() ? recorded : record
        return ConnectorRecovery(operations: operations, restarts: restarts, notices: notices)
    }

    /// Whether the automatic restarts of `restarts` reached `limit`.
    static func exhausted(_ restarts: KafkaConnectorStatus.Restarts?, limit: Int?) -> Bool {
        guard let limit else { return false }
        return (restarts?.automatic ?? 0) >= limit
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func list(_ ids: [Int], _ one: String, _ many: String) -> String {
        "\(ids.count == 1 ? one : many) \(ids.map(String.init).joined(separator: ", "))"
    }
}
