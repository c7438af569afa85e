import Foundation
import KubeAPI
import LocalKube
import Testing

/// `--state-dir`: what LocalKube keeps across restarts, how it guards it, and what it refuses to
/// start over.
struct PersistenceTests {
    typealias Server = RunningLocalKube
    let path = Server.kafkaConnects

    static func newDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("localkube-\(UUID().uuidString)").path
    }

    private static func mode(_ path: String) -> Int? {
        try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func aMissingStateDirectoryIsCreatedPrivateAndKeepsObjects() async throws {
        // `dev` passes DIR/kube, which does not exist on the first start.
        let directory = Self.newDirectory() + "/kube"
        let first = try await Server.start(stateDirectory: directory)
        let created = try await first.request("POST", path, body: Server.kafkaConnect("kept"))
        #expect(created.code == 201)
        let secret = try await first.request("POST", "/api/v1/namespaces/default/secrets", body: ["metadata": ["name": "token"], "data": ["token": "c2VjcmV0"]])
        #expect(secret.code == 201)
        await first.stop()
        #expect(Self.mode(directory) == 0o700)
        #expect(Self.mode(directory + "/objects.log") == 0o600)

        let second = try await Server.start(stateDirectory: directory)
        defer { Task { await second.stop() } }
        #expect(try await second.request("GET", path + "/kept").body[path: ["metadata", "uid"]] == created.body[path: ["metadata", "uid"]])
        #expect(try await second.request("GET", "/api/v1/namespaces/default/secrets/token").body[path: ["data", "token"]] == "c2VjcmV0")
    }

    @Test func manyChangesAreCompactedAndReplayedWithIncreasingVersions() async throws {
        let directory = Self.newDirectory()
        let first = try await Server.start(stateDirectory: directory)
        // What a start writes by itself (the served CRDs, bootstrap RBAC): not this test's changes.
        let baseline = try #require(try FileManager.default.attributesOfItem(atPath: directory + "/objects.log")[.size] as? Int)
        // More changes than the compaction threshold, several per object, some deleted.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<150 {
                        let name = "s-\(writer)-\(index)"
                        try await first.request("POST", "/api/v1/namespaces/default/secrets", body: ["metadata": ["name": .string(name)], "stringData": ["v": "1"]])
                        try await first.request("PATCH", "/api/v1/namespaces/default/secrets/\(name)", body: ["metadata": ["labels": ["v": "2"]]], contentType: "application/merge-patch+json")
                        if index % 3 == 0 { try await first.request("DELETE", "/api/v1/namespaces/default/secrets/\(name)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        let before = try await first.request("GET", "/api/v1/namespaces/default/secrets").body
        await first.stop()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: directory + "/objects.log")[.size] as? Int)

        let second = try await Server.start(stateDirectory: directory)
        defer { Task { await second.stop() } }
        let after = try await second.request("GET", "/api/v1/namespaces/default/secrets").body
        #expect(after["items"] == before["items"])
        #expect(after["items"]?.arrayValue?.count == 400)
        #expect(after["items"]?.arrayValue?.allSatisfy { $0[path: ["metadata", "labels", "v"]] == "2" } == true)
        // 1,200 changes of ~550 bytes (managedFields included) would be ~660 KB uncompacted.
        #expect(size - baseline < 450_000, "the log was compacted (\(size) bytes, \(baseline) of them written at start)")
        let next = try await second.request("POST", path, body: Server.kafkaConnect("next")).body
        let lastBefore = Int64(before[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? .max
        #expect((Int64(next[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0) > lastBefore)
    }

    @Test func anInterruptedLastWriteIsDroppedAndTheRestKept() async throws {
        let directory = Self.newDirectory()
        let first = try await Server.start(stateDirectory: directory)
        try await first.request("POST", path, body: Server.kafkaConnect("complete"))
        await first.stop()
        let handle = try #require(FileHandle(forWritingAtPath: directory + "/objects.log"))
        handle.seekToEndOfFile()
        handle.write(Data([200, 0, 0, 0, 9, 9, 9, 9]) + Data(#"{"op":"put","gro"#.utf8))
        try handle.close()

        let second = try await Server.start(stateDirectory: directory)
        defer { Task { await second.stop() } }
        #expect(try await second.request("GET", path + "/complete").code == 200)
        #expect(try await second.request("POST", path, body: Server.kafkaConnect("after")).code == 201)
    }

    /// Item 3 of issue 13: every one of these used to start an empty store (and overwrite the
    /// file on the first write) or crash on the first write.
    @Test(arguments: [
        (#"[1,2,3]"#, "expected an object, found array"),
        ("null", "expected an object, found null"),
        (#"{"resourceVersion": 3, "objects": 5}"#, #""objects" must be an array"#),
        (#"{"resourceVersion": 3, "objects": [{"group": "", "object": {"metadata": {"name": "a", "resourceVersion": "1"}}}]}"#, #"objects[0]: "resource" must be a string"#),
        (#"{"resourceVersion": 9223372036854775807, "objects": []}"#, "resourceVersion 9223372036854775807 is out of range"),
        (#"{"resourceVersion": -4, "objects": []}"#, "resourceVersion -4 is out of range"),
        (#"{"resourceVersion": 3, "objects": [{"group": "", "resource": "secrets", "object": {"metadata": {"name": "a", "resourceVersion": "99999999999999999999"}}}]}"#, "metadata.resourceVersion of a must be an integer"),
        (#"{"resourceVersion": 3, "objects": [{"#, "is not valid JSON"),
    ])
    func aStateFileThatCannotBeReadIsRefusedNamingIt(content: String, problem: String) async throws {
        let directory = Self.newDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/objects.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
        let kube = LocalKube(configuration: LocalKubeConfiguration(stateDirectory: directory))
        do {
            _ = try await kube.start()
            await kube.stop()
            Issue.record("started over \(content)")
        } catch {
            #expect("\(error)".contains(file), "names the file: \(error)")
            #expect("\(error)".contains(problem), "says what is wrong: \(error)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == content, "the file is left alone")
    }

    @Test func aLogRecordThatCannotBeReadIsRefusedNamingIt() async throws {
        let directory = Self.newDirectory()
        let first = try await Server.start(stateDirectory: directory)
        try await first.request("POST", path, body: Server.kafkaConnect("kept"))
        await first.stop()
        let log = directory + "/objects.log"
        let original = try Data(contentsOf: URL(fileURLWithPath: log))
        // A complete, checksummed record of the wrong shape is not an interrupted write.
        let record = Array(#"{"op":"put","group":"","resource":"secrets","object":{"metadata":{"resourceVersion":"-3","name":"x"}}}"#.utf8)
        var framed = original
        framed.append(contentsOf: withUnsafeBytes(of: UInt32(record.count).littleEndian, Array.init))
        framed.append(contentsOf: withUnsafeBytes(of: CRC.checksum(record).littleEndian, Array.init))
        framed.append(contentsOf: record)
        try framed.write(to: URL(fileURLWithPath: log))
        let kube = LocalKube(configuration: LocalKubeConfiguration(stateDirectory: directory))
        let wrongShape = await #expect(throws: (any Error).self) { _ = try await kube.start() }
        #expect(wrongShape.map { "\($0)" }?.contains(log) == true)
        #expect(wrongShape.map { "\($0)" }?.contains("cannot be read") == true)
        #expect(wrongShape.map { "\($0)" }?.contains("out of range") == true)
        try Data("{\"objects\": []}".utf8).write(to: URL(fileURLWithPath: log))
        let notAJournal = await #expect(throws: (any Error).self) { _ = try await kube.start() }
        #expect(notAJournal.map { "\($0)" }?.contains(log) == true)
        #expect(notAJournal.map { "\($0)" }?.contains("not a journal") == true)
    }
}

/// CRC-32 as the journal frames records (IEEE, as zlib).
enum CRC {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
