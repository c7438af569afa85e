import Foundation
import KubeAPI
import Testing

/// Issue 13 items 5, 6 and 11 against LocalKube over the wire: request bodies that are wide,
/// alias-heavy or carry metadata kube-apiserver refuses get a Status error, quickly, and the
/// server keeps serving.
struct HostileBodyTests {
    typealias Server = RunningLocalKube
    let path = Server.kafkaConnects

    @Test func metadataKubeRefusesIsRefused() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let prefix = #"KafkaConnect in version "v1alpha1" cannot be handled as a KafkaConnect: json: cannot unmarshal "#
        let undecodable: [(JSONValue, String)] = [
            (["annotations": ["a": 5]], "number into Go struct field ObjectMeta.annotations of type string"),
            (["annotations": ["a": ["b": "c"]]], "object into Go struct field ObjectMeta.annotations of type string"),
            (["finalizers": [["x": 1]]], "object into Go struct field ObjectMeta.finalizers of type string"),
            (["ownerReferences": "str"], "string into Go struct field ObjectMeta.ownerReferences of type []v1.OwnerReference"),
        ]
        for (extra, message) in undecodable {
            var manifest = Server.kafkaConnect("kc")
            for (key, value) in extra.objectValue! { manifest["metadata"]?[key] = value }
            let answer = try await server.request("POST", path, body: manifest)
            #expect(answer.code == 400, "\(extra)")
            #expect(answer.body["reason"] == "BadRequest")
            #expect(answer.body["message"]?.stringValue == prefix + message)
        }

        var badLabel = Server.kafkaConnect("kc")
        badLabel["metadata"]?["labels"] = ["bad key!": "x"]
        let invalid = try await server.request("POST", path, body: badLabel)
        #expect(invalid.code == 422)
        #expect(invalid.body[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "metadata.labels")
        #expect(invalid.body["message"]?.stringValue?.contains(#"metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters"#) == true)

        // A patch cannot smuggle what a create could not.
        #expect(try await server.request("POST", path, body: Server.kafkaConnect("kc")).code == 201)
        let patched = try await server.request("PATCH", path + "/kc", body: ["metadata": ["annotations": ["a": ["b": 1]]]], contentType: "application/merge-patch+json")
        #expect(patched.code == 400)
        let stored = try await server.request("GET", path + "/kc")
        #expect(stored.body[path: ["metadata", "annotations"]] == nil)
    }

    @Test func wideAndAliasHeavyBodiesAnswerQuicklyAndTheServerStaysUp() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let clock = ContinuousClock()
        let bodies: [(contentType: String, body: String, message: String)] = [
            ("application/json", "[" + Array(repeating: "1", count: 40_000).joined(separator: ",") + "]", ""),
            ("application/yaml", (1..<400).reduce("a0: &a0 {k0: v}\n") { $0 + "a\($1): &a\($1) {<<: *a\($1 - 1), k\($1): v}\n" }, ""),
            ("application/yaml", (1...9).reduce("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n") { text, level in
                text + "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }, "document contains excessive aliasing"),
        ]
        for (contentType, body, message) in bodies {
            let started = clock.now
            let answer = try await server.request("POST", path, contentType: contentType, rawBody: body)
            // Generous, for a loaded machine (every suite of the test process shares its threads):
            // the old parsers took 10 to 19 seconds here; linear work takes milliseconds.
            #expect(clock.now - started < .seconds(30), "\(contentType) \(body.prefix(40))")
            #expect((400..<500).contains(answer.code))
            #expect(answer.body["kind"] == "Status")
            if !message.isEmpty { #expect(answer.body["message"]?.stringValue?.contains(message) == true) }
        }
        #expect(try await server.request("GET", "/healthz").code == 200)
    }
}
