import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime

/// `KafkaSchema`: `spec.schema` registered under `spec.subjectName` in the schema registry of a
/// Kafka service with `schema_registry` enabled.
///
/// A subject carries no owner tag: a subject of that name is the resource's, and two resources
/// naming it are told apart by ``Claims``. The resource's version is the one holding its schema
/// (`status.version`, `status.id`); versions registered by others under the subject are left
/// alone. A changed schema registers a new version — after the subject's compatibility level,
/// which the registry checks it against. A schema the registry refuses (incompatible, 409; invalid,
/// 422), the first one included, shows as `Ready=False SchemaRefused` with the registry's message
/// and is not sent again until the spec or a referent's version changes (``RefusableKind``). Without `compatibilityLevel` the subject follows the registry's global
/// level: Aiven's API cannot remove a subject's own level, so it is set to the global one.
/// `references` to a subject and version are sent as they are; a `kafkaSchemaRef` resolves to
/// that KafkaSchema's subject and current version (waiting until it has one; a cycle is refused),
/// and its new version is registered like a new generation. Deletion deletes the subject: a soft
/// delete, then the permanent one.
public struct KafkaSchemaKind: ClaimingKind, InputsTrackingKind, RefusableKind {
    public static let controllerName = "kafkaschema"
    public static let noun = "Kafka schema"

    /// The subject the spec asks for, references resolved.
    public struct Desired: Sendable, Hashable {
        public var project: String
        public var service: String
        public var subject: String
        public var schema: String
        public var schemaType: String
        public var references: [SchemaReferenceInfo]
        /// The subject's own level; `nil`: the registry's global level.
        public var compatibility: String?
        /// The `kafkaSchemaRef` referents' versions (`money-type@3`), `nil` without any.
        public var referents: String?
    }

    /// The subject as the registry reports it.
    public struct Subject: Sendable, Hashable {
        /// The resource's version (`status.version`) while the subject serves it, else the latest.
        public var version: SchemaVersionInfo
        /// The subject's own level, `nil` without one.
        public var compatibility: String?
        /// The registry's global level, read when the spec sets none and the subject has its own.
        public var globalCompatibility: String?
    }

    /// The `Ready` reason of a schema the registry refused.
    public static let refusalReason = "SchemaRefused"

    public init() {}

    public func describe(_ resource: KafkaSchema) -> String {
        "\(resource.spec.project)/\(resource.spec.serviceName)/\(resource.spec.subjectName)"
    }

    public func claim(of resource: KafkaSchema) -> String? {
        describe(resource)
    }

    public func desired(for resource: KafkaSchema, dependencies: Dependencies) async throws -> Desired {
        let spec = resource.spec
        let namespace = resource.metadata.namespace ?? "default"
        try await Self.refuseCycles(from: resource, namespace: namespace, dependencies: dependencies)
        var references: [SchemaReferenceInfo] = []
        var referents: [String] = []
        for (index, reference) in (spec.references ?? []).enumerated() {
            if let target = reference.kafkaSchemaRef?.name {
                let field = "spec.references[\(index)].kafkaSchemaRef"
                guard let referent = try await dependencies.resource(KafkaSchema.self, ObjectKey(namespace: namespace, name: target)) else {
                    throw Waiting(reason: "WaitingForReference", message: "KafkaSchema \(namespace)/\(target) (\(field)) does not exist yet")
                }
                guard referent.spec.project == spec.project, referent.spec.serviceName == spec.serviceName else {
                    throw InvalidSpec("\(field): KafkaSchema \(target) is in the registry of \(referent.spec.project)/\(referent.spec.serviceName), not of \(spec.project)/\(spec.serviceName)")
                }
                guard let version = referent.status?.version else {
                    throw Waiting(reason: "WaitingForReference", message: "KafkaSchema \(namespace)/\(target) (\(field)) has no registered version yet")
                }
                references.append(SchemaReferenceInfo(name: reference.name, subject: referent.spec.subjectName, version: version))
                referents.append("\(target)@\(version)")
            } else if let subject = reference.subject, let version = reference.version {
                references.append(SchemaReferenceInfo(name: reference.name, subject: subject, version: version))
            }
        }
        return Desired(
            project: spec.project, service: spec.serviceName, subject: spec.subjectName, schema: spec.schema, schemaType: spec.schemaType ?? "AVRO",
            references: references, compatibility: spec.compatibilityLevel, referents: referents.isEmpty ? nil : referents.joined(separator: ",")
        )
    }

