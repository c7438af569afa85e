import Foundation
import Testing
@testable import KubeClient

struct KubeConfigTests {
    static let yaml = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: local
          cluster:
            server: https://127.0.0.1:6443/
            certificate-authority-data: Y2EtcGVt
        - name: plain
          cluster:
            server: http://127.0.0.1:8080
            insecure-skip-tls-verify: true
        contexts:
        - name: dev
          context: {cluster: local, user: alice, namespace: team-a}
        - name: other
          context: {cluster: plain, user: robot}
        users:
        - name: alice
          user: {token: s3cret}
        - name: robot
          user: {tokenFile: tokens/robot}
        """

    @Test func readsTheCurrentContext() throws {
        let config = try KubeConfig.kubeconfig(yaml: Self.yaml)
        #expect(config.server == "https://127.0.0.1:6443")
        #expect(config.namespace == "team-a")
        #expect(config.credentials == .token("s3cret"))
        #expect(config.certificateAuthorityPEM == Array("ca-pem".utf8))
        #expect(config.usesTLS)
    }

    @Test func readsANamedContextWithRelativeTokenFile() throws {
        let config = try KubeConfig.kubeconfig(yaml: Self.yaml, context: "other", directory: "/etc/kube")
        #expect(config.server == "http://127.0.0.1:8080")
        #expect(config.namespace == "default")
        #expect(config.credentials == .tokenFile("/etc/kube/tokens/robot"))
        #expect(config.insecureSkipTLSVerify)
    }

    @Test func rejectsUnknownContexts() {
        #expect(throws: KubeError.self) { try KubeConfig.kubeconfig(yaml: Self.yaml, context: "missing") }
        #expect(throws: KubeError.self) { try KubeConfig.kubeconfig(yaml: "a: [") }
    }

    @Test func prefersKUBECONFIGAndFallsBackToInCluster() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.yaml.write(toFile: "\(directory)/config", atomically: true, encoding: .utf8)
        let fromVariable = try KubeConfig.load(environment: ["KUBECONFIG": "/nonexistent:\(directory)/config", "HOME": "/nonexistent"])
        #expect(fromVariable.namespace == "team-a")

        try "token-1\n".write(toFile: "\(directory)/token", atomically: true, encoding: .utf8)
        try "kube-system".write(toFile: "\(directory)/namespace", atomically: true, encoding: .utf8)
        let inCluster = try KubeConfig.inCluster(environment: ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"], directory: directory)
        #expect(inCluster.server == "https://10.0.0.1:443")
        #expect(inCluster.namespace == "kube-system")
        #expect(inCluster.credentials == .tokenFile("\(directory)/token"))
        #expect(throws: KubeError.self) { try KubeConfig.load(environment: ["HOME": "/nonexistent"]) }
    }

    @Test func rereadsARotatedTokenFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)").path
        try "first\n".write(toFile: path, atomically: true, encoding: .utf8)
        let token = BearerToken(credentials: .tokenFile(path), refreshInterval: .zero)
        #expect(try await token.current() == "first")
        try "second".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await token.current() == "second")
        let cached = BearerToken(credentials: .tokenFile(path), refreshInterval: .seconds(3600))
        #expect(try await cached.current() == "second")
        try "third".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await cached.current() == "second")
    }
}

/// The parts of kubeconfig that managed clusters use: exec plugins, merged `$KUBECONFIG` files,
/// and settings refused by name instead of ignored.
struct KubeConfigAuthenticationTests {
    @Test func readsExecPlugins() throws {
        let yaml = """
            current-context: eks
            clusters: [{name: eks, cluster: {server: "https://eks.example"}}]
            contexts: [{name: eks, context: {cluster: eks, user: aws}}]
            users:
            - name: aws
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: aws
                  args: [eks, get-token, --cluster-name, demo]
                  env: [{name: AWS_PROFILE, value: ops}]
                  installHint: Install the AWS CLI
                  interactiveMode: Never
            """
        let config = try KubeConfig.kubeconfig(yaml: yaml)
        #expect(config.credentials == .exec(ExecCredentialPlugin(
            apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", arguments: ["eks", "get-token", "--cluster-name", "demo"],
            environment: ["AWS_PROFILE": "ops"], installHint: "Install the AWS CLI", interactiveMode: "Never"
        )))
        let relative = try KubeConfig.kubeconfig(yaml: yaml.replacingOccurrences(of: "command: aws", with: "command: bin/get-token"), directory: "/etc/kube")
        guard case .exec(let plugin) = relative.credentials else { Issue.record("not exec"); return }
        #expect(plugin.command == "/etc/kube/bin/get-token")
        #expect(throws: KubeError.self) { try KubeConfig.kubeconfig(yaml: yaml.replacingOccurrences(of: "v1beta1", with: "v1alpha1")) }
        #expect(throws: KubeError.self) { try KubeConfig.kubeconfig(yaml: yaml.replacingOccurrences(of: "Never", with: "Always")) }
    }

    @Test func refusesWhatItDoesNotImplementByName() throws {
        let base = """
            current-context: c
            clusters: [{name: c, cluster: {server: "https://k.example"CLUSTER}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            users: [{name: u, user: {USER}}]
            """
        for (cluster, user, message) in [
            (", proxy-url: \"http://proxy:3128\"", "token: t", "proxy-url (http://proxy:3128) is not supported"),
            (", tls-server-name: api", "token: t", "tls-server-name is not supported"),
            ("", "auth-provider: {name: gcp}", "the gcp auth-provider was removed"),
            ("", "username: admin, password: pw", "basic authentication"),
            ("", "token: t, as: someone", "impersonation"),
        ] {
            let yaml = base.replacingOccurrences(of: "CLUSTER", with: cluster).replacingOccurrences(of: "USER", with: user)
            #expect { try KubeConfig.kubeconfig(yaml: yaml) } throws: { "\($0)".contains(message) }
        }
    }

    @Test func mergesKUBECONFIGFilesLikeKubectl() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(directory)/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(directory)/b", withIntermediateDirectories: true)
        try """
            current-context: prod
            contexts: [{name: prod, context: {cluster: prod, user: robot, namespace: ops}}]
            users: [{name: robot, user: {tokenFile: robot.token}}]
            """.write(toFile: "\(directory)/a/config", atomically: true, encoding: .utf8)
        try """
            current-context: other
            clusters: [{name: prod, cluster: {server: "https://prod.example", certificate-authority: ca.pem}}]
            contexts: [{name: prod, context: {cluster: ignored}}]
            users: [{name: robot, user: {token: ignored}}]
            """.write(toFile: "\(directory)/b/config", atomically: true, encoding: .utf8)
        try "CA".write(toFile: "\(directory)/b/ca.pem", atomically: true, encoding: .utf8)
        let config = try KubeConfig.load(environment: ["KUBECONFIG": "\(directory)/a/config:\(directory)/b/config", "HOME": "/nonexistent"])
        #expect(config.server == "https://prod.example")
        #expect(config.namespace == "ops")
        #expect(config.credentials == .tokenFile("\(directory)/a/robot.token"))
        #expect(config.certificateAuthorityPEM == Array("CA".utf8))
        #expect(throws: KubeError.self) {
            try KubeConfig.load(environment: ["KUBECONFIG": "\(directory)/a/config:\(directory)/b/config", "HOME": "/nonexistent"], context: "other")
        }
    }
}
