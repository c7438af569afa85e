import Foundation
import AivenOperator

/// The README's table of what the operator may do (a ``GeneratedSection``).
enum PermissionsTable {
    static let section = GeneratedSection(name: "permissions")

    /// The table for `rules` (every watched namespace) and the leader-election Lease in `namespace`.
    static func table(_ rules: [AccessRule], namespace: String) -> String {
        let rows = rules.map { rule in
            let group = rule.apiGroups.first { !$0.isEmpty }.map { " (`\($0)`)" } ?? ""
            return "| \(rule.resources.map { "`\($0)`" }.joined(separator: ", "))\(group) | \(rule.verbs.joined(separator: ", ")) | watched namespaces | \(rule.reason) |"
        }
        return (["| resources | verbs | where | why |", "|---|---|---|---|"] + rows + [
            "| `leases` (`coordination.k8s.io`) | get, create, update | `\(namespace)` only | leader election |",
        ]).joined(separator: "\n")
    }
}
