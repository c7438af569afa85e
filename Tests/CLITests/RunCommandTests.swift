import TestSupport
import Testing

/// `aiven-operator run` refuses settings it cannot run with before it connects to anything.
@Suite struct RunCommandTests {
    @Test(arguments: ["0", "-5"])
    func aConnectorStatusIntervalThatIsNotPositiveIsRefused(_ seconds: String) throws {
        let result = try OperatorProcess.run(["run", "--connector-status-interval=\(seconds)", "--kubeconfig", "/nonexistent"])
        #expect(result.status == 64, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("--connector-status-interval must be positive"), "\(result.stderr.prefix(300))")
    }
}
