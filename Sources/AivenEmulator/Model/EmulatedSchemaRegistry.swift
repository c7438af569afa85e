import KubeAPI

/// The schema registry (Karapace) of one Kafka service with `schema_registry: true`: subjects
/// with their versions, schemas by global id, compatibility levels per subject and global.
///
/// Karapace's rules: registering a schema a subject already holds returns its id and adds no
/// version; an identical schema under another subject gets the same id; a new version is checked
/// against the latest one (all of them for the `_TRANSITIVE` levels) at the subject's level, else
/// the global one (`BACKWARD`); deleting a subject is a soft delete (versions hidden, numbers kept),
/// then a permanent one (`permanent=true`) after which the subject starts again at version 1.
struct EmulatedSchemaRegistry: Codable, Sendable, Hashable {
    var globalCompatibility = "BACKWARD"
    var nextID = 1
    /// Every schema ever registered, by global id.
    var schemas: [String: Schema] = [:]
    var subjects: [String: Subject] = [:]

    static let levels = ["BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE"]

    struct Schema: Codable, Sendable, Hashable {
        var type: String
        /// As the registry stores it: compact JSON for AVRO and JSON, the text for PROTOBUF.
        var text: String
        var references: [Reference]
    }

    struct Reference: Codable, Sendable, Hashable {
        var name: String
        var subject: String
        var version: Int

        var json: JSONValue { ["name": .string(name), "subject": .string(subject), "version": .integer(Int64(version))] }
    }

    struct Subject: Codable, Sendable, Hashable {
        var versions: [Version] = []
        /// The subject's own level; `nil`: the global one.
        var compatibility: String?

        var live: [Version] { versions.filter { !$0.deleted } }
        /// Soft-deleted: versions remain but none is served.
        var isSoftDeleted: Bool { !versions.isEmpty && live.isEmpty }
    }

    struct Version: Codable, Sendable, Hashable {
        var version: Int
        var id: Int
        var deleted = false
    }

    // MARK: Errors (Karapace's codes and words)

    static func subjectNotFound(_ subject: String) -> EmulatorError {
        EmulatorError(404, "Subject '\(subject)' not found.", errorCode: 40401)
    }

    static func versionNotFound(_ version: String) -> EmulatorError {
        EmulatorError(404, "Version \(version) not found.", errorCode: 40402)
    }

    static func invalidSchema(_ type: String, _ reason: String) -> EmulatorError {
        EmulatorError(422, "Invalid \(type) schema. Error: \(reason)", errorCode: 42201)
    }

    // MARK: Reads

    /// The subject's served versions; 40401 when it has none.
    func liveVersions(of subject: String) throws(EmulatorError) -> [Version] {
        guard let found = subjects[subject], !found.live.isEmpty else { throw Self.subjectNotFound(subject) }
        return found.live
    }

