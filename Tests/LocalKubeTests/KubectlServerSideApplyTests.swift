import Foundation
import KubeAPI
import Testing

/// `kubectl apply --server-side` (with and without `--force-conflicts`), `kubectl diff` and
/// `kubectl get --show-managed-fields` against LocalKube, on the seed example.
@Suite(.serialized, .enabled(if: Kubectl.isInstalled, "needs kubectl and timeout on the PATH"))
struct KubectlServerSideApplyTests {
    @Test func serverSideApplyDiffAndConflicts() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        let manifest = try kubectl.file("kc.yaml", KubectlCompatibilityTests.example)
        let changed = try kubectl.file("kc2.yaml", KubectlCompatibilityTests.example.replacingOccurrences(of: "business-4", with: "business-8"))

        let created = try await kubectl("apply", "--server-side", "-f", manifest)
        #expect(created.stdout == "kafkaconnect.aiven.io/my-kafka-connect serverside-applied\n", "\(created.stderr)")
        let managed = try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "yaml", "--show-managed-fields").stdout
        #expect(managed.contains("manager: kubectl\n"), "\(managed)")
        #expect(managed.contains("operation: Apply\n"))
        #expect(managed.contains("f:plan: {}\n"))
        #expect(!(try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "yaml").stdout.contains("managedFields")), "hidden by default")

        let unchanged = try await kubectl("diff", "-f", manifest)
        #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")
        for flags in [["diff"], ["diff", "--server-side"]] {
            let diff = try await kubectl.run(flags + ["-f", changed])
            #expect(diff.status == 1, "\(flags): \(diff.stdout)\(diff.stderr)")
            #expect(diff.stdout.contains("-  plan: business-4\n"), "\(diff.stdout)")
            #expect(diff.stdout.contains("+  plan: business-8\n"))
        }
        #expect(try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.spec.plan}").stdout == "business-4", "diff is a dry run")

        let conflict = try await kubectl("apply", "--server-side", "--field-manager=platform", "-f", changed)
        #expect(conflict.status != 0)
        #expect(conflict.stderr.contains("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.plan"), "\(conflict.stderr)")
        let forced = try await kubectl("apply", "--server-side", "--field-manager=platform", "--force-conflicts", "-f", changed)
        #expect(forced.stdout == "kafkaconnect.aiven.io/my-kafka-connect serverside-applied\n", "\(forced.stderr)")
        #expect(try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.spec.plan}").stdout == "business-8")
        let owners = try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.metadata.managedFields[*].manager}", "--show-managed-fields").stdout
        #expect(owners == "kubectl platform", "\(owners)")
    }

    @Test func clientSideAppliedObjectsMoveToServerSideApply() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        let manifest = try kubectl.file("kc.yaml", KubectlCompatibilityTests.example)
        #expect(try await kubectl("apply", "-f", manifest).stdout == "kafkaconnect.aiven.io/my-kafka-connect created\n")
        let before = try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.metadata.managedFields[*].manager}", "--show-managed-fields").stdout
        #expect(before == "kubectl-client-side-apply")
        let moved = try await kubectl("apply", "--server-side", "-f", manifest)
        #expect(moved.stdout == "kafkaconnect.aiven.io/my-kafka-connect serverside-applied\n", "\(moved.stderr)")
        let changed = try kubectl.file("kc2.yaml", KubectlCompatibilityTests.example.replacingOccurrences(of: "business-4", with: "business-8"))
        let again = try await kubectl("apply", "--server-side", "-f", changed)
        #expect(again.status == 0, "kubectl took over the client-side apply's fields: \(again.stderr)")
    }
}
