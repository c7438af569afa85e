import DequeModule
import HeapModule
import Metrics

/// The queue of keys a controller's workers reconcile, with the guarantees of client-go's
/// workqueue:
///
/// - a key is queued at most once however often it is added (events coalesce);
/// - a key is never handed to two workers at once: one added while it is being reconciled is
///   held back and handed out again once ``done(_:)`` is called;
/// - keys can be added after a delay (requeue) or with per-key exponential backoff after errors;
/// - ``shutDown()`` wakes every waiting worker with `nil`.
///
/// Time comes from a `Clock`, so tests drive delays without sleeping.
public actor WorkQueue<Key: Hashable & Sendable, C: Clock> where C.Duration == Duration {
    private let clock: C
    private let backoff: Backoff
    private var ready: Deque<Key> = []
    private var queued: Set<Key> = []
    private var processing: Set<Key> = []
    private var waiters: Deque<CheckedContinuation<Key?, Never>> = []
    /// The deadline of each key added with a delay.
    private var scheduled: [Key: C.Instant] = [:]
    /// The deadlines of `scheduled`, earliest first, plus stale ones (a key added since or given
    /// an earlier deadline), skipped when they come up.
    private var deadlines = Heap<Deadline>()
    /// The one task sleeping until the earliest deadline (one timer for the queue, not one task
    /// per delayed key: a controller keeps a resync pending for every object).
    private var timer: (task: Task<Void, Never>, deadline: C.Instant)?
    private var failures: [Key: Int] = [:]
    private var shutDownFlag = false
    private let metrics: WorkQueueMetrics?
    /// When each queued key was added, and when each handed-out key was handed out (for the
    /// queue and work duration metrics).
    private var addedAt: [Key: C.Instant] = [:]
    private var handedOutAt: [Key: C.Instant] = [:]

    public init(clock: C, backoff: Backoff = .reconcileErrors, metrics: WorkQueueMetrics? = nil) {
        self.clock = clock
        self.backoff = backoff
        self.metrics = metrics
    }

    /// Queues `key` now unless it is already queued.
    public func add(_ key: Key) {
        guard !shutDownFlag, queued.insert(key).inserted else { return }
        metrics?.adds.increment()
        if metrics != nil { addedAt[key] = clock.now }
        cancelTimer(for: key)
        // A key being processed goes back to `ready` when its worker calls `done`.
        guard !processing.contains(key) else { return }
        hand(key)
    }

    /// Queues `key` once `delay` has passed. An earlier pending deadline for the key wins.
    public func add(_ key: Key, after delay: Duration) {
        guard !shutDownFlag else { return }
        guard delay > .zero else { return add(key) }
        let deadline = clock.now.advanced(by: delay)
        if let existing = scheduled[key], existing <= deadline { return }
        scheduled[key] = deadline
        deadlines.insert(Deadline(instant: deadline, key: key))
        armTimer()
    }

    /// Queues `key` after its next backoff delay and counts the failure.
    /// - Returns: the delay chosen.
    @discardableResult
    public func addWithBackoff(_ key: Key) -> Duration {
        let attempt = (failures[key] ?? 0) + 1
        failures[key] = attempt
        metrics?.retries.increment()
        let delay = backoff.delay(attempt: attempt)
        add(key, after: delay)
        return delay
    }

    /// Forgets `key`'s failures, so its next backoff starts from the base delay.
    public func forget(_ key: Key) {
        failures[key] = nil
    }

    /// How many times `key` has failed since it was last forgotten.
    public func failureCount(_ key: Key) -> Int {
        failures[key] ?? 0
    }

    /// The next key to reconcile, waiting while none is ready; `nil` once the queue is shut down.
    /// The caller owns the key until it calls ``done(_:)``.
    public func next() async -> Key? {
        if let key = takeReady() { return key }
        if shutDownFlag { return nil }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Marks `key` as no longer being processed; if it was added meanwhile it is queued again.
    public func done(_ key: Key) {
        processing.remove(key)
        if let metrics, let start = handedOutAt.removeValue(forKey: key) { metrics.workDuration.record(start.duration(to: clock.now)) }
        if queued.contains(key), !shutDownFlag { hand(key) }
    }

    /// Stops handing out keys: waiting and future ``next()`` calls return `nil`, timers stop.
    public func shutDown() {
        shutDownFlag = true
        timer?.task.cancel()
        timer = nil
        scheduled.removeAll()
        deadlines = Heap()
        while let waiter = waiters.popFirst() { waiter.resume(returning: nil) }
    }

    /// `true` once ``shutDown()`` was called.
    public var isShutDown: Bool { shutDownFlag }

    /// Keys waiting to be handed out (the queue depth metric).
    public var depth: Int { ready.count }

    /// Keys with a pending delayed add.
    public var pendingDelayed: Int { scheduled.count }

    /// Keys currently handed out and not yet done.
    public var inFlight: Int { processing.count }

    private func hand(_ key: Key) {
        if let waiter = waiters.popFirst() {
            handOut(key)
            waiter.resume(returning: key)
        } else {
            ready.append(key)
            metrics?.depth.record(ready.count)
        }
    }

    private func takeReady() -> Key? {
        guard let key = ready.popFirst() else { return nil }
        metrics?.depth.record(ready.count)
        handOut(key)
        return key
    }

    private func handOut(_ key: Key) {
        queued.remove(key)
        processing.insert(key)
        guard let metrics else { return }
        let now = clock.now
        if let added = addedAt.removeValue(forKey: key) { metrics.queueDuration.record(added.duration(to: now)) }
        handedOutAt[key] = now
    }

    /// Keeps one task sleeping until the earliest deadline (none when nothing is scheduled).
    private func armTimer() {
        guard let earliest = deadlines.min?.instant else {
            timer?.task.cancel()
            timer = nil
            return
        }
        if let timer, timer.deadline <= earliest { return }
        timer?.task.cancel()
        let task = Task { [clock] in
            do {
                try await clock.sleep(until: earliest, tolerance: nil)
            } catch {
                return
            }
            self.fireDue(armedFor: earliest)
        }
        timer = (task, earliest)
    }

    /// Queues every key whose deadline has passed, then sleeps until the next one.
    private func fireDue(armedFor deadline: C.Instant) {
        // A timer replaced by an earlier one that woke anyway: the earlier one does the work.
        guard timer?.deadline == deadline else { return }
        timer = nil
        let now = clock.now
        while let next = deadlines.min, next.instant <= now {
            deadlines.removeMin()
            guard scheduled[next.key] == next.instant else { continue }
            scheduled[next.key] = nil
            add(next.key)
        }
        if !shutDownFlag { armTimer() }
    }

    /// Forgets a key's pending deadline (its heap entry goes stale).
    private func cancelTimer(for key: Key) {
        scheduled[key] = nil
    }

    /// A key's deadline, ordered by time alone.
    private struct Deadline: Comparable {
        let instant: C.Instant
        let key: Key

        static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.instant < rhs.instant }
        static func == (lhs: Deadline, rhs: Deadline) -> Bool { lhs.instant == rhs.instant && lhs.key == rhs.key }
    }
}