    /// `kafkaSchemaRef`s that lead back to the resource would wait for each other forever.
    private static func refuseCycles(from resource: KafkaSchema, namespace: String, dependencies: Dependencies) async throws {
        let start = resource.metadata.name ?? ""
        var path = [start]
        var seen: Set<String> = [start]
        func visit(_ schema: KafkaSchema) async throws {
            for target in (schema.spec.references ?? []).compactMap(\.kafkaSchemaRef?.name) {
                if target == start {
                    throw InvalidSpec("spec.references: the kafkaSchemaRef references form a cycle (\((path + [start]).joined(separator: " → "))); references must form a directed acyclic graph")
                }
                guard seen.insert(target).inserted, let next = try await dependencies.resource(KafkaSchema.self, ObjectKey(namespace: namespace, name: target)) else { continue }
                path.append(target)
                try await visit(next)
                path.removeLast()
            }
        }
        try await visit(resource)
    }

    public func observe(_ resource: KafkaSchema, client: AivenClient) async throws(AivenError) -> Subject? {
        let spec = resource.spec
        let versions: [Int]
        do {
            versions = try await client.schemaVersions(project: spec.project, service: spec.serviceName, subject: spec.subjectName)
        } catch .notFound {
            // No such subject, service or registry: no subject.
            return nil
        } catch .server where resource.metadata.deletionTimestamp == nil {
            // The registry does not answer while its service is not running: the create path
            // waits for the service (createPrerequisite). A deletion keeps asking.
            return nil
        }
        guard let number = resource.status?.version.flatMap({ versions.contains($0) ? $0 : nil }) ?? versions.max() else { return nil }
        let version = try await client.schemaVersion(project: spec.project, service: spec.serviceName, subject: spec.subjectName, version: number)
        let compatibility = try await client.subjectCompatibility(project: spec.project, service: spec.serviceName, subject: spec.subjectName)
        var global: String?
        if spec.compatibilityLevel == nil, compatibility != nil {
            global = try await client.globalCompatibility(project: spec.project, service: spec.serviceName)
        }
        return Subject(version: version, compatibility: compatibility, globalCompatibility: global)
    }

    public func ownership(of observed: Subject, resource: KafkaSchema, everManaged: Bool) -> Ownership {
        .ours
    }

    public func changes(desired: Desired, observed: Subject) -> [FieldChange] {
        var changes: [FieldChange] = []
        if let level = Self.level(desired, observed), level != observed.compatibility {
            changes.append(FieldChange(path: "compatibilityLevel", old: observed.compatibility.map(JSONValue.string), new: .string(level)))
        }
        let registered = observed.version
        if registered.schemaType != desired.schemaType {
            changes.append(FieldChange(path: "schemaType", old: .string(registered.schemaType), new: .string(desired.schemaType)))
        }
        if !Self.sameSchema(registered.schema, desired.schema, type: desired.schemaType) {
            changes.append(FieldChange(path: "schema", old: .string(registered.schema), new: .string(desired.schema)))
        }
        let sorted = { (references: [SchemaReferenceInfo]) in references.sorted { $0.name < $1.name } }
        if sorted(registered.references) != sorted(desired.references) {
            changes.append(FieldChange(path: "references", old: Self.json(registered.references), new: Self.json(desired.references)))
        }
        return changes
    }

    /// The level the subject should have: the spec's, else the registry's global one when the
    /// subject has a level of its own (known only then); `nil` when nothing is to be set.
    private static func level(_ desired: Desired, _ observed: Subject?) -> String? {
        desired.compatibility ?? (observed?.compatibility != nil ? observed?.globalCompatibility : nil)
    }

    /// The registry keeps Avro and JSON schemas as compact JSON: equal JSON is the same schema.
    /// Protobuf is compared with its whitespace collapsed.
    static func sameSchema(_ registered: String, _ spec: String, type: String) -> Bool {
        if type != "PROTOBUF", let left = try? JSONValue(json: registered), let right = try? JSONValue(json: spec) {
            return left == right
        }
        let collapse = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return collapse(registered) == collapse(spec)
    }

    private static func json(_ references: [SchemaReferenceInfo]) -> JSONValue {
        .array(references.sorted { $0.name < $1.name }.map { ["name": .string($0.name), "subject": .string($0.subject), "version": .integer(Int64($0.version))] })
    }

    /// Schemas are registered only in a running Kafka service with `schema_registry` enabled.
    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? {
        let service: AivenService
        do {
            service = try await client.getService(project: desired.project, name: desired.service)
        } catch .notFound {
            return Waiting(reason: "WaitingForService", message: "Kafka service \(desired.service) does not exist yet")
        }
        guard service.state == .running else {
            return Waiting(reason: "WaitingForService", message: "Kafka service \(desired.service) is \(service.state), waiting for RUNNING")
        }
        guard service.userConfig["schema_registry"]?.boolValue == true else {
            return Waiting(
                reason: "WaitingForService",
                message: "Kafka service \(desired.service) has no schema registry: waiting for its user config to enable schema_registry")
        }
        return nil
    }

