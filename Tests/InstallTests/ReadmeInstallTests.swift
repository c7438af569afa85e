import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// The README's *Install on a cluster* and *Uninstall* sections, followed as written: their
/// commands are read from the README (``DocumentedCommands``) and run in a shell on LocalKube
/// (`apiserver --tls --no-crds`, the operator's image run as a local process) in a copy of the
/// repository without git, for each route — the kustomize base, `deploy/install.yaml`, the chart
/// on a cluster without the CRDs and the chart where they exist. Each leaves a running operator,
/// then, uninstalled, nothing of the operator but the CRDs.
///
/// No container engine exists here: `docker` is a stand-in that checks its arguments (a build of
/// the repository's Dockerfile, then a push of the same tag) and records the tag, which must be
/// the image the route's Deployment runs. The routes run one after another: the Deployment binds
/// the metrics and health ports the install artefacts declare (8080, 8081).
@Suite(
    .enabled(if: FileManager.default.isExecutableFile(atPath: OperatorCluster.podBinary), "needs the built aiven-operator"),
    .timeLimit(.minutes(10)))
struct ReadmeInstallTests {
    static let install = "Install on a cluster"
    static let uninstall = "Uninstall"

    /// The one block of `section` whose commands contain every one of `markers` and none of `excluding`.
    static func block(_ section: String, containing markers: [String], excluding: [String] = []) throws -> [String] {
        let blocks = try DocumentedCommands("README.md", section: section).blocks.filter { block in
            let text = block.joined(separator: "\n")
            return markers.allSatisfy(text.contains) && !excluding.contains(where: text.contains)
        }
        guard blocks.count == 1, let block = blocks.first else {
            throw ManifestProblem("README \(section): expected one block with \(markers), found \(blocks.count)")
        }
        return block
    }

    /// A route: how it installs, and how its operator is removed.
    struct Route: CustomStringConvertible {
        var description: String
        var installs: [String]
        var excluding: [String] = []
        var removal: [String]
        /// The CRDs are installed before (the README's `kubectl apply -f deploy/crds/`).
        var crdsFirst = false
        /// Only for the kustomize base: the README's removal, with `-k deploy/kubernetes/base` in
        /// place of `-f deploy/install.yaml`, as its text says.
        var kustomize = false
    }

    static let routes = [
        Route(description: "kustomize base", installs: ["kubectl apply -k"], removal: ["kubectl delete -f deploy/install.yaml -l"], kustomize: true),
        Route(description: "install.yaml", installs: ["deploy/install.yaml | kubectl apply -f -"], removal: ["kubectl delete -f deploy/install.yaml -l"]),
        Route(description: "Helm, no CRDs yet", installs: ["helm install aiven-operator"], excluding: ["crds.install=false"], removal: ["helm uninstall"]),
        Route(description: "Helm, CRDs installed", installs: ["helm install aiven-operator", "crds.install=false"], removal: ["helm uninstall"], crdsFirst: true),
    ]

