import Foundation
import KubeAPI

extension EmulatorStore {
    /// `POST …/service/{service}/user` (`ServiceUserCreate`): a user with a random password and,
    /// on Kafka, a client certificate signed by the project CA.
    func createServiceUser(project: String, service: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: UserSchemas.create).require(body)
        let username = body["username"]?.stringValue ?? ""
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            let found = try Self.runningService(service, in: state, at: time, timings)
            guard username != "avnadmin", state.serviceUsers[service]?[username] == nil else {
                throw EmulatorError(409, "Service user '\(username)' already exists", errorCode: "service_user_already_exists")
            }
            let user = EmulatedServiceUser(
                username: username,
                credentials: .generate(user: username, service: service, project: project, at: time, certificate: found.type.name == ServiceCatalog.kafka.name),
                createTime: time, passwordUpdateTime: time)
            state.put(user, service: service)
            return ["user": user.json, "message": "created"]
        }
    }

    /// `GET …/service/{service}/user/{username}` (`ServiceUserGet`, `avn service user-get`).
    func serviceUser(project: String, service: String, username: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            guard let found = state.service(service, at: time, timings) else { throw .serviceNotFound(service) }
            guard let user = Self.usersJSON(of: found, project: project, in: state).first(where: { $0["username"]?.stringValue == username }) else {
                throw Self.userNotFound(username)
            }
            return ["user": user]
        }
    }

    /// `PUT …/service/{service}/user/{username}` (`ServiceUserCredentialsModify`):
    /// `reset-credentials` sets `new_password`, or a random one; `acknowledge-renewal` and
    /// `set-access-control` change nothing the emulator keeps. Answers the service.
    func modifyServiceUser(project: String, service: String, username: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try UserSchemas.checkModify(body)
        let operation = body["operation"]?.stringValue ?? ""
        return try await resetPassword(project: project, service: service, username: username, to: operation == "reset-credentials" ? body["new_password"]?.stringValue ?? ServiceCredentials.randomPassword() : nil)
    }

    /// `PUT …/service/{service}/user/{username}/credentials/reset` (`ServiceUserCredentialsReset`):
    /// a new random password. Answers the service.
    func resetServiceUserCredentials(project: String, service: String, username: String) async throws(EmulatorError) -> JSONValue {
        try await resetPassword(project: project, service: service, username: username, to: ServiceCredentials.randomPassword())
    }

    private func resetPassword(project: String, service: String, username: String, to password: String?) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            var found = try Self.runningService(service, in: state, at: time, timings)
            if username == "avnadmin" {
                if let password, found.credentials != nil {
                    found.credentials?.password = password
                    found.updateTime = time
                    state.put(found)
                }
            } else {
                guard var user = state.serviceUsers[service]?[username] else { throw Self.userNotFound(username) }
                if let password {
                    user.credentials.password = password
                    user.passwordUpdateTime = time
                    state.put(user, service: service)
                }
            }
            return ["service": serviceJSON(found, project: project, state: state), "message": "updated"]
        }
    }

    /// `DELETE …/service/{service}/user/{username}` (`ServiceUserDelete`); `avnadmin` is built in
    /// and cannot be deleted.
    func deleteServiceUser(project: String, service: String, username: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            guard state.service(service, at: time, timings) != nil else { throw .serviceNotFound(service) }
            guard username != "avnadmin" else {
                throw EmulatorError(400, "Cannot delete the primary service user 'avnadmin'", errorCode: "service_user_primary")
            }
            guard state.serviceUsers[service]?[username] != nil else { throw Self.userNotFound(username) }
            state.removeServiceUser(service: service, name: username)
            return ["message": "deleted"]
        }
    }

    /// `POST /_emulator/project/{project}/service/{service}/authenticate` `{"username","password"}`:
    /// whether a client logging in to the service with that password would get in (what a Kafka
    /// SASL or a database login checks). Answers `{"authenticated": Bool}`.
    func authenticate(project: String, service: String, body: JSONValue) throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: UserSchemas.authenticate).require(body)
        let username = body["username"]?.stringValue ?? ""
        let password = body["password"]?.stringValue ?? ""
        return try read(project) { (state, time) throws(EmulatorError) in
            guard let found = state.service(service, at: time, timings) else { throw .serviceNotFound(service) }
            let actual = username == "avnadmin" ? found.credentials?.password : state.serviceUsers[service]?[username]?.credentials.password
            return ["authenticated": .bool(found.isRunning && actual != nil && actual == password)]
        }
    }

    /// Every user of `service` as Aiven lists them (`users` of a service): `avnadmin` first.
    static func usersJSON(of service: EmulatedService, project: String, in state: EmulatedProject) -> [JSONValue] {
        (service.connectionDetails(project: project).users.arrayValue ?? []) + state.serviceUsers(of: service.name).map(\.json)
    }

    static func userNotFound(_ username: String) -> EmulatorError {
        EmulatorError(404, "User \(username) with component main not found", errorCode: "service_user_not_found")
    }

    /// The service named `name`, which must be powered on and running to change its users or ACLs.
    static func runningService(_ name: String, in state: EmulatedProject, at time: Date, _ timings: EmulatorTimings) throws(EmulatorError) -> EmulatedService {
        guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
        if service.phase == .poweroff {
            throw EmulatorError(409, "Database not powered on", errorCode: "not_powered")
        }
        guard service.isRunning else {
            throw EmulatorError(409, "Service \(name) is not running: it is \(service.state)", errorCode: "service_not_running")
        }
        return service
    }
}

extension EmulatedServiceUser {
    /// The user as Aiven returns it (`ServiceUserGetOut`).
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "username": .string(username), "type": "normal", "password": .string(credentials.password),
            "password_updated_time": .string(passwordUpdateTime.rfc3339),
        ]
        if let certificate = credentials.accessCert, let key = credentials.accessKey {
            object["access_cert"] = .string(certificate)
            object["access_key"] = .string(key)
            object["access_cert_not_valid_after_time"] = .string(createTime.addingTimeInterval(10 * 365 * 86400).rfc3339)
        }
        return .object(object)
    }
}
