import Foundation

/// A copy of a reference operator's page (`Tests/AivenResourcesTests/Fixtures/reference-<kind>.md`).
enum ReferencePage {
    /// The page's ```yaml blocks, unindented, as a user copies them.
    static func examples(_ kind: String) throws -> [String] {
        let page = try String(
            contentsOf: DevEnvironment.repositoryRoot.appendingPathComponent("Tests/AivenResourcesTests/Fixtures/reference-\(kind).md"), encoding: .utf8)
        var examples: [String] = []
        var current: [String]?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```yaml") {
                current = []
            } else if trimmed == "```", let block = current {
                examples.append(block.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current?.append(line.hasPrefix("    ") ? String(line.dropFirst(4)) : String(line))
            }
        }
        return examples
    }
}
