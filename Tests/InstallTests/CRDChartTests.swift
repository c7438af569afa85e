import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// charts/aiven-operator-crds, the CRDs as a release of their own (as the reference splits them),
/// through Helm's engine: exactly the generated CRDs, each kept on uninstall.
@Suite(.timeLimit(.minutes(3)))
struct CRDChartTests {
    static let path = TestPaths.repositoryRoot.appendingPathComponent("charts/aiven-operator-crds").path

    @Test func lintsCleanAndCarriesTheOperatorsVersion() throws {
        let lint = try HelmChart.run(["lint", Self.path, "{}"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let chart = try #require(try YAMLDocuments.load(String(contentsOfFile: Self.path + "/Chart.yaml", encoding: .utf8)).first)
        #expect(chart["name"] == "aiven-operator-crds")
        #expect(chart["appVersion"]?.stringValue == OperatorVersion.current)
    }

    @Test func rendersExactlyTheGeneratedCRDsEachKept() throws {
        let output = try HelmChart.run(["render", Self.path, "aiven-operator-crds", "default"])
        try #require(output.status == 0, "\(output.stderr)")
        let rendered = Manifests(objects: try YAMLDocuments.load(output.stdout))
        let generated = try Manifests.file("deploy/install.yaml").all("CustomResourceDefinition")
        #expect(rendered.objects.count == generated.count, "nothing but the CRDs")
        #expect(rendered.all("CustomResourceDefinition").count == Operator.kinds.count)
        for crd in rendered.all("CustomResourceDefinition") {
            let name = crd[path: ["metadata", "name"]]
            let original = try #require(generated.first { $0[path: ["metadata", "name"]] == name })
            #expect(crd["spec"] == original["spec"], "\(name ?? "?")")
            #expect(crd[path: ["metadata", "annotations", "helm.sh/resource-policy"]] == "keep")
            #expect(crd[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] == "Helm")
            #expect(crd[path: ["metadata", "labels", "app.kubernetes.io/instance"]] == "aiven-operator-crds")
        }
        // The operator's chart renders the same definitions when it installs them itself.
        let operatorChart = try Manifests.helm().all("CustomResourceDefinition")
        #expect(Set(operatorChart.compactMap { $0[path: ["metadata", "name"]]?.stringValue }) == Set(rendered.objects.compactMap { $0[path: ["metadata", "name"]]?.stringValue }))
    }
}
