import Foundation
import TestSupport

/// `aiven-operator apiserver --tls` in a child process, for tests that install onto it or run the
/// operator against it. Stopped with SIGTERM on `stop()` (or when the test process exits).
final class LocalKubeServer: @unchecked Sendable {
    let directory: URL
    let process = Process()
    /// The admin kubeconfig LocalKube writes (server URL, CA, admin token).
    var kubeconfig: String { directory.appendingPathComponent("state/kubeconfig").path }
    /// A private HOME for kubectl's caches.
    var home: String { directory.appendingPathComponent("home").path }

    init(extraArguments: [String] = []) async throws {
        directory = try temporaryDirectory()
        process.executableURL = TestPaths.operatorBinary
        process.arguments = ["apiserver", "--port", "0", "--state-dir", directory.appendingPathComponent("state").path, "--tls"] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: kubeconfig) {
            try await Task.sleep(for: .milliseconds(50))
        }
        guard FileManager.default.fileExists(atPath: kubeconfig) else { throw ManifestProblem("apiserver --tls wrote no kubeconfig") }
    }

    func kubectl(_ arguments: [String], stdin: String? = nil, kubeconfig: String? = nil, seconds: Int = 60) async throws -> CommandOutput {
        await try CommandRunner.kubectl(arguments, kubeconfig: kubeconfig ?? self.kubeconfig, home: home, stdin: stdin, seconds: seconds)
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// Polls `url` with curl until it answers 2xx or `seconds` pass.
func waitForHTTP(_ url: String, seconds: Int = 60) async throws -> Bool {
    for _ in 0..<(seconds * 5) {
        let output = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["timeout", "5", "curl", "-sf", "-o", "/dev/null", url])
        if output.status == 0 { return true }
        try await Task.sleep(for: .milliseconds(200))
    }
    return false
}
