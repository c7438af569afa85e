import Foundation
import TestSupport

/// The shell commands a document tells its reader to run, read from the document itself so a test
/// follows them as written: the ```sh blocks of one section (from its heading to the next heading
/// of the same or a higher level), one command per logical line (`\` continuations joined,
/// comment lines and blank lines dropped).
struct DocumentedCommands {
    /// The section's blocks, in order, each a list of commands.
    let blocks: [[String]]

    /// The section headed `heading` (its text without the `#`s) of `path` in the repository.
    init(_ path: String, section heading: String) throws {
        let text = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        var blocks: [[String]] = []
        var level: Int?
        var fence: String?
        var block: [String] = []
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                // Inside a fence: `#` lines are comments or output, no headings.
                if trimmed == "```" {
                    if open == "```sh", level != nil { blocks.append(block) }
                    fence = nil
                } else if open == "```sh", level != nil {
                    if trimmed.hasSuffix("\\") {
                        pending += trimmed.dropLast() + " "
                    } else {
                        let command = pending + trimmed
                        pending = ""
                        if !command.isEmpty, !command.hasPrefix("#") { block.append(command) }
                    }
                }
                continue
            }
            if trimmed.hasPrefix("```") {
                fence = trimmed
                block = []
                pending = ""
            } else if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix { $0 == "#" }.count
                let title = trimmed.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
                if let open = level {
                    if hashes <= open { break }
                } else if title == heading {
                    level = hashes
                }
            }
        }
        guard level != nil else { throw ManifestProblem("\(path) has no section \(heading)") }
        self.blocks = blocks
    }

    /// Every command of the section, in order.
    var commands: [String] { blocks.flatMap { $0 } }
}
