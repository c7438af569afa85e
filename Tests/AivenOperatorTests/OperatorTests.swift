import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime
import LocalKube
import Logging
import Testing

@testable import AivenOperator

/// The assembled operator against the in-process LocalKube.
@Suite(.timeLimit(.minutes(2)))
struct OperatorTests {
    /// Shared informers: Secrets and ProjectVPCs are read by both controllers but watched once.
    @Test func oneListAndOneWatchPerKindForTheWholeProcess() async throws {
        try await OperatorHarness.run { harness in
            var logger = Logger(label: "operator")
            logger.logLevel = .critical
            let before = await harness.kube.requestLog.counts.byRoute
            let operatorService = Operator(kube: harness.client, aiven: harness.aivenClients, configuration: harness.configuration, options: .init(), logger: logger)
            let run = Task { try await operatorService.run() }
            for _ in 0..<200 where await !operatorService.isReady { try await Task.sleep(for: .milliseconds(25)) }
            #expect(await operatorService.isReady)
            #expect(await operatorService.unsyncedInformers == [])
            try await Task.sleep(for: .milliseconds(300))
            let after = await harness.kube.requestLog.counts.byRoute
            func delta(_ route: String) -> Int { (after[route] ?? 0) - (before[route] ?? 0) }
            // Secrets (the only core kind listed cluster-wide): one list, one watch.
            #expect(delta("GET /api/{version}/{resource}") == 2)
            // KafkaConnects, ProjectVPCs, ServiceIntegrations, KafkaTopics, Kafkas (which wake
            // topics and connectors) and KafkaConnectors: one list and one watch each.
            #expect(delta("GET /apis/{group}/{version}/{resource}") == 12)
            run.cancel()
            _ = try? await run.value
        }
    }

    /// As with controller-runtime, a replica waiting for leadership keeps warm caches and answers
    /// `/readyz` as ready, so a Deployment with several replicas rolls out; only the leader
    /// reconciles.
    @Test func aStandbyReplicaIsReadyAndOnlyTheLeaderReconciles() async throws {
        try await OperatorHarness.run { harness in
            var logger = Logger(label: "operator")
            logger.logLevel = .critical
            let replicas = ["a", "b"].map { identity in
                Operator(
                    kube: harness.client, aiven: harness.aivenClients, configuration: harness.configuration,
                    options: .init(leaderElection: .init(namespace: "default", name: "aiven-operator-leader", identity: identity)),
                    logger: logger
                )
            }
            let runs = replicas.map { replica in Task { try await replica.run() } }
            func leaders() async -> Int {
                var count = 0
                for replica in replicas where await replica.isReady { count += 1 }
                return count
            }
            for _ in 0..<400 where await leaders() == 0 { try await Task.sleep(for: .milliseconds(25)) }
            var unready: [[String]] = []
            for _ in 0..<400 {
                unready = []
                for replica in replicas { unready.append(await replica.notReady) }
                if unready.allSatisfy(\.isEmpty) { break }
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(unready.allSatisfy { $0.isEmpty }, "both replicas ready: \(unready)")
            #expect(await leaders() == 1, "exactly one replica reconciles")
            for run in runs { run.cancel() }
            for run in runs { _ = try? await run.value }
        }
    }
}
