import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// `deploy/install.yaml` on `apiserver --tls`: the generated admission policy refuses deleting a
/// resource of every kind with termination protection, at that kind's own field, and lets it go
/// once the protection is off. No operator runs, so nothing else holds the objects.
@Suite(.timeLimit(.minutes(3)))
struct TerminationProtectionAdmissionTests {
    @Test func everyProtectedKindIsRefusedAtAdmissionUntilItsProtectionIsOff() async throws {
        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        let install = await try kube.kubectl(["apply", "-f", TestPaths.repositoryRoot.appendingPathComponent("deploy/install.yaml").path])
        try #require(install.status == 0, "kubectl apply -f deploy/install.yaml: \(install.stderr)")
        let protected = Operator.kinds.filter { $0.terminationProtectionField != nil }
        #expect(Set(protected.map(\.access.plural)) == (try Manifests.file("deploy/install.yaml")).protectedPlurals)
        #expect(!protected.isEmpty)
        for registration in protected {
            let field = try #require(registration.terminationProtectionField)
            let kind = registration.access.plural
            let example = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("examples/\(registration.name).yaml"), encoding: .utf8)
            let name = try #require(try YAMLDocuments.load(example).first?[path: ["metadata", "name"]]?.stringValue)
            let apply = await try kube.kubectl(["apply", "-f", "-"], stdin: example)
            try #require(apply.status == 0, "\(kind): \(apply.stderr)")
            let protect = await try kube.kubectl(["patch", kind, name, "--type=merge", "-p", #"{"spec":{"\#(field)":true}}"#])
            try #require(protect.status == 0, "\(kind): \(protect.stderr)")

            let refused = await try kube.kubectl(["delete", kind, name, "--wait=false"])
            #expect(refused.status != 0, "\(kind) deleted despite spec.\(field)")
            #expect(refused.stderr.contains("ValidatingAdmissionPolicy 'aiven-operator-termination-protection'"), "\(kind): \(refused.stderr)")
            #expect(refused.stderr.contains("spec.\(field) is true"), "\(kind): \(refused.stderr)")
            let kept = await try kube.kubectl(["get", kind, name, "-o", "jsonpath={.metadata.deletionTimestamp}|{.spec.\(field)}"])
            #expect(kept.stdout == "|true", "\(kind): \(kept.stderr)")

            _ = await try kube.kubectl(["patch", kind, name, "--type=merge", "-p", #"{"spec":{"\#(field)":false}}"#])
            let deleted = await try kube.kubectl(["delete", kind, name, "--wait=false"])
            #expect(deleted.status == 0, "\(kind): \(deleted.stderr)")
        }
    }
}
