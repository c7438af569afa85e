import Foundation
import TestSupport
import KubeAPI
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `aiven-operator dev` process (LocalKube + Aiven emulator + operator) in a scratch
/// directory, driven the way a user drives it: the real `kubectl`, and HTTP to the emulator.
final class DevEnvironment: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    typealias Output = CommandOutput

    static let repositoryRoot = TestPaths.repositoryRoot

    static let binary = TestPaths.operatorBinary

    let directory: URL
    let home: URL
    let process: Process
    let logFile: URL
    let aivenURL: String
    let token: String

    var kubeconfig: String { directory.appendingPathComponent("state/kubeconfig").path }

    /// The directory `dev` keeps its state in (`--state-dir`).
    var stateDirectory: URL { directory.appendingPathComponent("state") }

    /// Starts `dev` and waits until it has printed its addresses; `resuming` reuses an earlier
    /// environment's directory, as a user restarting `dev` with the same `--state-dir`.
    init(resuming earlier: DevEnvironment? = nil, provisionDelay: Double = 0.3, resyncInterval: Double = 600, arguments: [String] = []) async throws {
        directory = earlier?.directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("aiven-e2e-\(UUID().uuidString.prefix(8))")
        home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        logFile = directory.appendingPathComponent("dev.log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "dev", "--state-dir", directory.appendingPathComponent("state").path,
            "--provision-delay", String(provisionDelay), "--resync-interval", String(resyncInterval), "--log-level", "debug",
        ] + arguments
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        var url: String?
        for _ in 0..<600 {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Aiven emulator:") }), text.contains("export KUBECONFIG=") {
                url = line.split(separator: " ").last.map(String.init)
                break
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard let url else {
            process.terminate()
            throw Failure(description: "dev did not start: \((try? String(contentsOf: logFile, encoding: .utf8)) ?? "")")
        }
        aivenURL = url
        token = try String(contentsOf: directory.appendingPathComponent("state/aiven-token"), encoding: .utf8)
    }

    /// Stops `dev` (SIGTERM, as a user's Ctrl-C) and returns everything it logged.
    @discardableResult
    func stop() -> String {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// Stops `dev` with SIGINT (Ctrl-C in a terminal) and returns its exit status.
    func interrupt() -> Int32 {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    // MARK: kubectl

    /// `kubectl` with this environment's kubeconfig, a private HOME and a timeout.
    var kubectl: Kubectl { Kubectl(kubeconfig: kubeconfig, home: home.path) }

    /// `kubectl apply -f -` of `manifest`, which must succeed.
    func apply(_ manifest: String) async throws {
        await try kubectl.must(["apply", "-f", "-"], stdin: manifest)
    }

    /// The object as JSON (`nil` when it does not exist).
    func get(_ resource: String, _ name: String, namespace: String = "default") async throws -> JSONValue? {
        await try kubectl.get(resource, name, namespace: namespace)
    }

    /// The condition of `type` of a KafkaConnect.
    func condition(_ name: String, _ type: String) async throws -> JSONValue? {
        await try kubectl.condition(name, type)
    }

    // MARK: Aiven

    /// A request to the emulator (with the dev token); returns status and JSON body.
    func aiven(_ method: String, _ path: String, body: JSONValue? = nil, token: String? = nil) async throws -> (status: Int, body: JSONValue) {
        var request = URLRequest(url: URL(string: aivenURL + path)!)
        request.httpMethod = method
        request.setValue("aivenv1 \(token ?? self.token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.jsonBytes)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = data.isEmpty ? JSONValue.null : ((try? JSONParser().parse(Array(data))) ?? .string(String(decoding: data, as: UTF8.self)))
        return (status, json)
    }

    /// The service as the emulator reports it, or `nil` after a 404.
    func service(_ project: String, _ name: String) async throws -> JSONValue? {
        let (status, body) = try await aiven("GET", "/v1/project/\(project)/service/\(name)")
        if status == 404 { return nil }
        guard status == 200 else { throw Failure(description: "GET service: \(status) \(body.jsonString)") }
        return body["service"]
    }

    /// Number of requests the emulator has served.
    func aivenRequestCount() async throws -> Int {
        let (_, body) = try await aiven("GET", "/_emulator/requests")
        if let total = body["total"]?.integerValue { return Int(total) }
        return body["requests"]?.arrayValue?.count ?? 0
    }

    // MARK: Waiting

    /// Polls until `check` is true; fails with `description` and the dev log after `timeout`.
    func eventually(_ description: String, timeout: Duration = .seconds(60), _ check: () async throws -> Bool) async throws {
        if try await Eventually.poll(timeout: timeout, check).reached { return }
        throw Failure(description: "timed out waiting for \(description)\n--- dev log (tail) ---\n\(String(stop().suffix(4000)))")
    }

    /// Waits until the KafkaConnect reports `Ready` with `status` (default `True`).
    func waitUntilReady(_ name: String, status: String = "True", reason: String? = nil) async throws {
        try await eventually("\(name) Ready=\(status)\(reason.map { " (\($0))" } ?? "")") {
            guard let condition = await try self.condition(name, "Ready") else { return false }
            return condition["status"]?.stringValue == status && (reason == nil || condition["reason"]?.stringValue == reason)
        }
    }
}
