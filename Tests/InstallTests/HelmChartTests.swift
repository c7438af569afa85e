import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// charts/aiven-operator, linted and rendered by Helm's own engine (helm-python-sdk).
@Suite(.timeLimit(.minutes(3)))
struct HelmChartTests {
    static let namespace = "aiven-operator-system"

    @Test func lintsCleanUnderStrict() throws {
        for values in ["{}", #"{"watchedNamespaces":["team-a","team-b"],"metrics":{"serviceMonitor":{"enabled":true}}}"#] {
            let lint = try HelmChart.run(["lint", HelmChart.path, values])
            #expect(lint.status == 0, "helm lint --strict with \(values):\n\(lint.stdout)\(lint.stderr)")
        }
    }

    @Test func appVersionIsTheOperatorsVersion() throws {
        let chart = try #require(try YAMLDocuments.load(String(contentsOfFile: HelmChart.path + "/Chart.yaml", encoding: .utf8)).first)
        #expect(chart["appVersion"]?.stringValue == OperatorVersion.current)
    }

    /// The default render installs what `deploy/install.yaml` installs: the same objects (the
    /// Namespace aside, which `helm install --create-namespace` makes), the same RBAC rules, the
    /// same container arguments, environment, probes and hardening, the same CRDs and policy.
    @Test func theDefaultRenderMatchesTheKustomizeBundle() throws {
        let chart = try Manifests.helm()
        let bundle = try Manifests.file("deploy/install.yaml")
        #expect(chart.keys == bundle.keys.filter { !$0.hasPrefix("Namespace ") })
        #expect(chart.permissions == bundle.permissions)
        #expect(chart.rbacStrings.allSatisfy { !$0.contains("*") })
        let chartContainer = try chart.container()
        let bundleContainer = try bundle.container()
        for field in ["command", "args", "env", "ports", "livenessProbe", "readinessProbe", "resources", "securityContext", "imagePullPolicy", "image", "name"] {
            #expect(chartContainer[field] == bundleContainer[field], "container \(field)")
        }
        let chartPod = try chart.one("Deployment")[path: ["spec", "template", "spec"]]
        let bundlePod = try bundle.one("Deployment")[path: ["spec", "template", "spec"]]
        #expect(chartPod?["securityContext"] == bundlePod?["securityContext"])
        #expect(chartPod?["serviceAccountName"] == bundlePod?["serviceAccountName"])
        #expect(try chart.one("Deployment")[path: ["spec", "replicas"]] == 1)
        let chartService = try chart.one("Service")
        let bundleService = try bundle.one("Service")
        #expect(chartService[path: ["spec", "ports"]] == bundleService[path: ["spec", "ports"]])
        for kind in ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"] {
            let (rendered, bundled) = (try chart.one(kind), try bundle.one(kind))
            if kind == "ValidatingAdmissionPolicyBinding" {
                #expect(rendered[path: ["spec", "validationActions"]] == bundled[path: ["spec", "validationActions"]])
                #expect(rendered[path: ["spec", "policyName"]] == bundled[path: ["spec", "policyName"]])
            } else {
                #expect(rendered["spec"] == bundled["spec"], "\(kind) spec")
            }
        }
        // The CRDs are the generated ones, kept on uninstall.
        for crd in chart.all("CustomResourceDefinition") {
            let original = try #require(bundle.all("CustomResourceDefinition").first { $0[path: ["metadata", "name"]] == crd[path: ["metadata", "name"]] })
            #expect(crd["spec"] == original["spec"])
            #expect(crd[path: ["metadata", "annotations", "helm.sh/resource-policy"]] == "keep")
        }
    }

    @Test func watchedNamespacesGiveRolesThereAndNoClusterRole() throws {
        let chart = try Manifests.helm(values: #"{"watchedNamespaces":["team-a","team-b"]}"#)
        #expect(chart.all("ClusterRole").isEmpty)
        #expect(chart.all("ClusterRoleBinding").isEmpty)
        let expected = Permission.watched(in: "team-a").union(Permission.watched(in: "team-b")).union(Permission.leaderElection(in: Self.namespace))
        #expect(chart.permissions == expected)
        let environment = try chart.container()["env"]?.arrayValue ?? []
        #expect(environment.first { $0["name"] == "WATCHED_NAMESPACES" }?["value"] == "team-a,team-b")
        for binding in chart.all("RoleBinding") {
            #expect(binding[path: ["subjects"]]?.arrayValue?.first?["namespace"] == .string(Self.namespace))
        }
    }

    @Test func leaderElectionCanBeTurnedOff() throws {
        let chart = try Manifests.helm(values: #"{"leaderElection":{"enabled":false}}"#)
        #expect(!strings(try chart.container()["args"]).contains("--leader-elect"))
        #expect(chart.all("Role").isEmpty)
        #expect(chart.all("RoleBinding").isEmpty)
        #expect(chart.permissions == Permission.watched(in: "*cluster*"))
        // Replicas without a leader would fight over the same resources.
        let refused = try HelmChart.run(["render", HelmChart.path, "aiven-operator", Self.namespace, #"{"leaderElection":{"enabled":false},"replicaCount":2}"#])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("replicaCount above 1 needs leaderElection.enabled"))
    }

    @Test func theAdmissionPolicyCanBeTurnedOff() throws {
        let chart = try Manifests.helm(values: #"{"admissionPolicy":{"enabled":false}}"#)
        #expect(chart.all("ValidatingAdmissionPolicy").isEmpty)
        #expect(chart.all("ValidatingAdmissionPolicyBinding").isEmpty)
        #expect(!chart.all("Deployment").isEmpty)
    }

    @Test func optionalPieces() throws {
        let chart = try Manifests.helm(values: #"""
            {"crds":{"install":false},"metrics":{"port":9090,"serviceMonitor":{"enabled":true,"labels":{"release":"prom"}}},
             "extraArgs":["--max-concurrent-reconciles=8"],"extraEnv":[{"name":"AIVEN_API_URL","value":"https://aiven.example"}],
             "image":{"repository":"registry.example/aiven-operator","tag":"1.2.3","pullPolicy":"Always"},
             "imagePullSecrets":[{"name":"registry"}],"nodeSelector":{"kubernetes.io/os":"linux"}}
            """#)
        #expect(chart.all("CustomResourceDefinition").isEmpty)
        let monitor = try chart.one("ServiceMonitor")
        #expect(monitor["apiVersion"] == "monitoring.coreos.com/v1")
        #expect(monitor[path: ["spec", "endpoints"]]?.arrayValue?.first?["port"] == "metrics")
        #expect(monitor[path: ["metadata", "labels", "release"]] == "prom")
        let service = try chart.one("Service")
        #expect(monitor[path: ["spec", "selector", "matchLabels"]] == service[path: ["spec", "selector"]])
        let container = try chart.container()
        #expect(container["image"] == "registry.example/aiven-operator:1.2.3")
        #expect(container["imagePullPolicy"] == "Always")
        #expect(strings(container["args"]).contains("--metrics-bind-address=:9090"))
        #expect(strings(container["args"]).contains("--max-concurrent-reconciles=8"))
        #expect(container["env"]?.arrayValue?.contains(["name": "AIVEN_API_URL", "value": "https://aiven.example"]) == true)
        let pod = try chart.one("Deployment")[path: ["spec", "template", "spec"]]
        #expect(pod?["imagePullSecrets"] == [["name": "registry"]])
        #expect(pod?["nodeSelector"] == ["kubernetes.io/os": "linux"])
    }

    @Test func theSchemaRefusesUnknownAndMistypedValues() throws {
        for (values, problem) in [(#"{"replicas":2}"#, "replicas"), (#"{"watchedNamespaces":"team-a"}"#, "watchedNamespaces"), (#"{"logFormat":"xml"}"#, "logFormat")] {
            let output = try HelmChart.run(["render", HelmChart.path, "aiven-operator", Self.namespace, values])
            #expect(output.status != 0, "\(values) should be refused")
            #expect(output.stderr.contains(problem), "\(values): \(output.stderr)")
        }
    }
}
