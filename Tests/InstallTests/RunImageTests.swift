import Foundation
import KubeAPI
import TestSupport
import Testing

/// `apiserver --run-image`: a Deployment of the operator's image runs the operator as a local
/// process, in-cluster (service account token, CA and namespace in its own directory,
/// `KUBERNETES_SERVICE_HOST`/`PORT`, env from a Secret), ready by its readiness probe, so
/// `kubectl rollout status` and `rollout restart` work; `kubectl scale` to zero and shutdown stop it.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.operatorBinary.path), "needs the built aiven-operator"), .timeLimit(.minutes(4)))
struct RunImageTests {
    static let image = "example/aiven-operator:test"

    static func manifest(healthPort: Int) -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: ops}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: op, namespace: ops}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: aiven-token, namespace: ops}
        stringData: {token: from-the-secret}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: op}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: op, namespace: ops}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: op, namespace: ops}
        spec:
          selector: {matchLabels: {app: op}}
          template:
            metadata: {labels: {app: op}}
            spec:
              serviceAccountName: op
              terminationGracePeriodSeconds: 10
              containers:
                - name: operator
                  image: \(image)
                  args: ["run", "--health-probe-bind-address=127.0.0.1:$(HEALTH_PORT)", "--metrics-bind-address=0"]
                  env:
                    - {name: HEALTH_PORT, value: "\(healthPort)"}
                    - {name: DEFAULT_AIVEN_TOKEN, valueFrom: {secretKeyRef: {name: aiven-token, key: token}}}
                    - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
                  ports: [{name: health, containerPort: \(healthPort)}]
                  readinessProbe: {httpGet: {path: /readyz, port: health}, periodSeconds: 1}
                  livenessProbe: {httpGet: {path: /healthz, port: health}, periodSeconds: 2, failureThreshold: 5}
        """
    }

    static func eventually(_ seconds: Int = 60, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<(seconds * 10) {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func theOperatorsDeploymentRunsInClusterAndRollsOut() async throws {
        let kube = try await LocalKubeServer(extraArguments: ["--run-image", "\(Self.image)=\(TestPaths.operatorBinary.path)"])
        defer { kube.stop() }
        let pods = kube.directory.appendingPathComponent("state/pods/ops")
        let applied = try await kube.kubectl(["apply", "--server-side", "-f", "-"], stdin: Self.manifest(healthPort: try freePort()))
        try #require(applied.status == 0, "\(applied.stderr)")

        let rollout = try await kube.kubectl(["rollout", "status", "deployment/op", "-n", "ops", "--timeout=90s"], seconds: 100)
        #expect(rollout.status == 0, "\(rollout.stdout)\(rollout.stderr)")
        #expect(rollout.stdout.hasSuffix("deployment \"op\" successfully rolled out\n"), "\(rollout.stdout)")
        let status = try JSONParser().parse(try await kube.kubectl(["get", "deployment", "op", "-n", "ops", "-o", "jsonpath={.status}"]).stdout)
        #expect(status["readyReplicas"] == 1)
        #expect(status["availableReplicas"] == 1)
        #expect(status["conditions"]?.arrayValue?.first { $0["type"] == "Available" }?["status"] == "True")

        let first = PodProcesses.running(under: pods)
        try #require(first.count == 1, "one pod: \(first)")
        let (directory, pid) = first.first!
        let environment = PodProcesses.environment(of: pid)
        #expect(environment["DEFAULT_AIVEN_TOKEN"] == "from-the-secret")
        #expect(environment["POD_NAMESPACE"] == "ops")
        #expect(environment["KUBERNETES_SERVICE_HOST"] == "127.0.0.1")
        #expect(environment["KUBERNETES_SERVICE_PORT"].flatMap(Int.init) != nil)
        #expect(environment["KUBECONFIG"] == nil, "in-cluster, not a kubeconfig")
        #expect(environment["LOCALKUBE_SERVICE_ACCOUNT_DIR"] == directory + "/serviceaccount")
        let namespace = try String(contentsOfFile: directory + "/serviceaccount/namespace", encoding: .utf8)
        #expect(namespace == "ops")
        let token = try String(contentsOfFile: directory + "/serviceaccount/token", encoding: .utf8)
        let whoami = try await kube.kubectl(["auth", "whoami", "--token", token, "-o", "jsonpath={.status.userInfo.username}"])
        #expect(whoami.stdout == "system:serviceaccount:ops:op", "\(whoami.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/serviceaccount/token")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let restarted = try await kube.kubectl(["rollout", "restart", "deployment/op", "-n", "ops"])
        #expect(restarted.stdout == "deployment.apps/op restarted\n", "\(restarted.stderr)")
        let second = try await kube.kubectl(["rollout", "status", "deployment/op", "-n", "ops", "--timeout=90s"], seconds: 100)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let afterRestart = PodProcesses.running(under: pods)
        #expect(afterRestart.count == 1)
        #expect(afterRestart[directory] == nil, "the old pod stopped: \(afterRestart)")
        #expect(kill(pid, 0) != 0, "the old process is gone")

        let down = try await kube.kubectl(["scale", "deployment/op", "-n", "ops", "--replicas=0"])
        #expect(down.stdout == "deployment.apps/op scaled\n", "\(down.stderr)")
        #expect(try await Self.eventually(30) { PodProcesses.running(under: pods).isEmpty }, "scaled to zero")
        _ = try await kube.kubectl(["scale", "deployment/op", "-n", "ops", "--replicas=1"])
        #expect(try await Self.eventually(30) { PodProcesses.running(under: pods).count == 1 })
        let last = PodProcesses.running(under: pods).values.first ?? 0
        kube.stop()
        #expect(kill(last, 0) != 0, "stopping the apiserver stopped its pods")
    }
}
