import Foundation
import KubeAPI
import Synchronization
import TestSupport
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `aiven-operator emulator --state-file`: every create the emulator acknowledged survives
/// `kill -9` at a random moment of a burst of concurrent writers (several rounds).
@Suite struct EmulatorCrashTests {
    final class Acknowledged: Sendable {
        let names = Mutex<Set<String>>([])
    }

    static func send(_ method: String, _ url: String, body: String? = nil) async throws -> (Int, JSONValue?) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("aivenv1 crash-token", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.timeoutInterval = 10
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try? JSONParser().parse(Array(data)))
    }

    static func start(_ emulator: ChildProcess) async throws -> String {
        try emulator.start()
        let line = try await emulator.waitForLine(containing: "emulator listening on", timeout: .seconds(30))
        return try #require(line.split(separator: " ").last.map(String.init))
    }

    @Test func acknowledgedCreatesSurviveKill9() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("aiven-state").path
        let emulator = try ChildProcess(
            name: "emulator", arguments: ["emulator", "--port", "0", "--state-file", state, "--provision-delay", "0"], directory: directory)
        let acknowledged = Acknowledged()
        for round in 0..<3 {
            let url = try await Self.start(emulator)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for index in 0..<500 {
                            let name = "r\(round)-w\(writer)-\(index)"
                            let body = #"{"service_name": "\#(name)", "service_type": "kafka_connect", "plan": "startup-4"}"#
                            guard let (status, _) = try? await Self.send("POST", "\(url)/v1/project/crash/service", body: body) else { return }
                            if status == 200 { acknowledged.names.withLock { _ = $0.insert(name) } }
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...900)))
                emulator.kill9()
                try await group.waitForAll()
            }
        }
        let url = try await Self.start(emulator)
        let (status, list) = try await Self.send("GET", "\(url)/v1/project/crash/service")
        emulator.stop()
        #expect(status == 200)
        let stored = Set(list?["services"]?.arrayValue?.compactMap { $0["service_name"]?.stringValue } ?? [])
        let expected = acknowledged.names.withLock { $0 }
        #expect(!expected.isEmpty)
        #expect(expected.subtracting(stored).isEmpty, "acknowledged but lost: \(expected.subtracting(stored).sorted().prefix(10))")
    }
}
