import AivenOperator
import AivenResources
import Foundation
import KubeAPI
import Testing

/// Kubernetes object semantics over raw HTTP: metadata, generation, status split, concurrency,
/// finalizers, field validation, patches, selectors, discovery and malformed input.
struct APISemanticsTests {
    typealias Server = RunningLocalKube
    let path = Server.kafkaConnects

    @Test func createSetsSystemMetadataAndDropsStatus() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        var manifest = Server.kafkaConnect("kc1")
        manifest["status"] = ["state": "RUNNING"]
        manifest["metadata"]?["uid"] = "client-chosen"
        let created = try await server.request("POST", path, body: manifest)
        #expect(created.code == 201)
        let metadata = created.body["metadata"]
        #expect(metadata?["generation"] == 1)
        #expect(metadata?["namespace"] == "default")
        #expect(metadata?["uid"] != "client-chosen")
        #expect(metadata?["creationTimestamp"]?.stringValue?.hasSuffix("Z") == true)
        #expect(created.body["status"] == nil)
        #expect(created.body[path: ["spec", "powered"]] == true)

        let generated = try await server.request("POST", path, body: ["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": ["generateName": "kc-"], "spec": ["project": "p", "plan": "business-4"]])
        let name = generated.body[path: ["metadata", "name"]]?.stringValue ?? ""
        #expect(name.hasPrefix("kc-") && name.count == 8)

