import Foundation
import TestSupport
import KubeAPI
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}

/// One `aiven-operator` subcommand as a child process, its stdout and stderr appended to a log
/// file that survives restarts.
final class ChildProcess: @unchecked Sendable {
    let name: String
    /// The arguments of the next `start()`.
    var arguments: [String]
    let logFile: URL
    private var process = Process()

    static let repositoryRoot = TestPaths.repositoryRoot

    /// The `aiven-operator` binary under test.
    static let binary = TestPaths.operatorBinary

    init(name: String, arguments: [String], directory: URL) throws {
        self.name = name
        self.arguments = arguments
        logFile = directory.appendingPathComponent("\(name).log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        try start()
    }

    /// Starts (or restarts) the process, appending to the same log.
    func start() throws {
        let handle = try FileHandle(forWritingTo: logFile)
        handle.seekToEndOfFile()
        handle.write(Data("--- start \(name) ---\n".utf8))
        process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DEFAULT_AIVEN_TOKEN"] = nil
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Everything logged so far, across restarts.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// `kill -9`: no chance to clean up, as when a node dies.
    func kill9() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Waits until the log has a line containing `marker` and returns the last such line.
    func waitForLine(containing marker: String, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            // Only what this run logged: a restart appends to the same file.
            let current = log.components(separatedBy: "--- start \(name) ---\n").last ?? ""
            if let line = current.split(separator: "\n").last(where: { $0.contains(marker) }) { return String(line) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessFailure(description: "\(name) did not log \(marker):\n\(log.suffix(3000))")
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// LocalKube, the Aiven emulator and one or more operators as separate processes on loopback,
/// driven with the real kubectl and HTTP, so that each can be killed and restarted on its own.
final class FaultEnvironment: @unchecked Sendable {
    typealias Output = CommandOutput

    static let project = "faults"

    let directory: URL
    let home: URL
    let token = "fault-token-\(UUID().uuidString.lowercased())"
    let apiserver: ChildProcess
    let emulator: ChildProcess
    private(set) var operators: [ChildProcess] = []
    let kubeURL: String
    let aivenURL: String

    var kubeconfig: String { directory.appendingPathComponent("state/kubeconfig").path }

    init(provisionDelay: Double = 0, operators count: Int = 1, leaderElect: Bool = false, resyncInterval: Double = 600) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("aiven-faults-\(UUID().uuidString.prefix(8))")
        home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let state = directory.appendingPathComponent("state").path

        apiserver = try ChildProcess(name: "apiserver", arguments: ["apiserver", "--port", "0", "--state-dir", state], directory: directory)
        // stdout is block-buffered into the log file: use the server's own (stderr) log line.
        let kubeLine = try await apiserver.waitForLine(containing: "Server started and listening on ")
        guard let port = kubeLine.split(separator: ":").last.map(String.init), Int(port) != nil else {
            throw HarnessFailure(description: "no LocalKube port in \(kubeLine)")
        }
        let url = "http://127.0.0.1:\(port)"
        try await Self.waitForFile(directory.appendingPathComponent("state/kubeconfig"))
        kubeURL = url
        // Restarts reuse the port, so the operators' kubeconfig stays valid.
        apiserver.arguments = ["apiserver", "--port", String(port), "--state-dir", state]

        emulator = try ChildProcess(
            name: "emulator",
            arguments: ["emulator", "--port", "0", "--token", token, "--provision-delay", String(provisionDelay), "--backup-after", "0"],
            directory: directory
        )
        let aivenLine = try await emulator.waitForLine(containing: "Aiven API emulator listening on ")
        aivenURL = String(aivenLine.split(separator: " ").last ?? "")

        let arguments = [
            "run", "--kubeconfig", directory.appendingPathComponent("state/kubeconfig").path, "--aiven-api-url", aivenURL,
            "--metrics-bind-address", "0", "--health-probe-bind-address", "0", "--log-level", "debug",
            "--resync-interval", String(resyncInterval),
        ] + (leaderElect ? ["--leader-elect", "--leader-election-namespace", "default"] : [])

        operatorArguments = arguments
        await try mustKubectl(["create", "secret", "generic", "aiven-token", "--from-literal=token=\(token)"])
        for _ in 0..<count { try startOperator() }
    }

    private let operatorArguments: [String]

    /// Starts one more operator process (an environment made with `operators: 0` gets its first
    /// only once the test has set the scene).
    func startOperator() throws {
        operators.append(try ChildProcess(name: "operator-\(operators.count)", arguments: operatorArguments, directory: directory))
    }

    private static func waitForFile(_ url: URL) async throws {
        for _ in 0..<400 {
            if FileManager.default.fileExists(atPath: url.path) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessFailure(description: "\(url.path) was not written")
    }

    /// Restarts LocalKube on the same port and state directory and waits until it serves.
    func restartAPIServer() async throws {
        try apiserver.start()
        _ = try await apiserver.waitForLine(containing: "Server started and listening on ")
    }

    /// Stops every process (SIGTERM).
    func stop() {
        for process in operators { process.stop() }
        emulator.stop()
        apiserver.stop()
    }

    deinit {
        stop()
        // FAULT_KEEP_LOGS=1 keeps the logs and LocalKube state for a look after the run.
        if ProcessInfo.processInfo.environment["FAULT_KEEP_LOGS"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Every operator log line so far, all operators and restarts.
    var operatorLogs: String { operators.map(\.log).joined(separator: "\n") }

    func logTail() -> String {
        operators.map { "--- \($0.name) ---\n\($0.log.suffix(4000))" }.joined(separator: "\n")
    }

    // MARK: kubectl

    /// `kubectl` with this environment's kubeconfig, a private HOME and a timeout.
    var kubectl: Kubectl { Kubectl(kubeconfig: kubeconfig, home: home.path) }

    /// `kubectl` that must succeed.
    @discardableResult
    func mustKubectl(_ arguments: [String], stdin: String? = nil) async throws -> Output {
        await try kubectl.must(arguments, stdin: stdin)
    }

    func apply(_ manifest: String) async throws {
        await try mustKubectl(["apply", "-f", "-"], stdin: manifest)
    }

    /// A KafkaConnect with the Secret as its token.
    func applyKafkaConnect(_ name: String, plan: String = "business-4") async throws {
        await try apply("""
            apiVersion: aiven.io/v1alpha1
            kind: KafkaConnect
            metadata:
              name: \(name)
            spec:
              authSecretRef: {name: aiven-token, key: token}
              project: \(Self.project)
              cloudName: google-europe-west1
              plan: \(plan)
            """)
    }

    func setPlan(_ name: String, _ plan: String) async throws {
        await try mustKubectl(["patch", "kafkaconnect", name, "--type", "merge", "-p", #"{"spec":{"plan":"\#(plan)"}}"#])
    }

    /// The object as JSON (`nil` when it does not exist).
    func get(_ resource: String, _ name: String, namespace: String = "default") async throws -> JSONValue? {
        await try kubectl.get(resource, name, namespace: namespace)
    }

    func condition(_ name: String, _ type: String) async throws -> JSONValue? {
        await try kubectl.condition(name, type)
    }

    // MARK: Aiven

    /// A request to the emulator with the token; returns status and JSON body.
    func aiven(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> (status: Int, body: JSONValue) {
        var request = URLRequest(url: URL(string: aivenURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        request.setValue("aivenv1 \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.jsonBytes)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = data.isEmpty ? JSONValue.null : ((try? JSONParser().parse(Array(data))) ?? .string(String(decoding: data, as: UTF8.self)))
        return (status, json)
    }

    /// Adds an emulator fault rule for `method` and `path` (concrete, template or `*`).
    func fault(_ method: String, _ path: String, count: Int = 1, _ action: JSONValue) async throws {
        var rule = action
        rule["method"] = .string(method)
        rule["path"] = .string(path)
        rule["count"] = .integer(Int64(count))
        let (status, body) = try await aiven("POST", "/_emulator/faults", body: rule)
        guard (200..<300).contains(status) else { throw HarnessFailure(description: "adding fault: \(status) \(body.jsonString)") }
    }

    /// The fault rules not used up yet.
    func pendingFaults() async throws -> [JSONValue] {
        try await aiven("GET", "/_emulator/faults").body["faults"]?.arrayValue ?? []
    }

    func clearFaults() async throws {
        _ = try await aiven("DELETE", "/_emulator/faults")
    }

    /// Waits until every injected fault has been hit.
    func waitUntilFaultsUsed(timeout: Duration = .seconds(90)) async throws {
        try await eventually("every injected fault to be hit", timeout: timeout) { try await self.pendingFaults().isEmpty }
    }

    /// Requests the emulator has served per `METHOD route-template`.
    func aivenRequests() async throws -> [String: Int] {
        let body = try await aiven("GET", "/_emulator/requests").body
        return (body["by_route"]?.objectValue ?? [:]).compactMapValues { $0.integerValue.map(Int.init) }
    }

    /// Every service of the project, by name (clear faults first).
    func services() async throws -> [String: JSONValue] {
        let (status, body) = try await aiven("GET", "/v1/project/\(Self.project)/service")
        guard status == 200 else { throw HarnessFailure(description: "listing services: \(status) \(body.jsonString)") }
        var byName: [String: JSONValue] = [:]
        for service in body["services"]?.arrayValue ?? [] {
            let name = service["service_name"]?.stringValue ?? ""
            if byName[name] != nil { throw HarnessFailure(description: "service \(name) listed twice") }
            byName[name] = service
        }
        return byName
    }

    func service(_ name: String) async throws -> JSONValue? {
        let (status, body) = try await aiven("GET", "/v1/project/\(Self.project)/service/\(name)")
        if status == 404 { return nil }
        guard status == 200 else { throw HarnessFailure(description: "GET service: \(status) \(body.jsonString)") }
        return body["service"]
    }

    // MARK: Waiting

    /// Polls until `check` is true; fails with `description` and the operator logs after `timeout`.
    func eventually(_ description: String, timeout: Duration = .seconds(90), _ check: () async throws -> Bool) async throws {
        let outcome = try await Eventually.poll(timeout: timeout, check)
        if outcome.reached { return }
        throw HarnessFailure(description: "timed out waiting for \(description)\(outcome.lastError.map { " (last error: \($0))" } ?? "")\n\(logTail())")
    }

    /// Waits until the KafkaConnect reports `Ready` with `status` (and `reason`); `True` only
    /// counts for the current generation.
    func waitUntilReady(_ name: String, status: String = "True", reason: String? = nil, timeout: Duration = .seconds(90)) async throws {
        try await eventually("\(name) Ready=\(status)\(reason.map { " (\($0))" } ?? "")", timeout: timeout) {
            guard let object = await try self.get("kafkaconnect", name),
                let condition = object["status"]?["conditions"]?.arrayValue?.first(where: { $0["type"]?.stringValue == "Ready" })
            else { return false }
            if status == "True", object["status"]?["observedGeneration"] != object["metadata"]?["generation"] { return false }
            return condition["status"]?.stringValue == status && (reason == nil || condition["reason"]?.stringValue == reason)
        }
    }

    // MARK: The invariants

    /// After a scenario: every live resource Ready with exactly its own service on Aiven (owner tag
    /// = its uid, RUNNING), nothing on Aiven for deleted resources or anything else, and the
    /// token in no operator log line, no Event and no status.
    func assertConverged(live: [String], deleted: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await clearFaults()
        for name in deleted {
            try await eventually("\(name) to be deleted") { await try self.get("kafkaconnect", name) == nil }
        }
        for name in live {
            try await waitUntilReady(name)
        }
        let services = try await services()
        #expect(Set(services.keys) == Set(live), "services on Aiven", sourceLocation: sourceLocation)
        for name in live {
            let uid = await try get("kafkaconnect", name)?["metadata"]?["uid"]?.stringValue
            #expect(uid != nil, sourceLocation: sourceLocation)
            #expect(services[name]?["tags"]?["aiven-operator-uid"]?.stringValue == uid, "\(name) is owned by its resource", sourceLocation: sourceLocation)
            #expect(services[name]?["state"]?.stringValue == "RUNNING", "\(name) is RUNNING", sourceLocation: sourceLocation)
        }
        await try assertNoTokenLeak(sourceLocation: sourceLocation)
    }

    func assertNoTokenLeak(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let events = await try mustKubectl(["get", "events", "-A", "-o", "json"]).stdout
        #expect(events.contains("\"items\""), sourceLocation: sourceLocation)
        #expect(!events.contains(token), "the token leaked into an Event", sourceLocation: sourceLocation)
        let resources = await try mustKubectl(["get", "kafkaconnects", "-A", "-o", "json"]).stdout
        #expect(!resources.contains(token), "the token leaked into a resource status", sourceLocation: sourceLocation)
        let logs = operatorLogs
        #expect(logs.contains("starting"), "the operator logs were captured", sourceLocation: sourceLocation)
        for line in logs.split(separator: "\n") where line.contains(token) {
            Issue.record("the token leaked into the operator log: \(line.prefix(300))", sourceLocation: sourceLocation)
        }
    }
}
