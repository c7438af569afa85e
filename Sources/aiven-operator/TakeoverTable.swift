import AivenResources

/// `docs/migrating.md`'s table of how each kind's leftovers of the reference operator are taken
/// over, one row per kind of the catalog (the kind's own ``Takeover``).
enum TakeoverTable {
    static let section = GeneratedSection(name: "takeover")

    static func table(_ kinds: [ResourceKind]) -> String {
        let rows = kinds.map { "| `\($0.kind)` | \($0.page.takeover.identity) | \($0.page.takeover.takenOver) |" }
        return (["| kind | identity on Aiven | taken over |", "|---|---|---|"] + rows).joined(separator: "\n")
    }
}
