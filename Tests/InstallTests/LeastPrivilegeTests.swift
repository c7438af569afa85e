import Foundation
import KubeAPI
import TestSupport
import Testing

/// `deploy/install.yaml` on LocalKube (`--tls`), then the operator running with nothing but the
/// installed ServiceAccount's token: it takes the seed example to RUNNING and deletes it (so every
/// permission it needs is granted), `kubectl auth can-i --list` shows nothing beyond the granted
/// list, and the admission policy refuses deleting a protected resource.
@Suite(.timeLimit(.minutes(5)))
struct LeastPrivilegeTests {
    static let namespace = "aiven-operator-system"

    /// A kubeconfig for `server` that authenticates with `token` only.
    static func kubeconfig(copying admin: String, token: String, to path: String) throws {
        let document = try #require(try YAMLDocuments.load(String(contentsOfFile: admin, encoding: .utf8)).first)
        let cluster = try #require(document[path: ["clusters"]]?.arrayValue?.first?["cluster"])
        try """
            apiVersion: v1
            kind: Config
            current-context: operator
            clusters: [{name: c, cluster: {server: "\(cluster["server"]?.stringValue ?? "")", certificate-authority-data: "\(cluster["certificate-authority-data"]?.stringValue ?? "")"}}]
            contexts: [{name: operator, context: {cluster: c, user: operator, namespace: default}}]
            users: [{name: operator, user: {token: "\(token)"}}]
            """.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func theOperatorConvergesAndDeletesWithOnlyItsServiceAccountsToken() async throws {
        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        let install = await try kube.kubectl(["apply", "-f", TestPaths.repositoryRoot.appendingPathComponent("deploy/install.yaml").path])
        try #require(install.status == 0, "kubectl apply -f deploy/install.yaml: \(install.stderr)")

        let minted = await try kube.kubectl(["create", "token", "aiven-operator", "-n", Self.namespace])
        try #require(minted.status == 0, "kubectl create token: \(minted.stderr)")
        let token = minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let operatorKubeconfig = kube.directory.appendingPathComponent("operator-kubeconfig").path
        try Self.kubeconfig(copying: kube.kubeconfig, token: token, to: operatorKubeconfig)

        // What the token may do, as kubectl reports it, for a watched namespace and its own.
        let allowed = Permission.watched(in: "*cluster*").union(Permission.leaderElection(in: Self.namespace))
        for namespace in ["default", Self.namespace] {
            let list = await try kube.kubectl(["auth", "can-i", "--list", "-n", namespace], kubeconfig: operatorKubeconfig)
            try #require(list.status == 0, "kubectl auth can-i --list: \(list.stderr)")
            for granted in Self.canIRows(list.stdout) where !Self.isEveryUsersDiscovery(granted) {
                let covered = allowed.contains { $0.group == granted.group && $0.resource == granted.resource && $0.verb == granted.verb && ($0.scope == "*cluster*" || $0.scope == namespace) }
                #expect(covered, "the operator's token may \(granted.verb) \(granted.resource) in \(namespace), which is not in the granted list")
            }
        }
        let forbidden = await try kube.kubectl(["get", "configmaps", "-n", "default"], kubeconfig: operatorKubeconfig)
        #expect(forbidden.status != 0 && forbidden.stderr.contains("forbidden"))

        // The seed example, reconciled by the operator running with that token alone.
        let emulator = try await AivenEmulatorProcess(token: "aiven-test-token", in: kube.directory)
        defer { emulator.child.stop() }
        _ = await try kube.kubectl(["create", "secret", "generic", "aiven-token", "-n", "default", "--from-literal=token=aiven-test-token"])
        let apply = await try kube.kubectl(["apply", "-f", TestPaths.repositoryRoot.appendingPathComponent("examples/kafkaconnect.yaml").path])
        try #require(apply.status == 0, "\(apply.stderr)")
        let metricsPort = try freePort()
        let operatorProcess = try ChildProcess(
            [
                "run", "--kubeconfig", operatorKubeconfig, "--aiven-api-url", emulator.url, "--leader-elect", "--leader-election-namespace", Self.namespace,
                "--metrics-bind-address=127.0.0.1:\(metricsPort)", "--health-probe-bind-address=0",
            ],
            in: kube.directory
        )
        defer { operatorProcess.stop() }
        try await eventually("RUNNING", operatorProcess) {
            await try kube.kubectl(["get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.status.state}"]).stdout == "RUNNING"
        }
        #expect(!operatorProcess.log.lowercased().contains("forbidden"), "no request was refused:\n\(operatorProcess.log)")

        // controller-runtime's metric names, as dashboards written for Go operators query them.
        let scrape = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["timeout", "10", "curl", "-sf", "http://127.0.0.1:\(metricsPort)/metrics"]).stdout
        for series in [
            #"controller_runtime_reconcile_total{controller="kafkaconnect",result="success"}"#, #"controller_runtime_max_concurrent_reconciles{controller="kafkaconnect"} 4"#,
            #"controller_runtime_reconcile_time_seconds_bucket{controller="kafkaconnect""#, #"controller_runtime_active_workers{controller="kafkaconnect"}"#,
            #"workqueue_adds_total{name="kafkaconnect"}"#, #"workqueue_depth{name="kafkaconnect"}"#, #"workqueue_queue_duration_seconds_bucket{name="kafkaconnect""#,
            #"workqueue_work_duration_seconds_bucket{name="kafkaconnect""#, #"leader_election_master_status{name="aiven-operator-leader"} 1"#, "aiven_api_requests_total{",
        ] {
            #expect(scrape.contains(series), "/metrics lacks \(series)")
        }

        // Protected: the policy refuses the delete and nothing changes.
        let protect = await try kube.kubectl(["patch", "kafkaconnect", "my-kafka-connect", "--type=merge", "-p", #"{"spec":{"terminationProtection":true}}"#])
        try #require(protect.status == 0, "\(protect.stderr)")
        let refused = await try kube.kubectl(["delete", "kafkaconnect", "my-kafka-connect", "--wait=false"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("aiven-operator-termination-protection"), "\(refused.stderr)")
        #expect(refused.stderr.contains("set spec.terminationProtection to false"), "\(refused.stderr)")
        let untouched = await try kube.kubectl(["get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.metadata.deletionTimestamp}|{.status.state}"])
        #expect(untouched.stdout == "|RUNNING")

        // Unprotected: the operator deletes the service and releases the resource.
        _ = await try kube.kubectl(["patch", "kafkaconnect", "my-kafka-connect", "--type=merge", "-p", #"{"spec":{"terminationProtection":false}}"#])
        let delete = await try kube.kubectl(["delete", "kafkaconnect", "my-kafka-connect", "--wait=false"])
        #expect(delete.status == 0, "\(delete.stderr)")
        try await eventually("deleted", operatorProcess) {
            await try kube.kubectl(["get", "kafkaconnect", "my-kafka-connect"]).stderr.contains("NotFound")
        }
        #expect(!operatorProcess.log.lowercased().contains("forbidden"), "no request was refused:\n\(operatorProcess.log)")
    }

    /// `kubectl auth can-i --list --as=<the operator's ServiceAccount>`, as an administrator
    /// audits least privilege, lists exactly what the install bundle grants: nothing more (the
    /// administrator's own rights leaking through) and nothing less.
    @Test func canIListAsTheOperatorMatchesTheBundlesGrantExactly() async throws {
        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        let install = await try kube.kubectl(["apply", "-f", TestPaths.repositoryRoot.appendingPathComponent("deploy/install.yaml").path])
        try #require(install.status == 0, "kubectl apply -f deploy/install.yaml: \(install.stderr)")
        let granted = try Manifests.file("deploy/install.yaml").permissions
        for namespace in ["default", Self.namespace] {
            let list = await try kube.kubectl(["auth", "can-i", "--list", "-n", namespace, "--as=system:serviceaccount:\(Self.namespace):aiven-operator"])
            try #require(list.status == 0, "kubectl auth can-i --list --as: \(list.stderr)")
            let listed = Set(Self.canIRows(list.stdout).filter { !Self.isEveryUsersDiscovery($0) })
            let expected = Set(granted.filter { $0.scope == "*cluster*" || $0.scope == namespace }.map { Permission(scope: "", group: $0.group, resource: $0.resource, verb: $0.verb) })
            #expect(listed == expected, "in \(namespace): listed beyond the grant \(listed.subtracting(expected)), granted but not listed \(expected.subtracting(listed))")
        }
    }

    /// The namespaced overlay: the token may read Secrets in the watched namespace and nowhere else.
    @Test func theNamespacedOverlayReadsSecretsOnlyWhereItWatches() async throws {
        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        let install = await try kube.kubectl(["apply", "-k", TestPaths.repositoryRoot.appendingPathComponent("deploy/kubernetes/overlays/namespaced").path])
        try #require(install.status == 0, "kubectl apply -k overlays/namespaced: \(install.stderr)")
        let minted = await try kube.kubectl(["create", "token", "aiven-operator", "-n", Self.namespace])
        try #require(minted.status == 0, "\(minted.stderr)")
        let operatorKubeconfig = kube.directory.appendingPathComponent("operator-kubeconfig").path
        try Self.kubeconfig(copying: kube.kubeconfig, token: minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines), to: operatorKubeconfig)
        _ = await try kube.kubectl(["create", "namespace", "elsewhere"])
        for (arguments, answer) in [
            (["list", "secrets", "-n", "default"], "yes"), (["watch", "kafkaconnects.aiven.io", "-n", "default"], "yes"),
            (["list", "secrets", "-n", "elsewhere"], "no"), (["list", "secrets", "--all-namespaces"], "no"),
            (["list", "kafkaconnects.aiven.io", "--all-namespaces"], "no"), (["get", "leases.coordination.k8s.io", "-n", Self.namespace], "yes"),
        ] {
            let output = await try kube.kubectl(["auth", "can-i"] + arguments, kubeconfig: operatorKubeconfig)
            #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == answer, "can-i \(arguments.joined(separator: " ")): \(output.stdout)\(output.stderr)")
        }
    }

    /// The chart's default render installs with kubectl (into the namespace `helm install
    /// --create-namespace` would make) and the cluster then holds the bundle's rules and arguments.
    @Test func theHelmRenderInstallsLikeTheBundle() async throws {
        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        let rendered = try HelmChart.run(["render", HelmChart.path, "aiven-operator", Self.namespace, "{}"])
        try #require(rendered.status == 0, "\(rendered.stderr)")
        _ = await try kube.kubectl(["create", "namespace", Self.namespace])
        let apply = await try kube.kubectl(["apply", "-f", "-"], stdin: rendered.stdout)
        try #require(apply.status == 0, "kubectl apply of the Helm render: \(apply.stderr)")

        let bundle = try Manifests.file("deploy/install.yaml")
        let installed = await try kube.kubectl(["get", "clusterrole,clusterrolebinding,role,rolebinding,deployment,validatingadmissionpolicy", "-A", "-l", "app.kubernetes.io/instance=aiven-operator", "-o", "json"])
        try #require(installed.status == 0, "\(installed.stderr)")
        let list = try #require(try YAMLDocuments.load(installed.stdout).first)
        let cluster = Manifests(objects: list["items"]?.arrayValue ?? [])
        #expect(cluster.permissions == bundle.permissions)
        #expect(strings(try cluster.container()["args"]) == strings(try bundle.container()["args"]))
        #expect(try cluster.container()["env"] == bundle.container()["env"])
        #expect(try cluster.one("ValidatingAdmissionPolicy")[path: ["spec", "validations"]] == bundle.one("ValidatingAdmissionPolicy")[path: ["spec", "validations"]])
    }

    /// Rows of `kubectl auth can-i --list`: `Resources  Non-Resource URLs  Resource Names  Verbs`.
    static func canIRows(_ table: String) -> [Permission] {
        table.split(separator: "\n").dropFirst().flatMap { line -> [Permission] in
            // Rows that start blank are non-resource URLs; the verbs are the last `[…]` column.
            guard !line.hasPrefix(" "), let resourceColumn = line.split(separator: " ").first, let open = line.lastIndex(of: "[") else { return [] }
            // `kafkaconnects.aiven.io`, `kafkaconnects.aiven.io/status`, `secrets` (core group).
            let subresource = resourceColumn.split(separator: "/", maxSplits: 1).dropFirst().first.map { "/\($0)" } ?? ""
            let parts = (resourceColumn.split(separator: "/").first ?? "").split(separator: ".", maxSplits: 1).map(String.init)
            let group = parts.count > 1 ? parts[1] : ""
            return line[open...].trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(separator: " ").map {
                Permission(scope: "", group: group, resource: (parts.first ?? "") + subresource, verb: String($0))
            }
        }
    }

    /// What every authenticated user may do (`system:basic-user`): review its own access.
    static func isEveryUsersDiscovery(_ permission: Permission) -> Bool {
        ["selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews"].contains(permission.resource) && permission.verb == "create"
    }

    func eventually(_ what: String, _ operatorProcess: ChildProcess, seconds: Int = 90, _ check: () async throws -> Bool) async throws {
        for _ in 0..<(seconds * 4) {
            if try await check() { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("not \(what) after \(seconds)s; operator log:\n\(operatorProcess.log)")
        throw ManifestProblem("not \(what)")
    }
}
