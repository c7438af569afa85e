import Foundation
import TestSupport
import Testing

/// `aiven-operator apiserver --tls`: HTTPS with a generated certificate that the written
/// kubeconfig trusts, and a bearer token that is required.
@Suite(.timeLimit(.minutes(2)))
struct APIServerTLSTests {
    @Test func kubectlTrustsTheCertificateAndTheTokenIsRequired() async throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let state = directory.appendingPathComponent("state")
        let server = Process()
        server.executableURL = TestPaths.operatorBinary
        server.arguments = ["apiserver", "--port", "0", "--state-dir", state.path, "--tls"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        let kubeconfig = state.appendingPathComponent("kubeconfig").path
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: kubeconfig) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let written = try String(contentsOfFile: kubeconfig, encoding: .utf8)
        #expect(written.contains("server: https://127.0.0.1:"))
        #expect(written.contains("certificate-authority-data:"))

        let home = directory.appendingPathComponent("home").path
        let example = TestPaths.repositoryRoot.appendingPathComponent("examples/kafkaconnect.yaml").path
        let apply = await try CommandRunner.kubectl(["apply", "-f", example], kubeconfig: kubeconfig, home: home)
        #expect(apply.status == 0, "\(apply.stderr)")
        let get = await try CommandRunner.kubectl(["get", "kafkaconnects", "-o", "name"], kubeconfig: kubeconfig, home: home)
        #expect(get.stdout == "kafkaconnect.aiven.io/my-kafka-connect\n")

        let wrongToken = await try CommandRunner.kubectl(["get", "namespaces", "--token=wrong"], kubeconfig: kubeconfig, home: home)
        #expect(wrongToken.status != 0)
        #expect(wrongToken.stderr.contains("Unauthorized"))
    }
}
