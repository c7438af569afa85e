import Metrics

/// controller-runtime's metric names and labels, so dashboards and alerts written for Go operators
/// work unchanged. Created once per controller; every reconcile and queue operation only records.
struct ControllerMetrics: Sendable {
    /// `controller_runtime_reconcile_total{controller,result}` by result.
    private let reconciles: [Outcome: Counter]
    /// `controller_runtime_reconcile_errors_total{controller}`.
    let errors: Counter
    /// `controller_runtime_reconcile_time_seconds{controller}` (histogram).
    let reconcileTime: Timer
    /// `controller_runtime_active_workers{controller}`.
    let activeWorkers: Meter
    /// The work queue's metrics, `name` = the controller's name.
    let queue: WorkQueueMetrics

    /// controller-runtime's `result` label values.
    enum Outcome: String, CaseIterable, Sendable {
        case success, error, requeue
        case requeueAfter = "requeue_after"
    }

    init(controller: String, maxConcurrentReconciles: Int, factory: any MetricsFactory = MetricsSystem.factory) {
        reconciles = Dictionary(uniqueKeysWithValues: Outcome.allCases.map { result in
            (result, Counter(label: "controller_runtime_reconcile_total", dimensions: [("controller", controller), ("result", result.rawValue)], factory: factory))
        })
        errors = Counter(label: "controller_runtime_reconcile_errors_total", dimensions: [("controller", controller)], factory: factory)
        reconcileTime = Timer(label: "controller_runtime_reconcile_time_seconds", dimensions: [("controller", controller)], factory: factory)
        activeWorkers = Meter(label: "controller_runtime_active_workers", dimensions: [("controller", controller)], factory: factory)
        Gauge(label: "controller_runtime_max_concurrent_reconciles", dimensions: [("controller", controller)], factory: factory)
            .record(maxConcurrentReconciles)
        queue = WorkQueueMetrics(name: controller, factory: factory)
    }

    func reconciled(_ result: Outcome) {
        reconciles[result]?.increment()
    }
}

/// client-go's workqueue metrics (`name` label), which controller-runtime exports.
public struct WorkQueueMetrics: Sendable {
    /// `workqueue_depth`.
    let depth: Gauge
    /// `workqueue_adds_total`.
    let adds: Counter
    /// `workqueue_retries_total`: adds with backoff after a failure.
    let retries: Counter
    /// `workqueue_queue_duration_seconds`: from add to hand-out.
    let queueDuration: Timer
    /// `workqueue_work_duration_seconds`: from hand-out to done.
    let workDuration: Timer

    public init(name: String, factory: any MetricsFactory = MetricsSystem.factory) {
        let dimensions = [("name", name)]
        depth = Gauge(label: "workqueue_depth", dimensions: dimensions, factory: factory)
        adds = Counter(label: "workqueue_adds_total", dimensions: dimensions, factory: factory)
        retries = Counter(label: "workqueue_retries_total", dimensions: dimensions, factory: factory)
        queueDuration = Timer(label: "workqueue_queue_duration_seconds", dimensions: dimensions, factory: factory)
        workDuration = Timer(label: "workqueue_work_duration_seconds", dimensions: dimensions, factory: factory)
    }
}

extension Timer {
    func record(_ duration: Duration) {
        recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
