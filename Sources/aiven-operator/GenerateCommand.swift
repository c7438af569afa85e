import AivenOperator
import ArgumentParser
import Foundation

/// `aiven-operator generate`: writes every file derived from the kind catalog (``Operator/kinds``):
/// the CRDs and their copies, the reference pages and examples, the RBAC of every install
/// artefact, the termination-protection admission policy, `deploy/install.yaml` and the README's
/// permissions table. `--check` writes nothing and fails when a committed file differs.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the files derived from the kind catalog (CRDs, docs, examples, RBAC, admission policy, install.yaml, README tables).",
        discussion: """
            Run from the repository root after adding or changing a kind. With --check nothing is \
            written: the files that differ from what would be generated are listed, and the exit \
            status is 1 when there are any.
            """
    )

    @Option(help: "The repository root.")
    var root: String = "."

    @Flag(help: "Write nothing; list the files that differ and exit 1 when any does.")
    var check = false

    func run() throws {
        let root = URL(fileURLWithPath: root)
        let artefacts = try CatalogArtefacts(kinds: Operator.kinds, root: root)
        var stale: [String] = []
        for (path, content) in artefacts.files {
            let url = root.appendingPathComponent(path)
            let committed = try? String(contentsOf: url, encoding: .utf8)
            guard committed != content else { continue }
            stale.append(path)
            guard !check else { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        for path in artefacts.obsolete {
            stale.append("\(path) (no kind of the catalog)")
            if !check { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
        }
        if check {
            guard stale.isEmpty else {
                FileHandle.standardError.write(Data("not generated from the catalog (run aiven-operator generate):\n\(stale.map { "  \($0)\n" }.joined())".utf8))
                throw ExitCode(1)
            }
            print("All generated files are up to date.")
        } else {
            print(stale.isEmpty ? "All generated files are up to date." : "Wrote:\n\(stale.map { "  \($0)" }.joined(separator: "\n"))")
        }
    }
}
