import Foundation
import KubeAPI
import TestSupport
import Testing

/// Each install route, proven end to end on a bare LocalKube that runs the operator's Deployment
/// (``OperatorCluster``), with nothing started by hand: the route installs, the Deployment rolls
/// out and becomes ready, and the operator it runs (in-cluster: its ServiceAccount's token)
/// takes the seed example to `RUNNING` on the Aiven emulator. The chart also through its whole
/// life with Helm 4's own engine: upgrade, rollback, uninstall.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: OperatorCluster.podBinary), "needs the built aiven-operator"), .timeLimit(.minutes(8)))
struct InstallRoutesTests {
    static let namespace = OperatorCluster.namespace

    /// A Helm release on `cluster`, through helm-python-sdk (`Tests/compat/helm_chart.py release`).
    static func helm(_ cluster: OperatorCluster, _ arguments: [String]) async throws -> JSONValue {
        let arguments = ["release", cluster.kube.kubeconfig, namespace, "aiven-operator"] + arguments
        let output = try await onOwnThread { try HelmChart.run(arguments) }
        try #require(output.status == 0, "helm \(arguments.dropFirst(4).first ?? ""): \(output.stderr)\(output.stdout)")
        return try JSONParser().parse(output.stdout)
    }

    /// The values a user gives to point the chart at an Aiven API and a token Secret of their
    /// choosing, on ports free on this machine (pods bind them on its loopback).
    static func values(_ cluster: OperatorCluster, _ extra: [String: JSONValue] = [:]) throws -> String {
        var values: [String: JSONValue] = [
            "metrics": ["port": .integer(Int64(try freePort()))], "healthProbe": ["port": .integer(Int64(try freePort()))],
            "defaultTokenSecret": ["name": "aiven-credentials", "key": "token"],
            "extraEnv": [["name": "AIVEN_API_URL", "value": .string(cluster.emulator.url)]],
        ]
        values.merge(extra) { $1 }
        return JSONValue.object(values).jsonString
    }

    @Test func helmInstallsUpgradesRollsBackAndUninstallsTheChart() async throws {
        let image = try #require(try Manifests.helm().container()["image"]?.stringValue)
        let cluster = try await OperatorCluster(image: image)
        defer { cluster.stop() }
        _ = try await cluster.kubectl(["create", "namespace", Self.namespace])
        try await cluster.createTokenSecret("aiven-credentials", in: Self.namespace)
        let values = try Self.values(cluster)

        let installed = try await Self.helm(cluster, ["install", HelmChart.path, values])
        #expect(installed == ["revision": 1, "status": "deployed"])
        try await cluster.expectRolledOut()
        let first = try await cluster.onlyOperatorProcess()
        let environment = PodProcesses.environment(of: first.pid)
        #expect(environment["AIVEN_API_URL"] == cluster.emulator.url)
        #expect(environment["DEFAULT_AIVEN_TOKEN"] == OperatorCluster.token, "from the Secret defaultTokenSecret names")
        #expect(environment["KUBECONFIG"] == nil, "in-cluster")
        #expect(PodProcesses.arguments(of: first.pid).dropFirst() == ["run"] + strings(try Manifests.helm(values: values).container()["args"]))
        try await cluster.expectExampleRunning()

        // Changed values roll the Deployment: a new process with them, the old one stopped.
        let upgraded = try await Self.helm(cluster, ["upgrade", HelmChart.path, try Self.values(cluster, ["logLevel": "debug"])])
        #expect(upgraded == ["revision": 2, "status": "deployed"])
        let second = try await cluster.onlyOperatorProcess(besides: [first.pid])
        #expect(second.directory != first.directory, "a new pod")
        #expect(PodProcesses.arguments(of: second.pid).contains("--log-level=debug"))
        try await cluster.expectRolledOut()

        // Rollback is a third revision with the first one's values.
        let rolledBack = try await Self.helm(cluster, ["rollback", "1"])
        #expect(rolledBack == ["revision": 3, "status": "deployed"])
        let third = try await cluster.onlyOperatorProcess(besides: [second.pid])
        #expect(!PodProcesses.arguments(of: third.pid).contains("--log-level=debug"))
        try await cluster.expectRolledOut()
        let history = try await Self.helm(cluster, ["history"])
        #expect(history == [["revision": 1, "status": "superseded"], ["revision": 2, "status": "superseded"], ["revision": 3, "status": "deployed"]])

        // Uninstall stops the operator and keeps the CRDs (resource-policy: keep), hence the
        // resource, and the service on Aiven.
        let uninstalled = try await Self.helm(cluster, ["uninstall"])
        #expect(uninstalled["status"] == "uninstalled")
        let stopped = try await Eventually.poll(timeout: .seconds(60)) { cluster.operatorProcesses.isEmpty && kill(third.pid, 0) != 0 }
        #expect(stopped.reached, "the operator still runs: \(cluster.operatorProcesses)")
        let deployment = try await cluster.kubectl(["get", "deployment", "aiven-operator", "-n", Self.namespace])
        #expect(deployment.stderr.contains("NotFound"), "\(deployment.stdout)\(deployment.stderr)")
        let crds = try await cluster.kubectl(["get", "crd", "-o", "name"])
        #expect(try crds.stdout.split(separator: "\n").count == Manifests.helm().all("CustomResourceDefinition").count, "\(crds.stdout)")
        let kept = try await cluster.kubectl(["get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.metadata.deletionTimestamp}|{.status.state}"])
        #expect(kept.stdout == "|RUNNING", "\(kept.stderr)")
        #expect(try await cluster.serviceState() == "RUNNING")
    }

