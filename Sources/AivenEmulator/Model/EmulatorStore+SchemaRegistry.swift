import Foundation
import KubeAPI

extension EmulatorStore {
    /// `POST …/kafka/schema/subjects/{subject_name}/versions` (`ServiceSchemaRegistrySubjectVersionPost`):
    /// `{"id": …}`.
    func registerSchema(project: String, service: String, subject: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: SchemaRegistrySchemas.register).require(body)
        return try await changeRegistry(project, service) { (registry) throws(EmulatorError) in
            let schema = try registry.parse(body)
            return ["id": .integer(Int64(try registry.register(schema, subject: subject)))]
        }
    }

    /// `GET …/kafka/schema/subjects`: the subjects with served versions.
    func schemaSubjects(project: String, service: String) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in
            ["subjects": .array(registry.subjects.filter { !$0.value.live.isEmpty }.keys.sorted().map(JSONValue.string))]
        }
    }

    /// `GET …/subjects/{subject_name}/versions`: `{"versions": [1, 2]}`.
    func schemaVersions(project: String, service: String, subject: String) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in
            ["versions": .array(try registry.liveVersions(of: subject).map { .integer(Int64($0.version)) })]
        }
    }

    /// `GET …/subjects/{subject_name}/versions/{version_id}`: `{"version": {…}}`.
    func schemaVersion(project: String, service: String, subject: String, version: String) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in
            ["version": registry.json(try registry.version(version, of: subject), subject: subject)]
        }
    }

    /// `GET …/subjects/{subject_name}/versions/{version_id}/schema` (deprecated): the schema text.
    func schemaVersionText(project: String, service: String, subject: String, version: String) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in
            let found = try registry.version(version, of: subject)
            return ["schema": .string(registry.schemas[String(found.id)]?.text ?? "")]
        }
    }

    /// `GET …/kafka/schema/schemas/ids/{schema_id}`.
    func schemaByID(project: String, service: String, id: String) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in
            guard let schema = registry.schemas[id] else { throw EmulatorError(404, "Schema \(id) not found", errorCode: 40403) }
            var object: [String: JSONValue] = ["schema": .string(schema.text)]
            if schema.type != "AVRO" { object["schemaType"] = .string(schema.type) }
            if !schema.references.isEmpty { object["references"] = .array(schema.references.map(\.json)) }
            return .object(object)
        }
    }

    /// `DELETE …/subjects/{subject_name}[?permanent=true]`: a soft delete, then a permanent one.
    func deleteSchemaSubject(project: String, service: String, subject: String, permanent: Bool) async throws(EmulatorError) -> JSONValue {
        try await changeRegistry(project, service) { (registry) throws(EmulatorError) in
            ["versions": .array(try registry.deleteSubject(subject, permanent: permanent).map { .integer(Int64($0)) })]
        }
    }

    /// `DELETE …/subjects/{subject_name}/versions/{version_id}`.
    func deleteSchemaVersion(project: String, service: String, subject: String, version: String) async throws(EmulatorError) -> JSONValue {
        try await changeRegistry(project, service) { (registry) throws(EmulatorError) in
            ["version": .integer(Int64(try registry.deleteVersion(version, of: subject)))]
        }
    }

    /// `GET …/kafka/schema/config`: `{"compatibilityLevel": …}`.
    func schemaGlobalConfig(project: String, service: String) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in ["compatibilityLevel": .string(registry.globalCompatibility)] }
    }

    /// `PUT …/kafka/schema/config` `{"compatibility": …}`.
    func changeSchemaGlobalConfig(project: String, service: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        let level = try Self.compatibility(in: body)
        return try await changeRegistry(project, service) { (registry) throws(EmulatorError) in
            registry.globalCompatibility = level
            return ["compatibility": .string(level)]
        }
    }

    /// `GET …/kafka/schema/config/{subject_name}`: the subject's own level; without one 40408,
    /// or the global level with `global_default_fallback=true`.
    func schemaSubjectConfig(project: String, service: String, subject: String, fallback: Bool) throws(EmulatorError) -> JSONValue {
        try readRegistry(project, service) { registry throws(EmulatorError) in
            if let level = registry.subjects[subject]?.compatibility { return ["compatibilityLevel": .string(level)] }
            guard fallback else {
                throw EmulatorError(404, "Subject '\(subject)' does not have subject-level compatibility configured", errorCode: 40408)
            }
            return ["compatibilityLevel": .string(registry.globalCompatibility)]
        }
    }

    /// `PUT …/kafka/schema/config/{subject_name}` `{"compatibility": …}`; accepted for a subject
    /// with no versions yet.
    func changeSchemaSubjectConfig(project: String, service: String, subject: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        let level = try Self.compatibility(in: body)
        return try await changeRegistry(project, service) { (registry) throws(EmulatorError) in
            registry.subjects[subject, default: EmulatedSchemaRegistry.Subject()].compatibility = level
            return ["compatibility": .string(level)]
        }
    }

    /// `POST …/kafka/schema/compatibility/subjects/{subject_name}/versions/{version_id}`:
    /// `{"is_compatible": …, "messages": […]}` at the subject's level against that version.
    func checkSchemaCompatibility(project: String, service: String, subject: String, version: String, body: JSONValue) throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: SchemaRegistrySchemas.register).require(body)
        return try readRegistry(project, service) { registry throws(EmulatorError) in
            let against = try registry.version(version, of: subject)
            let schema = try registry.parse(body)
            var single = registry
            single.subjects[subject]?.versions = [against]
            if single.subjects[subject]?.compatibility == nil { single.subjects[subject]?.compatibility = registry.level(of: subject).replacingOccurrences(of: "_TRANSITIVE", with: "") }
            let problems = single.incompatibilities(of: schema, subject: subject)
            return problems.isEmpty ? ["is_compatible": true] : ["is_compatible": false, "messages": .array(problems.map(JSONValue.string))]
        }
    }

    private static func compatibility(in body: JSONValue) throws(EmulatorError) -> String {
        try AivenSchemaValidator(schema: SchemaRegistrySchemas.config).require(body)
        return body["compatibility"]?.stringValue ?? ""
    }

    /// Reads the registry of `service`, which must be a running Kafka with `schema_registry: true`.
    private func readRegistry(
        _ project: String, _ service: String, _ body: (EmulatedSchemaRegistry) throws(EmulatorError) -> JSONValue
    ) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            try Self.checkRegistry(service, in: state, at: time, timings)
            return try body(state.schemaRegistries[service] ?? EmulatedSchemaRegistry())
        }
    }

    /// Changes the registry of `service` (journalled with the project's other changes).
    private func changeRegistry(
        _ project: String, _ service: String, _ change: (inout EmulatedSchemaRegistry) throws(EmulatorError) -> JSONValue
    ) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            try Self.checkRegistry(service, in: state, at: time, timings)
            var registry = state.schemaRegistries[service] ?? EmulatedSchemaRegistry()
            let before = registry
            let result = try change(&registry)
            if registry != before { state.put(registry, service: service) }
            return result
        }
    }

    /// The registry answers only on a `kafka` service that has it enabled (`user_config.schema_registry`)
    /// and runs: 404 for a missing service or registry, 503 while the service does not run.
    private static func checkRegistry(_ name: String, in state: EmulatedProject, at time: Date, _ timings: EmulatorTimings) throws(EmulatorError) {
        let service = try kafka(name, in: state, at: time, timings)
        guard service.option("schema_registry") else {
            throw EmulatorError(404, "Schema Registry is not enabled on service \(name)", errorCode: "schema_registry_not_enabled")
        }
        guard service.isRunning else {
            throw EmulatorError(503, "Schema Registry of service \(name) is not available: the service is \(service.state)")
        }
    }
}
