import Foundation
import KubeAPI
import LocalKube
import Testing

/// The real kubectl against a LocalKube that requires tokens: an operator install applied,
/// `kubectl create token`, `kubectl auth can-i`, RBAC denials, admission policies and namespace
/// deletion.
@Suite(.serialized, .enabled(if: Kubectl.isInstalled && ChildProcess.isInstalled("openssl"), "needs kubectl, timeout and openssl on the PATH"))
struct KubectlAccessControlTests {
    static let admin = "kubectl-admin-token"

    /// LocalKube over HTTPS with the administrator token, and kubectl trusting it.
    static func start() async throws -> (RunningLocalKube, Kubectl) {
        let tls = try #require(TestCertificate.material, "openssl could not create a certificate")
        let server = try await RunningLocalKube.start(bearerToken: admin, tls: tls)
        return (server, try Kubectl(server: server.server, token: admin, certificateAuthorityPEM: tls.certificatePEM))
    }

    /// Every kind an operator install holds.
    static let install = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: op-system
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: op
          namespace: op-system
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: op
        rules:
          - apiGroups: ["aiven.io"]
            resources: ["kafkaconnects"]
            verbs: ["get", "list", "watch", "update", "patch"]
          - apiGroups: ["aiven.io"]
            resources: ["kafkaconnects/status"]
            verbs: ["update", "patch"]
          - apiGroups: [""]
            resources: ["secrets"]
            verbs: ["get", "list", "watch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: op
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: op
        subjects:
          - kind: ServiceAccount
            name: op
            namespace: op-system
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: op-leader-election
          namespace: op-system
        rules:
          - apiGroups: ["coordination.k8s.io"]
            resources: ["leases"]
            verbs: ["get", "create", "update"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: op-leader-election
          namespace: op-system
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: op-leader-election
        subjects:
          - kind: ServiceAccount
            name: op
            namespace: op-system
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: op-config
          namespace: op-system
        data:
          LOG_LEVEL: info
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: op
          namespace: op-system
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: op
          template:
            metadata:
              labels:
                app: op
            spec:
              serviceAccountName: op
              containers:
                - name: manager
                  image: ghcr.io/example/aiven-operator:1.0.0
                  args: ["run", "--leader-elect"]
                  ports:
                    - name: metrics
                      containerPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: op-metrics
          namespace: op-system
        spec:
          selector:
            app: op
          ports:
            - name: metrics
              port: 8080
              targetPort: metrics
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: termination-protection
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - apiGroups: ["aiven.io"]
                apiVersions: ["*"]
                resources: ["*"]
                operations: ["DELETE"]
          validations:
            - expression: "!has(oldObject.spec.terminationProtection) || oldObject.spec.terminationProtection != true"
              message: "spec.terminationProtection is true: set it to false before deleting"
              reason: Forbidden
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: termination-protection
        spec:
          policyName: termination-protection
          validationActions: ["Deny"]
        """

    static func lines(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test func installTokenAndCanI() async throws {
        let (server, kubectl) = try await Self.start()
        defer { Task { await server.stop() } }
        let applied = try await kubectl("apply", "-f", try kubectl.file("install.yaml", Self.install))
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.split(separator: "\n").count == 11, "\(applied.stdout)")
        #expect(applied.stdout.contains("deployment.apps/op created"))
        #expect(applied.stdout.contains("validatingadmissionpolicybinding.admissionregistration.k8s.io/termination-protection created"))
        #expect(try await kubectl("apply", "-f", try kubectl.file("install.yaml", Self.install)).stdout.contains("deployment.apps/op unchanged"))
        let upgraded = Self.install.replacingOccurrences(of: "aiven-operator:1.0.0", with: "aiven-operator:1.1.0")
        #expect(try await kubectl("apply", "-f", try kubectl.file("upgrade.yaml", upgraded)).stdout.contains("deployment.apps/op configured"))
        let container = try JSONParser().parse(try await kubectl("get", "deployment", "op", "-n", "op-system", "-o", "jsonpath={.spec.template.spec.containers[0]}").stdout)
        #expect(container["image"] == "ghcr.io/example/aiven-operator:1.1.0")
        #expect(container["args"] == ["run", "--leader-elect"], "a strategic merge keeps what the patch does not name")

        let deployments = Self.lines(try await kubectl("get", "deployments", "-n", "op-system").stdout)
        #expect(deployments.first == ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"])
        #expect(deployments.dropFirst().first?.prefix(4) == ["op", "0/1", "0", "0"])
        let services = Self.lines(try await kubectl("get", "services", "-n", "op-system").stdout)
        #expect(services.first == ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"])
        #expect(services.dropFirst().first?[4] == "8080/TCP")
        #expect(Self.lines(try await kubectl("get", "rolebindings", "-n", "op-system").stdout).dropFirst().first?[1] == "Role/op-leader-election")
        #expect(try await kubectl("explain", "deployment").status == 0)
        let monitor = try kubectl.file("monitor.yaml", """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: op
              namespace: op-system
            spec:
              endpoints: [{port: metrics}]
            """)
        let unknownKind = try await kubectl("apply", "-f", monitor)
        #expect(unknownKind.status != 0)
        #expect(unknownKind.stderr.contains(#"no matches for kind "ServiceMonitor" in version "monitoring.coreos.com/v1""#), "\(unknownKind.stderr)")

        let created = try await kubectl("create", "token", "op", "-n", "op-system")
        #expect(created.status == 0, "\(created.stderr)")
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.split(separator: ".").count == 3)

        func canI(_ arguments: String...) async throws -> String {
            try await kubectl.run(["auth", "can-i"] + arguments + ["--token", token]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try await canI("list", "kafkaconnects.aiven.io", "--all-namespaces") == "yes")
        #expect(try await canI("patch", "kafkaconnects.aiven.io", "--subresource=status", "-n", "default") == "yes")
        #expect(try await canI("delete", "kafkaconnects.aiven.io", "-n", "default") == "no")
        #expect(try await canI("update", "leases.coordination.k8s.io", "-n", "op-system") == "yes")
        #expect(try await canI("update", "leases.coordination.k8s.io", "-n", "default") == "no")
        #expect(try await canI("create", "secrets", "-n", "default") == "no")

        // `--as` answers for the impersonated ServiceAccount, not for the administrator sending it.
        let asOperator = "--as=system:serviceaccount:op-system:op"
        #expect(try await kubectl("auth", "can-i", "delete", "kafkaconnects.aiven.io", "-n", "default").stdout == "yes\n")
        #expect(try await kubectl("auth", "can-i", "delete", "kafkaconnects.aiven.io", "-n", "default", asOperator).stdout == "no\n")
        #expect(try await kubectl("auth", "can-i", "patch", "kafkaconnects.aiven.io", "--subresource=status", "-n", "default", asOperator).stdout == "yes\n")
        let listAs = try await kubectl("auth", "can-i", "--list", "-n", "op-system", asOperator)
        #expect(Self.lines(listAs.stdout).contains(["kafkaconnects.aiven.io", "[]", "[]", "[get", "list", "watch", "update", "patch]"]), "\(listAs.stdout)")
        #expect(!listAs.stdout.contains("*.*"), "\(listAs.stdout)")

        let whoami = Self.lines(try await kubectl("auth", "whoami", "--token", token).stdout)
        #expect(whoami.contains(["Username", "system:serviceaccount:op-system:op"]), "\(whoami)")
        #expect(whoami.contains(["Groups", "[system:serviceaccounts", "system:serviceaccounts:op-system", "system:authenticated]"]), "\(whoami)")

        let list = try await kubectl("auth", "can-i", "--list", "--token", token, "-n", "op-system")
        #expect(list.status == 0, "\(list.stderr)")
        let rows = Self.lines(list.stdout)
        #expect(rows.first == ["Resources", "Non-Resource", "URLs", "Resource", "Names", "Verbs"])
        #expect(rows.contains(["kafkaconnects.aiven.io", "[]", "[]", "[get", "list", "watch", "update", "patch]"]), "\(list.stdout)")
        #expect(rows.contains(["leases.coordination.k8s.io", "[]", "[]", "[get", "create", "update]"]), "\(list.stdout)")
        #expect(!list.stdout.contains("deployments"))
    }

    @Test func forbiddenUntilBoundThenAllowed() async throws {
        let (server, kubectl) = try await Self.start()
        defer { Task { await server.stop() } }
        #expect(try await kubectl("create", "serviceaccount", "reader").status == 0)
        let token = try await kubectl("create", "token", "reader").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let denied = try await kubectl("get", "configmaps", "--token", token)
        #expect(denied.status != 0)
        #expect(denied.stderr.contains(#"Error from server (Forbidden): configmaps is forbidden: User "system:serviceaccount:default:reader" cannot list resource "configmaps" in API group "" in the namespace "default""#), "\(denied.stderr)")
        #expect(try await kubectl("create", "role", "cm-reader", "--verb=get,list", "--resource=configmaps").status == 0)
        #expect(try await kubectl("create", "rolebinding", "reader", "--role=cm-reader", "--serviceaccount=default:reader").status == 0)
        let allowed = try await kubectl("get", "configmaps", "--token", token)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try await kubectl("get", "configmaps", "-n", "kube-system", "--token", token).status != 0)
        let unknown = try await kubectl("get", "configmaps", "--token", "not-a-token")
        #expect(unknown.stderr.contains("Unauthorized"), "\(unknown.stderr)")
    }

    /// The probe's attacks through kubectl: a ServiceAccount that may write RoleBindings binds
    /// itself to cluster-admin, impersonates the administrator, doubles a ConfigMap with a JSON
    /// patch and uses a token minted for another audience. Each is refused in kube's words.
    @Test func escalationImpersonationAndAmplificationAreRefused() async throws {
        let (server, kubectl) = try await Self.start()
        defer { Task { await server.stop() } }
        for arguments in [
            ["create", "namespace", "team"], ["create", "serviceaccount", "binder", "-n", "team"],
            ["create", "role", "binder", "-n", "team", "--verb=create,get,list", "--resource=rolebindings,configmaps"],
            ["create", "rolebinding", "binder", "-n", "team", "--role=binder", "--serviceaccount=team:binder"],
            ["create", "configmap", "target", "-n", "team", "--from-literal=seed=" + String(repeating: "x", count: 1500)],
        ] {
            let created = try await kubectl.run(arguments)
            #expect(created.status == 0, "\(arguments): \(created.stderr)")
        }
        let token = try await kubectl("create", "token", "binder", "-n", "team").stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let escalation = try await kubectl("create", "rolebinding", "own", "-n", "team", "--clusterrole=cluster-admin", "--serviceaccount=team:binder", "--token", token)
        #expect(escalation.status != 0)
        #expect(escalation.stderr.contains(#"error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "own" is forbidden: user "system:serviceaccount:team:binder" (groups=["system:serviceaccounts" "system:serviceaccounts:team" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:"#), "\(escalation.stderr)")
        #expect(try await kubectl("get", "rolebinding", "own", "-n", "team").status != 0, "nothing was created")
        let held = try await kubectl("create", "rolebinding", "reader", "-n", "team", "--role=binder", "--serviceaccount=team:default", "--token", token)
        #expect(held.status == 0, "what it holds it may grant: \(held.stderr)")

        let impersonation = try await kubectl("get", "secrets", "-n", "kube-system", "--as=admin", "--token", token)
        #expect(impersonation.status != 0)
        #expect(impersonation.stderr.contains(#"Error from server (Forbidden): users "admin" is forbidden: User "system:serviceaccount:team:binder" cannot impersonate resource "users" in API group "" at the cluster scope"#), "\(impersonation.stderr)")
        #expect(try await kubectl("auth", "can-i", "get", "secrets", "-n", "kube-system").stdout == "yes\n")
        #expect(try await kubectl("auth", "can-i", "get", "secrets", "-n", "kube-system", "--as=system:serviceaccount:team:binder").stdout == "no\n")
        #expect(try await kubectl("auth", "can-i", "create", "rolebindings", "-n", "team", "--as=system:serviceaccount:team:binder").stdout == "yes\n")

        let copies = "[" + (0..<30).map { #"{"op":"copy","from":"/data","path":"/data/c\#($0)"}"# }.joined(separator: ",") + "]"
        let amplified = try await kubectl("patch", "configmap", "target", "-n", "team", "--type=json", "-p", copies)
        #expect(amplified.status != 0)
        #expect(amplified.stderr.contains("Unable to complete the copy, the accumulated size increase of copy is"), "\(amplified.stderr)")
        #expect(try await kubectl("get", "configmap", "target", "-n", "team", "-o", "jsonpath={.data}").stdout.contains("c0") == false)

        let foreign = try await kubectl("create", "token", "binder", "-n", "team", "--audience=evil").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let refused = try await kubectl("get", "configmaps", "-n", "team", "--token", foreign)
        #expect(refused.stderr.contains("Unauthorized"), "\(refused.stderr)")
        #expect(try await kubectl("get", "configmaps", "-n", "team", "--token", token).status == 0)
    }

    @Test func policiesDenyAndWarnThroughKubectl() async throws {
        let (server, kubectl) = try await Self.start()
        defer { Task { await server.stop() } }
        #expect(try await kubectl("apply", "-f", try kubectl.file("install.yaml", Self.install)).status == 0)
        let warnPolicy = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata:
              name: plan-advice
            spec:
              matchConstraints:
                resourceRules:
                  - apiGroups: ["aiven.io"]
                    apiVersions: ["v1alpha1"]
                    resources: ["kafkaconnects"]
                    operations: ["CREATE", "UPDATE"]
              validations:
                - expression: "object.spec.plan != 'business-4'"
                  message: "business-4 is small for production"
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata:
              name: plan-advice
            spec:
              policyName: plan-advice
              validationActions: ["Warn"]
            """
        #expect(try await kubectl("apply", "-f", try kubectl.file("warn.yaml", warnPolicy)).status == 0)
        let protected = KubectlCompatibilityTests.example + "\n  terminationProtection: true\n"
        let applied = try await kubectl("apply", "-f", try kubectl.file("kc.yaml", protected))
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("Warning: Validation failed for ValidatingAdmissionPolicy 'plan-advice' with binding 'plan-advice': business-4 is small for production"), "\(applied.stderr)")

        let deleted = try await kubectl("delete", "kafkaconnect", "my-kafka-connect", "--wait=false")
        #expect(deleted.status != 0)
        #expect(deleted.stderr.contains(#"Error from server (Forbidden): kafkaconnects.aiven.io "my-kafka-connect" is forbidden: ValidatingAdmissionPolicy 'termination-protection' with binding 'termination-protection' denied request: spec.terminationProtection is true: set it to false before deleting"#), "\(deleted.stderr)")
        #expect(try await kubectl("get", "kafkaconnect", "my-kafka-connect").status == 0)
    }

