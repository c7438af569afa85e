import Foundation
import KubeAPI
import TestSupport
import Testing

/// The chart installs on every Kubernetes its `kubeVersion` admits (1.27+), and its
/// ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1, Kubernetes 1.30+) only where the
/// cluster serves it: Helm's engine told which cluster it renders for, as `helm template
/// --kube-version/--api-versions` (and `helm install`, from the cluster's discovery) tell it.
@Suite(.timeLimit(.minutes(3)))
struct ChartKubernetesVersionTests {
    static let policyKinds = ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"]
    static let skipped = "Not installed: the termination-protection ValidatingAdmissionPolicy."

    static func notes(_ cluster: [String], values: String = "{}") throws -> String {
        let output = try HelmChart.run(["notes", HelmChart.path, "aiven-operator", "aiven-operator-system", values] + cluster)
        guard output.status == 0 else { throw ToolFailure(tool: "helm notes", output: output) }
        return output.stdout
    }

    @Test func kubeVersionAdmitsTheOldestClusterTheOperatorRunsOn() throws {
        let chart = try #require(try YAMLDocuments.load(String(contentsOfFile: HelmChart.path + "/Chart.yaml", encoding: .utf8)).first)
        #expect(chart["kubeVersion"] == ">=1.27.0-0")
        let lint = try HelmChart.run(["lint", HelmChart.path, "{}"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    }

    @Test(arguments: ["v1.27.0", "v1.29.4"])
    func olderClustersGetEverythingButThePolicyAndNotesSaySo(version: String) throws {
        let chart = try Manifests.helm(cluster: ["--kube-version", version])
        for kind in Self.policyKinds { #expect(chart.all(kind).isEmpty, "\(kind) on \(version)") }
        #expect(!chart.all("Deployment").isEmpty)
        let bundled = try Manifests.file("deploy/install.yaml").all("CustomResourceDefinition")
        #expect(chart.all("CustomResourceDefinition").count == bundled.count)
        let notes = try Self.notes(["--kube-version", version])
        #expect(notes.contains(Self.skipped))
        #expect(notes.contains("Kubernetes \(version)"))
        #expect(!notes.contains("refused at admission"))
    }

    @Test(arguments: [["--kube-version", "v1.30.0"], ["--kube-version", "v1.33.1"], ["--kube-version", "v1.29.4", "--api-versions", "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy"]])
    func clustersServingThePolicyGetIt(cluster: [String]) throws {
        let chart = try Manifests.helm(cluster: cluster)
        for kind in Self.policyKinds { #expect(chart.all(kind).count == 1, "\(kind) with \(cluster)") }
        let notes = try Self.notes(cluster)
        #expect(notes.contains("refused at admission"))
        #expect(!notes.contains(Self.skipped))
    }

    @Test func turnedOffItIsAbsentEverywhereWithoutANote() throws {
        let values = #"{"admissionPolicy":{"enabled":false}}"#
        for cluster in [["--kube-version", "v1.31.0"], ["--kube-version", "v1.28.0"]] {
            let chart = try Manifests.helm(values: values, cluster: cluster)
            for kind in Self.policyKinds { #expect(chart.all(kind).isEmpty) }
            #expect(!(try Self.notes(cluster, values: values)).contains(Self.skipped))
        }
    }
}
