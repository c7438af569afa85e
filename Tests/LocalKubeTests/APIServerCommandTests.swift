import Foundation
import KubeAPI
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The `aiven-operator apiserver` contract external scripts rely on: `--port`, `--state-dir`,
/// `DIR/kubeconfig`, and persistence across restarts.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: OperatorExecutable.path), "needs the built aiven-operator executable"))
struct APIServerCommandTests {
    static let executable = OperatorExecutable.path

    @Test func servesAndWritesAKubeconfigThatSurvivesRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apiserver-\(UUID().uuidString)").path
        var server = try await Self.start(stateDirectory: directory)
        let kubeconfig = try KubeconfigFile(path: "\(directory)/kubeconfig")
        #expect(kubeconfig.server.hasPrefix("http://127.0.0.1:"))
        #expect(kubeconfig.document["current-context"] == "local")
        let created = try await Self.send("POST", kubeconfig.server + "/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects", body: RunningLocalKube.kafkaConnect("kept"))
        #expect(created.code == 201)
        try await Self.stop(server)

        server = try await Self.start(stateDirectory: directory)
        defer { server.terminate() }
        let restarted = try KubeconfigFile(path: "\(directory)/kubeconfig")
        let kept = try await Self.send("GET", restarted.server + "/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects/kept")
        #expect(kept.code == 200)
        #expect(kept.body[path: ["metadata", "uid"]] == created.body[path: ["metadata", "uid"]])
    }

    /// Issue 23: `--no-crds` is a fresh cluster (Helm refuses to install CRDs it does not own);
    /// the default still serves the aiven.io kinds.
    @Test func noCRDsStartsWithoutTheAivenKinds() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apiserver-\(UUID().uuidString)").path
        let bare = try await Self.start(stateDirectory: directory, arguments: ["--no-crds"])
        let server = try KubeconfigFile(path: "\(directory)/kubeconfig").server
        let definitions = try await Self.send("GET", server + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
        #expect(definitions.code == 200)
        #expect(definitions.body["items"]?.arrayValue == [])
        #expect(try await Self.send("GET", server + "/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects").code == 404)
        #expect(try await Self.send("GET", server + "/api/v1/namespaces/default").code == 200)
        try await Self.stop(bare)

        let other = FileManager.default.temporaryDirectory.appendingPathComponent("apiserver-\(UUID().uuidString)").path
        let full = try await Self.start(stateDirectory: other)
        defer { full.terminate() }
        let listed = try await Self.send("GET", try KubeconfigFile(path: "\(other)/kubeconfig").server + "/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects")
        #expect(listed.code == 200)
    }

    @Test func refusesPlainHTTPOffLoopback() async throws {
        let output = try await ChildProcess.run([Self.executable, "apiserver", "--port", "0", "--host", "0.0.0.0"], environment: ProcessInfo.processInfo.environment)
        #expect(output.status != 0)
        #expect(output.stderr.contains("refusing to serve plain HTTP on non-loopback address 0.0.0.0"))
    }

    struct KubeconfigFile {
        let document: JSONValue
        let server: String

        init(path: String) throws {
            document = try YAMLDocuments.load(String(contentsOfFile: path, encoding: .utf8))[0]
            server = document["clusters"]?.arrayValue?.first?[path: ["cluster", "server"]]?.stringValue ?? ""
        }
    }

    /// Starts the server on a free port and waits until it has written its kubeconfig and answers.
    static func start(stateDirectory: String, arguments: [String] = []) async throws -> Process {
        try? FileManager.default.removeItem(atPath: "\(stateDirectory)/kubeconfig")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["apiserver", "--port", "0", "--state-dir", stateDirectory] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        while true {
            if let file = try? KubeconfigFile(path: "\(stateDirectory)/kubeconfig"), (try? await send("GET", file.server + "/readyz").code) == 200 {
                return process
            }
            try #require(process.isRunning, "apiserver exited before serving")
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func stop(_ process: Process) async throws {
        process.terminate()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    static func send(_ method: String, _ url: String, body: JSONValue? = nil) async throws -> (code: Int, body: JSONValue) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.jsonBytes)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, (try? JSONParser().parse(Array(data))) ?? .null)
    }
}

/// The `aiven-operator` executable, which sits next to the test bundle in the build directory.
enum OperatorExecutable {
    static let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aiven-operator").path
}
