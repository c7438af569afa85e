import AivenOperator
import Foundation
import KubeAPI
import TestSupport
import Testing

/// docs/migrating.md, *The CRD release*, followed as written on LocalKube (`apiserver --tls
/// --no-crds`) with Helm 4's engine: the reference's `aiven-operator-crds` release (its v0.44 CRDs)
/// with one resource of each of its kinds becomes this operator's CRD chart by `helm upgrade`, and
/// every CRD and every resource survives that, the operator's chart installed beside it, and the
/// release's uninstall.
@Suite(.timeLimit(.minutes(6)))
struct CRDReleaseTakeoverTests {
    static let referenceCRDs = TestPaths.repositoryRoot.appendingPathComponent("Tests/AivenResourcesTests/Fixtures/reference-crds")

    /// The reference's CRD chart as its release holds it: the 13 CRDs, verbatim.
    static func referenceChart(in directory: URL) throws -> URL {
        let chart = directory.appendingPathComponent("reference-aiven-operator-crds")
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: referenceCRDs, to: chart.appendingPathComponent("files"))
        try "apiVersion: v2\nname: aiven-operator-crds\nversion: v0.44.0\nappVersion: v0.44.0\n".write(
            to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        // Through .Files: the CRDs' descriptions quote `{{ fromSecret … }}`, which is no template.
        try #"{{- range $path, $_ := .Files.Glob "files/*.yaml" }}\#n---\#n{{ $.Files.Get $path }}\#n{{- end }}\#n"#.write(
            to: chart.appendingPathComponent("templates/crds.yaml"), atomically: true, encoding: .utf8)
        return chart
    }

    /// The smallest object the CRD's schema admits: its required fields, each with the first
    /// value its type, enum or minimum allows.
    static func minimalObject(of crd: JSONValue) throws -> JSONValue {
        let names = try #require(crd[path: ["spec", "names"]])
        let version = try #require(crd[path: ["spec", "versions"]]?.arrayValue?.first)
        let schema = try #require(version[path: ["schema", "openAPIV3Schema", "properties", "spec"]])
        func sample(_ schema: JSONValue) -> JSONValue {
            if let first = schema["enum"]?.arrayValue?.first { return first }
            switch schema["type"]?.stringValue {
            case "integer": return schema["minimum"] ?? 1
            case "boolean": return false
            case "array": return []
            case "object":
                var object: [String: JSONValue] = [:]
                for field in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    object[field] = sample(schema[path: ["properties", field]] ?? [:])
                }
                return .object(object)
            default: return "abc1"
            }
        }
        let apiVersion = "\(crd[path: ["spec", "group"]]?.stringValue ?? "")/\(version["name"]?.stringValue ?? "")"
        let name = names["singular"]?.stringValue ?? "x"
        return [
            "apiVersion": .string(apiVersion), "kind": names["kind"] ?? "", "metadata": ["name": .string("kept-\(name)"), "namespace": "default"],
            "spec": sample(schema),
        ]
    }

    /// `plural/name` → uid of every object of the reference's kinds now stored.
    static func resources(_ cluster: LocalKubeServer, plurals: [String]) async throws -> [String: String] {
        var found: [String: String] = [:]
        for plural in plurals {
            let output = try await cluster.kubectl(["get", "\(plural).aiven.io", "-A", "-o", "json"])
            guard output.status == 0 else { throw ToolFailure(tool: "kubectl get \(plural)", output: output) }
            for item in try JSONParser().parse(Array(output.stdout.utf8))["items"]?.arrayValue ?? [] {
                found["\(plural)/\(item[path: ["metadata", "name"]]?.stringValue ?? "")"] = item[path: ["metadata", "uid"]]?.stringValue
            }
        }
        return found
    }

    static func crds(_ cluster: LocalKubeServer) async throws -> [String: JSONValue] {
        let output = try await cluster.kubectl(["get", "crd", "-o", "json"])
        guard output.status == 0 else { throw ToolFailure(tool: "kubectl get crd", output: output) }
        let items = try JSONParser().parse(Array(output.stdout.utf8))["items"]?.arrayValue ?? []
        return Dictionary(uniqueKeysWithValues: items.map { ($0[path: ["metadata", "name"]]?.stringValue ?? "", $0) })
    }

    @Test func theReferenceCRDReleaseBecomesOursAndKeepsEveryResource() async throws {
        let cluster = try await LocalKubeServer(extraArguments: ["--no-crds"])
        defer { cluster.stop() }
        let shell = try await UserShell(cluster: cluster, workingDirectory: TestPaths.repositoryRoot)
        let chart = try Self.referenceChart(in: cluster.directory)
        try await shell.run("helm install aiven-operator-crds '\(chart.path)' -n default")

        let referenceFiles = try FileManager.default.contentsOfDirectory(atPath: Self.referenceCRDs.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var plurals: [String] = []
        for file in referenceFiles {
            let crd = try #require(try YAMLDocuments.load(String(contentsOf: Self.referenceCRDs.appendingPathComponent(file), encoding: .utf8)).first)
            plurals.append(crd[path: ["spec", "names", "plural"]]?.stringValue ?? "")
            let created = try await cluster.kubectl(["create", "-f", "-"], stdin: try Self.minimalObject(of: crd).jsonString)
            #expect(created.status == 0, "\(file): \(created.stderr)")
        }
        let before = try await Self.resources(cluster, plurals: plurals)
        #expect(before.count == referenceFiles.count)

        let documented = try DocumentedCommands("docs/migrating.md", section: "The CRD release").commands
        #expect(documented.count == 2 && documented.last?.hasPrefix("helm upgrade aiven-operator-crds charts/aiven-operator-crds") == true, "\(documented)")
        for command in documented { try await shell.run(command) }

        let served = Set(Operator.kinds.map { "\($0.access.plural).aiven.io" })
        var crds = try await Self.crds(cluster)
        #expect(Set(crds.keys) == Set(plurals.map { "\($0).aiven.io" }), "every CRD of the reference's release is still there")
        for (name, crd) in crds {
            #expect(crd[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] == "Helm", "\(name)")
            #expect(crd[path: ["metadata", "annotations", "meta.helm.sh/release-name"]] == "aiven-operator-crds", "\(name)")
            #expect(crd[path: ["metadata", "annotations", "meta.helm.sh/release-namespace"]] == "default", "\(name)")
            #expect(crd[path: ["metadata", "annotations", "helm.sh/resource-policy"]] == "keep", "\(name)")
            // This operator's definition (its `aiven` category) for the kinds it serves only.
            #expect((crd[path: ["spec", "names", "categories"]] == ["aiven"]) == served.contains(name), "\(name)")
        }
        #expect(try await Self.resources(cluster, plurals: plurals) == before, "every resource kept, same uid")
        let releases = try await shell.run("helm list -n default").stdout
        #expect(releases.contains("aiven-operator-crds\tdefault\t2\tdeployed\taiven-operator-crds-\(try Self.chartVersion())"), "\(releases)")

        // The operator's chart beside the release, without its CRD templates.
        try await shell.run("helm install aiven-operator charts/aiven-operator -n aiven-operator-system --create-namespace --set crds.install=false")
        #expect(try await cluster.kubectl(["-n", "aiven-operator-system", "get", "deployment", "aiven-operator"]).status == 0)

        try await shell.run("helm uninstall aiven-operator-crds -n default")
        crds = try await Self.crds(cluster)
        #expect(crds.count == plurals.count, "uninstalling the CRD release keeps every CRD")
        #expect(try await Self.resources(cluster, plurals: plurals) == before)
    }

    static func chartVersion() throws -> String {
        let path = TestPaths.repositoryRoot.appendingPathComponent("charts/aiven-operator-crds/Chart.yaml")
        let chart = try #require(try YAMLDocuments.load(String(contentsOf: path, encoding: .utf8)).first)
        return chart["version"]?.stringValue ?? ""
    }
}
