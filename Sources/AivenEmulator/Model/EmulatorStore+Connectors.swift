import Foundation
import KubeAPI

extension EmulatorStore {
    /// How much of Kafka Connect a connector route needs.
    enum ConnectNeed {
        /// The service offers Kafka Connect (reads, delete): it may be unreachable for now.
        case offered
        /// Kafka Connect is up and joined to a running Kafka (create, edit, pause, resume, restart).
        case running
    }

    /// `GET …/available-connectors`.
    func availableConnectors(project: String, service: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .offered)
            return ConnectorCatalog.availableBody
        }
    }

    /// `POST …/connectors`: the body is the connector's flat config (`name`, `connector.class`, …).
    func createConnector(project: String, service: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        let config = try Self.connectorConfig(body, name: nil)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .running)
            let name = config["name"]!
            guard state.connectors[service]?[name] == nil else { throw EmulatorError(409, "Connector \(name) already exists") }
            let connector = EmulatedConnector(name: name, config: config, paused: false, failedTasks: [:])
            state.put(connector, service: service)
            return ["connector": connector.json]
        }
    }

    /// `GET …/connectors`.
    func connectors(project: String, service: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .offered)
            return ["connectors": .array(state.connectors(of: service).map(\.json))]
        }
    }

    /// `PUT …/connectors/{connector}`: the body replaces the whole config; failed tasks restart.
    func editConnector(project: String, service: String, name: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        let config = try Self.connectorConfig(body, name: name)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .running)
            guard var connector = state.connectors[service]?[name] else { throw Self.connectorNotFound(name) }
            connector.edited(config)
            state.put(connector, service: service)
            return ["connector": connector.json]
        }
    }

    /// `DELETE …/connectors/{connector}`.
    func deleteConnector(project: String, service: String, name: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .offered)
            guard state.connectors[service]?[name] != nil else { throw Self.connectorNotFound(name) }
            state.removeConnector(service: service, name: name)
            return ["message": "deleted"]
        }
    }

    /// `GET …/connectors/{connector}/status`.
    func connectorStatus(project: String, service: String, name: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .offered)
            guard let connector = state.connectors[service]?[name] else { throw Self.connectorNotFound(name) }
            return ["status": connector.statusJSON]
        }
    }

    /// What `pause`, `resume`, `restart` and `tasks/{id}/restart` do to a connector.
    enum ConnectorAction: Sendable {
        case pause, resume, restart
        case restartTask(String)
    }

    /// `POST …/connectors/{connector}/pause|resume|restart`, `…/tasks/{task_id}/restart`.
    func act(on name: String, project: String, service: String, _ action: ConnectorAction) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .running)
            guard var connector = state.connectors[service]?[name] else { throw Self.connectorNotFound(name) }
            switch action {
            case .pause: connector.paused = true
            case .resume: connector.paused = false
            // Kafka Connect's restart without `includeTasks` restarts the connector instance only.
            case .restart: connector.connectorFailure = nil
            case .restartTask(let text):
                guard let task = Int(text), (0..<connector.taskCount).contains(task) else {
                    throw EmulatorError(404, "Task \(name)-\(text) not found")
                }
                connector.restart(task: task)
            }
            state.put(connector, service: service)
            return ["message": "ok"]
        }
    }

    /// `POST /_emulator/project/{project}/service/{service}/connectors/{connector}/fail`
    /// `{"task": 0, "class": "credentials" | "configuration" | "transient", "trace": "…",
    /// "failing_restarts": N}`: that task (without `task`, the connector instance) reads `FAILED`
    /// with the trace — given, or a real Kafka Connect trace of the class — until it is restarted
    /// (`failing_restarts` restarts fail again first; credentials and configuration failures recur
    /// on every restart until the config is edited, as they do on Kafka Connect) or the connector
    /// is edited.
    func failConnectorTask(project: String, service: String, name: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try ControlSchemas.check(body, against: ControlSchemas.connectorTaskFailure)
        let task = body["task"]?.integerValue.map { Int($0) }
        let failureClass = body["class"]?.stringValue.flatMap(ConnectorTraces.Class.init(rawValue:))
        guard let trace = body["trace"]?.stringValue ?? failureClass.map(ConnectorTraces.trace) else {
            throw EmulatorError.invalidInput(SchemaProblem(path: "", message: "'trace' or 'class' is a required property"))
        }
        let failing = body["failing_restarts"]?.integerValue.map { Int($0) } ?? (failureClass.map { $0 == .transient ? 0 : EmulatedConnector.untilEdited } ?? 0)
        return try await mutate(project) { (state, _) throws(EmulatorError) in
            guard state.services[service] != nil else { throw .serviceNotFound(service) }
            guard var connector = state.connectors[service]?[name] else { throw Self.connectorNotFound(name) }
            if let task {
                guard task < connector.taskCount else {
                    throw EmulatorError.invalid("Connector \(name) has \(connector.taskCount) task(s): there is no task \(task)")
                }
                connector.failedTasks[task] = trace
                var restarts = connector.failingRestarts ?? [:]
                restarts[task] = failing
                connector.failingRestarts = restarts
            } else {
                connector.connectorFailure = trace
            }
            state.put(connector, service: service)
            return ["status": connector.statusJSON]
        }
    }

    /// `GET …/connector-plugins/{connector_name}/configuration`: the plugin's options.
    func connectorPluginConfiguration(project: String, service: String, plugin: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaConnect(service, in: state, at: time, timings, need: .offered)
            guard let configuration = ConnectorCatalog.configuration(plugin) else {
                throw EmulatorError(404, "Connector plugin \(plugin) not found", errorCode: "kafka_connector_plugin_not_found")
            }
            return configuration
        }
    }

    static func connectorNotFound(_ name: String) -> EmulatorError {
        EmulatorError(404, "Connector \(name) not found", errorCode: "kafka_connector_not_found")
    }

    /// A connector config: a JSON object of strings with `name` (matching the path's, when there
    /// is one; filled in from it when absent) and a `connector.class` the catalogue offers.
    static func connectorConfig(_ body: JSONValue, name pathName: String?) throws(EmulatorError) -> [String: String] {
        guard let members = body.objectValue else {
            throw EmulatorError.invalidInput(SchemaProblem(path: "", message: "\(PythonRepr.of(body)) is not of type 'object'"))
        }
        var config: [String: String] = [:]
        for (key, value) in members {
            guard let text = value.stringValue else {
                throw EmulatorError.invalidInput(SchemaProblem(path: key, message: "\(PythonRepr.of(value)) is not of type 'string'"))
            }
            config[key] = text
        }
        if let pathName {
            if let name = config["name"], name != pathName {
                throw EmulatorError.invalid("Connector name configuration (\(name)) doesn't match connector name in the URL (\(pathName))")
            }
            config["name"] = pathName
        }
        guard let name = config["name"], !name.isEmpty else {
            throw EmulatorError.invalidInput(SchemaProblem(path: "", message: "'name' is a required property"))
        }
        guard name.count <= 1024, !name.contains("/") else { throw EmulatorError.invalid("Invalid connector name '\(name)'") }
        guard let className = config["connector.class"], !className.isEmpty else {
            throw EmulatorError.invalidInput(SchemaProblem(path: "", message: "'connector.class' is a required property"))
        }
        guard ConnectorCatalog.plugin(className) != nil else {
            let available = ConnectorCatalog.plugins.map(\.className).joined(separator: ", ")
            throw EmulatorError.invalid(
                "Failed to find any class that implements Connector and which name matches \(className), available connectors are: \(available)")
        }
        if let tasks = config["tasks.max"], Int(tasks).map({ (1...1000).contains($0) }) != true {
            throw EmulatorError.invalid("Invalid value \(tasks) for configuration tasks.max: must be an integer from 1 to 1000")
        }
        return config
    }

    /// The service named `name` if it offers Kafka Connect: a `kafka_connect` service, or a
    /// `kafka` service with `kafka_connect: true`. With `need: .running`, Kafka Connect must be up:
    /// the service running and (for `kafka_connect`) joined by a `kafka_connect` integration to a
    /// running Kafka. Missing pieces are refused (400); ones still starting answer 501 (retry later).
    static func kafkaConnect(
        _ name: String, in state: EmulatedProject, at time: Date, _ timings: EmulatorTimings, need: ConnectNeed
    ) throws(EmulatorError) -> EmulatedService {
        guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
        let isKafka = service.type.name == ServiceCatalog.kafka.name
        if isKafka, !service.option("kafka_connect") {
            throw EmulatorError.invalid("Kafka Connect is not enabled on service \(name): set user_config kafka_connect to true")
        }
        guard need == .running else { return service }
        if service.phase == .poweroff { throw EmulatorError(409, "Database not powered on", errorCode: "not_powered") }
        guard service.isRunning else { throw EmulatorError(501, "Kafka Connect on service \(name) is not available yet, try again later") }
        if isKafka { return service }
        let sources = state.integrations(of: name).filter { $0.type == "kafka_connect" && $0.destService == name }
        guard !sources.isEmpty else {
            throw EmulatorError.invalid("Service \(name) has no kafka_connect integration with a Kafka service")
        }
        guard sources.contains(where: { $0.sourceService.flatMap { state.service($0, at: time, timings) }?.isRunning == true }) else {
            throw EmulatorError(501, "The Kafka service of Kafka Connect \(name) is not running yet, try again later")
        }
        return service
    }
}

extension EmulatedConnector {
    /// The `connector` object: config, plugin and tasks.
    var json: JSONValue {
        [
            "name": .string(name),
            "config": .object(config.mapValues(JSONValue.string)),
            "plugin": ConnectorCatalog.plugin(className)?.json ?? [:],
            "tasks": .array((0..<taskCount).map { ["connector": .string(name), "task": .integer(Int64($0))] }),
        ]
    }

    /// The `status` object: the connector's state and each task's.
    var statusJSON: JSONValue {
        let running = paused ? "PAUSED" : "RUNNING"
        return [
            "state": .string(connectorFailure == nil ? running : "FAILED"),
            "tasks": .array(
                (0..<taskCount).map { task in
                    let trace = failedTasks[task]
                    return ["id": .integer(Int64(task)), "state": .string(trace == nil ? running : "FAILED"), "trace": .string(trace ?? "")]
                }),
        ]
    }
}
