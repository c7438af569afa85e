import Foundation
import TestSupport
import KubeAPI
import Testing

/// `aiven-operator dev --state-dir D` keeps what it promises (issue 13, items 1 and 2):
/// secrets on disk are private, and a restart with the same D resumes where it stopped.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct DevRestartTests {
    static let name = "my-kafka-connect"
    static let project = "my-aiven-project"

    /// Permission bits of `path` (`nil` when it does not exist).
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    /// Every directory and regular file under `root`, `root` included.
    static func tree(_ root: URL) -> (directories: [String], files: [String]) {
        var directories = [root.path], files: [String] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { directories.append(path) } else { files.append(path) }
        }
        return (directories, files)
    }

    /// Services the emulator holds under `name` in the project's service list.
    static func services(named name: String, in dev: DevEnvironment) async throws -> Int {
        let (status, body) = try await dev.aiven("GET", "/v1/project/\(project)/service")
        guard status == 200 else { throw DevEnvironment.Failure(description: "list services: \(status) \(body.jsonString)") }
        return body["services"]?.arrayValue?.filter { $0["service_name"]?.stringValue == name }.count ?? -1
    }

    @Test func stateDirectoryIsPrivateAndRestartResumes() async throws {
        let first = try await DevEnvironment()
        defer { first.stop() }
        await try first.apply(KafkaConnectLifecycleTests.example)
        try await first.waitUntilReady(Self.name)
        let uid = await try first.get("kafkaconnect", Self.name)?["metadata"]?["uid"]?.stringValue

        // Item 2: directories 0700, files holding secrets or credentials 0600.
        let state = first.stateDirectory
        for file in ["kubeconfig", "aiven-token", "aiven-state.json", "kube/objects.log"] {
            #expect(Self.mode(state.appendingPathComponent(file).path) == 0o600, "\(file)")
        }
        let (directories, files) = Self.tree(state)
        #expect(directories.contains(state.appendingPathComponent("kube").path), "LocalKube keeps its state under D/kube")
        #expect(files.contains { $0.hasPrefix(state.appendingPathComponent("kube").path + "/") }, "LocalKube wrote no file: \(files)")
        for directory in directories { #expect(Self.mode(directory) == 0o700, "\(directory)") }
        for file in files { #expect((Self.mode(file) ?? 0o777) & 0o077 == 0, "\(file) is readable by group or others") }

        // Item 1: SIGINT exits 0; the same D brings back the object and the same service.
        #expect(first.interrupt() == 0, "dev did not exit cleanly on SIGINT:\n\(String(first.stop().suffix(2000)))")
        // A short resync: the restarted operator leaves the Ready resource to its resync, spread
        // within one interval (issue 12), instead of re-reading everything at once.
        let second = try await DevEnvironment(resuming: first, resyncInterval: 3)
        defer { second.stop() }
        let table = await try second.kubectl(["get", "kafkaconnects"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains(Self.name), "kubectl get kafkaconnects after restart: \(table.stdout)\(table.stderr)")
        await #expect(try second.get("kafkaconnect", Self.name)?["metadata"]?["uid"]?.stringValue == uid)

        // The restarted operator reconciles the resource against Aiven within one resync
        // interval, and it stays Ready.
        try await second.eventually("the restarted operator to look the service up on Aiven") {
            let (_, summary) = try await second.aiven("GET", "/_emulator/requests")
            return summary["by_route"]?.objectValue?.keys.contains { $0.contains("service") && !$0.contains("_emulator") } == true
        }
        try await second.waitUntilReady(Self.name)
        try await second.eventually("state RUNNING") { await try second.get("kafkaconnect", Self.name)?["status"]?["state"] == "RUNNING" }
        let conditions = await try second.get("kafkaconnect", Self.name)?["status"]?["conditions"]?.jsonString ?? ""
        #expect(!conditions.contains("AlreadyExists"), "\(conditions)")
        let events = await try second.kubectl(["get", "events", "-A", "-o", "json"]).stdout
        #expect(!events.contains("AlreadyExists"), "\(events)")
        #expect(try await Self.services(named: Self.name, in: second) == 1)
    }
}
