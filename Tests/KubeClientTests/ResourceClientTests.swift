import KubeAPI
import KubeClient
import LocalKube
import Testing

/// The typed and dynamic clients against LocalKube over HTTP.
struct ResourceClientTests {
    @Test func createGetReplaceDelete() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        let created = try await widgets.create(Widget("w1", size: 3))
        #expect(created.metadata.generation == 1)
        #expect(created.metadata.uid != nil)
        var fetched = try await widgets.get("w1")
        #expect(fetched == created)

        fetched.spec.size = 4
        let replaced = try await widgets.replace(fetched)
        #expect(replaced.metadata.generation == 2)
        await #expect {
            _ = try await widgets.replace(fetched)
        } throws: { error in
            guard case .conflict(let status) = error as? KubeError else { return false }
            return status.reason == "Conflict"
        }
        await #expect {
            _ = try await widgets.create(Widget("w1"))
        } throws: { error in
            if case .alreadyExists = error as? KubeError { return true }
            return false
        }
        await #expect {
            _ = try await widgets.create(Widget("big", size: 1000))
        } throws: { error in
            guard case .invalid(_, let causes) = error as? KubeError else { return false }
            return causes.map(\.field) == ["spec.size"]
        }
        let creates = await fixture.kube.requestLog.counts.byRoute["POST /apis/{group}/{version}/namespaces/{namespace}/{resource}"]
        #expect(creates == 3, "the request log counts every create, failed ones included")
        guard case .deleted = try await widgets.delete("w1") else {
            Issue.record("a widget without finalizers is deleted at once")
            return
        }
        await #expect {
            _ = try await widgets.get("w1")
        } throws: { error in
            guard case .notFound(let status) = error as? KubeError else { return false }
            return status.message == #"widgets.example.com "w1" not found"#
        }
    }

    @Test func statusAndFinalizers() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        var widget = try await widgets.create(Widget("w"))
        widget.status = Widget.Status(phase: "Ready")
        widget.spec.size = 50
        let withStatus = try await widgets.replaceStatus(widget)
        #expect(withStatus.status?.phase == "Ready")
        #expect(withStatus.spec.size == 1, "/status ignores spec")
        #expect(withStatus.metadata.generation == 1)
        let patched = try await widgets.mergePatch("w", ["status": ["phase": "Busy"]], status: true)
        #expect(patched.status?.phase == "Busy")

        let version = try #require(patched.metadata.resourceVersion)
        let finalized = try await widgets.jsonPatch("w", [
            .test(path: "/metadata/resourceVersion", value: .string(version)),
            .add(path: "/metadata/finalizers", value: ["example.com/cleanup"]),
        ])
        #expect(finalized.metadata.finalizers == ["example.com/cleanup"])
        await #expect(throws: KubeError.self) {
            _ = try await widgets.jsonPatch("w", [.test(path: "/metadata/resourceVersion", value: .string(version)), .remove(path: "/metadata/finalizers")])
        }
        guard case .pending(let terminating) = try await widgets.delete("w") else {
            Issue.record("a widget with a finalizer must wait")
            return
        }
        #expect(terminating.metadata.deletionTimestamp != nil)
        await #expect(throws: KubeError.self) {
            _ = try await widgets.delete("w", options: DeleteOptions(uid: "not-the-uid"))
        }
        _ = try await widgets.mergePatch("w", ["metadata": ["finalizers": nil]])
        await #expect(throws: KubeError.self) { _ = try await widgets.get("w") }
    }

    @Test func selectorsAndPages() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        for index in 0..<5 {
            _ = try await widgets.create(Widget("w\(index)", labels: ["parity": index % 2 == 0 ? "even" : "odd"]))
        }
        #expect(try await widgets.list(ListOptions(labelSelector: "parity=odd")).items.map(\.metadata.name) == ["w1", "w3"])
        #expect(try await widgets.list(ListOptions(labelSelector: "parity in (even),parity!=odd")).items.count == 3)
        #expect(try await widgets.list(ListOptions(fieldSelector: "metadata.name=w4")).items.map(\.metadata.name) == ["w4"])
        let page = try await widgets.list(ListOptions(limit: 2))
        #expect(page.items.count == 2)
        #expect(page.continueToken != nil)
        #expect(try await widgets.listAll(ListOptions(limit: 2)).items.map(\.metadata.name) == ["w0", "w1", "w2", "w3", "w4"])
        let everywhere = fixture.client.resources(Widget.self)
        #expect(try await everywhere.list().items.count == 5)
    }

    @Test func builtInKindsAndTheDynamicClient() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let secrets = fixture.client.resources(Secret.self, namespace: "default")
        let secret = try await secrets.create(Secret(metadata: ObjectMeta(name: "token"), stringData: ["token": "abc"]))
        #expect(secret.data == ["token": "YWJj"])
        #expect(secret.stringData == nil)
        #expect(secret.type == "Opaque")

        let leases = fixture.client.resources(Lease.self, namespace: "default")
        let lease = try await leases.create(Lease(metadata: ObjectMeta(name: "leader"), spec: Lease.Spec(holderIdentity: "a", leaseDurationSeconds: 15)))
        var takeover = lease
        takeover.spec?.holderIdentity = "b"
        _ = try await leases.replace(takeover)
        takeover.spec?.holderIdentity = "c"
        await #expect(throws: KubeError.self) { _ = try await leases.replace(takeover) }

        let dynamic = fixture.client.resources(ResourceType(group: "example.com", version: "v1", plural: "widgets", namespaced: true), namespace: "default")
        let object = try await dynamic.create(["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "raw"], "spec": ["size": 7]])
        #expect(object[path: ["spec", "size"]] == 7)
        #expect(try await dynamic.list().items.first?["kind"] == "Widget")
        let namespaces = try await fixture.client.resources(Namespace.self).list()
        #expect(namespaces.items.map(\.metadata.name).contains("default"))
    }

    @Test func errorsCarryTheirStatus() async throws {
        let fixture = try await LocalKubeFixture.start(serverToken: "right", clientToken: "wrong")
        defer { Task { await fixture.stop() } }
        await #expect {
            _ = try await fixture.widgets.list()
        } throws: { error in
            if case .unauthorized = error as? KubeError { return true }
            return false
        }
        let authorized = try await LocalKubeFixture.start(serverToken: "right", clientToken: "right")
        defer { Task { await authorized.stop() } }
        #expect(try await authorized.widgets.list().items.isEmpty)
    }
}