    /// `versions/{version}`: a number, `latest` or `-1`.
    func version(_ text: String, of subject: String) throws(EmulatorError) -> Version {
        let live = try liveVersions(of: subject)
        if text == "latest" || text == "-1" { return live.last! }
        guard let number = Int(text), number > 0 else {
            throw EmulatorError(422, "The specified version '\(text)' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"", errorCode: 42202)
        }
        guard let found = live.first(where: { $0.version == number }) else { throw Self.versionNotFound(text) }
        return found
    }

    /// The registry's answer for one version.
    func json(_ version: Version, subject: String) -> JSONValue {
        let schema = schemas[String(version.id)]!
        var object: [String: JSONValue] = [
            "id": .integer(Int64(version.id)), "schema": .string(schema.text), "subject": .string(subject), "version": .integer(Int64(version.version)),
        ]
        if schema.type != "AVRO" { object["schemaType"] = .string(schema.type) }
        if !schema.references.isEmpty { object["references"] = .array(schema.references.map(\.json)) }
        return .object(object)
    }

    func level(of subject: String) -> String {
        subjects[subject]?.compatibility ?? globalCompatibility
    }

    // MARK: Registering

    /// Validates a registration body's schema and references: the schema as stored, or 42201.
    func parse(_ body: JSONValue) throws(EmulatorError) -> Schema {
        let type = body["schemaType"]?.stringValue ?? "AVRO"
        guard ["AVRO", "JSON", "PROTOBUF"].contains(type) else {
            throw EmulatorError(422, "Invalid schemaType \(type)", errorCode: 42201)
        }
        guard let text = body["schema"]?.stringValue else { throw EmulatorError(422, "Empty schema", errorCode: 42201) }
        var references: [Reference] = []
        for item in body["references"]?.arrayValue ?? [] {
            guard let name = item["name"]?.stringValue, let subject = item["subject"]?.stringValue, let version = item["version"]?.integerValue else {
                throw Self.invalidSchema(type, "Invalid reference \(item.jsonString): name, subject and version are required")
            }
            let resolved: Int
            if version == -1, let latest = subjects[subject]?.live.last {
                resolved = latest.version
            } else {
                resolved = Int(version)
            }
            guard subjects[subject]?.live.contains(where: { $0.version == resolved }) == true else {
                throw Self.invalidSchema(type, "Invalid schema references: subject '\(subject)' version \(version) not found")
            }
            references.append(Reference(name: name, subject: subject, version: resolved))
        }
        return Schema(type: type, text: try Self.normalized(text, type: type), references: references)
    }

    /// The schema text as the registry keeps it; a schema it cannot parse is 42201.
    static func normalized(_ text: String, type: String) throws(EmulatorError) -> String {
        switch type {
        case "AVRO":
            do {
                _ = try AvroSchema.parse(text)
            } catch {
                throw invalidSchema(type, error.reason)
            }
            return (try? JSONValue(json: text))?.jsonString ?? text
        case "JSON":
            guard let json = try? JSONValue(json: text), json.objectValue != nil || json.boolValue != nil else {
                throw invalidSchema(type, "the schema is not a JSON object or boolean")
            }
            return json.jsonString
        default:
            try ProtobufSyntax.check(text)
            return text
        }
    }

    /// Why `schema` may not become the subject's next version at its level; empty when it may.
    func incompatibilities(of schema: Schema, subject: String) -> [String] {
        let level = level(of: subject)
        guard level != "NONE", schema.type == "AVRO", let live = subjects[subject]?.live, !live.isEmpty else { return [] }
        let compared = level.hasSuffix("_TRANSITIVE") ? live.reversed() : [live.last!]
        guard let new = try? AvroSchema.parse(schema.text) else { return [] }
        var found: [String] = []
        for version in compared {
            guard let stored = schemas[String(version.id)], stored.type == "AVRO", let old = try? AvroSchema.parse(stored.text) else { continue }
            if level.hasPrefix("BACKWARD") || level.hasPrefix("FULL") { found += new.incompatibilities(readingDataOf: old) }
            if level.hasPrefix("FORWARD") || level.hasPrefix("FULL") { found += old.incompatibilities(readingDataOf: new) }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }
    }

    /// Registers `schema` under `subject`: its id, reused when the subject or the registry holds it
    /// already. 409 when it is incompatible at the subject's level.
    mutating func register(_ schema: Schema, subject: String) throws(EmulatorError) -> Int {
        if let existing = subjects[subject]?.live.first(where: { schemas[String($0.id)] == schema }) { return existing.id }
        let problems = incompatibilities(of: schema, subject: subject)
        guard problems.isEmpty else {
            let text = problems.joined(separator: ", ")
            throw EmulatorError(
                409, "Incompatible schema, compatibility_mode=\(level(of: subject)). Incompatibilities: \(text.count > 300 ? String(text.prefix(300)) : text)",
                errorCode: 409)
        }
        let id: Int
        if let known = schemas.first(where: { $0.value == schema }).flatMap({ Int($0.key) }) {
            id = known
        } else {
            id = nextID
            nextID += 1
            schemas[String(id)] = schema
        }
        // Under a soft-deleted subject the numbering goes on.
        var entry = subjects[subject] ?? Subject()
        entry.versions.append(Version(version: (entry.versions.map(\.version).max() ?? 0) + 1, id: id))
        subjects[subject] = entry
        return id
    }

    // MARK: Deleting

    /// Subjects whose versions reference a version of `subject`, as `{subject:…,version:…}`: a
    /// soft-deleted version still holds its references (Karapace keeps them until the permanent
    /// delete).
    func referrers(of subject: String, versions: [Int]) -> [String] {
        var found: [String] = []
        for (name, entry) in subjects.sorted(by: { $0.key < $1.key }) where name != subject {
            for version in entry.versions {
                for reference in schemas[String(version.id)]?.references ?? [] where reference.subject == subject && versions.contains(reference.version) {
                    found.append("{subject:\(name),version:\(version.version)}")
                }
            }
        }
        return found
    }

    /// `DELETE subjects/{subject}`: soft first, then `permanent`. Answers the deleted versions.
    mutating func deleteSubject(_ subject: String, permanent: Bool) throws(EmulatorError) -> [Int] {
        guard var entry = subjects[subject], !entry.versions.isEmpty else { throw Self.subjectNotFound(subject) }
        let referrers = referrers(of: subject, versions: entry.versions.map(\.version))
        guard referrers.isEmpty else {
            throw EmulatorError(422, "One or more references exist to the schema {subject:\(subject)}: \(referrers.joined(separator: ", ")).", errorCode: 42206)
        }
        if permanent {
            guard entry.isSoftDeleted else {
                throw EmulatorError(404, "Subject '\(subject)' was not deleted first before being permanently deleted", errorCode: 40405)
            }
            subjects[subject] = nil
            return entry.versions.map(\.version)
        }
        guard !entry.isSoftDeleted else {
            throw EmulatorError(404, "Subject '\(subject)' was soft deleted.Set permanent=true to delete permanently", errorCode: 40404)
        }
        let deleted = entry.live.map(\.version)
        for index in entry.versions.indices { entry.versions[index].deleted = true }
        subjects[subject] = entry
        return deleted
    }

    /// `DELETE subjects/{subject}/versions/{version}`: a soft delete of one version.
    mutating func deleteVersion(_ text: String, of subject: String) throws(EmulatorError) -> Int {
        let found = try version(text, of: subject)
        let referrers = referrers(of: subject, versions: [found.version])
        guard referrers.isEmpty else {
            throw EmulatorError(422, "One or more references exist to the schema {subject:\(subject),version:\(found.version)}.", errorCode: 42206)
        }
        guard let index = subjects[subject]?.versions.firstIndex(of: found) else { throw Self.versionNotFound(text) }
        subjects[subject]?.versions[index].deleted = true
        return found.version
    }
}

/// The syntax check a Protobuf schema gets: Karapace compiles it; the emulator checks that it is
/// a `.proto` file at all (balanced braces, a `message`, `enum` or `service`, no stray text).
enum ProtobufSyntax {
    static func check(_ text: String) throws(EmulatorError) {
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 }
            if character == "}" {
                depth -= 1
                if depth < 0 { throw EmulatedSchemaRegistry.invalidSchema("PROTOBUF", "unbalanced '}'") }
            }
        }
        guard depth == 0 else { throw EmulatedSchemaRegistry.invalidSchema("PROTOBUF", "unbalanced '{'") }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
        guard words.contains(where: { ["message", "enum", "service"].contains($0) }) else {
            throw EmulatedSchemaRegistry.invalidSchema("PROTOBUF", "no message, enum or service definition")
        }
    }
}
