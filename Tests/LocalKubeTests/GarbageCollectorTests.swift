import Foundation
import KubeAPI
import Testing

/// Background cascading deletion through ownerReferences, as kube-controller-manager's garbage
/// collector does it, driven by the real `kubectl`.
@Suite(.serialized, .enabled(if: Kubectl.isInstalled, "needs kubectl and timeout on the PATH"))
struct GarbageCollectorTests {
    private static func configMap(_ name: String, owners: [(name: String, uid: String)] = []) -> String {
        var manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: \(name)
              namespace: default

            """
        if !owners.isEmpty {
            manifest += "  ownerReferences:\n"
            for owner in owners {
                manifest += "  - {apiVersion: v1, kind: ConfigMap, name: \(owner.name), uid: \(owner.uid), controller: \(owner.name == owners[0].name)}\n"
            }
        }
        return manifest + "data: {k: v}\n"
    }

    private static func uid(_ kubectl: Kubectl, _ name: String) async throws -> String {
        try await kubectl("get", "configmap", name, "-o", "jsonpath={.metadata.uid}").stdout
    }

    private static func exists(_ kubectl: Kubectl, _ name: String) async throws -> Bool {
        try await kubectl("get", "configmap", name, "--ignore-not-found", "-o", "name").stdout.contains(name)
    }

    /// Waits until `condition` holds (the collector works in the background); `false` if it never does.
    private static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func dependentsGoWithTheirLastOwnerAndCascade() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        for name in ["owner", "other-owner"] {
            _ = try await kubectl("apply", "-f", try kubectl.file("\(name).yaml", Self.configMap(name)))
        }
        let owner = try await Self.uid(kubectl, "owner")
        let otherOwner = try await Self.uid(kubectl, "other-owner")
        _ = try await kubectl("apply", "-f", try kubectl.file("child.yaml", Self.configMap("child", owners: [("owner", owner)])))
        let child = try await Self.uid(kubectl, "child")
        _ = try await kubectl("apply", "-f", try kubectl.file("grandchild.yaml", Self.configMap("grandchild", owners: [("child", child)])))
        _ = try await kubectl("apply", "-f", try kubectl.file("shared.yaml", Self.configMap("shared", owners: [("owner", owner), ("other-owner", otherOwner)])))

        let deleted = try await kubectl("delete", "configmap", "owner")
        #expect(deleted.stdout == "configmap \"owner\" deleted\n", "\(deleted.stderr)")
        #expect(try await Self.eventually { try await !Self.exists(kubectl, "child") }, "the dependent goes with its owner")
        #expect(try await Self.eventually { try await !Self.exists(kubectl, "grandchild") }, "and its own dependent after it")
        #expect(try await Self.exists(kubectl, "shared"), "a dependent with an owner left stays")
        #expect(try await Self.exists(kubectl, "other-owner"))

        _ = try await kubectl("delete", "configmap", "other-owner")
        #expect(try await Self.eventually { try await !Self.exists(kubectl, "shared") }, "…until its last owner is gone")
    }

    @Test func orphanPropagationKeepsDependentsAndDropsTheReference() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        _ = try await kubectl("apply", "-f", try kubectl.file("owner.yaml", Self.configMap("owner")))
        let owner = try await Self.uid(kubectl, "owner")
        _ = try await kubectl("apply", "-f", try kubectl.file("child.yaml", Self.configMap("child", owners: [("owner", owner)])))

        let deleted = try await kubectl("delete", "configmap", "owner", "--cascade=orphan")
        #expect(deleted.stdout == "configmap \"owner\" deleted\n", "\(deleted.stderr)")
        #expect(try await !Self.exists(kubectl, "owner"))
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await Self.exists(kubectl, "child"), "an orphaned dependent stays")
        let references = try await kubectl("get", "configmap", "child", "-o", "jsonpath={.metadata.ownerReferences}").stdout
        #expect(references.isEmpty, "the deleted owner's reference is removed: \(references)")
    }

    @Test func aDependentWhoseOwnerDoesNotExistIsCollected() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        _ = try await kubectl("apply", "-f", try kubectl.file("stray.yaml", Self.configMap("stray", owners: [("gone", "00000000-0000-0000-0000-000000000000")])))
        #expect(try await Self.eventually { try await !Self.exists(kubectl, "stray") }, "a dependent with no live owner is deleted")
    }
}
