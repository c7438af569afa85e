import Foundation
import KubeAPI

extension EmulatorStore {
    /// `POST` of an ACL entry of `kind` (`ServiceKafkaAclAdd`, `ServiceKafkaNativeAclAdd`,
    /// `ServiceSchemaRegistryAclAdd`). An identical entry already there is refused (409). Aiven's
    /// and Schema Registry ACLs answer the whole list, native ones the new entry.
    func addACL(_ kind: EmulatedACL.Kind, project: String, service: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: kind.schema).require(body)
        var fields: [String: String] = [:]
        for (key, value) in body.objectValue ?? [:] { if let text = value.stringValue { fields[key] = text } }
        if kind == .native, fields["host"] == nil { fields["host"] = "*" }
        let entry = fields
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaForACLs(service, in: state, at: time, timings, running: true)
            guard !state.acls(of: service, kind).contains(where: { $0.fields == entry }) else {
                throw EmulatorError(409, "Identical ACL entry already exists", errorCode: "kafka_acl_already_exists")
            }
            let acl = EmulatedACL.make(kind, fields: entry, at: time)
            state.put(acl, service: service)
            if kind == .native { return ["acl": acl.json, "message": "added"] }
            return ["acl": .array(state.acls(of: service, kind).map(\.json)), "message": "added"]
        }
    }

    /// `GET` of the ACL entries of `kind`. The native list carries Aiven's ACLs too, as on Aiven
    /// (`{"acl": […], "kafka_acl": […]}`).
    func acls(_ kind: EmulatedACL.Kind, project: String, service: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaForACLs(service, in: state, at: time, timings, running: false)
            let entries = JSONValue.array(state.acls(of: service, kind).map(\.json))
            guard kind == .native else { return ["acl": entries] }
            return ["acl": .array(state.acls(of: service, .aiven).map(\.json)), "kafka_acl": entries]
        }
    }

    /// `GET …/kafka/acl/{id}` (`ServiceKafkaNativeAclGet`).
    func acl(_ kind: EmulatedACL.Kind, project: String, service: String, id: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaForACLs(service, in: state, at: time, timings, running: false)
            guard let acl = state.acls[service]?[id], acl.kind == kind else { throw Self.aclNotFound(id) }
            return ["acl": acl.json]
        }
    }

    /// `DELETE` of an ACL entry of `kind`; Aiven's and Schema Registry ACLs answer the remaining list.
    func deleteACL(_ kind: EmulatedACL.Kind, project: String, service: String, id: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafkaForACLs(service, in: state, at: time, timings, running: true)
            guard let acl = state.acls[service]?[id], acl.kind == kind else { throw Self.aclNotFound(id) }
            state.removeACL(service: service, id: id)
            if kind == .native { return ["message": "deleted"] }
            return ["acl": .array(state.acls(of: service, kind).map(\.json)), "message": "deleted"]
        }
    }

    static func aclNotFound(_ id: String) -> EmulatorError {
        EmulatorError(404, "ACL entry \(id) does not exist", errorCode: "kafka_acl_not_found")
    }

    /// The `kafka` service named `name`; running too when `running` (to change its ACLs).
    private static func kafkaForACLs(
        _ name: String, in state: EmulatedProject, at time: Date, _ timings: EmulatorTimings, running: Bool
    ) throws(EmulatorError) -> EmulatedService {
        guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
        guard service.type.name == ServiceCatalog.kafka.name else {
            throw EmulatorError.invalid("Service \(name) is of type '\(service.type.name)': ACLs exist only on 'kafka' services")
        }
        return running ? try runningService(name, in: state, at: time, timings) : service
    }
}

extension EmulatedACL.Kind {
    /// The shape of an add request for the kind.
    var schema: JSONValue {
        switch self {
        case .aiven: ACLSchemas.aiven
        case .native: ACLSchemas.native
        case .schemaRegistry: ACLSchemas.schemaRegistry
        }
    }
}
