import Foundation
import KubeAPI

/// The emulated Aiven account: every project, service, VPC and integration.
///
/// One actor, so concurrent requests never lose or duplicate an update. With a state file,
/// every change is written to it atomically before the response goes out.
actor EmulatorStore {
    var projects: [String: EmulatedProject]
    let timings: EmulatorTimings
    let catalog = ServiceCatalog()
    let now: @Sendable () -> Date
    private let stateFile: StateFile?

    init(timings: EmulatorTimings, stateFile: StateFile?, now: @escaping @Sendable () -> Date) throws(StateFile.Failure) {
        self.timings = timings
        self.stateFile = stateFile
        self.now = now
        self.projects = try stateFile?.load() ?? [:]
    }

    /// Runs `change` on a project (created on first use) with time advanced, then persists.
    func mutate<Result>(
        _ project: String, _ change: (inout EmulatedProject, Date) throws(EmulatorError) -> Result
    ) throws(EmulatorError) -> Result {
        let time = now()
        var state = advanced(project, to: time)
        let result = try change(&state, time)
        projects[project] = state
        try persist()
        return result
    }

    /// Reads a project (empty when unknown, and still unknown afterwards) with time advanced.
    func read<Result>(_ project: String, _ body: (EmulatedProject, Date) throws(EmulatorError) -> Result) throws(EmulatorError) -> Result {
        let time = now()
        return try body(advanced(project, to: time), time)
    }

    /// Forgets everything (control API).
    func reset() throws(EmulatorError) {
        projects = [:]
        try persist()
    }

    private func advanced(_ project: String, to time: Date) -> EmulatedProject {
        var state = projects[project] ?? EmulatedProject()
        for name in state.services.keys {
            state.services[name]?.advance(to: time, backupAfter: timings.backupAfter.timeInterval)
        }
        for (id, vpc) in state.vpcs {
            if let since = vpc.deletingSince, time.timeIntervalSince(since) >= timings.vpcDelay.timeInterval {
                state.vpcs[id] = nil
            }
        }
        return state
    }

    private func persist() throws(EmulatorError) {
        guard let stateFile else { return }
        do {
            try stateFile.save(projects)
        } catch {
            throw EmulatorError(500, "Internal Server Error: \(error.description)")
        }
    }
}
