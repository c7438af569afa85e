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
            // KafkaConnects, ProjectVPCs and ServiceIntegrations: one list and one watch each.
            #expect(delta("GET /apis/{group}/{version}/{resource}") == 6)
            run.cancel()
            _ = try? await run.value
        }
    }
}