    /// A copy of what the commands read, without `.git` (no `origin` remote to ask).
    static func workingCopy(in directory: URL) throws -> URL {
        let copy = directory.appendingPathComponent("checkout")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for path in ["Dockerfile", "README.md", "deploy", "charts", "examples"] {
            try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent(path), to: copy.appendingPathComponent(path))
        }
        return copy
    }

    /// The `docker` stand-in: `build -t TAG .` of a directory with a Dockerfile, `push TAG` of the
    /// tag built; anything else fails. Tags land in `docker.log`.
    static func dockerStandIn(in shell: UserShell, log: URL) throws {
        let path = try #require(shell.environment["PATH"]?.split(separator: ":").first.map(String.init))
        let script = """
            #!/bin/sh
            set -e
            case "$1" in
              build) [ "$#" -eq 4 ] && [ "$2" = "-t" ] && [ -f "$4/Dockerfile" ] || { echo "docker stand-in: unexpected: $*" >&2; exit 1; }
                     echo "$3" >> '\(log.path)' ;;
              push)  [ "$#" -eq 2 ] && grep -qx "$2" '\(log.path)' || { echo "docker stand-in: push of an image not built: $*" >&2; exit 1; } ;;
              *) echo "docker stand-in: unexpected: $*" >&2; exit 1 ;;
            esac

            """
        let shim = URL(fileURLWithPath: path).appendingPathComponent("docker")
        try script.write(to: shim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim.path)
    }

    static func run(_ commands: [String], in shell: UserShell) async throws -> String {
        var output = ""
        for command in commands { output += try await shell.run(command).stdout }
        return output
    }

    /// Objects of the operator left in the cluster (its label, or its namespace).
    static func leftovers(_ cluster: LocalKubeServer) async throws -> [String] {
        let kinds = "namespaces,deployments,serviceaccounts,services,roles,rolebindings,clusterroles,clusterrolebindings,validatingadmissionpolicies,validatingadmissionpolicybindings"
        let labelled = try await cluster.kubectl(["get", kinds, "-A", "-l", "app.kubernetes.io/name=aiven-operator", "-o", "name"])
        let namespace = try await cluster.kubectl(["get", "namespace", "aiven-operator-system", "-o", "name", "--ignore-not-found"])
        return (labelled.stdout + namespace.stdout).split(separator: "\n").map(String.init)
    }

    @Test func everyRouteInstallsAndUninstallsAsWritten() async throws {
        let image = try Self.block(Self.install, containing: ["docker build"])
        let token = try Self.block(Self.install, containing: ["kubectl create namespace my-namespace"])
        let defaultToken = try Self.block(Self.install, containing: ["-n aiven-operator-system create secret generic aiven-token"])
        let deleteResources = try Self.block(Self.uninstall, containing: ["kubectl delete aiven --all -A"])
        let deleteSecrets = try Self.block(Self.uninstall, containing: ["kubectl get secrets -A"])
        for route in Self.routes {
            try await Self.follow(route, image: image, token: token, defaultToken: defaultToken, cleanup: deleteResources + deleteSecrets)
        }
    }

    static func follow(_ route: Route, image: [String], token: [String], defaultToken: [String], cleanup: [String]) async throws {
        let built = "registry.example.com/aiven-operator:0.1.0"
        let cluster = try await LocalKubeServer(extraArguments: ["--no-crds", "--run-image", "\(built)=\(OperatorCluster.podBinary) run"])
        defer { cluster.stop() }
        let checkout = try workingCopy(in: cluster.directory)
        var shell = try await UserShell(cluster: cluster, workingDirectory: checkout)
        shell.environment["AIVEN_TOKEN"] = "not-a-real-token"
        let dockerLog = cluster.directory.appendingPathComponent("docker.log")
        try dockerStandIn(in: shell, log: dockerLog)

        _ = try await run(image, in: shell)
        #expect(try String(contentsOf: dockerLog, encoding: .utf8) == "\(built)\n", "\(route)")
        if route.crdsFirst { try await shell.run("kubectl apply -f deploy/crds/") }
        let install = try block(Self.install, containing: route.installs, excluding: route.excluding)
        let installed = try await run(install, in: shell)
        #expect(installed.contains("successfully rolled out"), "\(route): \(installed)")
        _ = try await run(token, in: shell)
        _ = try await run(defaultToken, in: shell)
        let rollout = try await shell.run("kubectl -n aiven-operator-system rollout status deployment/aiven-operator --timeout=120s")
        #expect(rollout.stdout.contains("successfully rolled out"), "\(route)")
        let running = try await cluster.kubectl(["-n", "aiven-operator-system", "get", "deployment", "aiven-operator", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.status.readyReplicas}"])
        #expect(running.stdout == "\(built) 1", "\(route): the Deployment runs the image built")
        // A resource of the user's, deleted by the uninstall's first step.
        try await shell.run("kubectl -n my-namespace apply -f examples/kafkaconnect.yaml")

        _ = try await run(cleanup, in: shell)
        var removal = try block(Self.uninstall, containing: route.removal)
        if route.kustomize {
            removal = removal.map { $0.replacingOccurrences(of: "-f deploy/install.yaml", with: "-k deploy/kubernetes/base") }
        }
        _ = try await run(removal, in: shell)

        let left = try await leftovers(cluster)
        #expect(left.isEmpty, "\(route): \(left)")
        let crds = try await cluster.kubectl(["get", "crd", "-o", "name"])
        #expect(crds.stdout.split(separator: "\n").count == Operator.kinds.count, "\(route): the CRDs are kept")
        #expect(try await cluster.kubectl(["-n", "my-namespace", "get", "kafkaconnects,secrets", "-o", "name"]).stdout.isEmpty, "\(route)")
        let pods = cluster.directory.appendingPathComponent("state/pods")
        #expect(try await RunImageTests.eventually(30) { PodProcesses.running(under: pods).isEmpty }, "\(route): the operator stopped")
    }
}
