import AivenResources
import Foundation

/// What each namespace may do through the operator, for clusters several teams share: which
/// namespaces may use the operator's default token (`DEFAULT_AIVEN_TOKEN`), and which Aiven
/// projects a namespace's resources may name. Off by default (``open``): a single-team install
/// behaves as before. Checked before a resource reads its token or Aiven, so a resource outside
/// its namespace's rights changes nothing and says why (`Ready=False`, reason `NotPermitted`);
/// a resource being deleted is never held back by it (it deletes only objects it tagged).
public struct TenancyPolicy: Sendable, Hashable {
    /// The namespaces whose resources may use the default token; `nil`: every namespace.
    public var defaultTokenNamespaces: Set<String>?
    /// The Aiven projects each namespace's resources may name; `nil`: any. A namespace not in the
    /// map names none.
    public var projects: [String: Set<String>]?

    public init(defaultTokenNamespaces: Set<String>? = nil, projects: [String: Set<String>]? = nil) {
        self.defaultTokenNamespaces = defaultTokenNamespaces
        self.projects = projects
    }

    /// No restriction.
    public static let open = TenancyPolicy()

    /// Why a resource in `namespace` naming `project` may not go on (using the default token when
    /// `usesDefaultToken`), as a condition message; `nil` when it may.
    public func violation(namespace: String, project: String, usesDefaultToken: Bool) -> String? {
        if let allowed = projects, allowed[namespace]?.contains(project) != true {
            let granted = allowed[namespace].map { $0.sorted().joined(separator: ", ") } ?? ""
            return "namespace \(namespace) may not name Aiven project \(project) (the operator's --namespace-projects grants it "
                + (granted.isEmpty ? "none" : granted) + "); nothing is read or changed on Aiven"
        }
        if usesDefaultToken, let allowed = defaultTokenNamespaces, !allowed.contains(namespace) {
            return "namespace \(namespace) may not use the operator's default token (--default-token-namespaces): set spec.authSecretRef to a Secret with the team's own Aiven token"
        }
        return nil
    }

    /// Parses `--namespace-projects`: comma-separated `namespace=project` pairs (a namespace may
    /// appear once per project); `nil` for an empty value.
    public static func projects(parsing value: String) throws(TenancyOptionError) -> [String: Set<String>]? {
        var projects: [String: Set<String>] = [:]
        for pair in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !pair.isEmpty {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw TenancyOptionError(pair: pair) }
            projects[parts[0], default: []].insert(parts[1])
        }
        return projects.isEmpty ? nil : projects
    }

    /// Parses `--default-token-namespaces` (comma-separated); `nil` for an empty value.
    public static func namespaces(parsing value: String) -> Set<String>? {
        let names = Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        return names.isEmpty ? nil : names
    }
}

/// A `--namespace-projects` entry that is not `namespace=project`.
public struct TenancyOptionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var pair: String
    public var description: String { "--namespace-projects: \"\(pair)\" is not namespace=project" }
}

// The Aiven project each kind's resources name (``ManagedResource/project``).
extension KafkaTopic { public var project: String { spec.project } }
extension KafkaConnector { public var project: String { spec.project } }
extension ServiceIntegration { public var project: String { spec.project } }
extension ProjectVPC { public var project: String { spec.project } }
