import Foundation
import TestSupport
import Testing

/// A platform engineer's shell on a LocalKube cluster, for running documented commands as written:
/// `bash -c` in a working directory, with the cluster's `KUBECONFIG`, a private `HOME`, the real
/// `kubectl`, and `helm` being Helm 4's own engine (helm-python-sdk through
/// `Tests/compat/helm_cli.py`, which refuses any flag it would not honour).
struct UserShell {
    let workingDirectory: URL
    /// The shell's environment (tests add what the documents assume set, such as `$AIVEN_TOKEN`).
    var environment: [String: String]

    init(cluster: LocalKubeServer, workingDirectory: URL) async throws {
        let helm = try await PythonTools.require(.helm)
        let bin = cluster.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/compat/helm_cli.py").path
        let quoted = (helm.arguments + [script]).map { "'\($0)'" }.joined(separator: " ")
        let shim = bin.appendingPathComponent("helm")
        try "#!/bin/sh\nexec \(quoted) \"$@\"\n".write(to: shim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim.path)
        var environment = helm.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["KUBECONFIG"] = cluster.kubeconfig
        environment["HOME"] = cluster.home
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// Runs `command` (one shell line or a small script) under `timeout`; fails with its output
    /// unless it exits 0.
    @discardableResult
    func run(_ command: String, seconds: Int = 180) async throws -> CommandOutput {
        let output = try await CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["timeout", String(seconds), "bash", "-eo", "pipefail", "-c", command],
            environment: environment, currentDirectory: workingDirectory)
        guard output.status == 0 else { throw ToolFailure(tool: command, output: output) }
        return output
    }
}
