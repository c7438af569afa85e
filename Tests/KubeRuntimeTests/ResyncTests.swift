import AivenOperator
import AivenResources
import KubeAPI
import KubeClient
import LocalKube
import Logging
import TestSupport
import Testing

@testable import KubeRuntime

/// Issue 12: a restart with N settled objects spreads their first reconciles over the resync
/// interval, and periodic resyncs are jittered so they drift apart.
@Suite(.timeLimit(.minutes(2)))
struct ResyncTests {
    @Test func periodicResyncsStayWithinTenPercentAndDiffer() {
        let resync = ResyncInterval(.seconds(600))
        #expect(resync.next(random: 0) == .seconds(540))
        #expect(resync.next(random: 0.5) == .seconds(600))
        #expect(resync.next(random: 0.999_999) < .seconds(660))
        #expect(Set((0..<20).map { _ in resync.next() }).count > 1, "two resyncs of one interval do not stay in step")
        #expect(resync.spread(random: 0) == .zero)
        #expect(resync.spread(random: 0.25) == .seconds(150))
    }

    @Test func onlySettledObjectsWait() {
        let start = SettledStart<Int>(ResyncInterval(.seconds(40))) { $0.isMultiple(of: 2) }
        #expect(start.delay(for: 2, random: 0.5) == .seconds(20))
        #expect(start.delay(for: 3, random: 0.5) == nil)
    }

    /// 1,000 settled keys through a queue on a manual clock: none at once, about the interval's
    /// share in the first 5 s, every one within one interval; an unsettled key is ready at once.
    @Test func settledKeysArriveSpreadOverOneInterval() async {
        let clock = ManualClock()
        let queue = WorkQueue<Int, ManualClock>(clock: clock)
        let start = SettledStart<Int>(ResyncInterval(.seconds(40))) { $0 >= 0 }
        let count = 1000
        for key in 0..<count {
            // Evenly spread draws, as a uniform random source gives on average.
            let delay = start.delay(for: key, random: (Double(key) + 0.5) / Double(count))
            await queue.add(key, after: delay ?? .zero)
        }
        await queue.add(-1, after: start.delay(for: -1) ?? .zero)
        #expect(await queue.next() == -1, "an object that is not settled is reconciled at once")
        await queue.done(-1)
        await clock.waitForSleepers(1)  // one timer for the queue, not one per key
        #expect(await queue.depth == 0, "no settled key at once")

        var delivered = await drain(queue)
        clock.advance(by: .seconds(5))
        delivered += await drain(queue, until: 125)
        #expect(delivered == 125, "5 s of a 40 s interval: an eighth of the keys")
        clock.advance(by: .seconds(35))
        delivered += await drain(queue, until: count - delivered)
        #expect(delivered == count)
        #expect(await queue.pendingDelayed == 0)
    }

    /// Takes ready keys until `until` were taken (the timers fire asynchronously) or, without a
    /// goal, whatever is ready now.
    private func drain(_ queue: WorkQueue<Int, ManualClock>, until goal: Int? = nil) async -> Int {
        var taken = 0
        while true {
            if await queue.depth == 0 {
                guard let goal, taken < goal else { return taken }
                await Task.yield()
                continue
            }
            guard let key = await queue.next() else { return taken }
            await queue.done(key)
            taken += 1
        }
    }

    /// Over the wire: a controller starting with a settled object, one whose spec changed, and
    /// one being deleted reconciles the last two at once and schedules the first for later.
    @Test func aStartingControllerReconcilesOnlyWhatNeedsWorkAtOnce() async throws {
        let server = LocalKube(configuration: LocalKubeConfiguration(definitions: Operator.definitions.map(\.definition)))
        let port = try await server.start()
        let kube = try KubeClient(config: try KubeConfig.kubeconfig(yaml: LocalKube.kubeconfig(server: "http://127.0.0.1:\(port)", token: nil)))
        let resources = kube.resources(KafkaConnect.self, namespace: "default")
        for name in ["settled", "changed", "deleting"] {
            var object = try await resources.create(ControllerTests.kafkaConnect(name))
            if name == "deleting" {
                object.metadata.finalizers = ["test/finalizer"]
                object = try await resources.replace(object)
            }
            object.status = KafkaConnectStatus(state: "RUNNING", observedGeneration: object.metadata.generation)
            _ = try await resources.replaceStatus(object)
        }
        var changed = try await resources.get("changed")
        changed.spec.plan = "business-8"
        _ = try await resources.replace(changed)
        _ = try await resources.delete("deleting")

        let reconciler = RecordingReconciler()
        let logger = Logger(label: "test")
        let controller = Controller(
            name: "test",
            watcher: Watcher(client: resources, store: Store(), logger: logger),
            reconciler: reconciler,
            settledStart: SettledStart(ResyncInterval(.seconds(3600))) { object in
                object.metadata.deletionTimestamp == nil && object.status?.observedGeneration == object.metadata.generation
            },
            logger: logger
        )
        let run = Task { try await controller.run() }
        let key = { (name: String) in ObjectKey(namespace: "default", name: name) }
        try await ControllerTests.eventually { reconciler.count(key("changed")) == 1 && reconciler.count(key("deleting")) == 1 }
        try await ControllerTests.eventually { await controller.queue.pendingDelayed == 1 }
        #expect(reconciler.count(key("settled")) == 0, "the settled object waits for its resync, within the hour")
        run.cancel()
        _ = try? await run.value
        try await kube.shutdown()
        await server.stop()
    }
}
