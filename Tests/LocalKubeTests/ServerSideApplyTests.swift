import Foundation
import KubeAPI
import Testing

/// Server-side apply and `metadata.managedFields` over the wire, one rule of kube-apiserver's
/// field management per test (the behaviour documented at
/// kubernetes.io/docs/reference/using-api/server-side-apply), on a CRD whose lists are a set,
/// an associative list keyed by `name` and an atomic list, and on a built-in Deployment.
@Suite(.serialized)
struct ServerSideApplyTests {
    static let widgets = "/apis/example.com/v1/namespaces/default/widgets"

    static let definition: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.com"],
        "spec": [
            "group": "example.com", "scope": "Namespaced",
            "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
            "versions": [[
                "name": "v1", "served": true, "storage": true, "subresources": ["status": [:]],
                "schema": ["openAPIV3Schema": [
                    "type": "object",
                    "properties": [
                        "spec": [
                            "type": "object",
                            "properties": [
                                "replicas": ["type": "integer"],
                                "image": ["type": "string"],
                                "tags": ["type": "array", "x-kubernetes-list-type": "set", "items": ["type": "string"]],
                                "args": ["type": "array", "items": ["type": "string"]],
                                "ports": [
                                    "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                                    "items": ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"], "port": ["type": "integer"]]],
                                ],
                                "settings": ["type": "object", "additionalProperties": ["type": "string"]],
                            ],
                        ],
                        "status": ["type": "object", "properties": ["phase": ["type": "string"]]],
                    ],
                ]],
            ]],
        ],
    ]

    /// A LocalKube with the Widget CRD.
    static func start() async throws -> RunningLocalKube {
        let server = try await RunningLocalKube.start()
        let created = try await server.request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: definition)
        try #require(created.code == 201, "\(created.body)")
        return server
    }

    static func widget(_ spec: JSONValue, name: String = "w") -> JSONValue {
        ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": .string(name)], "spec": spec]
    }

    /// PATCH with `application/apply-patch+yaml` (a JSON body, as kubectl sends it).
    @discardableResult
    static func apply(_ server: RunningLocalKube, _ body: JSONValue, manager: String?, force: Bool? = nil, path: String = widgets + "/w", dryRun: Bool = false) async throws -> RunningLocalKube.Answer {
        var query: [String] = []
        if let manager { query.append("fieldManager=\(manager)") }
        if let force { query.append("force=\(force)") }
        if dryRun { query.append("dryRun=All") }
        return try await server.request("PATCH", path + (query.isEmpty ? "" : "?" + query.joined(separator: "&")), body: body, contentType: "application/apply-patch+yaml")
    }

    /// The managed fields as `manager/operation[/subresource]` → fieldsV1.
    static func managed(_ object: JSONValue) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in object[path: ["metadata", "managedFields"]]?.arrayValue ?? [] {
            var key = "\(entry["manager"]?.stringValue ?? "")/\(entry["operation"]?.stringValue ?? "")"
            if let subresource = entry["subresource"]?.stringValue { key += "/\(subresource)" }
            result[key] = entry["fieldsV1"]
        }
        return result
    }

    static func get(_ server: RunningLocalKube, _ path: String = widgets + "/w") async throws -> JSONValue {
        try await server.request("GET", path).body
    }

    // MARK: Rules

    @Test func applyOfAnAbsentObjectCreatesItAndRecordsTheAppliedFields() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let created = try await Self.apply(server, Self.widget(["image": "a:1", "replicas": 1]), manager: "alice")
        #expect(created.code == 201, "\(created.body)")
        #expect(created.body["spec"] == ["image": "a:1", "replicas": 1])
        let entry = created.body[path: ["metadata", "managedFields"]]?.arrayValue?.first
        #expect(entry?["manager"] == "alice")
        #expect(entry?["operation"] == "Apply")
        #expect(entry?["apiVersion"] == "example.com/v1")
        #expect(entry?["fieldsType"] == "FieldsV1")
        #expect(entry?["time"]?.stringValue?.hasSuffix("Z") == true)
        #expect(entry?["fieldsV1"] == ["f:spec": ["f:image": [:], "f:replicas": [:]]])
        let again = try await Self.apply(server, Self.widget(["image": "a:1", "replicas": 1]), manager: "alice")
        #expect(again.code == 200)
        #expect(again.body[path: ["metadata", "resourceVersion"]] == created.body[path: ["metadata", "resourceVersion"]], "a no-op apply changes nothing")
    }

    @Test func applyNeedsAFieldManagerAndAMatchingObject() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let missing = try await Self.apply(server, Self.widget(["image": "a:1"]), manager: nil)
        #expect(missing.code == 422)
        #expect(missing.body["message"] == "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")
        let version = try await Self.apply(server, ["apiVersion": "example.com/v2", "kind": "Widget", "metadata": ["name": "w"]], manager: "alice")
        #expect(version.code == 400)
        #expect(version.body["message"] == "Incorrect version specified in apply patch. Specified patch version: example.com/v2, expected: example.com/v1")
        let name = try await Self.apply(server, Self.widget([:], name: "other"), manager: "alice")
        #expect(name.body["message"] == "the name of the object (other) does not match the name on the URL (w)")
        var owned = Self.widget(["image": "a:1"])
        owned["metadata"]?["managedFields"] = []
        #expect(try await Self.apply(server, owned, manager: "alice").body["message"] == "metadata.managedFields must be nil")
        let forced = try await server.request("PATCH", Self.widgets + "/w?force=true", body: ["spec": [:]], contentType: "application/merge-patch+json")
        #expect(forced.code == 422)
        #expect(forced.body["message"] == "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch")
        #expect(try await server.request("GET", Self.widgets + "/w").code == 404, "nothing was created")
    }

    @Test func changingAFieldAnotherManagerAppliedIsAConflictUnlessForced() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        try await Self.apply(server, Self.widget(["image": "a:1", "replicas": 1]), manager: "alice")
        let conflict = try await Self.apply(server, Self.widget(["replicas": 2]), manager: "bob")
        #expect(conflict.code == 409)
        #expect(conflict.body["reason"] == "Conflict")
        #expect(conflict.body["message"] == "Apply failed with 1 conflict: conflict with \"alice\": .spec.replicas")
        #expect(conflict.body[path: ["details", "causes"]] == [["reason": "FieldManagerConflict", "message": "conflict with \"alice\"", "field": ".spec.replicas"]])
        let two = try await Self.apply(server, Self.widget(["replicas": 2, "image": "b:1"]), manager: "bob")
        #expect(two.body["message"] == "Apply failed with 2 conflicts: conflicts with \"alice\":\n- .spec.image\n- .spec.replicas")

        let same = try await Self.apply(server, Self.widget(["replicas": 1]), manager: "bob")
        #expect(same.code == 200, "applying the value already there shares the field")
        #expect(Self.managed(same.body)["bob/Apply"] == ["f:spec": ["f:replicas": [:]]])
        #expect(Self.managed(same.body)["alice/Apply"] == ["f:spec": ["f:image": [:], "f:replicas": [:]]])

        let forced = try await Self.apply(server, Self.widget(["replicas": 3]), manager: "bob", force: true)
        #expect(forced.code == 200)
        #expect(forced.body[path: ["spec", "replicas"]] == 3)
        #expect(Self.managed(forced.body)["alice/Apply"] == ["f:spec": ["f:image": [:]]], "force takes the field over")
    }

    @Test func anUpdateTakesOwnershipAndItsManagerIsNamedWithItsVersion() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        try await Self.apply(server, Self.widget(["image": "a:1", "replicas": 1]), manager: "alice")
        let patched = try await server.request("PATCH", Self.widgets + "/w?fieldManager=editor", body: ["spec": ["replicas": 5]], contentType: "application/merge-patch+json")
        #expect(Self.managed(patched.body)["editor/Update"] == ["f:spec": ["f:replicas": [:]]])
        #expect(Self.managed(patched.body)["alice/Apply"] == ["f:spec": ["f:image": [:]]])
        let conflict = try await Self.apply(server, Self.widget(["image": "a:1", "replicas": 1]), manager: "alice")
        #expect(conflict.body["message"] == "Apply failed with 1 conflict: conflict with \"editor\" using example.com/v1: .spec.replicas")
    }

    @Test func createAndUpdateRecordWhatTheyAddedAsKubeApiserverWritesIt() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        var body = Self.widget(["image": "a:1", "settings": ["x": "1"]])
        body["metadata"]?["labels"] = ["app": "w"]
        let created = try await server.request("POST", Self.widgets + "?fieldManager=creator", body: body)
        #expect(Self.managed(created.body) == ["creator/Update": [
            "f:metadata": ["f:labels": [".": [:], "f:app": [:]]],
            "f:spec": [".": [:], "f:image": [:], "f:settings": [".": [:], "f:x": [:]]],
        ]])
        let status = try await server.request("PUT", Self.widgets + "/w/status?fieldManager=operator", body: {
            var object = created.body
            object["status"] = ["phase": "Ready"]
            return object
        }())
        #expect(Self.managed(status.body)["operator/Update/status"] == ["f:status": [".": [:], "f:phase": [:]]])
        #expect(status.body[path: ["metadata", "managedFields"]]?.arrayValue?.last?["subresource"] == "status")
        let noManager = try await server.request("PATCH", Self.widgets + "/w", body: ["spec": ["image": "a:2"]], contentType: "application/merge-patch+json")
        let agents = Self.managed(noManager.body).keys.filter { !["creator/Update", "operator/Update/status"].contains($0) }
        #expect(agents.count == 1, "a write without fieldManager is recorded under its User-Agent product: \(agents)")
        #expect(Self.managed(noManager.body)["creator/Update"] == [
            "f:metadata": ["f:labels": [".": [:], "f:app": [:]]], "f:spec": [".": [:], "f:settings": [".": [:], "f:x": [:]]],
        ])
        let cleared = try await server.request("PATCH", Self.widgets + "/w", body: ["metadata": ["managedFields": [[:]]]], contentType: "application/merge-patch+json")
        #expect(cleared.body[path: ["metadata", "managedFields"]] == nil, "managedFields: [{}] resets them")
    }

    @Test func fieldsAManagerStopsApplyingAreRemovedUnlessSomeoneElseOwnsThem() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        try await Self.apply(server, Self.widget(["image": "a:1", "replicas": 1, "settings": ["x": "1", "y": "2"]]), manager: "alice")
        try await Self.apply(server, Self.widget(["settings": ["y": "2"]]), manager: "bob")
        let dropped = try await Self.apply(server, Self.widget(["image": "a:1"]), manager: "alice")
        #expect(dropped.body["spec"] == ["image": "a:1", "settings": ["y": "2"]], "replicas and settings.x went; settings.y is bob's")
        #expect(Self.managed(dropped.body)["bob/Apply"] == ["f:spec": ["f:settings": ["f:y": [:]]]])
        let patched = try await server.request("PATCH", Self.widgets + "/w?fieldManager=editor", body: ["spec": ["replicas": 7]], contentType: "application/merge-patch+json")
        #expect(patched.code == 200)
        let unchanged = try await Self.apply(server, Self.widget(["image": "a:1"]), manager: "alice")
        #expect(unchanged.body[path: ["spec", "replicas"]] == 7, "fields alice never applied are not hers to remove")
    }

    @Test func listsMergeByTheirListType() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        try await Self.apply(server, Self.widget(["tags": ["x"], "ports": [["name": "http", "port": 80]], "args": ["--a"]]), manager: "alice")
        let merged = try await Self.apply(server, Self.widget(["tags": ["y"], "ports": [["name": "metrics", "port": 9090]]]), manager: "bob")
        #expect(merged.body[path: ["spec", "tags"]] == ["x", "y"])
        #expect(merged.body[path: ["spec", "ports"]] == [["name": "http", "port": 80], ["name": "metrics", "port": 9090]])
        #expect(Self.managed(merged.body)["alice/Apply"] == ["f:spec": [
            "f:tags": ["v:\"x\"": [:]], "f:args": [:],
            "f:ports": ["k:{\"name\":\"http\"}": [".": [:], "f:name": [:], "f:port": [:]]],
        ]])
        let keyed = try await Self.apply(server, Self.widget(["ports": [["name": "http", "port": 81]]]), manager: "bob")
        #expect(keyed.body["message"] == "Apply failed with 1 conflict: conflict with \"alice\": .spec.ports[name=\"http\"].port")
        let atomic = try await Self.apply(server, Self.widget(["args": ["--b"]]), manager: "bob")
        #expect(atomic.body["message"] == "Apply failed with 1 conflict: conflict with \"alice\": .spec.args")
        let removed = try await Self.apply(server, Self.widget(["ports": [["name": "http", "port": 80]]]), manager: "alice")
        #expect(removed.body[path: ["spec", "tags"]] == ["y"], "alice's set item went, bob's stayed")
        #expect(removed.body[path: ["spec", "args"]] == nil)
        #expect(removed.body[path: ["spec", "ports"]]?.arrayValue?.count == 2)
    }

    @Test func builtInKindsMergeByTheirMergeKeys() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        func deployment(_ containers: JSONValue) -> JSONValue {
            [
                "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
                "spec": [
                    "selector": ["matchLabels": ["app": "web"]],
                    "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": containers]],
                ],
            ]
        }
        let created = try await Self.apply(server, deployment([["name": "app", "image": "app:1", "ports": [["containerPort": 8080]]]]), manager: "alice", path: path)
        #expect(created.code == 201, "\(created.body)")
        let containers = Self.managed(created.body)["alice/Apply"]?[path: ["f:spec", "f:template", "f:spec", "f:containers"]]
        #expect(containers == ["k:{\"name\":\"app\"}": [
            ".": [:], "f:name": [:], "f:image": [:],
            "f:ports": ["k:{\"containerPort\":8080,\"protocol\":\"TCP\"}": [".": [:], "f:containerPort": [:]]],
        ]])
        #expect(Self.managed(created.body)["alice/Apply"]?[path: ["f:spec", "f:selector"]] == [:], "a label selector is atomic")
        let sidecar = try await Self.apply(server, deployment([["name": "sidecar", "image": "side:1"]]), manager: "bob", path: path)
        #expect(sidecar.code == 200, "\(sidecar.body)")
        #expect(sidecar.body[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["app", "sidecar"])
        let image = try await Self.apply(server, deployment([["name": "app", "image": "app:2"]]), manager: "bob", path: path)
        #expect(image.body["message"] == "Apply failed with 1 conflict: conflict with \"alice\": .spec.template.spec.containers[name=\"app\"].image")
    }

    @Test func statusIsItsOwnHalf() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        var config = Self.widget(["image": "a:1"])
        config["status"] = ["phase": "Ignored"]
        let created = try await Self.apply(server, config, manager: "alice")
        #expect(created.body["status"] == nil)
        #expect(Self.managed(created.body)["alice/Apply"] == ["f:spec": ["f:image": [:]]])
        var status = Self.widget(["image": "other"])
        status["status"] = ["phase": "Ready"]
        let applied = try await Self.apply(server, status, manager: "operator", path: Self.widgets + "/w/status")
        #expect(applied.code == 200, "\(applied.body)")
        #expect(applied.body["status"] == ["phase": "Ready"])
        #expect(applied.body[path: ["spec", "image"]] == "a:1")
        #expect(Self.managed(applied.body)["operator/Apply/status"] == ["f:status": ["f:phase": [:]]])
    }

    @Test func dryRunAllChangesNothingOnEveryWriteVerb() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let dryCreate = try await Self.apply(server, Self.widget(["image": "a:1"]), manager: "alice", dryRun: true)
        #expect(dryCreate.code == 201)
        #expect(try await server.request("GET", Self.widgets + "/w").code == 404)
        let posted = try await server.request("POST", Self.widgets + "?dryRun=All", body: Self.widget(["image": "a:1"]))
        #expect(posted.code == 201)
        #expect(try await server.request("GET", Self.widgets + "/w").code == 404)

        let stored = try await Self.apply(server, Self.widget(["image": "a:1"]), manager: "alice").body
        let version = stored[path: ["metadata", "resourceVersion"]]
        let applied = try await Self.apply(server, Self.widget(["image": "a:2"]), manager: "alice", dryRun: true)
        #expect(applied.body[path: ["spec", "image"]] == "a:2")
        var replaced = stored
        replaced["spec"] = ["image": "a:3"]
        #expect(try await server.request("PUT", Self.widgets + "/w?dryRun=All", body: replaced).body[path: ["spec", "image"]] == "a:3")
        #expect(try await server.request("PATCH", Self.widgets + "/w?dryRun=All", body: ["spec": ["image": "a:4"]], contentType: "application/merge-patch+json").code == 200)
        #expect(try await server.request("PATCH", Self.widgets + "/w?dryRun=All", body: [["op": "replace", "path": "/spec/image", "value": "a:5"]], contentType: "application/json-patch+json").code == 200)
        #expect(try await server.request("DELETE", Self.widgets + "/w?dryRun=All").code == 200)
        #expect(try await server.request("DELETE", Self.widgets + "?dryRun=All").code == 200)
        let after = try await Self.get(server)
        #expect(after[path: ["metadata", "resourceVersion"]] == version)
        #expect(after[path: ["spec", "image"]] == "a:1")
        #expect(try await server.request("POST", Self.widgets + "?dryRun=Some", body: Self.widget(["image": "a:1"])).code == 400)
    }
}