        let badName = try await server.request("POST", path, body: Server.kafkaConnect("Bad_Name"))
        #expect(badName.code == 422)
        #expect(badName.body[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "metadata.name")
        let duplicate = try await server.request("POST", path, body: manifest)
        #expect(duplicate.code == 409)
        #expect(duplicate.body["reason"] == "AlreadyExists")
        #expect(duplicate.body["message"] == #"kafkaconnects.aiven.io "kc1" already exists"#)
    }

    @Test func resourceVersionsAreGlobalAndConflictsAreDetected() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let first = try await server.request("POST", path, body: Server.kafkaConnect("a")).body
        let secret = try await server.request("POST", "/api/v1/namespaces/default/secrets", body: ["metadata": ["name": "s"], "stringData": ["k": "v"]]).body
        let firstVersion = Int(first[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0
        #expect(Int(secret[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") == firstVersion + 1)

        var update = first
        update["spec"]?["plan"] = "business-8"
        let updated = try await server.request("PUT", path + "/a", body: update)
        #expect(updated.code == 200)
        #expect(updated.body[path: ["metadata", "generation"]] == 2)
        let stale = try await server.request("PUT", path + "/a", body: update)
        #expect(stale.code == 409)
        #expect(stale.body["message"] == #"Operation cannot be fulfilled on kafkaconnects.aiven.io "a": the object has been modified; please apply your changes to the latest version and try again"#)

        var unconditional = update
        unconditional["metadata"]?["resourceVersion"] = nil
        let refused = try await server.request("PUT", path + "/a", body: unconditional)
        #expect(refused.code == 422)
        #expect(refused.body["message"]?.stringValue?.contains("metadata.resourceVersion: Invalid value: 0x0: must be specified for an update") == true)

        let list = try await server.request("GET", path)
        #expect(list.body["kind"] == "KafkaConnectList")
        #expect(list.body[path: ["metadata", "resourceVersion"]] == updated.body[path: ["metadata", "resourceVersion"]])
        #expect(list.body["items"]?.arrayValue?.first?["kind"] == "KafkaConnect")
    }

    @Test func statusSubresourceIsSplitFromTheMainEndpoint() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        try await server.request("POST", path, body: Server.kafkaConnect("kc"))
        let status = try await server.request("PATCH", path + "/kc/status", body: ["spec": ["plan": "ignored"], "status": ["state": "RUNNING"], "metadata": ["labels": ["a": "b"]]], contentType: "application/merge-patch+json")
        #expect(status.code == 200)
        #expect(status.body[path: ["status", "state"]] == "RUNNING")
        #expect(status.body[path: ["spec", "plan"]] == "business-4")
        #expect(status.body[path: ["metadata", "labels"]] == nil)
        #expect(status.body[path: ["metadata", "generation"]] == 1)

        let main = try await server.request("PATCH", path + "/kc", body: ["status": ["state": "ignored"], "metadata": ["labels": ["a": "b"]]], contentType: "application/merge-patch+json")
        #expect(main.body[path: ["status", "state"]] == "RUNNING")
        #expect(main.body[path: ["metadata", "labels", "a"]] == "b")
        #expect(main.body[path: ["metadata", "generation"]] == 1, "metadata changes do not bump generation")
    }

    @Test func finalizersDelayDeletion() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        var manifest = Server.kafkaConnect("kc")
        manifest["metadata"]?["finalizers"] = ["example.com/cleanup"]
        try await server.request("POST", path, body: manifest)
        let deleting = try await server.request("DELETE", path + "/kc", body: ["propagationPolicy": "Background"])
        #expect(deleting.code == 200)
        #expect(deleting.body["kind"] == "KafkaConnect")
        #expect(deleting.body[path: ["metadata", "deletionTimestamp"]] != nil)
        let adding = try await server.request("PATCH", path + "/kc", body: ["metadata": ["finalizers": ["example.com/cleanup", "other"]]], contentType: "application/merge-patch+json")
        #expect(adding.code == 422)
        #expect(adding.body["message"]?.stringValue?.contains("no new finalizers can be added if the object is being deleted") == true)
        let version = deleting.body[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        let removed = try await server.request("PATCH", path + "/kc", body: [
            ["op": "test", "path": "/metadata/resourceVersion", "value": .string(version)], ["op": "remove", "path": "/metadata/finalizers/0"],
        ], contentType: "application/json-patch+json")
        #expect(removed.code == 200)
        #expect(try await server.request("GET", path + "/kc").code == 404)

        try await server.request("POST", path, body: Server.kafkaConnect("plain"))
        let gone = try await server.request("DELETE", path + "/plain")
        #expect(gone.body["kind"] == "Status")
        #expect(gone.body["status"] == "Success")
        #expect(try await server.request("DELETE", path + "/plain").code == 404)
    }

    @Test func fieldValidationModes() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let manifest = Server.kafkaConnect("kc", extraSpec: ["foo": "x", "bar": "y"])
        let strict = try await server.request("POST", path + "?fieldValidation=Strict", body: manifest)
        #expect(strict.code == 400)
        #expect(strict.body["message"] == #"KafkaConnect in version "v1alpha1" cannot be handled as a KafkaConnect: strict decoding error: unknown field "spec.bar", unknown field "spec.foo""#)
        let warned = try await server.request("POST", path, body: manifest)
        #expect(warned.code == 201)
        #expect(warned.warnings == [#""unknown field \"spec.bar\"""#, #""unknown field \"spec.foo\"""#])
        #expect(warned.body[path: ["spec", "foo"]] == nil)
        let ignored = try await server.request("POST", path + "?fieldValidation=Ignore", body: Server.kafkaConnect("kc2", extraSpec: ["foo": "x"]))
        #expect(ignored.code == 201)
        #expect(ignored.warnings.isEmpty)

        let invalid = try await server.request("POST", path, body: Server.kafkaConnect("kc3", plan: String(repeating: "x", count: 129)))
        #expect(invalid.code == 422)
        #expect(invalid.body["reason"] == "Invalid")
        #expect(invalid.body[path: ["details", "kind"]] == "KafkaConnect")
        #expect(invalid.body[path: ["details", "causes"]]?.arrayValue?.first == ["reason": "FieldValueTooLong", "message": "Too long: may not be longer than 128", "field": "spec.plan"])

        let dryRun = try await server.request("POST", path + "?dryRun=All", body: Server.kafkaConnect("dry"))
        #expect(dryRun.code == 201)
        #expect(try await server.request("GET", path + "/dry").code == 404)
    }

    @Test func patchTypesFollowTheAPIServer() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        try await server.request("POST", path, body: Server.kafkaConnect("kc"))
        let strategic = try await server.request("PATCH", path + "/kc", body: ["spec": ["plan": "x"]], contentType: "application/strategic-merge-patch+json")
        #expect(strategic.code == 415)
        #expect(strategic.body["reason"] == "UnsupportedMediaType")
        #expect(strategic.body["message"] == "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
        let apply = try await server.request("PATCH", path + "/kc?fieldManager=kubectl", body: Server.kafkaConnect("kc"), contentType: "application/apply-patch+yaml")
        #expect(apply.code == 200, "server-side apply (issue 23)")
        let failedTest = try await server.request("PATCH", path + "/kc", body: [["op": "test", "path": "/spec/plan", "value": "other"]], contentType: "application/json-patch+json")
        #expect(failedTest.code == 422)
        let stale = try await server.request("PATCH", path + "/kc", body: ["metadata": ["resourceVersion": "1"], "spec": ["plan": "business-8"]], contentType: "application/merge-patch+json")
        #expect(stale.code == 409)

        let secrets = "/api/v1/namespaces/default/secrets"
        try await server.request("POST", secrets, body: ["metadata": ["name": "s", "finalizers": ["a"]], "data": ["k": "dg=="]])
        let merged = try await server.request("PATCH", secrets + "/s", body: ["metadata": ["finalizers": ["b"]], "stringData": ["u": "v"]], contentType: "application/strategic-merge-patch+json")
        #expect(merged.code == 200)
        #expect(merged.body[path: ["metadata", "finalizers"]] == ["a", "b"])
        #expect(merged.body["data"] == ["k": "dg==", "u": "dg=="])
        #expect(merged.body["stringData"] == nil)
        let badBase64 = try await server.request("POST", secrets, body: ["metadata": ["name": "bad"], "data": ["k": "%%%"]])
        #expect(badBase64.code == 400)
        #expect(badBase64.body["message"]?.stringValue?.contains("illegal base64 data at input byte 0") == true)
    }

    @Test func selectorsAndPagination() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        for (name, tier) in [("a", "web"), ("b", "db"), ("c", "web")] {
            var manifest = Server.kafkaConnect(name)
            manifest["metadata"]?["labels"] = ["tier": .string(tier)]
            try await server.request("POST", path, body: manifest)
        }
        func names(_ query: String) async throws -> [String] {
            try await server.request("GET", path + query).body["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } ?? []
        }
        #expect(try await names("?labelSelector=tier%3Dweb") == ["a", "c"])
        #expect(try await names("?labelSelector=tier%20notin%20(web)") == ["b"])
        #expect(try await names("?fieldSelector=metadata.name%3Db") == ["b"])
        #expect(try await names("?fieldSelector=metadata.name!%3Db") == ["a", "c"])
        #expect(try await server.request("GET", path + "?fieldSelector=spec.plan%3Dx").code == 400)
        #expect(try await server.request("GET", path + "?labelSelector=%3D%3D").code == 400)

        let page = try await server.request("GET", path + "?limit=2")
        #expect(page.body["items"]?.arrayValue?.count == 2)
        let token = page.body[path: ["metadata", "continue"]]?.stringValue ?? ""
        let rest = try await server.request("GET", path + "?limit=2&continue=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        #expect(rest.body["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["c"])
        #expect(rest.body[path: ["metadata", "continue"]] == nil)
    }

    @Test func discoveryOpenAPIAndHealth() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        #expect(try await server.request("GET", "/version").body["minor"] == "31")
        let groups = try await server.request("GET", "/apis").body["groups"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(Set(groups).isSuperset(of: ["aiven.io", "coordination.k8s.io", "apiextensions.k8s.io"]))
        let resources = try await server.request("GET", "/apis/aiven.io/v1alpha1").body["resources"]?.arrayValue ?? []
        // Every kind served, with its /status, sorted by name.
        let plurals = Operator.definitions.map(\.definition.names.plural).sorted()
        #expect(resources.map { $0["name"] } == plurals.flatMap { [JSONValue.string($0), .string("\($0)/status")] })
        #expect(resources.first?["categories"] == ["aiven"])
        let core = try await server.request("GET", "/api/v1").body["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(core == ["namespaces", "secrets", "events", "serviceaccounts", "serviceaccounts/token", "configmaps", "services", "services/status"])

        let index = try await server.request("GET", "/openapi/v3").body
        let url = index[path: ["paths", "apis/aiven.io/v1alpha1", "serverRelativeURL"]]?.stringValue ?? ""
        let document = try await server.request("GET", url).body
        let patch = document[path: ["paths", "/apis/aiven.io/v1alpha1/namespaces/{namespace}/kafkaconnects/{name}", "patch"]]
        #expect(patch?["parameters"]?.arrayValue?.contains { $0["name"] == "fieldValidation" } == true)
        #expect(document[path: ["components", "schemas", "io.aiven.v1alpha1.KafkaConnect", "properties", "spec"]] != nil)
        let version2 = try await server.request("GET", "/openapi/v2")
        #expect(version2.code == 200 && version2.body == .null, "an empty protobuf document")
        #expect(try await server.request("GET", "/healthz").code == 200)

        let log = try await server.request("GET", "/_localkube/requests").body
        #expect(log[path: ["by_route", "GET /version"]] == 1)
        #expect((log["total"]?.integerValue ?? 0) >= 8)
    }

    @Test func customResourceDefinitionsCanBeAddedAtRuntime() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let definition = CustomResourceDefinition(
            group: "example.com", names: .init(kind: "Widget", plural: "widgets", shortNames: ["wd"]), scope: .cluster,
            versions: [.init(name: "v1", schema: .customResource("A widget.", spec: .object(properties: ["size": .integer()]), status: .object(properties: [:])), statusSubresource: false)]
        )
        let created = try await server.request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: definition.json)
        #expect(created.code == 201)
        #expect(created.body[path: ["status", "conditions"]]?.arrayValue?.contains { $0["type"] == "Established" } == true)
        let widget = try await server.request("POST", "/apis/example.com/v1/widgets", body: ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": ["size": 3]])
        #expect(widget.code == 201)
        let wrongType = try await server.request("POST", "/apis/example.com/v1/widgets", body: ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "x"], "spec": ["size": "big"]])
        #expect(wrongType.code == 422)
        #expect(try await server.request("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com").code == 200)
        #expect(try await server.request("GET", "/apis/example.com/v1/widgets").code == 404)
    }

    @Test func malformedRequestsGetStatusErrors() async throws {
        let server = try await Server.start(bearerToken: "t0ken")
        defer { Task { await server.stop() } }
        #expect(try await server.request("GET", path).code == 401)
        #expect(try await server.request("GET", "/healthz").code == 200)
        for body in ["{", "[1,2", "\"just a string\"", "{\"metadata\": 5}", String(repeating: "[", count: 20000)] {
            let answer = try await server.request("POST", path, rawBody: body, token: "t0ken")
            #expect([400, 422].contains(answer.code), "\(body.prefix(20))")
            #expect(answer.body["kind"] == "Status")
        }
        let yaml = try await server.request("POST", path, contentType: "application/yaml", rawBody: "a: [unclosed", token: "t0ken")
        #expect(yaml.code == 400)
        #expect(try await server.request("GET", "/apis/nope/v1/things", token: "t0ken").code == 404)
        #expect(try await server.request("GET", "/api/v1/namespaces/missing/secrets/x/y/z", token: "t0ken").code == 404)
        #expect(try await server.request("POST", "/api/v1/namespaces/missing/secrets", body: ["metadata": ["name": "s"]], token: "t0ken").body["message"] == #"namespaces "missing" not found"#)
        #expect(try await server.request("GET", "/version", token: "t0ken").code == 200)
    }

    @Test func stateSurvivesARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("localkube-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let first = try await Server.start(stateDirectory: directory)
        let created = try await first.request("POST", path, body: Server.kafkaConnect("kept")).body
        await first.stop()
        let second = try await Server.start(stateDirectory: directory)
        defer { Task { await second.stop() } }
        let kept = try await second.request("GET", path + "/kept")
        #expect(kept.body[path: ["metadata", "uid"]] == created[path: ["metadata", "uid"]])
        let next = try await second.request("POST", path, body: Server.kafkaConnect("next")).body
        let before = Int(created[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0
        #expect((Int(next[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0) > before)
    }
}

extension APISemanticsTests {
    @Test func secretsWithoutDataStoreNoDataField() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let created = try await server.request("POST", "/api/v1/namespaces/default/secrets", body: ["metadata": ["name": "empty"]])
        #expect(created.code == 201)
        #expect(created.body["data"] == nil)
        #expect(created.body["type"] == "Opaque")
    }
}

extension APISemanticsTests {
    @Test func deeplyNestedYAMLAndMistypedSecretFieldsAreRefused() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let nested = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let deep = try await server.request("POST", "/api/v1/namespaces/default/secrets", contentType: "application/yaml", rawBody: "metadata: {name: deep}\nimmutable: \(nested)\n")
        #expect(deep.code == 400)
        let mistyped = try await server.request("POST", "/api/v1/namespaces/default/secrets", body: ["metadata": ["name": "s"], "immutable": ["yes"]])
        #expect(mistyped.code == 400)
        #expect(mistyped.body["message"]?.stringValue?.contains("cannot unmarshal array into Go struct field Secret.immutable of type bool") == true)
        #expect(try await server.request("GET", "/healthz").code == 200)
    }
}
