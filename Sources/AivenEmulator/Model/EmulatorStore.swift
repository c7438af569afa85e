import Foundation
import Journal
import KubeAPI

/// The emulated Aiven account: every project, service, VPC and integration.
///
/// One actor, so concurrent requests never lose or duplicate an update. A request reads or
/// changes only the entities it names (listing a project's services is the one walk over them),
/// and with a state file its changes are appended to the journal and flushed to disk before the
/// response goes out; if that fails they are reverted and the request gets a 500.
actor EmulatorStore {
    private(set) var projects: [String: EmulatedProject]
    let timings: EmulatorTimings
    let catalog = ServiceCatalog()
    let now: @Sendable () -> Date
    /// How `user_config` is kept and answered; switchable through the control API.
    private(set) var userConfigBehaviour: UserConfigBehaviour
    private let stateFile: StateFile?

    init(
        timings: EmulatorTimings, stateFile path: String?, userConfigBehaviour: UserConfigBehaviour = .likeAiven,
        now: @escaping @Sendable () -> Date
    ) throws(StateFile.Failure) {
        self.timings = timings
        self.userConfigBehaviour = userConfigBehaviour
        self.now = now
        if let path {
            let (file, projects, warning) = try StateFile.open(path: path)
            self.stateFile = file
            self.projects = projects
            self.recoveryWarning = warning
        } else {
            self.stateFile = nil
            self.projects = [:]
            self.recoveryWarning = nil
        }
    }

    /// What was dropped from a torn state file tail when it was opened, if anything.
    nonisolated let recoveryWarning: String?

    /// Runs `change` on a project (created on first use, in place), then journals its changes and
    /// waits until they are durable. `change` checks before it writes: when it throws, whatever it
    /// already changed is reverted.
    func mutate<Result>(
        _ project: String, _ change: (inout EmulatedProject, Date) throws(EmulatorError) -> Result
    ) async throws(EmulatorError) -> Result {
        let time = now()
        if projects[project] == nil { projects[project] = EmulatedProject() }
        let result: Result
        do {
            result = try change(&projects[project]!, time)
        } catch {
            revert(project, projects[project]!.takeChanges().inverse)
            dropIfEmpty(project)
            throw error
        }
        let (changes, inverse) = projects[project]!.takeChanges()
        dropIfEmpty(project)
        guard let stateFile, !changes.isEmpty else { return result }
        let ticket: Journal.Ticket
        do {
            ticket = try stateFile.enqueue(.changes(project: project, changes: changes))
        } catch {
            revert(project, inverse)
            dropIfEmpty(project)
            throw EmulatorError(500, "Internal Server Error: \(error.description)")
        }
        if stateFile.needsCompaction(liveEntities: liveEntities) {
            try? stateFile.compact(projects)  // only an optimisation: the change is queued already
        }
        try await durable(ticket)
        return result
    }

    private var liveEntities: Int {
        projects.values.reduce(0) { $0 + $1.entityCount }
    }

    private func durable(_ ticket: Journal.Ticket) async throws(EmulatorError) {
        do {
            try await stateFile?.waitUntilDurable(ticket)
        } catch {
            throw EmulatorError(500, "Internal Server Error: \(error.description)")
        }
    }

    private func dropIfEmpty(_ project: String) {
        if projects[project]?.isEmpty == true { projects[project] = nil }
    }

    /// Reads a project (empty when unknown, and still unknown afterwards).
    func read<Result>(_ project: String, _ body: (EmulatedProject, Date) throws(EmulatorError) -> Result) throws(EmulatorError) -> Result {
        try body(projects[project] ?? EmulatedProject(), now())
    }

    /// `PUT /_emulator/user-config-mode` `{"mode": "exact-echo" | "like-aiven"}`.
    func changeUserConfigBehaviour(_ body: JSONValue) throws(EmulatorError) -> JSONValue {
        try ControlSchemas.check(body, against: ControlSchemas.userConfigMode)
        guard let mode = body["mode"]?.stringValue.flatMap(UserConfigBehaviour.init(rawValue:)) else {
            throw EmulatorError.invalidInput(SchemaProblem(path: "", message: "'mode' is a required property"))
        }
        userConfigBehaviour = mode
        return userConfigMode
    }

    /// `{"mode": …}`, the current ``userConfigBehaviour``.
    var userConfigMode: JSONValue { ["mode": .string(userConfigBehaviour.rawValue)] }

    /// Forgets everything (control API).
    func reset() async throws(EmulatorError) {
        projects = [:]
        guard let stateFile else { return }
        do {
            try await durable(stateFile.enqueue(.reset))
        } catch let error as EmulatorError {
            throw error
        } catch {
            throw EmulatorError(500, "Internal Server Error: \(error)")
        }
    }

    private func revert(_ project: String, _ inverse: [ProjectChange]) {
        for change in inverse { projects[project]!.apply(change) }
    }
}
