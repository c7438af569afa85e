import Foundation
import KubeAPI
import TestSupport
import Testing

/// `aiven-operator run` outside the cluster with a kubeconfig whose user is an exec credential
/// plugin, as EKS, GKE and AKS kubeconfigs are.
@Suite(.timeLimit(.minutes(3)))
struct OutOfClusterAuthTests {
    @Test func runAuthenticatesThroughAnExecPluginAndRecoversWhenTheTokenRotates() async throws {
        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        let admin = try #require(try YAMLDocuments.load(String(contentsOfFile: kube.kubeconfig, encoding: .utf8)).first)
        let server = try #require(admin[path: ["clusters"]]?.arrayValue?.first?[path: ["cluster", "server"]]?.stringValue)
        let authority = try #require(admin[path: ["clusters"]]?.arrayValue?.first?[path: ["cluster", "certificate-authority-data"]]?.stringValue)
        let token = try #require(admin[path: ["users"]]?.arrayValue?.first?[path: ["user", "token"]]?.stringValue)

        // The plugin prints whatever token-file holds: first a token the server refuses.
        let directory = kube.directory
        let tokenFile = directory.appendingPathComponent("token-file").path
        try "rotated-away".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let plugin = directory.appendingPathComponent("credential-plugin.sh").path
        try """
            #!/bin/sh
            echo run >> "\(directory.path)/plugin-runs"
            printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s"}}' "$(cat "\(tokenFile)")"
            """.write(toFile: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin)
        let kubeconfig = directory.appendingPathComponent("exec-kubeconfig").path
        try """
            apiVersion: v1
            kind: Config
            current-context: managed
            clusters: [{name: managed, cluster: {server: "\(server)", certificate-authority-data: "\(authority)"}}]
            contexts: [{name: managed, context: {cluster: managed, user: plugin}}]
            users:
            - name: plugin
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./credential-plugin.sh
                  installHint: the test writes it
                  interactiveMode: Never
            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)

        let healthPort = try freePort()
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = kubeconfig
        let operatorProcess = try ChildProcess(
            ["run", "--metrics-bind-address=0", "--health-probe-bind-address=127.0.0.1:\(healthPort)", "--aiven-api-url", "http://127.0.0.1:9"],
            environment: environment, in: directory
        )
        defer { operatorProcess.stop() }
        let ready = "http://127.0.0.1:\(healthPort)/readyz"
        // Refused: the caches cannot sync, so it is not ready, and it keeps asking the plugin.
        _ = try await waitForHTTP("http://127.0.0.1:\(healthPort)/healthz")
        try await Task.sleep(for: .seconds(2))
        #expect(try await !waitForHTTP(ready, seconds: 1))
        let runsWhileRefused = try String(contentsOfFile: directory.appendingPathComponent("plugin-runs").path, encoding: .utf8).split(separator: "\n").count
        #expect(runsWhileRefused >= 2, "a 401 runs the plugin again")
        #expect(!operatorProcess.log.contains("rotated-away"), "tokens never appear in logs")

        // The credential rotates: the next run of the plugin prints the valid token.
        try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        #expect(try await waitForHTTP(ready), "not ready after the rotation:\n\(operatorProcess.log)")
        #expect(operatorProcess.process.isRunning)
        #expect(!operatorProcess.log.contains(token))
    }
}
