import AivenClient
import AivenResources
import Foundation
import KubeRuntime
import Testing

@testable import AivenOperator

/// ``ConnectorRecovery/decide(requests:recorded:status:policy:now:random:)``: restarts asked for
/// with annotations happen once per value; transient failures are restarted at once, then with
/// growing, capped waits, at most the limit in a row, the count forgotten after a healthy period.
@Suite struct ConnectorRecoveryTests {
    typealias Restarts = KafkaConnectorStatus.Restarts
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let policy = ConnectorRecovery.Policy(limit: 3, backoff: Backoff(base: .seconds(30), cap: .seconds(100), jitter: 0), healthyPeriod: .seconds(600))
    static let transient = "org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata"
    static let password = "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"x\""

    static func status(_ tasks: [(String, String)], state: String = "RUNNING") -> KafkaConnectorStatusInfo {
        KafkaConnectorStatusInfo(state: state, tasks: tasks.enumerated().map { .init(id: $0.offset, state: $0.element.0, trace: $0.element.1) })
    }

    static func at(_ seconds: TimeInterval) -> String { MetaTime.string(now.addingTimeInterval(seconds)) }

    static func decide(
        _ status: KafkaConnectorStatusInfo, _ requests: ConnectorRecovery.Requests = .init(), recorded: Restarts? = nil, policy: ConnectorRecovery.Policy = policy
    ) -> ConnectorRecovery {
        ConnectorRecovery.decide(requests: requests, recorded: recorded, status: status, policy: policy, now: now, random: 0)
    }

    static let healthy = status([("RUNNING", ""), ("RUNNING", "")])
    static let oneTransient = status([("RUNNING", ""), ("FAILED", transient)])

    @Test func anIdleHealthyConnectorNeedsNothingAndChangesNoStatus() {
        let recorded = Restarts(connector: "1", task: "0")
        let recovery = Self.decide(Self.healthy, .init(connector: "1", task: "0"), recorded: recorded)
        #expect(recovery.operations.isEmpty)
        #expect(recovery.restarts == recorded)
        #expect(recovery.notices.isEmpty)
        #expect(Self.decide(Self.healthy).restarts == nil)
    }

    @Test func aNewRestartValueRestartsTheConnectorAndItsFailedTasksOnce() {
        let failed = Self.status([("FAILED", Self.password), ("RUNNING", ""), ("FAILED", Self.transient)])
        let recovery = Self.decide(failed, .init(connector: "a"), recorded: Restarts(connector: "before", automatic: 2, nextAttemptTime: Self.at(60)), policy: Self.policy)
        #expect(recovery.operations == [.restartConnector, .restartTask(0), .restartTask(2)])
        #expect(recovery.restarts == Restarts(connector: "a", automatic: nil, lastRestartTime: Self.at(0)))
        #expect(recovery.notices == [Notice(.normal, "Restarted", "Restarted the connector and its failed tasks 0, 2 (annotation controllers.aiven.io/restart=a)")])
        // The same value again: nothing.
        let again = Self.decide(Self.healthy, .init(connector: "a"), recorded: recovery.restarts)
        #expect(again.operations.isEmpty)
        #expect(again.notices.isEmpty)
    }

    @Test func aRestartTaskValueRestartsThatTaskOnceAndAnUnknownTaskIsAWarning() {
        let recovery = Self.decide(Self.healthy, .init(task: "1"))
        #expect(recovery.operations == [.restartTask(1)])
        #expect(recovery.restarts?.task == "1")
        #expect(recovery.notices.map(\.reason) == ["Restarted"])
        #expect(Self.decide(Self.healthy, .init(task: "1"), recorded: recovery.restarts).operations.isEmpty)
        let unknown = Self.decide(Self.healthy, .init(task: "7"))
        #expect(unknown.operations.isEmpty)
        #expect(unknown.restarts?.task == "7", "acted on once: no warning on every pass")
        #expect(unknown.notices == [Notice(.warning, "RestartRefused", "Annotation controllers.aiven.io/restart-task=7 names no task of the connector (its tasks: 0, 1); nothing was restarted")])
    }

