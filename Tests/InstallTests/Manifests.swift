import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// Objects of an install artifact, produced by the real tools: `kubectl kustomize`, Helm's engine
/// (helm-python-sdk), or a committed file.
struct Manifests {
    var objects: [JSONValue]

    static func file(_ relativePath: String) throws -> Manifests {
        let text = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
        return Manifests(objects: try YAMLDocuments.load(text))
    }

    /// `kubectl kustomize DIR` (kustomize is built into kubectl; no cluster is contacted).
    static func kustomize(_ relativeDirectory: String) async throws -> Manifests {
        let home = try temporaryDirectory()
        let output = await try CommandRunner.kubectl(
            ["kustomize", TestPaths.repositoryRoot.appendingPathComponent(relativeDirectory).path],
            kubeconfig: home.appendingPathComponent("no-kubeconfig").path, home: home.path
        )
        guard output.status == 0 else { throw ToolFailure(tool: "kubectl kustomize \(relativeDirectory)", output: output) }
        return Manifests(objects: try YAMLDocuments.load(output.stdout))
    }

    /// The chart rendered by Helm's engine, as `helm template RELEASE charts/aiven-operator -n NAMESPACE`
    /// (`cluster`: `--kube-version V`, `--api-versions A,B`).
    static func helm(values: String = "{}", release: String = "aiven-operator", namespace: String = "aiven-operator-system", cluster: [String] = []) throws -> Manifests {
        let output = try HelmChart.run(["render", HelmChart.path, release, namespace, values] + cluster)
        guard output.status == 0 else { throw ToolFailure(tool: "helm template with \(values)", output: output) }
        return Manifests(objects: try YAMLDocuments.load(output.stdout))
    }

    func all(_ kind: String) -> [JSONValue] {
        objects.filter { $0["kind"]?.stringValue == kind }
    }

    func one(_ kind: String) throws -> JSONValue {
        let matches = all(kind)
        guard matches.count == 1, let object = matches.first else { throw ManifestProblem("expected one \(kind), found \(matches.count)") }
        return object
    }

    /// The plural of every CRD in the bundle whose spec has a termination-protection field
    /// (`terminationProtection` or `termination_protection`), read from the CRDs themselves, not
    /// from the catalog that generated the policy.
    var protectedPlurals: Set<String> {
        Set(all("CustomResourceDefinition").compactMap { crd in
            let spec = crd[path: ["spec", "versions"]]?.arrayValue?.first?[path: ["schema", "openAPIV3Schema", "properties", "spec", "properties"]]
            let protected = ["terminationProtection", "termination_protection"].contains { spec?[$0] != nil }
            return protected ? crd[path: ["spec", "names", "plural"]]?.stringValue : nil
        })
    }

    /// `Kind namespace/name` of every object.
    var keys: [String] { objects.map(Manifests.key).sorted() }

    static func key(_ object: JSONValue) -> String {
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue.map { "\($0)/" } ?? ""
        return "\(object["kind"]?.stringValue ?? "?") \(namespace)\(object[path: ["metadata", "name"]]?.stringValue ?? "?")"
    }

    /// Every permission the RBAC objects grant the operator, one line per (scope, group, resource,
    /// verb): the unit `kubectl auth can-i --list` shows. Role rules are scoped to their namespace.
    var permissions: Set<Permission> {
        var granted: Set<Permission> = []
        for role in all("ClusterRole") + all("Role") {
            let scope = role[path: ["metadata", "namespace"]]?.stringValue ?? "*cluster*"
            for rule in role["rules"]?.arrayValue ?? [] {
                for group in strings(rule["apiGroups"]) {
                    for resource in strings(rule["resources"]) {
                        for verb in strings(rule["verbs"]) {
                            granted.insert(Permission(scope: scope, group: group, resource: resource, verb: verb))
                        }
                    }
                }
            }
        }
        return granted
    }

    /// The operator's container in the Deployment.
    func container() throws -> JSONValue {
        let deployment = try one("Deployment")
        guard let containers = deployment[path: ["spec", "template", "spec", "containers"]]?.arrayValue, containers.count == 1,
            let container = containers.first
        else { throw ManifestProblem("the Deployment should run exactly one container") }
        return container
    }

    /// Every string in an RBAC list (apiGroups, resources, verbs) and every name it holds, for the
    /// wildcard check.
    var rbacStrings: [String] {
        (all("ClusterRole") + all("Role")).flatMap { role in
            (role["rules"]?.arrayValue ?? []).flatMap { strings($0["apiGroups"]) + strings($0["resources"]) + strings($0["verbs"]) + strings($0["resourceNames"]) }
        }
    }
}

func strings(_ value: JSONValue?) -> [String] {
    value?.arrayValue?.compactMap(\.stringValue) ?? []
}

/// One granted (scope, apiGroup, resource, verb).
struct Permission: Hashable, CustomStringConvertible {
    var scope: String
    var group: String
    var resource: String
    var verb: String

    var description: String { "\(scope): \(verb) \(resource)\(group.isEmpty ? "" : ".\(group)")" }

    /// What the operator needs on the resources it watches, in one scope (the whole cluster or a
    /// watched namespace): exactly the list of issue 9.
    static func watched(in scope: String) -> Set<Permission> {
        var permissions: Set<Permission> = []
        func grant(_ group: String, _ resources: [String], _ verbs: [String]) {
            for resource in resources {
                for verb in verbs { permissions.insert(Permission(scope: scope, group: group, resource: resource, verb: verb)) }
            }
        }
        // create and update: the connection Secrets Kafka services publish; patch: the finalizer
        // that keeps a token Secret while a resource needs it to delete its service; delete: a
        // PostgreSQL's migration Secret once the migration is done (`deleteAfterMigration`).
        grant("", ["secrets"], ["get", "list", "watch", "create", "update", "patch", "delete"])
        grant("", ["events"], ["create", "patch"])
        let kinds = Operator.kinds.map(\.access.plural)
        grant("aiven.io", kinds, ["get", "list", "watch", "update", "patch"])
        grant("aiven.io", kinds.map { "\($0)/status" }, ["update", "patch"])
        grant("aiven.io", kinds.map { "\($0)/finalizers" }, ["update"])
        return permissions
    }

    /// The leader-election Lease, in the operator's own namespace.
    static func leaderElection(in namespace: String) -> Set<Permission> {
        Set(["get", "create", "update"].map { Permission(scope: namespace, group: "coordination.k8s.io", resource: "leases", verb: $0) })
    }
}

/// Helm's engine through helm-python-sdk (from the test tools' virtualenv, ``PythonTools``).
enum HelmChart {
    static let path = TestPaths.repositoryRoot.appendingPathComponent("charts/aiven-operator").path
    static let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/compat/helm_chart.py").path

    static func run(_ arguments: [String]) throws -> CommandOutput {
        let helm = try PythonTools.require(.helm)
        return try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["timeout", "120"] + helm.arguments + [script] + arguments, environment: helm.environment)
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    var tool: String
    var output: CommandOutput
    var description: String { "\(tool) exited \(output.status): \(output.stderr)\(output.stdout)" }
}

struct ManifestProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("install-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
