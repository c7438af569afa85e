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
