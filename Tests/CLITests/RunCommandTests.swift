import TestSupport
import Testing

/// `aiven-operator run` refuses settings it cannot run with before it connects to anything.
@Suite struct RunCommandTests {
    @Test(arguments: ["0", "-5", "0.0001", "inf", "nan", "1e300"])
    func aConnectorStatusIntervalThatIsNotPositiveIsRefused(_ seconds: String) throws {
        let result = try OperatorProcess.run(["run", "--connector-status-interval=\(seconds)", "--kubeconfig", "/nonexistent"])
        #expect(result.status == 64, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("--connector-status-interval must be positive"), "\(result.stderr.prefix(300))")
    }

    /// Any interval that would not make a whole positive number of milliseconds is refused with
    /// the flag's name, not a crash at startup.
    @Test(arguments: ["0.0001", "inf", "1e300"])
    func aResyncIntervalItCannotRunWithIsRefused(_ seconds: String) throws {
        let result = try OperatorProcess.run(["run", "--resync-interval=\(seconds)", "--kubeconfig", "/nonexistent"])
        #expect(result.status == 64, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("--resync-interval must be positive"), "\(result.stderr.prefix(300))")
    }
}
