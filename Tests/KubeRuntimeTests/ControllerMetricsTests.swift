import Metrics
import MetricsTestKit
import TestSupport
import Testing

@testable import KubeRuntime

/// The controller-runtime and client-go workqueue metric names and labels that existing
/// dashboards and alerts query.
@Suite struct ControllerMetricsTests {
    @Test func theWorkQueueRecordsDepthAddsRetriesAndDurations() async throws {
        let metrics = TestMetrics()
        let clock = ManualClock()
        let queue = WorkQueue<String, ManualClock>(clock: clock, metrics: WorkQueueMetrics(name: "kafkaconnect", factory: metrics))
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        let name = [("name", "kafkaconnect")]
        #expect(try metrics.expectCounter("workqueue_adds_total", name).totalValue == 2)
        #expect(try metrics.expectGauge("workqueue_depth", name).lastValue == 2)

        clock.advance(by: .seconds(3))
        #expect(await queue.next() == "a")
        #expect(try metrics.expectGauge("workqueue_depth", name).lastValue == 1)
        #expect(try metrics.expectTimer("workqueue_queue_duration_seconds", name).values == [3_000_000_000])
        clock.advance(by: .seconds(2))
        await queue.done("a")
        #expect(try metrics.expectTimer("workqueue_work_duration_seconds", name).values == [2_000_000_000])

        await queue.addWithBackoff("a")
        #expect(try metrics.expectCounter("workqueue_retries_total", name).totalValue == 1)
    }

    @Test func theControllerMetricsCarryControllerRuntimesLabels() throws {
        let metrics = TestMetrics()
        let controller = ControllerMetrics(controller: "kafkaconnect", maxConcurrentReconciles: 4, factory: metrics)
        controller.reconciled(.success)
        controller.reconciled(.success)
        controller.reconciled(.requeueAfter)
        controller.reconciled(.error)
        controller.activeWorkers.increment()
        let label = ("controller", "kafkaconnect")
        #expect(try metrics.expectCounter("controller_runtime_reconcile_total", [label, ("result", "success")]).totalValue == 2)
        #expect(try metrics.expectCounter("controller_runtime_reconcile_total", [label, ("result", "requeue_after")]).totalValue == 1)
        #expect(try metrics.expectCounter("controller_runtime_reconcile_total", [label, ("result", "error")]).totalValue == 1)
        #expect(try metrics.expectCounter("controller_runtime_reconcile_total", [label, ("result", "requeue")]).totalValue == 0)
        #expect(try metrics.expectGauge("controller_runtime_max_concurrent_reconciles", [label]).lastValue == 4)
        #expect(try metrics.expectMeter("controller_runtime_active_workers", [label]).lastValue == 1)
        _ = try metrics.expectCounter("controller_runtime_reconcile_errors_total", [label])
        _ = try metrics.expectTimer("controller_runtime_reconcile_time_seconds", [label])
    }
}
