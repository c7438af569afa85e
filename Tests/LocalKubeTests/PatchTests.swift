import Foundation
import KubeAPI
import Testing
@testable import LocalKube

struct PatchTests {
    let object: JSONValue = ["metadata": ["name": "a", "finalizers": ["x"], "labels": ["k": "v"]], "spec": ["list": [1, 2], "keep": true]]

    @Test func mergePatchMergesObjectsAndDeletesNulls() {
        let patched = MergePatch.apply(["metadata": ["labels": ["k": nil, "n": "m"]], "spec": ["list": [3]]], to: object)
        #expect(patched[path: ["metadata", "labels"]] == ["n": "m"])
        #expect(patched[path: ["spec", "list"]] == [3])
        #expect(patched[path: ["spec", "keep"]] == true)
    }

    @Test func jsonPatchAppliesOperationsInOrderAllOrNothing() throws {
        let patch = try JSONPatch([
            ["op": "add", "path": "/spec/list/-", "value": 3],
            ["op": "move", "from": "/spec/keep", "path": "/spec/moved"],
            ["op": "copy", "from": "/metadata/name", "path": "/spec/name"],
            ["op": "replace", "path": "/metadata/finalizers/0", "value": "y"],
            ["op": "test", "path": "/spec/list/2", "value": 3],
            ["op": "remove", "path": "/metadata/labels/k"],
        ])
        let patched = try patch.apply(to: object)
        #expect(patched["spec"] == ["list": [1, 2, 3], "moved": true, "name": "a"])
        #expect(patched[path: ["metadata", "finalizers"]] == ["y"])
        #expect(patched[path: ["metadata", "labels"]] == [:])
        #expect(throws: APIError.self) { try JSONPatch([["op": "test", "path": "/spec/keep", "value": false]]).apply(to: object) }
        #expect(throws: APIError.self) { try JSONPatch([["op": "remove", "path": "/spec/missing"]]).apply(to: object) }
        #expect(throws: APIError.self) { try JSONPatch(["op": "add"]) }
    }

    @Test func strategicMergeUnionsFinalizersAndHonoursDirectives() {
        let union = StrategicMergePatch.apply(["metadata": ["finalizers": ["x", "z"]]], to: object)
        #expect(union[path: ["metadata", "finalizers"]] == ["x", "z"])
        let removed = StrategicMergePatch.apply(["metadata": ["$deleteFromPrimitiveList/finalizers": ["x"]]], to: object)
        #expect(removed[path: ["metadata", "finalizers"]] == [])
        let replaced = StrategicMergePatch.apply(["spec": ["$patch": "replace", "only": 1]], to: object)
        #expect(replaced["spec"] == ["only": 1])
        let deleted = StrategicMergePatch.apply(["spec": ["$patch": "delete"]], to: object)
        #expect(deleted["spec"] == nil)
    }

    @Test func strategicMergeMergesPodTemplateListsByKey() {
        let deployment: JSONValue = ["spec": ["template": ["spec": ["containers": [
            ["name": "manager", "image": "op:1", "args": ["run"], "ports": [["name": "metrics", "containerPort": 8080]], "env": [["name": "A", "value": "1"]]],
            ["name": "sidecar", "image": "proxy:1"],
        ]]]]]
        // What `kubectl apply` sends after the image and one env var changed and the sidecar was removed.
        let patch: JSONValue = ["spec": ["template": ["spec": [
            "$setElementOrder/containers": [["name": "manager"]],
            "containers": [
                ["name": "manager", "image": "op:2", "$setElementOrder/env": [["name": "A"], ["name": "B"]], "env": [["name": "B", "value": "2"]]],
                ["name": "sidecar", "$patch": "delete"],
            ],
        ]]]]
        let patched = StrategicMergePatch.apply(patch, to: deployment)
        let containers = patched[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.count == 1)
        #expect(containers.first == [
            "name": "manager", "image": "op:2", "args": ["run"], "ports": [["name": "metrics", "containerPort": 8080]],
            "env": [["name": "A", "value": "1"], ["name": "B", "value": "2"]],
        ])
        let service: JSONValue = ["spec": ["ports": [["name": "http", "port": 80, "targetPort": 8080]]]]
        let retargeted = StrategicMergePatch.apply(["spec": ["ports": [["port": 80, "targetPort": 9090]]]], to: service)
        #expect(retargeted[path: ["spec", "ports"]] == [["name": "http", "port": 80, "targetPort": 9090]])
        #expect(StrategicMergePatch.apply(["rules": [["verbs": ["get"]]]], to: ["rules": [["verbs": ["list"]]]])["rules"] == [["verbs": ["get"]]], "RBAC rules are replaced")
    }
}

struct SelectorTests {
    let labels: [String: JSONValue] = ["app": "web", "tier": "front"]

    @Test(arguments: [
        ("app=web", true), ("app==web", true), ("app!=web", false), ("app in (web, db)", true), ("app notin (web)", false),
        ("tier", true), ("!tier", false), ("missing", false), ("!missing", true), ("app=web,tier=back", false), ("", true),
    ])
    func labelSelectors(selector: String, matches: Bool) throws {
        #expect(try LabelSelector(selector).matches(labels) == matches)
    }

    @Test func malformedLabelSelectorsAreRejected() {
        #expect(throws: APIError.self) { try LabelSelector("app in web") }
        #expect(throws: APIError.self) { try LabelSelector("=x") }
    }

    @Test func printerColumnPaths() {
        let object: JSONValue = ["status": ["conditions": [["type": "Other", "status": "False"], ["type": "Ready", "status": "True"]]], "spec": ["items": [10, 20]]]
        #expect(PrinterColumnPath(".status.conditions[?(@.type==\"Ready\")].status").firstValue(in: object) == "True")
        #expect(PrinterColumnPath(".spec.items[1]").firstValue(in: object) == 20)
        #expect(PrinterColumnPath(".spec.items[*]").firstValue(in: object) == 10)
        #expect(PrinterColumnPath(".spec.missing").firstValue(in: object) == nil)
    }

    @Test(arguments: [(30, "30s"), (150, "2m30s"), (600, "10m"), (3 * 3600 + 60, "3h1m"), (30 * 3600, "30h"), (3 * 86400, "3d"), (400 * 86400, "400d")])
    func humanDurations(seconds: Int, rendered: String) {
        let now = Timestamp.parse("2026-06-01T00:00:00Z")!
        let then = Timestamp.rfc3339(now.addingTimeInterval(TimeInterval(-seconds)))
        #expect(Timestamp.humanDuration(since: then, now: now) == rendered)
    }
}