    @Test func deleteNamespaceWaitsUntilItsContentIsFinalized() async throws {
        let (server, kubectl) = try await Self.start()
        defer { Task { await server.stop() } }
        #expect(try await kubectl("create", "namespace", "team").status == 0)
        let manifest = KubectlCompatibilityTests.example.replacingOccurrences(of: "  name: my-kafka-connect", with: "  name: my-kafka-connect\n  namespace: team\n  finalizers: [\"aiven.io/finalizer\"]")
        #expect(try await kubectl("apply", "-f", try kubectl.file("kc.yaml", manifest)).status == 0)
        let deletion = kubectl.start(["delete", "namespace", "team", "--timeout=60s"], seconds: 90)
        try await Task.sleep(for: .seconds(1))
        let phase = try await kubectl("get", "namespace", "team", "-o", "jsonpath={.status.phase}")
        #expect(phase.stdout == "Terminating")
        let created = try await kubectl("create", "configmap", "late", "-n", "team")
        #expect(created.stderr.contains("unable to create new content in namespace team because it is being terminated"), "\(created.stderr)")
        #expect(try await kubectl("patch", "kafkaconnect", "my-kafka-connect", "-n", "team", "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#).status == 0)
        let finished = try await deletion.value
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout == "namespace \"team\" deleted\n")
        #expect(try await kubectl("get", "namespace", "team").status != 0)
    }
}
