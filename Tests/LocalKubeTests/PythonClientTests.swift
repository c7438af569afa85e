import Foundation
import LocalKube
import TestSupport
import Testing

/// Runs `Tests/compat/python_client_test.py` (the official Python `kubernetes` client) against an
/// in-process LocalKube that requires a bearer token, which the Python client sends over HTTP.
struct PythonClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("compat/python_client_test.py").path

    @Test func officialPythonClientSuite() async throws {
        let python = try await PythonTools.require(.kubernetesClient)
        let server = try await RunningLocalKube.start(bearerToken: "python-token", historyLimit: 20)
        defer { Task { await server.stop() } }
        let kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("python-kubeconfig-\(UUID().uuidString)").path
        try LocalKube.kubeconfig(server: server.server, token: "python-token").write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        var environment = python.environment
        environment["KUBECONFIG"] = kubeconfig
        let output = try await ChildProcess.run(["timeout", "120"] + python.arguments + [Self.script], environment: environment)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n") == [
            "ok custom_objects_crud", "ok informer_survives_410", "ok lease_leader_election", "ok secrets_with_strategic_merge_patch",
            "ok service_account_token_rbac", "ok server_side_apply",
        ])
    }
}
