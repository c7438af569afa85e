extension AivenClient {
    private struct IDEnvelope: Decodable { var id: Int }
    private struct VersionsEnvelope: Decodable { var versions: [Int] }
    private struct VersionEnvelope: Decodable { var version: SchemaVersionInfo }
    private struct SubjectsEnvelope: Decodable { var subjects: [String] }
    private struct LevelEnvelope: Decodable { var compatibilityLevel: String }
    private struct Compatibility: Encodable { var compatibility: String }

    /// `POST …/kafka/schema/subjects/{subject}/versions` (`ServiceSchemaRegistrySubjectVersionPost`):
    /// the schema's global id. A schema the subject holds already is not added again (its id is
    /// answered), so a repeated call is harmless. The registry refuses an incompatible schema (409)
    /// and an invalid one (422), with its own message.
    public func registerSchema(project: String, service: String, subject: String, _ registration: SchemaRegistration) async throws(AivenError) -> Int {
        try await send(
            .post, AivenPath("/v1/project/{project}/service/{service_name}/kafka/schema/subjects/{subject_name}/versions", project, service, subject),
            body: registration, as: IDEnvelope.self
        ).id
    }

    /// `GET …/kafka/schema/subjects` (`ServiceSchemaRegistrySubjects`).
    public func listSchemaSubjects(project: String, service: String) async throws(AivenError) -> [String] {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/kafka/schema/subjects", project, service), as: SubjectsEnvelope.self).subjects
    }

    /// `GET …/subjects/{subject}/versions` (`ServiceSchemaRegistrySubjectVersionsGet`); 404 when
    /// the subject has none.
    public func schemaVersions(project: String, service: String, subject: String) async throws(AivenError) -> [Int] {
        try await send(
            .get, AivenPath("/v1/project/{project}/service/{service_name}/kafka/schema/subjects/{subject_name}/versions", project, service, subject),
            as: VersionsEnvelope.self
        ).versions
    }

    /// `GET …/subjects/{subject}/versions/{version}` (`ServiceSchemaRegistrySubjectVersionGet`).
    public func schemaVersion(project: String, service: String, subject: String, version: Int) async throws(AivenError) -> SchemaVersionInfo {
        try await send(
            .get,
            AivenPath(
                "/v1/project/{project}/service/{service_name}/kafka/schema/subjects/{subject_name}/versions/{version_id}", project, service, subject,
                String(version)),
            as: VersionEnvelope.self
        ).version
    }

    /// `DELETE …/subjects/{subject}` (`ServiceSchemaRegistrySubjectDelete`): a soft delete, or
    /// with `permanent` the hard delete that must follow it.
    public func deleteSchemaSubject(project: String, service: String, subject: String, permanent: Bool) async throws(AivenError) {
        try await exchange(
            .delete,
            AivenPath(
                "/v1/project/{project}/service/{service_name}/kafka/schema/subjects/{subject_name}", project, service, subject,
                query: permanent ? [("permanent", "true")] : [])
        )
    }

    /// `GET …/kafka/schema/config/{subject}` (`ServiceSchemaRegistrySubjectConfigGet`) without the
    /// global fallback: the subject's own level, `nil` when it has none (40408).
    public func subjectCompatibility(project: String, service: String, subject: String) async throws(AivenError) -> String? {
        do {
            return try await send(
                .get,
                AivenPath(
                    "/v1/project/{project}/service/{service_name}/kafka/schema/config/{subject_name}", project, service, subject,
                    query: [("global_default_fallback", "false")]),
                as: LevelEnvelope.self
            ).compatibilityLevel
        } catch .notFound {
            return nil
        }
    }

    /// `PUT …/kafka/schema/config/{subject}` (`ServiceSchemaRegistrySubjectConfigPut`).
    public func setSubjectCompatibility(project: String, service: String, subject: String, level: String) async throws(AivenError) {
        try await exchange(
            .put, AivenPath("/v1/project/{project}/service/{service_name}/kafka/schema/config/{subject_name}", project, service, subject),
            body: Compatibility(compatibility: level)
        )
    }

    /// `GET …/kafka/schema/config` (`ServiceSchemaRegistryGlobalConfigGet`): the registry's level.
    public func globalCompatibility(project: String, service: String) async throws(AivenError) -> String {
        try await send(.get, AivenPath("/v1/project/{project}/service/{service_name}/kafka/schema/config", project, service), as: LevelEnvelope.self)
            .compatibilityLevel
    }
}
