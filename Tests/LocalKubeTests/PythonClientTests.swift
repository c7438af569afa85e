import Foundation
import LocalKube
import Testing

/// Runs `Tests/compat/python_client_test.py` (the official Python `kubernetes` client) against an
/// in-process LocalKube that requires a bearer token, which the Python client sends over HTTP.
@Suite(.enabled(if: PythonClient.isInstalled, "needs python3 with the kubernetes package (pip install kubernetes)"))
struct PythonClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("compat/python_client_test.py").path

    @Test func officialPythonClientSuite() async throws {
        let server = try await RunningLocalKube.start(bearerToken: "python-token", historyLimit: 20)
        defer { Task { await server.stop() } }
        let kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("python-kubeconfig-\(UUID().uuidString)").path
        try LocalKube.kubeconfig(server: server.server, token: "python-token").write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = kubeconfig
        let output = try await ChildProcess.run(["timeout", "120", "python3", Self.script], environment: environment)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n") == [
            "ok custom_objects_crud", "ok informer_survives_410", "ok lease_leader_election", "ok secrets_with_strategic_merge_patch",
            "ok service_account_token_rbac", "ok server_side_apply",
        ])
    }
}

/// Whether the official Python client can run here.
enum PythonClient {
    static let isInstalled: Bool = {
        guard ChildProcess.isInstalled("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import kubernetes"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}
