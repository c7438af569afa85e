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
            // Every registered kind (ProjectVPCs and Kafkas also wake other kinds): one list and one
            // watch each.
            #expect(delta("GET /apis/{group}/{version}/{resource}") == 2 * Operator.kinds.count)
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
    /// A resource whose `spec.authSecretRef` moves from one Secret to another protects the new
    /// one, and deleting the old one completes once no resource with the operator's finalizer
    /// names it — also when the operator was down while the Secret was deleted.
    @Test func aTokenSecretNoResourceNamesAnyMoreCanBeDeleted() async throws {
        try await OperatorHarness.run { harness in
            var logger = Logger(label: "operator")
            logger.logLevel = .critical
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            func finalizers(_ name: String) async throws -> [String]? {
                try await secrets.list().items.first { $0.metadata.name == name }.map { $0.metadata.finalizers ?? [] }
            }
            func eventually(_ what: Comment, _ check: () async throws -> Bool) async throws {
                for _ in 0..<200 where try await !check() { try await Task.sleep(for: .milliseconds(25)) }
                #expect(try await check(), what)
            }
            func switchToken(_ name: String, to secret: String) async throws {
                var resource = try await harness.kafkaConnectClient.get(name)
                resource.spec.authSecretRef = SecretKeyReference(name: secret, key: "token")
                _ = try await harness.kafkaConnectClient.replace(resource)
            }
            func start() -> (Operator, Task<Void, any Error>) {
                let operatorService = Operator(kube: harness.client, aiven: harness.aivenClients, configuration: harness.configuration, options: .init(), logger: logger)
                return (operatorService, Task { try await operatorService.run() })
            }
            for name in ["rotated-b", "rotated-c"] {
                _ = try await secrets.create(Secret(metadata: ObjectMeta(name: name, namespace: "default"), stringData: ["token": OperatorHarness.token]))
            }
            var (operatorService, run) = start()
            for name in ["moving", "staying"] {
                _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect(name))
                try await eventually("\(name) ready") { try await harness.condition(name, "Ready")?.status == .true }
            }
            #expect(try await finalizers("aiven-token") == [TokenSecretProtection.finalizer])

            try await switchToken("moving", to: "rotated-b")
            try await eventually("the new Secret is protected") { try await finalizers("rotated-b") == [TokenSecretProtection.finalizer] }
            _ = try await secrets.delete("aiven-token")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await finalizers("aiven-token") == [TokenSecretProtection.finalizer], "staying still names it")

            // The last resource naming it moves on: its change lets the deleting Secret go.
            try await switchToken("staying", to: "rotated-b")
            try await eventually("the old Secret is deleted") { try await finalizers("aiven-token") == nil }
            #expect(try await finalizers("rotated-b") == [TokenSecretProtection.finalizer])

            // While the operator is down: both move on and the old Secret is deleted; the next
            // operator lets it go from the Secret's side.
            run.cancel()
            _ = try? await run.value
            try await switchToken("moving", to: "rotated-c")
            try await switchToken("staying", to: "rotated-c")
            _ = try await secrets.delete("rotated-b")
            #expect(try await finalizers("rotated-b") == [TokenSecretProtection.finalizer])
            (operatorService, run) = start()
            try await eventually("deleted after the restart") { try await finalizers("rotated-b") == nil }
            try await eventually("the new Secret is protected") { try await finalizers("rotated-c") == [TokenSecretProtection.finalizer] }
            #expect(await operatorService.isReady)
            run.cancel()
            _ = try? await run.value
        }
    }
}
