import Foundation
import KubeAPI
import Testing

/// JSON patches bounded as kube-apiserver bounds them: the probe's doubling `copy` patch and a
/// patch of too many operations are refused with kube's Status, the object is untouched, and the
/// server keeps answering everyone else.
struct BoundedPatchTests {
    typealias Server = RunningLocalKube
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    static func start() async throws -> Server {
        let server = try await Server.start()
        let created = try await server.request("POST", configMaps, body: [
            "metadata": ["name": "target"], "data": ["seed": .string(String(repeating: "x", count: 1500))],
        ])
        #expect(created.code == 201)
        return server
    }

    /// ~30 copies of `/data` into itself (a 1.5 KB body) would grow the object to terabytes.
    @Test func theDoublingCopyPatchIsRefused() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let operations = (0..<30).map { index -> JSONValue in ["op": "copy", "from": "/data", "path": .string("/data/copy\(index)")] }
        #expect(JSONValue.array(operations).jsonString.utf8.count < 1600)
        async let patch = server.request("PATCH", Self.configMaps + "/target", body: .array(operations), contentType: "application/json-patch+json")
        async let bystander = server.request("GET", Self.configMaps)
        let (answer, other) = try await (patch, bystander)
        #expect(other.code == 200, "another client is answered meanwhile")
        #expect(answer.code == 422)
        #expect(answer.body["reason"] == "Invalid")
        let message = answer.body["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("the server rejected our request due to an error in our request: Unable to complete the copy, the accumulated size increase of copy is "), "\(message)")
        #expect(message.hasSuffix(", exceeding the limit 3145728"), "\(message)")
        let stored = try await server.request("GET", Self.configMaps + "/target")
        #expect(stored.body["data"]?.objectValue?.keys.sorted() == ["seed"], "nothing was written")
    }

    @Test(arguments: [10_001, 20_000])
    func tooManyOperationsAreRefusedWith413(count: Int) async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let operations = JSONValue.array(Array(repeating: ["op": "test", "path": "/data/seed", "value": .string(String(repeating: "x", count: 1500))], count: 1)
            + Array(repeating: ["op": "remove", "path": "/metadata/labels"], count: count - 1))
        let answer = try await server.request("PATCH", Self.configMaps + "/target", body: operations, contentType: "application/json-patch+json")
        #expect(answer.code == 413)
        #expect(answer.body["reason"] == "RequestEntityTooLarge")
        #expect(answer.body["message"]?.stringValue == "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got \(count)")
    }

    /// Within the bounds, copies still work.
    @Test func boundedCopiesApply() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let operations: JSONValue = [["op": "copy", "from": "/data/seed", "path": "/data/again"], ["op": "copy", "from": "/data", "path": "/metadata/annotations"]]
        let answer = try await server.request("PATCH", Self.configMaps + "/target", body: operations, contentType: "application/json-patch+json")
        #expect(answer.code == 200, "\(answer.body)")
        #expect(answer.body[path: ["data", "again"]] == answer.body[path: ["data", "seed"]])
        #expect(answer.body[path: ["metadata", "annotations", "again"]] != nil)
    }
}
