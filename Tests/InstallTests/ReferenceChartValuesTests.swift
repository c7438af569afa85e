import Foundation
import KubeAPI
import TestSupport
import Testing

/// The reference chart's values (aiven/aiven-operator `charts/aiven-operator/values.yaml`, v0.40.0
/// and v0.44.0, in Tests/compat/reference-chart-values) on our chart, through Helm's engine: its
/// defaults files lint and render, and a file setting every one of its keys produces what each key
/// asks for, or names the ignored ones in NOTES.
@Suite(.timeLimit(.minutes(3)))
struct ReferenceChartValuesTests {
    static let versions = ["v0.40.0", "v0.44.0"]

    static func referenceDefaults(_ version: String) throws -> JSONValue {
        let text = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Tests/compat/reference-chart-values/\(version).yaml"), encoding: .utf8)
        return try #require(try YAMLDocuments.load(text).first)
    }

    /// Every key of both reference values files, each set to something other than its default.
    static let everyKey: JSONValue = [
        "replicaCount": 2,
        "nameOverride": "aiven",
        "fullnameOverride": "my-operator",
        "metricsBindAddress": ":9090",
        "healthProbeBindAddress": ":9091",
        "leaderElect": true,
        "extraEnvs": [["name": "EXTRA", "value": "1"]],
        "defaultTokenSecret": ["name": "team-token", "key": "apikey"],
        "webhooks": ["enabled": true, "checkCapabilities": false, "servicePort": 8443, "containerPort": 10250],
        "image": ["repository": "registry.example.com/aiven-operator", "pullPolicy": "Always", "tag": "1.2.3"],
        "imagePullSecrets": [["name": "pull"]],
        "serviceAccount": ["create": true, "annotations": ["eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/aiven-operator"], "name": "operator-sa"],
        "resources": ["limits": ["cpu": "200m", "memory": "256Mi"], "requests": ["cpu": "100m", "memory": "128Mi"]],
        "podAnnotations": ["prometheus.io/scrape": "true"],
        "podSecurityContext": ["runAsNonRoot": true, "runAsUser": 65532],
        "securityContext": ["readOnlyRootFilesystem": true],
        "autoscaling": ["enabled": true, "minReplicas": 1, "maxReplicas": 3, "targetCPUUtilizationPercentage": 80, "targetMemoryUtilizationPercentage": 70],
        "nodeSelector": ["kubernetes.io/os": "linux"],
        "tolerations": [["key": "dedicated", "operator": "Exists", "effect": "NoSchedule"]],
        "affinity": ["nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": [["matchExpressions": [["key": "pool", "operator": "In", "values": ["ops"]]]]]]]],
        "clusterRole": ["create": false],
        "watchedNamespaces": ["team-a"],
        "logging": ["level": "debug", "encoder": "console"],
    ]

    /// Dotted paths of the keys of `values` (maps descended, lists not).
    static func keys(_ values: JSONValue, _ prefix: String = "") -> Set<String> {
        var found: Set<String> = []
        for (key, value) in values.objectValue ?? [:] {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            found.insert(path)
            if let members = value.objectValue, !members.isEmpty, !["resources", "affinity", "podSecurityContext", "securityContext", "nodeSelector", "podAnnotations", "annotations"].contains(key) {
                found.formUnion(keys(value, path))
            }
        }
        return found
    }

    @Test(arguments: versions)
    func theReferenceDefaultsLintAndInstallAsTheReferenceWould(version: String) throws {
        let values = try Self.referenceDefaults(version)
        let lint = try HelmChart.run(["lint", HelmChart.path, values.jsonString])
        #expect(lint.status == 0, "helm lint --strict with the reference's \(version) defaults:\n\(lint.stdout)\(lint.stderr)")
        let chart = try Manifests.helm(values: values.jsonString)
        let deployment = try chart.one("Deployment")
        // serviceAccount.create false, name "": the namespace's default ServiceAccount, as the reference.
        #expect(chart.all("ServiceAccount").isEmpty)
        #expect(deployment[path: ["spec", "template", "spec", "serviceAccountName"]] == "default")
        #expect(try chart.one("ClusterRoleBinding")["subjects"] == [["kind": "ServiceAccount", "name": "default", "namespace": "aiven-operator-system"]])
        // defaultTokenSecret.name "": no default token.
        let container = try chart.container()
        #expect(container["env"]?.arrayValue?.contains { $0["name"] == "DEFAULT_AIVEN_TOKEN" } == false)
        #expect(container["args"]?.arrayValue?.contains("--leader-elect") == true)
        #expect(container["image"] == "aivenoy/aiven-operator:0.1.0")
        // Their empty security contexts merge with ours: the hardening stays.
        #expect(container[path: ["securityContext", "readOnlyRootFilesystem"]] == true)
        #expect(chart.all("HorizontalPodAutoscaler").isEmpty)
    }

    @Test func theEveryKeyFileCoversEveryReferenceKey() throws {
        let covered = Self.keys(Self.everyKey)
        for version in Self.versions {
            let missing = Self.keys(try Self.referenceDefaults(version)).subtracting(covered)
            #expect(missing.isEmpty, "keys of the reference's \(version) values not set by the every-key file: \(missing.sorted())")
        }
    }

    @Test func everyReferenceKeyMeansWhatItMeansThere() throws {
        let values = Self.everyKey.jsonString
        let lint = try HelmChart.run(["lint", HelmChart.path, values])
        #expect(lint.status == 0, "helm lint --strict:\n\(lint.stdout)\(lint.stderr)")
        let chart = try Manifests.helm(values: values)
        let deployment = try chart.one("Deployment")
        #expect(deployment[path: ["metadata", "name"]] == "my-operator")
        #expect(deployment[path: ["spec", "replicas"]] == 2)
        let pod = try #require(deployment[path: ["spec", "template"]])
        #expect(pod[path: ["metadata", "annotations"]] == ["prometheus.io/scrape": "true"])
        #expect(pod[path: ["spec", "serviceAccountName"]] == "operator-sa")
        #expect(pod[path: ["spec", "imagePullSecrets"]] == [["name": "pull"]])
        #expect(pod[path: ["spec", "nodeSelector"]] == ["kubernetes.io/os": "linux"])
        #expect(pod[path: ["spec", "tolerations"]] == Self.everyKey["tolerations"])
        #expect(pod[path: ["spec", "affinity"]] == Self.everyKey["affinity"])
        #expect(pod[path: ["spec", "securityContext", "runAsUser"]] == 65532)
        let container = try chart.container()
        #expect(container["image"] == "registry.example.com/aiven-operator:1.2.3")
        #expect(container["imagePullPolicy"] == "Always")
        #expect(container["resources"] == Self.everyKey["resources"])
        let args = container["args"]?.arrayValue ?? []
        for expected: JSONValue in ["--leader-elect", "--metrics-bind-address=:9090", "--health-probe-bind-address=:9091", "--log-format=text", "--log-level=debug"] {
            #expect(args.contains(expected), "\(expected) in \(args)")
        }
        #expect(container["ports"]?.arrayValue?.compactMap { $0["containerPort"]?.integerValue } == [9090, 9091])
        let environment = container["env"]?.arrayValue ?? []
        #expect(environment.contains(["name": "EXTRA", "value": "1"]))
        #expect(environment.contains(["name": "WATCHED_NAMESPACES", "value": "team-a"]))
        #expect(environment.first { $0["name"] == "DEFAULT_AIVEN_TOKEN" }?[path: ["valueFrom", "secretKeyRef"]] == ["name": "team-token", "key": "apikey", "optional": true])

        let account = try chart.one("ServiceAccount")
        #expect(account[path: ["metadata", "name"]] == "operator-sa")
        #expect(account[path: ["metadata", "annotations"]] == ["eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/aiven-operator"])
        // clusterRole.create false: nothing cluster-scoped in RBAC; the watched namespace's Role is bound to the account.
        #expect(chart.all("ClusterRole").isEmpty && chart.all("ClusterRoleBinding").isEmpty)
        let binding = try #require(chart.all("RoleBinding").first { $0[path: ["metadata", "namespace"]] == "team-a" })
        #expect(binding["subjects"] == [["kind": "ServiceAccount", "name": "operator-sa", "namespace": "aiven-operator-system"]])
        // Ignored, and said so.
        #expect(chart.all("HorizontalPodAutoscaler").isEmpty)
        #expect(chart.objects.allSatisfy { !($0["kind"]?.stringValue ?? "").contains("WebhookConfiguration") })
        let notes = try HelmChart.run(["notes", HelmChart.path, "aiven-operator", "aiven-operator-system", values])
        #expect(notes.status == 0, "\(notes.stderr)")
        #expect(notes.stdout.contains("Ignored: webhooks.*"))
        #expect(notes.stdout.contains("Ignored: autoscaling.*"))
    }

    @Test func clusterRoleCreateFalseInstallsNoClusterScopedRBAC() throws {
        let chart = try Manifests.helm(values: #"{"clusterRole":{"create":false}}"#)
        #expect(chart.all("ClusterRole").isEmpty)
        #expect(chart.all("ClusterRoleBinding").isEmpty)
        #expect(try chart.one("Deployment")[path: ["spec", "template", "spec", "serviceAccountName"]] == "aiven-operator")
        let notes = try HelmChart.run(["notes", HelmChart.path, "aiven-operator", "aiven-operator-system", #"{"clusterRole":{"create":false}}"#])
        #expect(notes.stdout.contains("clusterRole.create=false: no ClusterRole was installed"))
    }

    @Test func anUnknownKeyIsStillRefused() throws {
        let output = try HelmChart.run(["render", HelmChart.path, "aiven-operator", "aiven-operator-system", #"{"serviceAccount":{"annotaions":{}}}"#])
        #expect(output.status != 0)
        #expect((output.stderr + output.stdout).contains("annotaions"))
    }
}