    @Test func withoutAutoRestartAFailureIsLeftAlone() {
        let off = ConnectorRecovery.Policy(limit: nil, backoff: Self.policy.backoff, healthyPeriod: .seconds(600))
        #expect(Self.decide(Self.oneTransient, policy: off).operations.isEmpty)
    }

    @Test func transientFailuresAreRestartedAtOnceThenWithGrowingCappedWaits() {
        let first = Self.decide(Self.oneTransient)
        #expect(first.operations == [.restartTask(1)])
        #expect(first.restarts == Restarts(automatic: 1, lastRestartTime: Self.at(0), nextAttemptTime: Self.at(30)))
        #expect(first.notices.first?.message == "Restarted task 1 automatically after a transient failure (restart 1 of at most 3)")
        // Failed again before the next attempt is due: wait.
        let early = Self.decide(Self.oneTransient, recorded: Restarts(automatic: 1, lastRestartTime: Self.at(-10), nextAttemptTime: Self.at(20)))
        #expect(early.operations.isEmpty)
        #expect(early.restarts?.automatic == 1)
        // Due: the second restart, and the wait doubles; the third is capped.
        let second = Self.decide(Self.oneTransient, recorded: Restarts(automatic: 1, lastRestartTime: Self.at(-30), nextAttemptTime: Self.at(0)))
        #expect(second.operations == [.restartTask(1)])
        #expect(second.restarts?.automatic == 2)
        #expect(second.restarts?.nextAttemptTime == Self.at(60))
        let third = Self.decide(Self.oneTransient, recorded: Restarts(automatic: 2, nextAttemptTime: Self.at(-1)))
        #expect(third.restarts?.nextAttemptTime == Self.at(100))
    }

    @Test func theLimitIsHonouredThenTheConnectorStaysFailed() {
        let recorded = Restarts(automatic: 3, lastRestartTime: Self.at(-500), nextAttemptTime: Self.at(-400))
        let recovery = Self.decide(Self.oneTransient, recorded: recorded)
        #expect(recovery.operations.isEmpty)
        #expect(recovery.restarts == recorded)
        #expect(ConnectorRecovery.exhausted(recorded, limit: 3))
        #expect(!ConnectorRecovery.exhausted(recorded, limit: 4))
        #expect(!ConnectorRecovery.exhausted(recorded, limit: nil))
    }

    @Test func credentialsAndConfigurationFailuresAreNeverRestartedAutomatically() {
        let configuration = "org.apache.kafka.common.config.ConfigException: Missing required configuration \"connection.url\" which has no default value."
        #expect(Self.decide(Self.status([("FAILED", Self.password)])).operations.isEmpty)
        #expect(Self.decide(Self.status([("FAILED", configuration)])).operations.isEmpty)
        // Only the transient one of a mixed set.
        #expect(Self.decide(Self.status([("FAILED", Self.password), ("FAILED", Self.transient)])).operations == [.restartTask(1)])
    }

    @Test func aFailedConnectorInstanceIsRestartedLikeATransientFailure() {
        let recovery = Self.decide(Self.status([("RUNNING", "")], state: "FAILED"))
        #expect(recovery.operations == [.restartConnector])
        #expect(recovery.notices.first?.message == "Restarted the connector automatically after a transient failure (restart 1 of at most 3)")
    }

    @Test func theCountIsForgottenAfterAHealthyPeriodOnly() {
        let recent = Restarts(automatic: 2, lastRestartTime: Self.at(-599), nextAttemptTime: Self.at(-500))
        #expect(Self.decide(Self.healthy, recorded: recent).restarts == recent)
        let old = Restarts(connector: "x", automatic: 2, lastRestartTime: Self.at(-600), nextAttemptTime: Self.at(-500))
        #expect(Self.decide(Self.healthy, recorded: old).restarts == Restarts(connector: "x", lastRestartTime: Self.at(-600)))
    }
}
