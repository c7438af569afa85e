import Foundation
import KubeAPI
import TestSupport
import Testing

/// A bare cluster to install the operator into by one of its install routes: LocalKube started
/// as a fresh cluster (`apiserver --tls --no-crds`) that runs the Deployment of the operator's
/// image as the operator binary (`--run-image 'IMAGE=BINARY run'`, `run` being the image's
/// entrypoint argument), beside the Aiven emulator. Everything it starts stops in ``stop()``
/// (pods with LocalKube), and on deinit.
final class OperatorCluster: Sendable {
    static let namespace = "aiven-operator-system"
    static let token = "aiven-test-token"

    /// What the pods run: the static release build when `.ci/run` made one
    /// (AIVEN_OPERATOR_RELEASE_BINARY), else the build the tests run from.
    static let podBinary = ReleaseBinary.path ?? TestPaths.operatorBinary.path

    let kube: LocalKubeServer
    let emulator: AivenEmulatorProcess
    /// The pods' private directories (their working directories) in the operator's namespace.
    let pods: URL

    init(image: String) async throws {
        kube = try await LocalKubeServer(extraArguments: ["--no-crds", "--run-image", "\(image)=\(Self.podBinary) run"])
        do {
            emulator = try await AivenEmulatorProcess(token: Self.token, in: kube.directory)
        } catch {
            kube.stop()
            throw error
        }
        pods = kube.directory.appendingPathComponent("state/pods/\(Self.namespace)")
    }

    func stop() {
        kube.stop()
        emulator.child.stop()
    }

    func kubectl(_ arguments: [String], stdin: String? = nil, seconds: Int = 60) async throws -> CommandOutput {
        try await kube.kubectl(arguments, stdin: stdin, seconds: seconds)
    }

    /// `kubectl create secret generic NAME --from-literal=token=…` in `namespace`.
    func createTokenSecret(_ name: String, in namespace: String) async throws {
        let created = try await kubectl(["create", "secret", "generic", name, "-n", namespace, "--from-literal=token=\(Self.token)"])
        try #require(created.status == 0, "\(created.stderr)")
    }

    /// The operator's processes (pod directory → pid).
    var operatorProcesses: [String: Int32] { PodProcesses.running(under: pods) }

    /// Waits until exactly one operator process runs and none of `gone` does; returns it.
    func onlyOperatorProcess(besides gone: [Int32] = []) async throws -> (directory: String, pid: Int32) {
        let outcome = try await Eventually.poll(timeout: .seconds(120)) {
            self.operatorProcesses.count == 1 && gone.allSatisfy { kill($0, 0) != 0 } && !gone.contains(self.operatorProcesses.first!.value)
        }
        let processes = operatorProcesses
        try #require(outcome.reached && processes.count == 1, "one operator process, none of \(gone): \(processes)\n\(podLogs)")
        return (processes.first!.key, processes.first!.value)
    }

    /// The tail of every pod's log, for failure messages.
    var podLogs: String {
        let directories = (try? FileManager.default.contentsOfDirectory(atPath: pods.path)) ?? []
        return directories.map { pod in
            let log = (try? String(contentsOfFile: pods.appendingPathComponent("\(pod)/log").path, encoding: .utf8)) ?? ""
            return "--- \(pod):\n" + log.split(separator: "\n").suffix(15).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `kubectl rollout status deployment/aiven-operator -n aiven-operator-system` completes,
    /// and the Deployment's status then shows its one replica ready and available.
    func expectRolledOut(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let rollout = try await kubectl(["rollout", "status", "deployment/aiven-operator", "-n", Self.namespace, "--timeout=150s"], seconds: 160)
        #expect(rollout.status == 0, "\(rollout.stdout)\(rollout.stderr)\n\(podLogs)", sourceLocation: sourceLocation)
        #expect(rollout.stdout.hasSuffix("deployment \"aiven-operator\" successfully rolled out\n"), "\(rollout.stdout)", sourceLocation: sourceLocation)
        let status = try JSONParser().parse(try await kubectl(["get", "deployment", "aiven-operator", "-n", Self.namespace, "-o", "jsonpath={.status}"]).stdout)
        #expect(status["readyReplicas"] == 1, "\(status)", sourceLocation: sourceLocation)
        #expect(status["availableReplicas"] == 1, "\(status)", sourceLocation: sourceLocation)
        #expect(status["conditions"]?.arrayValue?.first { $0["type"] == "Available" }?["status"] == "True", sourceLocation: sourceLocation)
    }

    /// The seed example (`examples/kafkaconnect.yaml`, its token Secret `aiven-token` in
    /// `default`) applied and reconciled by the installed operator: `RUNNING` in its status and
    /// on the emulator.
    func expectExampleRunning(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await createTokenSecret("aiven-token", in: "default")
        let applied = try await kubectl(["apply", "-f", TestPaths.repositoryRoot.appendingPathComponent("examples/kafkaconnect.yaml").path])
        try #require(applied.status == 0, "\(applied.stderr)", sourceLocation: sourceLocation)
        let running = try await Eventually.poll(timeout: .seconds(180), interval: .milliseconds(500)) {
            try await self.kubectl(["get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.status.state}"]).stdout == "RUNNING"
        }
        #expect(running.reached, "the example is not RUNNING:\n\(podLogs)", sourceLocation: sourceLocation)
        #expect(try await serviceState() == "RUNNING", sourceLocation: sourceLocation)
    }

    /// The example's service as Aiven (the emulator) reports it; `nil` when there is none.
    func serviceState() async throws -> String? {
        let output = try await CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["timeout", "10", "curl", "-sf", "-H", "Authorization: aivenv1 \(Self.token)", "\(emulator.url)/v1/project/my-aiven-project/service/my-kafka-connect"]
        )
        guard output.status == 0 else { return nil }
        return try JSONParser().parse(output.stdout)[path: ["service", "state"]]?.stringValue
    }

    deinit { stop() }
}
