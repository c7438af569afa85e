import Foundation
import KubeAPI

extension EmulatorStore {
    /// Changes a service out of band, as a person in the Aiven console would: any of `plan`,
    /// `cloud`, `user_config` (replaced), `tags` (replaced), `termination_protection`, `state`
    /// (`RUNNING`, `POWEROFF`, `REBUILDING`, `REBALANCING`). Values are stored as given.
    func consoleChange(project: String, name: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try ControlSchemas.check(body, against: ControlSchemas.consoleChange)
        let tags = try ServiceRequestValidator.tags(body["tags"])
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            guard var service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            if let plan = body["plan"]?.stringValue { service.plan = plan }
            if let cloud = body["cloud"]?.stringValue { service.cloud = cloud }
            if let userConfig = body["user_config"]?.objectValue { service.userConfig = userConfig }
            if let tags { service.tags = tags }
            if let protection = body["termination_protection"]?.boolValue { service.terminationProtection = protection }
            switch body["state"]?.stringValue {
            case "RUNNING"?: service.phase = .running(since: time)
            case "POWEROFF"?: service.phase = .poweroff
            case let building? where building == "REBUILDING" || building == "REBALANCING":
                let delay = building == "REBUILDING" ? timings.provisionDelay : timings.rebalanceDelay
                service.phase = .building(state: building, until: time.addingTimeInterval(delay.timeInterval))
            case nil: break
            case let other?: throw EmulatorError.invalid("Invalid state '\(other)'")
            }
            service.updateTime = time
            state.put(service)
            return ["service": serviceJSON(service, project: project, state: state)]
        }
    }
}
