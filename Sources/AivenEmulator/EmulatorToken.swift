/// A token the emulator accepts, optionally limited to some projects.
///
/// Written on the command line as `TOKEN` (all projects) or `TOKEN@project-a,project-b`.
/// Printing a token never shows its value.
public struct EmulatorToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String
    /// The projects this token may use; `nil` means any (created on first use).
    public let projects: Set<String>?

    /// A token for `projects` (`nil`: any project).
    public init(_ value: String, projects: Set<String>? = nil) {
        self.value = value
        self.projects = projects
    }

    /// Parses `TOKEN` or `TOKEN@project-a,project-b`.
    public init?(argument: String) {
        let parts = argument.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let token = parts.first, !token.isEmpty else { return nil }
        if parts.count == 2 {
            let projects = parts[1].split(separator: ",").map(String.init)
            guard !projects.isEmpty else { return nil }
            self.init(String(token), projects: Set(projects))
        } else {
            self.init(String(token))
        }
    }

    /// Whether the token may use `project`.
    func allows(project: String) -> Bool { projects?.contains(project) ?? true }

    public var description: String {
        "EmulatorToken(<redacted>\(projects.map { " for " + $0.sorted().joined(separator: ",") } ?? ""))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["value": "<redacted>", "projects": projects as Any]) }
}
