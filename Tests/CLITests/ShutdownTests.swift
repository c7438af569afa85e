import Foundation
import TestSupport
import Testing

/// Ctrl-C and SIGTERM on the long-running commands: exit 0, promptly, with no `error` or
/// `warning` line.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ShutdownTests {
    /// The command as a child process with its output (stdout and stderr together) in a file.
    final class Running: @unchecked Sendable {
        let process = Process()
        let output: URL

        init(_ arguments: [String], in directory: URL) throws {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            output = directory.appendingPathComponent("output.log")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.executableURL = TestPaths.operatorBinary
            process.arguments = arguments
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var text: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

        func waitFor(_ marker: String) async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            while !text.contains(marker) {
                try #require(process.isRunning, "exited before \(marker): \(text)")
                try #require(ContinuousClock.now < deadline, "no \(marker) in: \(text)")
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        /// Sends `signal` and waits for the exit (a hang guard far above the 5 s promise: timings
        /// are measured in benchmarks, not asserted here).
        func stop(with signal: Int32) async throws -> Int32 {
            kill(process.processIdentifier, signal)
            let deadline = ContinuousClock.now + .seconds(30)
            while process.isRunning {
                if ContinuousClock.now > deadline {
                    process.interrupt()
                    kill(process.processIdentifier, SIGKILL)
                    Issue.record("still running 30 s after the signal: \(text)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            return process.terminationStatus
        }
    }

    static func expectCleanExit(_ running: Running, signal: Int32) async throws {
        let status = try await running.stop(with: signal)
        #expect(status == 0, "exit status: \(running.text)")
        let noisy = running.text.split(separator: "\n").filter {
            let line = $0.lowercased()
            return line.contains("error") || line.contains("warning")
        }
        #expect(noisy.isEmpty, "error or warning lines: \(noisy)")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func apiserverExitsCleanly(signal: Int32) async throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let running = try Running(["apiserver", "--port", "0", "--state-dir", directory.appendingPathComponent("state").path], in: directory)
        try await running.waitFor("LocalKube serving on")
        try await Self.expectCleanExit(running, signal: signal)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func emulatorExitsCleanly(signal: Int32) async throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let running = try Running(["emulator", "--port", "0"], in: directory)
        try await running.waitFor("listening on")
        try await Self.expectCleanExit(running, signal: signal)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func devExitsCleanly(signal: Int32) async throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let running = try Running(["dev", "--state-dir", directory.appendingPathComponent("state").path], in: directory)
        try await running.waitFor("export KUBECONFIG")
        // Let the operator's watches start, so the shutdown has something to cancel.
        try await Task.sleep(for: .seconds(2))
        try await Self.expectCleanExit(running, signal: signal)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func runExitsCleanly(signal: Int32) async throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let state = directory.appendingPathComponent("state").path
        let apiserver = try Running(["apiserver", "--port", "0", "--state-dir", state], in: directory.appendingPathComponent("apiserver-log"))
        defer { kill(apiserver.process.processIdentifier, SIGKILL) }
        try await apiserver.waitFor("LocalKube serving on")
        let operatorDirectory = directory.appendingPathComponent("run")
        let running = try Running(
            ["run", "--kubeconfig", state + "/kubeconfig", "--aiven-api-url", "http://127.0.0.1:9", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            in: operatorDirectory
        )
        // Let the operator's watches start, so the shutdown has something to cancel.
        try await Task.sleep(for: .seconds(3))
        try #require(running.process.isRunning, "run exited: \(running.text)")
        try await Self.expectCleanExit(running, signal: signal)
    }
}
