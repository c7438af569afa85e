import Foundation
import KubeAPI
import Synchronization
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `apiserver --state-dir` killed with `kill -9` in the middle of a burst of writes: every write
/// it acknowledged is there after the restart, nothing half-applied, resourceVersions go on
/// increasing.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct LocalKubeCrashTests {
    /// What a client knows about one Lease it alone writes: its acknowledged holder (`nil` when
    /// deleted or never created) and, when a request was cut by the kill, the holder that
    /// request would have left.
    struct Expectation {
        var acknowledged: String?
        var inFlight: String??
    }

    /// Acknowledged writes so far, shared by the clients of one round.
    final class WriteCount: Sendable {
        let value = Atomic(0)
    }

    static let leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases"

    @Test func everyAcknowledgedWriteSurvivesKill9() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("localkube-crash-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let state = directory.appendingPathComponent("state").path
        let server = try ChildProcess(name: "apiserver", arguments: ["apiserver", "--port", "0", "--state-dir", state], directory: directory)
        defer { server.kill9() }
        let line = try await server.waitForLine(containing: "Server started and listening on ")
        let port = try #require(line.split(separator: ":").last.map(String.init))
        server.arguments = ["apiserver", "--port", port, "--state-dir", state]
        let url = "http://127.0.0.1:\(port)"

        var expectations: [String: Expectation] = [:]
        var highestAcknowledged: Int64 = 0
        for round in 0..<4 {
            // The kill lands after a random number of acknowledged writes (not after a fixed
            // time, which a loaded machine may spend before the first write).
            let acknowledgedWrites = WriteCount()
            let killAfter = Int.random(in: 40...400)
            // Several clients, each on its own Leases, create, update and delete as fast as the
            // server answers until the kill cuts them off.
            let clients = (0..<4).map { client in
                Task { () -> ([String: Expectation], Int64) in
                    var known: [String: Expectation] = [:]
                    var highest: Int64 = 0
                    for step in 0..<100_000 {
                        let name = "r\(round)-c\(client)-\(step % 7)"
                        let current = known[name]?.acknowledged
                        let (method, path, body, next): (String, String, JSONValue?, String?)
                        switch (current, step % 5) {
                        case (nil, _):
                            (method, path, body, next) = ("POST", Self.leases, ["metadata": ["name": .string(name)], "spec": ["holderIdentity": .string("v\(step)")]], "v\(step)")
                        case (.some, 4):
                            (method, path, body, next) = ("DELETE", Self.leases + "/" + name, nil, nil)
                        default:
                            (method, path, body, next) = ("PATCH", Self.leases + "/" + name, ["spec": ["holderIdentity": .string("v\(step)")]], "v\(step)")
                        }
                        guard let (code, answer) = try? await Self.send(method, url + path, body) else {
                            known[name, default: Expectation()].inFlight = .some(next)
                            return (known, highest)
                        }
                        guard (200..<300).contains(code) else { Issue.record("\(method) \(name) answered \(code): \(answer)"); return (known, highest) }
                        known[name, default: Expectation()].acknowledged = next
                        acknowledgedWrites.value.add(1, ordering: .relaxed)
                        highest = max(highest, Int64(answer[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0)
                    }
                    return (known, highest)
                }
            }
            let enoughWrites = try await Eventually.poll(timeout: .seconds(120), interval: .milliseconds(5)) {
                acknowledgedWrites.value.load(ordering: .relaxed) >= killAfter
            }
            #expect(enoughWrites.reached, "round \(round): the clients made \(killAfter) writes before the kill")
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...200)))
            server.kill9()
            for client in clients {
                let (known, highest) = await client.value
                expectations.merge(known) { _, new in new }
                highestAcknowledged = max(highestAcknowledged, highest)
            }
            try server.start()
            _ = try await server.waitForLine(containing: "Server started and listening on ")

            let (code, list) = try await Self.send("GET", url + Self.leases, nil)
            #expect(code == 200)
            let stored = Dictionary(uniqueKeysWithValues: (list["items"]?.arrayValue ?? []).map {
                ($0[path: ["metadata", "name"]]?.stringValue ?? "", $0[path: ["spec", "holderIdentity"]]?.stringValue)
            })
            for (name, expectation) in expectations {
                let found: String? = stored[name] ?? nil
                var allowed: [String?] = [expectation.acknowledged]
                if let inFlight = expectation.inFlight { allowed.append(inFlight) }
                #expect(allowed.contains(found), "round \(round): \(name) is \(found ?? "absent"), acknowledged \(expectation.acknowledged ?? "absent")")
                expectations[name]?.inFlight = nil
                expectations[name]?.acknowledged = found
            }
            let version = Int64(list[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0
            #expect(version >= highestAcknowledged, "round \(round): resourceVersion \(version) went back below \(highestAcknowledged)")
        }
    }

    static func send(_ method: String, _ url: String, _ body: JSONValue?) async throws -> (Int, JSONValue) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        if let body {
            request.setValue(method == "PATCH" ? "application/merge-patch+json" : "application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.jsonBytes)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, (try? JSONParser().parse(Array(data))) ?? .null)
    }
}