    /// The schema, then the subject's level: a subject without versions has none to check a first
    /// schema against, and a refused one leaves nothing on the registry.
    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Subject {
        let id = try await register(desired, client: client)
        if let level = desired.compatibility {
            try await client.setSubjectCompatibility(project: desired.project, service: desired.service, subject: desired.subject, level: level)
        }
        return Subject(version: try await version(holding: id, desired, client: client), compatibility: desired.compatibility)
    }

    public func update(_ desired: Desired, observed: Subject, client: AivenClient) async throws(AivenError) -> Subject {
        var subject = observed
        let paths = Set(changes(desired: desired, observed: observed).map(\.path))
        if paths.contains("compatibilityLevel"), let level = Self.level(desired, observed) {
            try await client.setSubjectCompatibility(project: desired.project, service: desired.service, subject: desired.subject, level: level)
            subject.compatibility = level
        }
        guard !paths.subtracting(["compatibilityLevel"]).isEmpty else { return subject }
        let id = try await register(desired, client: client)
        subject.version = try await version(holding: id, desired, client: client)
        return subject
    }

    /// Incompatible (409) or invalid (422): final for this spec. (An update's level, set first, stays.)
    public func refusal(in error: AivenError, desired: Desired, observed: Subject?) -> String? {
        let message: String
        switch error {
        case .conflict(let said), .unexpectedStatus(422, let said): message = said
        default: return nil
        }
        let kept = observed.map { "Version \($0.version.version) stays registered; nothing" } ?? "Nothing"
        return "The schema registry refused spec.schema of subject \(desired.subject): \(message). \(kept) is sent again until the spec changes."
    }

    private func register(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Int {
        try await client.registerSchema(
            project: desired.project, service: desired.service, subject: desired.subject,
            SchemaRegistration(schema: desired.schema, schemaType: desired.schemaType, references: desired.references.isEmpty ? nil : desired.references)
        )
    }

    /// The subject's version holding schema `id` (the newest such): a schema registered before
    /// keeps its version, so reverting to it adds none.
    private func version(holding id: Int, _ desired: Desired, client: AivenClient) async throws(AivenError) -> SchemaVersionInfo {
        let versions = try await client.schemaVersions(project: desired.project, service: desired.service, subject: desired.subject)
        for number in versions.sorted(by: >) {
            let version = try await client.schemaVersion(project: desired.project, service: desired.service, subject: desired.subject, version: number)
            if version.id == id { return version }
        }
        throw .invalidResponse(message: "subject \(desired.subject) lists no version with schema id \(id)")
    }

    /// A soft delete, then the permanent one. A subject other subjects still reference stays
    /// (the registry's 422), and the resource waits.
    public func delete(_ observed: Subject, resource: KafkaSchema, client: AivenClient) async throws(AivenError) {
        let spec = resource.spec
        for permanent in [false, true] {
            do {
                try await client.deleteSchemaSubject(project: spec.project, service: spec.serviceName, subject: spec.subjectName, permanent: permanent)
            } catch .notFound where !permanent {
                // Soft-deleted already.
            } catch .unexpectedStatus(422, let message) {
                throw .conflict(message: message)
            }
        }
    }

    public func health(of observed: Subject, desired: Desired) -> Health {
        Health(
            ready: true, reason: "Registered",
            message: "Schema registered under subject \(observed.version.subject) as version \(observed.version.version) (id \(observed.version.id))")
    }

    public func record(_ observed: Subject, in status: inout KafkaSchemaStatus) {
        status.id = observed.version.id
        status.version = observed.version.version
    }

    public func inputsVersion(of desired: Desired) -> String? {
        desired.referents
    }

    public func createdMessage(_ desired: Desired, created: Subject, resource: KafkaSchema) -> String {
        "Registered \(desired.schemaType) schema under subject \(desired.subject) of \(desired.project)/\(desired.service) as version \(created.version.version) (id \(created.version.id))"
    }
}

extension KafkaSchema: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public var project: String { spec.project }
    public static let terminationProtection: TerminationProtection<KafkaSchema>? = nil
}

extension KafkaSchemaStatus: InputsRecordingStatus {
    public init() { self.init(id: nil) }

    public var state: String? {
        get { nil }
        set {}
    }

    public var appliedInputs: String? {
        get { appliedReferences }
        set { appliedReferences = newValue }
    }
}
