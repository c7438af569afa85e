import Foundation
import KubeAPI
import LocalKube
import Testing
@testable import KubeClient

/// Exec credential plugins over the wire: a shell script prints an `ExecCredential` with the token
/// of a file, and counts its runs.
@Suite(.timeLimit(.minutes(2)))
struct ExecCredentialTests {
    /// A plugin script in a scratch directory: `token` holds what it prints, `runs` counts runs,
    /// `expiry` (optional) the expirationTimestamp.
    struct Plugin {
        let directory: String
        var script: String { "\(directory)/plugin.sh" }

        init(apiVersion: String = "client.authentication.k8s.io/v1", token: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("exec-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let body = """
                #!/bin/sh
                cd "$(dirname "$0")"
                echo run >> runs
                printf %s "$KUBERNETES_EXEC_INFO" > exec-info
                [ "$(printf %s "$KUBERNETES_EXEC_INFO" | grep -c '"kind":"ExecCredential"')" = 1 ] || { echo "no KUBERNETES_EXEC_INFO" >&2; exit 3; }
                [ "$PLUGIN_MODE" = test ] || { echo "env not passed" >&2; exit 4; }
                expiry=""
                [ -f expiry ] && expiry=",\\"expirationTimestamp\\":\\"$(cat expiry)\\""
                printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s"%s}}' "$1" "$(cat token)" "$expiry"
                """
            try body.write(toFile: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
            try token.write(toFile: "\(directory)/token", atomically: true, encoding: .utf8)
        }

        var configuration: ExecCredentialPlugin {
            ExecCredentialPlugin(apiVersion: "client.authentication.k8s.io/v1", command: script, arguments: ["client.authentication.k8s.io/v1"], environment: ["PLUGIN_MODE": "test"])
        }

        func set(_ file: String, _ value: String) throws { try value.write(toFile: "\(directory)/\(file)", atomically: true, encoding: .utf8) }

        var runs: Int { ((try? String(contentsOfFile: "\(directory)/runs", encoding: .utf8)) ?? "").split(separator: "\n").count }
    }

    static func server(token: String) async throws -> (LocalKube, Int) {
        let kube = LocalKube(configuration: LocalKubeConfiguration(definitions: [Widget.definition], bearerToken: token))
        return (kube, try await kube.start())
    }

    @Test func theTokenIsCachedAndRefreshedAfterA401() async throws {
        let (kube, port) = try await Self.server(token: "good")
        defer { Task { await kube.stop() } }
        let plugin = try Plugin(token: "stale")
        let client = try KubeClient(config: KubeConfig(server: "http://127.0.0.1:\(port)", credentials: .exec(plugin.configuration)))
        defer { Task { try? await client.shutdown() } }
        let widgets = client.resources(Widget.self, namespace: "default")

        // A refused token makes the client run the plugin again once, then report the 401.
        await #expect(throws: KubeError.self) { _ = try await widgets.list() }
        #expect(plugin.runs == 2)
        // The plugin now prints the rotated token: the next request runs it and succeeds.
        try plugin.set("token", "good")
        _ = try await widgets.list()
        #expect(plugin.runs == 3)
        // Without an expirationTimestamp the token is kept until the server refuses it.
        for _ in 0..<5 { _ = try await widgets.list() }
        #expect(plugin.runs == 3)
    }

    @Test func anExpiredTokenIsNotReused() async throws {
        let (kube, port) = try await Self.server(token: "good")
        defer { Task { await kube.stop() } }
        let plugin = try Plugin(token: "good")
        try plugin.set("expiry", "2020-01-01T00:00:00Z")
        let client = try KubeClient(config: KubeConfig(server: "http://127.0.0.1:\(port)", credentials: .exec(plugin.configuration)))
        defer { Task { try? await client.shutdown() } }
        for _ in 0..<3 { _ = try await client.resources(Widget.self, namespace: "default").list() }
        #expect(plugin.runs == 3)

        try plugin.set("expiry", "2999-01-01T00:00:00.5Z")
        for _ in 0..<3 { _ = try await client.resources(Widget.self, namespace: "default").list() }
        #expect(plugin.runs == 4)
    }

    @Test func failuresNameTheCommandAndNeverTheToken() async throws {
        let missing = ExecCredentialPlugin(apiVersion: "client.authentication.k8s.io/v1beta1", command: "no-such-auth-plugin", installHint: "install it with: brew install no-such-auth-plugin")
        await #expect { _ = try await missing.run() } throws: { error in
            "\(error)".contains("no-such-auth-plugin was not found: install it with: brew install no-such-auth-plugin")
        }
        let plugin = try Plugin(token: "secret-token-value")
        // The script echoes the requested version: asking v1beta1 while it answers v1 is refused.
        var mismatched = plugin.configuration
        mismatched.apiVersion = "client.authentication.k8s.io/v1beta1"
        await #expect { _ = try await mismatched.run() } throws: { error in
            "\(error)".contains("answered apiVersion client.authentication.k8s.io/v1, but client.authentication.k8s.io/v1beta1 was asked for")
                && !"\(error)".contains("secret-token-value")
        }
        var withoutEnvironment = plugin.configuration
        withoutEnvironment.environment = [:]
        await #expect { _ = try await withoutEnvironment.run() } throws: { error in
            "\(error)".contains("exited with status 4: env not passed")
        }
    }

    @Test func provideClusterInfoHandsThePluginTheCluster() async throws {
        let plugin = try Plugin(token: "good")
        let yaml = """
            current-context: c
            clusters:
            - name: c
              cluster:
                server: https://k.example:6443
                certificate-authority-data: Q0E=
                extensions: [{name: client.authentication.k8s.io/exec, extension: {audience: operators}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            users:
            - name: u
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: \(plugin.script), args: [client.authentication.k8s.io/v1],
                       env: [{name: PLUGIN_MODE, value: test}], provideClusterInfo: true}
            """
        guard case .exec(let configuration) = try KubeConfig.kubeconfig(yaml: yaml).credentials else { Issue.record("not exec"); return }
        #expect(try await configuration.run().token == "good")
        let info = try JSONParser().parse(String(contentsOfFile: "\(plugin.directory)/exec-info", encoding: .utf8))
        #expect(info[path: ["spec", "interactive"]] == false)
        #expect(info[path: ["spec", "cluster", "server"]] == "https://k.example:6443")
        #expect(info[path: ["spec", "cluster", "certificate-authority-data"]] == "Q0E=")
        #expect(info[path: ["spec", "cluster", "config", "audience"]] == "operators")
    }
}
