import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// `deploy/kubernetes` (kustomize), `deploy/install.yaml` and the namespaced overlay: what they
/// install and that the operator gets exactly the permissions it needs.
@Suite(.timeLimit(.minutes(3)))
struct KubernetesBundleTests {
    static let namespace = "aiven-operator-system"

    @Test func installYAMLHoldsWhatKustomizeBuilds() async throws {
        let built = await try Manifests.kustomize("deploy/kubernetes")
        let committed = try Manifests.file("deploy/install.yaml")
        #expect(built.keys == committed.keys, "regenerate deploy/install.yaml from deploy/kubernetes (README, Development)")
        let builtByKey = Dictionary(uniqueKeysWithValues: built.objects.map { (Manifests.key($0), $0) })
        for object in committed.objects {
            #expect(builtByKey[Manifests.key(object)] == object, "\(Manifests.key(object)) differs between deploy/install.yaml and kubectl kustomize deploy/kubernetes")
        }
    }

    @Test func installsEveryObjectTheIssueLists() throws {
        let bundle = try Manifests.file("deploy/install.yaml")
        let crds = Operator.kinds.map { "CustomResourceDefinition \($0.access.plural).\($0.access.group)" }
        #expect(bundle.keys == (crds + [
            "ClusterRole aiven-operator",
            "ClusterRoleBinding aiven-operator",
            "Deployment aiven-operator-system/aiven-operator",
            "Namespace aiven-operator-system",
            "Role aiven-operator-system/aiven-operator-leader-election",
            "RoleBinding aiven-operator-system/aiven-operator-leader-election",
            "Service aiven-operator-system/aiven-operator-metrics",
            "ServiceAccount aiven-operator-system/aiven-operator",
            "ValidatingAdmissionPolicy aiven-operator-termination-protection",
            "ValidatingAdmissionPolicyBinding aiven-operator-termination-protection",
        ]).sorted())
    }

    @Test func theCRDsAreTheGeneratedOnes() throws {
        let root = TestPaths.repositoryRoot
        let generated = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("deploy/crds").path).sorted()
        #expect(!generated.isEmpty)
        for copies in ["deploy/kubernetes/base/crds", "charts/aiven-operator/files/crds", "charts/aiven-operator-crds/files/crds"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(copies).path).sorted()
            #expect(names == generated, "\(copies) should hold the files of deploy/crds")
            for name in generated {
                let original = try Data(contentsOf: root.appendingPathComponent("deploy/crds/\(name)"))
                let copy = try Data(contentsOf: root.appendingPathComponent("\(copies)/\(name)"))
                #expect(copy == original, "\(copies)/\(name) differs from deploy/crds/\(name): cp deploy/crds/*.yaml \(copies)/")
            }
        }
    }

    @Test func rbacGrantsExactlyWhatTheOperatorUses() throws {
        let bundle = try Manifests.file("deploy/install.yaml")
        #expect(bundle.rbacStrings.allSatisfy { !$0.contains("*") }, "no wildcard apiGroups, resources or verbs")
        let expected = Permission.watched(in: "*cluster*").union(Permission.leaderElection(in: Self.namespace))
        #expect(bundle.permissions.sorted(by: { $0.description < $1.description }) == expected.sorted(by: { $0.description < $1.description }))
        // Both grants go to the operator's ServiceAccount and nothing else.
        for binding in bundle.all("ClusterRoleBinding") + bundle.all("RoleBinding") {
            let subjects = binding["subjects"]?.arrayValue ?? []
            #expect(subjects == [["kind": "ServiceAccount", "name": "aiven-operator", "namespace": .string(Self.namespace)]])
        }
    }

    @Test func theDeploymentIsHardenedAndProbed() throws {
        let bundle = try Manifests.file("deploy/install.yaml")
        let deployment = try bundle.one("Deployment")
        let pod = deployment[path: ["spec", "template", "spec"]]
        #expect(deployment[path: ["spec", "replicas"]] == 1)
        #expect(pod?["serviceAccountName"] == "aiven-operator")
        #expect(pod?[path: ["securityContext", "runAsNonRoot"]] == true)
        #expect(pod?[path: ["securityContext", "seccompProfile", "type"]] == "RuntimeDefault")
        let container = try bundle.container()
        #expect(strings(container["args"]).contains("--leader-elect"))
        #expect(container[path: ["livenessProbe", "httpGet", "path"]] == "/healthz")
        #expect(container[path: ["readinessProbe", "httpGet", "path"]] == "/readyz")
        let ports = container["ports"]?.arrayValue ?? []
        #expect(ports.contains { $0["name"] == "metrics" && $0["containerPort"] == 8080 })
        #expect(container[path: ["resources", "requests"]] == ["cpu": "50m", "memory": "64Mi"])
        #expect(container[path: ["resources", "limits"]] == ["memory": "256Mi"])
        #expect(container[path: ["securityContext", "runAsNonRoot"]] == true)
        #expect(container[path: ["securityContext", "readOnlyRootFilesystem"]] == true)
        #expect(container[path: ["securityContext", "allowPrivilegeEscalation"]] == false)
        #expect(container[path: ["securityContext", "capabilities", "drop"]] == ["ALL"])
        #expect(container[path: ["securityContext", "seccompProfile", "type"]] == "RuntimeDefault")
        let token = (container["env"]?.arrayValue ?? []).first { $0["name"] == "DEFAULT_AIVEN_TOKEN" }
        #expect(token?[path: ["valueFrom", "secretKeyRef"]] == ["name": "aiven-token", "key": "token", "optional": true])
        let service = try bundle.one("Service")
        #expect(service[path: ["metadata", "name"]] == "aiven-operator-metrics")
        #expect(service[path: ["spec", "ports"]]?.arrayValue?.first?["targetPort"] == "metrics")
        #expect(service[path: ["spec", "selector"]] == deployment[path: ["spec", "selector", "matchLabels"]])
    }

    /// The container's arguments are flags `aiven-operator run` really has: with them it gets as
    /// far as looking for its kubeconfig.
    @Test func theContainerArgumentsAreRealFlagsOfRun() throws {
        for manifests in [try Manifests.file("deploy/install.yaml"), try Manifests.helm()] {
            let arguments = strings(try manifests.container()["args"])
            let output = try CommandRunner.run(
                TestPaths.operatorBinary, ["run"] + arguments + ["--kubeconfig", "/nonexistent/kubeconfig", "--metrics-bind-address=0", "--health-probe-bind-address=0"]
            )
            #expect(output.status != 0)
            #expect(output.stderr.contains("cannot read kubeconfig /nonexistent/kubeconfig"), "\(arguments): \(output.stderr)")
        }
    }

    @Test func theAdmissionPolicyDeniesDeletingProtectedResources() throws {
        let bundle = try Manifests.file("deploy/install.yaml")
        let policy = try bundle.one("ValidatingAdmissionPolicy")
        let rules = policy[path: ["spec", "matchConstraints", "resourceRules"]]?.arrayValue ?? []
        #expect(rules.count == 1)
        #expect(strings(rules.first?["operations"]) == ["DELETE"])
        // Every kind with termination protection (the services and topics), at its own field.
        let protected = Operator.kinds.filter { $0.terminationProtectionField != nil }
        #expect(strings(rules.first?["resources"]) == protected.map(\.access.plural))
        #expect(Set(strings(rules.first?["resources"])) == bundle.protectedPlurals)
        #expect(!bundle.protectedPlurals.isEmpty)
        let validations = policy[path: ["spec", "validations"]]?.arrayValue ?? []
        #expect(validations.count == 2)
        for (validation, field) in zip(validations, ["terminationProtection", "termination_protection"]) {
            #expect(validation["expression"]?.stringValue == "!has(oldObject.spec.\(field)) || oldObject.spec.\(field) != true")
            #expect(validation["message"]?.stringValue?.contains("spec.\(field) to false") == true)
        }
        let binding = try bundle.one("ValidatingAdmissionPolicyBinding")
        #expect(binding[path: ["spec", "policyName"]] == policy[path: ["metadata", "name"]])
        #expect(binding[path: ["spec", "validationActions"]] == ["Deny"])
    }

    @Test func theNamespacedOverlayGrantsNothingClusterWide() async throws {
        let overlay = await try Manifests.kustomize("deploy/kubernetes/overlays/namespaced")
        #expect(overlay.all("ClusterRole").isEmpty)
        #expect(overlay.all("ClusterRoleBinding").isEmpty)
        #expect(overlay.rbacStrings.allSatisfy { !$0.contains("*") })
        let watched = (try overlay.container()["env"]?.arrayValue ?? []).first { $0["name"] == "WATCHED_NAMESPACES" }?["value"]?.stringValue
        let namespaces = try #require(watched).split(separator: ",").map(String.init)
        #expect(!namespaces.isEmpty)
        var expected = Permission.leaderElection(in: Self.namespace)
        for namespace in namespaces { expected.formUnion(Permission.watched(in: namespace)) }
        #expect(overlay.permissions == expected)
        // Everything else is the base as it is.
        let base = try Manifests.file("deploy/install.yaml")
        let rest = Set(base.keys).subtracting(["ClusterRole aiven-operator", "ClusterRoleBinding aiven-operator"])
        #expect(rest.isSubset(of: Set(overlay.keys)))
    }
}
