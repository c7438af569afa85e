import Foundation
import TestSupport
import Testing

/// The suite's concurrency cap is in force: without it every test case starts at once and time
/// limits measure the queue for a CPU (see Tests/TestConcurrency).
@Suite struct TestRunWidthTests {
    @Test func theTestProcessRunsABoundedNumberOfTestCasesAtOnce() throws {
        let width = TestRunWidth.current
        #expect(width >= 1)
        #expect(ProcessInfo.processInfo.environment["SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH"] == String(width))
    }
}
