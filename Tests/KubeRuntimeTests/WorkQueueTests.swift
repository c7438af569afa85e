import TestSupport
import Testing

@testable import KubeRuntime

@Suite struct WorkQueueTests {
    let clock = ManualClock()
    let noJitter = Backoff(base: .seconds(1), cap: .seconds(8), jitter: 0)

    @Test func addingTwiceQueuesOnce() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        #expect(await queue.depth == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.depth == 0)
    }

    @Test func aKeyIsNeverHandedOutTwiceAtOnce() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        await queue.add("a")
        #expect(await queue.next() == "a")
        // Re-added while in flight: held back, not handed to a second worker.
        await queue.add("a")
        await queue.add("a")
        #expect(await queue.depth == 0)
        #expect(await queue.inFlight == 1)
        await queue.done("a")
        // ... and reconciled once more afterwards.
        #expect(await queue.depth == 1)
        #expect(await queue.next() == "a")
        await queue.done("a")
        #expect(await queue.depth == 0)
    }

    @Test func aWaitingWorkerGetsTheNextKey() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        async let key = queue.next()
        await Task.yield()
        await queue.add("x")
        #expect(await key == "x")
    }

    @Test func delayedAddsWaitForTheClock() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        await queue.add("a", after: .seconds(10))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(9))
        #expect(await queue.depth == 0)
        #expect(await queue.pendingDelayed == 1)
        clock.advance(by: .seconds(1))
        #expect(await queue.next() == "a")
        #expect(await queue.pendingDelayed == 0)
    }

    @Test func theEarliestDeadlineWins() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        await queue.add("a", after: .seconds(10))
        await queue.add("a", after: .seconds(5))
        await queue.add("a", after: .seconds(20))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        #expect(await queue.next() == "a")
        await queue.done("a")
        #expect(await queue.pendingDelayed == 0)
    }

    @Test func anImmediateAddReplacesAPendingDelay() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        await queue.add("a", after: .seconds(30))
        await queue.add("a")
        #expect(await queue.pendingDelayed == 0)
        #expect(await queue.next() == "a")
    }

    @Test func backoffGrowsPerKeyAndResetsOnForget() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock, backoff: noJitter)
        #expect(await queue.addWithBackoff("a") == .seconds(1))
        #expect(await queue.addWithBackoff("a") == .seconds(2))
        #expect(await queue.addWithBackoff("a") == .seconds(4))
        #expect(await queue.addWithBackoff("a") == .seconds(8))
        #expect(await queue.addWithBackoff("a") == .seconds(8))
        #expect(await queue.addWithBackoff("b") == .seconds(1))
        #expect(await queue.failureCount("a") == 5)
        await queue.forget("a")
        #expect(await queue.addWithBackoff("a") == .seconds(1))
    }

    @Test func shutDownReleasesWaitingWorkers() async {
        let queue = WorkQueue<String, ManualClock>(clock: clock)
        async let key = queue.next()
        await Task.yield()
        await queue.add("late", after: .seconds(1))
        await queue.shutDown()
        #expect(await key == nil)
        #expect(await queue.next() == nil)
        await queue.add("ignored")
        #expect(await queue.depth == 0)
    }

    @Test func jitterOnlyShortensTheDelay() {
        let backoff = Backoff(base: .seconds(1), cap: .seconds(60), jitter: 0.5)
        #expect(backoff.delay(attempt: 3, random: 0) == .seconds(4))
        #expect(backoff.delay(attempt: 3, random: 0.999) == .milliseconds(2002))
        #expect(backoff.delay(attempt: 100, random: 0) == .seconds(60))
    }
}
