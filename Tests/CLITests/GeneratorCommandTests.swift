import Foundation
import TestSupport
import Testing

/// `crd` and `docs` print exactly the committed artifacts.
@Suite struct GeneratorCommandTests {
    @Test(arguments: ["KafkaConnect", "kafkaconnects", "kafkaconnect"])
    func crdCommandPrintsTheCommittedCRD(kind: String) throws {
        let result = try OperatorProcess.run(["crd", kind])
        #expect(result.status == 0)
        let committed = try String(contentsOf: OperatorProcess.repositoryRoot.appendingPathComponent("deploy/crds/aiven.io_kafkaconnects.yaml"), encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test func docsCommandPrintsTheCommittedPage() throws {
        let result = try OperatorProcess.run(["docs", "KafkaConnect"])
        #expect(result.status == 0)
        let committed = try String(contentsOf: OperatorProcess.repositoryRoot.appendingPathComponent("docs/resources/kafkaconnect.md"), encoding: .utf8)
        #expect(result.stdout == committed)
    }

    /// Every file derived from the kind catalog (CRDs and their copies, reference pages,
    /// examples, RBAC of every install artefact, admission policy, install.yaml, README
    /// permissions table) is committed exactly as `generate` writes it.
    @Test func committedArtefactsAreWhatGenerateWrites() throws {
        let result = try OperatorProcess.run(["generate", "--check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "All generated files are up to date.\n")
    }

    /// `--check` names a stale file and changes nothing; `generate` then writes it back.
    @Test func generateRewritesAStaleFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["README.md", "deploy", "charts", "docs", "examples"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: OperatorProcess.repositoryRoot.appendingPathComponent(path), to: root.appendingPathComponent(path))
        }
        let rbac = root.appendingPathComponent("deploy/kubernetes/base/rbac.yaml")
        let original = try String(contentsOf: rbac, encoding: .utf8)
        try original.replacingOccurrences(of: "kafkatopics, ", with: "").write(to: rbac, atomically: true, encoding: .utf8)
        try "stale".write(to: root.appendingPathComponent("deploy/crds/aiven.io_redis.yaml"), atomically: true, encoding: .utf8)
        // A kinds-table row edited by hand: the kind's own text (its definition) comes back.
        let readme = root.appendingPathComponent("README.md")
        let readmeText = try String(contentsOf: readme, encoding: .utf8)
        let edited = readmeText.replacingOccurrences(of: "| `KafkaTopic` ([docs](docs/resources/kafkatopic.md), [example](examples/kafkatopic.yaml)) | yes | yes:", with: "| `KafkaTopic` ([docs](docs/resources/kafkatopic.md), [example](examples/kafkatopic.yaml)) | yes | edited:")
        #expect(edited != readmeText)
        try edited.write(to: readme, atomically: true, encoding: .utf8)
        let check = try OperatorProcess.run(["generate", "--check", "--root", root.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("  deploy/kubernetes/base/rbac.yaml\n"), "\(check.stderr)")
        #expect(check.stderr.contains("  README.md\n"), "\(check.stderr)")
        #expect(check.stderr.contains("  deploy/crds/aiven.io_redis.yaml (no kind of the catalog)\n"), "\(check.stderr)")
        #expect(try String(contentsOf: rbac, encoding: .utf8) != original)
        let write = try OperatorProcess.run(["generate", "--root", root.path])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try String(contentsOf: rbac, encoding: .utf8) == original)
        #expect(try String(contentsOf: readme, encoding: .utf8) == readmeText)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("deploy/crds/aiven.io_redis.yaml").path))
        #expect(try OperatorProcess.run(["generate", "--check", "--root", root.path]).status == 0)
    }

    /// The README's kinds table has one row per kind of the catalog, in its order, each linking
    /// its reference page and example.
    @Test func readmeKindsTableIsTheCatalogs() throws {
        let readme = try String(contentsOf: OperatorProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Kinds\n").dropFirst().first)
        let rows = section.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        let crds = try OperatorProcess.run(["crd"])
        let kinds = crds.stdout.split(separator: "\n").filter { $0.hasPrefix("    kind: ") }.map { $0.dropFirst("    kind: ".count) }
        #expect(rows.count == kinds.count)
        for (row, kind) in zip(rows, kinds) {
            let lower = kind.lowercased()
            #expect(row.hasPrefix("| `\(kind)` ([docs](docs/resources/\(lower).md), [example](examples/\(lower).yaml)) |"), "\(row)")
        }
    }

    @Test func unknownKindIsAnError() throws {
        let result = try OperatorProcess.run(["docs", "Redis"])
        #expect(result.status != 0)
        // Every kind of the catalog, in its order (the CRDs `crd` prints).
        let kinds = try OperatorProcess.run(["crd"]).stdout.split(separator: "\n").filter { $0.hasPrefix("    kind: ") }.map { $0.dropFirst("    kind: ".count) }
        #expect(kinds.starts(with: ["KafkaConnect", "ProjectVPC", "Kafka"]))
        #expect(result.stderr.contains(#"unknown kind "Redis"; known kinds: "# + kinds.joined(separator: ", ")), "\(result.stderr)")
    }
}
