import AivenOperator
import AivenResources
import KubeAPI
import KubeClient
import LocalKube
import Logging
import Synchronization
import TestSupport
import Testing

@testable import KubeRuntime

/// Records reconciles and checks that no key is ever reconciled twice at once.
final class RecordingReconciler: Reconciler {
    struct State {
        var counts: [ObjectKey: Int] = [:]
        var inFlight: Set<ObjectKey> = []
        var overlaps = 0
    }

    let state = Mutex(State())

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        state.withLock { state in
            if !state.inFlight.insert(key).inserted { state.overlaps += 1 }
            state.counts[key, default: 0] += 1
        }
        try await Task.sleep(for: .milliseconds(20))
        state.withLock { _ = $0.inFlight.remove(key) }
        return .done
    }

    func count(_ key: ObjectKey) -> Int { state.withLock { $0.counts[key] ?? 0 } }
}

/// Identities that became leader, in order.
actor LeaderLog {
    private(set) var leaders: [String] = []
    func append(_ identity: String) { leaders.append(identity) }
}

/// The controller runtime against a real API server (LocalKube over HTTP).
@Suite(.timeLimit(.minutes(2)))
struct ControllerTests {
    static func kafkaConnect(_ name: String) -> KafkaConnect {
        KafkaConnect(metadata: ObjectMeta(name: name, namespace: "default"), spec: KafkaConnectSpec(project: "p", plan: "business-4"))
    }

    static func eventually(_ check: () async throws -> Bool) async throws {
        let outcome = try await Eventually.poll(timeout: .seconds(60), interval: .milliseconds(25), check)
        #expect(outcome.reached, "condition not reached\(outcome.lastError.map { ": \($0)" } ?? "")")
    }

    @Test func reconcilesEveryObjectIgnoresStatusOnlyChangesAndNeverOverlapsAKey() async throws {
        let server = LocalKube(configuration: LocalKubeConfiguration(definitions: Operator.definitions.map(\.definition)))
        let port = try await server.start()
        let kube = try KubeClient(config: try KubeConfig.kubeconfig(yaml: LocalKube.kubeconfig(server: "http://127.0.0.1:\(port)", token: nil)))
        let resources = kube.resources(KafkaConnect.self, namespace: "default")
        for index in 0..<5 { _ = try await resources.create(Self.kafkaConnect("kc-\(index)")) }

        let reconciler = RecordingReconciler()
        let logger = Logger(label: "test")
        let controller = Controller(
            name: "test",
            watcher: Watcher(client: kube.resources(KafkaConnect.self, namespace: "default"), store: Store(), logger: logger),
            reconciler: reconciler,
            maxConcurrentReconciles: 3,
            logger: logger
        )
        let run = Task { try await controller.run() }
        let keys = (0..<5).map { ObjectKey(namespace: "default", name: "kc-\($0)") }
        try await Self.eventually { keys.allSatisfy { reconciler.count($0) == 1 } }

        // A status-only write does not wake the controller; a spec change does.
        var object = try await resources.get("kc-0")
        object.status = KafkaConnectStatus(state: "RUNNING")
        _ = try await resources.replaceStatus(object)
        object = try await resources.get("kc-0")
        object.spec.plan = "business-8"
        _ = try await resources.replace(object)
        try await Self.eventually { reconciler.count(keys[0]) == 2 }
        try await Task.sleep(for: .milliseconds(300))
        #expect(reconciler.count(keys[0]) == 2)

        // A burst of changes to one key never runs two reconciles of it at once.
        for plan in ["a", "b", "c", "d", "e", "f"] {
            var current = try await resources.get("kc-1")
            current.spec.plan = plan
            _ = try await resources.replace(current)
        }
        try await Self.eventually { reconciler.count(keys[1]) >= 2 }
        try await Task.sleep(for: .milliseconds(300))
        #expect(reconciler.state.withLock { $0.overlaps } == 0)
        #expect(await controller.isSynced)

        run.cancel()
        _ = try? await run.value
        try await kube.shutdown()
        await server.stop()
    }

    /// Workers await the caches (no polling); stopping before they ever sync still ends the run.
    @Test func stoppingBeforeTheCachesSyncEndsTheRun() async throws {
        let kube = try KubeClient(config: KubeConfig(server: "http://127.0.0.1:1", credentials: .none))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let controller = Controller(
            name: "never-synced",
            watcher: Watcher(client: kube.resources(KafkaConnect.self, namespace: "default"), store: Store(), logger: logger),
            reconciler: RecordingReconciler(),
            logger: logger
        )
        let run = Task { try await controller.run() }
        try await Task.sleep(for: .milliseconds(300))
        #expect(await !controller.isSynced)
        // A hang here fails the suite's time limit.
        run.cancel()
        _ = try? await run.value
        try await kube.shutdown()
    }

    @Test func onlyOneElectorLeadsAndAnotherTakesOverWhenItStops() async throws {
        let server = LocalKube(configuration: LocalKubeConfiguration(definitions: []))
        let port = try await server.start()
        let kube = try KubeClient(config: try KubeConfig.kubeconfig(yaml: LocalKube.kubeconfig(server: "http://127.0.0.1:\(port)", token: nil)))
        func elector(_ identity: String) -> LeaderElector {
            LeaderElector(
                kube: kube,
                configuration: .init(namespace: "default", name: "lock", identity: identity, leaseDuration: .seconds(6), renewDeadline: .seconds(4), retryPeriod: .milliseconds(300)),
                logger: Logger(label: identity)
            )
        }
        let leaders = LeaderLog()
        let first = Task {
            try await elector("a").run {
                await leaders.append("a")
                try await Task.sleep(for: .seconds(3600))
            }
        }
        try await Self.eventually { await leaders.leaders == ["a"] }
        let second = Task {
            try await elector("b").run {
                await leaders.append("b")
                try await Task.sleep(for: .seconds(3600))
            }
        }
        try await Task.sleep(for: .seconds(1))
        #expect(await leaders.leaders == ["a"], "b must not lead while a renews")
        // a is cancelled (a graceful shutdown): it releases the lease before it returns, so b
        // need not wait for it to expire (issue 21).
        first.cancel()
        _ = try? await first.value
        let released = try await kube.resources(Lease.self, namespace: "default").get("lock")
        #expect(released.spec?.holderIdentity == "" || released.spec?.holderIdentity == "b", "released on cancel: \(released.spec?.holderIdentity ?? "nil")")
        try await Self.eventually { await leaders.leaders == ["a", "b"] }
        let lease = try await kube.resources(Lease.self, namespace: "default").get("lock")
        #expect(lease.spec?.holderIdentity == "b")
        #expect(lease.spec?.leaseTransitions == 1)
        second.cancel()
        _ = try? await second.value
        try await kube.shutdown()
        await server.stop()
    }
}