    /// The kubectl routes install the operator as committed; an administrator then gives it the
    /// emulator's URL and free ports, as one adapts an installed Deployment (`kubectl patch`).
    @Test(arguments: [
        ["apply", "-k", "deploy/kubernetes/base"],
        ["apply", "--server-side", "-f", "deploy/install.yaml"],
    ])
    func kubectlInstallsTheOperator(_ route: [String]) async throws {
        let image = try #require(try Manifests.file("deploy/install.yaml").container()["image"]?.stringValue)
        let cluster = try await OperatorCluster(image: image)
        defer { cluster.stop() }
        let arguments = route.map { $0.hasPrefix("deploy/") ? TestPaths.repositoryRoot.appendingPathComponent($0).path : $0 }
        let installed = try await cluster.kubectl(arguments)
        try #require(installed.status == 0, "kubectl \(route.joined(separator: " ")): \(installed.stderr)")
        try await cluster.createTokenSecret("aiven-token", in: Self.namespace)
        try await Self.adapt(cluster)
        try await cluster.expectRolledOut()
        let running = try await cluster.onlyOperatorProcess()
        #expect(PodProcesses.environment(of: running.pid)["DEFAULT_AIVEN_TOKEN"] == OperatorCluster.token)
        try await cluster.expectExampleRunning()
        cluster.stop()
        #expect(kill(running.pid, 0) != 0, "stopping the cluster stopped the operator")
    }

    /// `kubectl patch` of the installed Deployment: AIVEN_API_URL added, and each declared port
    /// (metrics, health) moved to a free one, in `ports` and in the flags that bind it.
    static func adapt(_ cluster: OperatorCluster) async throws {
        let deployment = try JSONParser().parse(try await cluster.kubectl(["get", "deployment", "aiven-operator", "-n", namespace, "-o", "json"]).stdout)
        let container = try #require(deployment[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first)
        var arguments = strings(container["args"])
        var ports: [JSONValue] = []
        for var port in container["ports"]?.arrayValue ?? [] {
            let old = port["containerPort"]?.integerValue ?? 0
            let new = Int64(try freePort())
            port["containerPort"] = .integer(new)
            ports.append(port)
            arguments = arguments.map { $0.hasSuffix("-bind-address=:\(old)") ? $0.replacingOccurrences(of: ":\(old)", with: ":\(new)") : $0 }
        }
        let container0 = "/spec/template/spec/containers/0"
        let patch: JSONValue = [
            ["op": "replace", "path": .string("\(container0)/args"), "value": .array(arguments.map(JSONValue.string))],
            ["op": "replace", "path": .string("\(container0)/ports"), "value": .array(ports)],
            ["op": "add", "path": .string("\(container0)/env/-"), "value": ["name": "AIVEN_API_URL", "value": .string(cluster.emulator.url)]],
        ]
        let patched = try await cluster.kubectl(["patch", "deployment", "aiven-operator", "-n", namespace, "--type=json", "-p", patch.jsonString])
        try #require(patched.status == 0, "\(patched.stderr)")
    }
}
