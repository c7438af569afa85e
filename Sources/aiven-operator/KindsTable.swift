import AivenResources

/// The README's table of the kinds served, one row per kind of the catalog in its order, each
/// linking its reference page and example and saying what the operator does with it (the kind's
/// own words, ``ReferencePage/reconciled``).
enum KindsTable {
    static let section = GeneratedSection(name: "kinds")

    static func table(_ kinds: [ResourceKind]) -> String {
        let rows = kinds.map { kind in
            let lower = kind.kind.lowercased()
            return "| `\(kind.kind)` ([docs](docs/resources/\(lower).md), [example](examples/\(lower).yaml)) | yes | \(kind.page.reconciled) |"
        }
        return (["| kind | schema, CRD, `validate`, reference page | reconciled |", "|---|---|---|"] + rows).joined(separator: "\n")
    }
}
