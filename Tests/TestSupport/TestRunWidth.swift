import TestConcurrency

/// How many test cases this test process runs at once (see Tests/TestConcurrency).
public enum TestRunWidth {
    /// The width swift-testing was given, or 0 when none was set.
    public static var current: Int { Int(test_concurrency_width()) }
}
