import Foundation
import Journal
import KubeAPI
import Logging

/// LocalKube's objects on disk under `--state-dir`: `DIR/objects.log`, a ``Journal`` of JSON
/// records, one per change (`put` of an object's new state, `delete` of a key), compacted into
/// a `snapshot` record followed by one `put` per live object once the log outgrows the state.
///
/// Recovery refuses what it cannot read (naming the file, the record and the problem) rather than
/// starting empty over data. A `DIR/objects.json` written by earlier versions is imported once
/// and kept as `objects.json.imported`.
struct StoreJournal: Sendable {
    /// One change as it is logged and replayed.
    enum Change: Sendable {
        case put(GroupResource, JSONValue)
        case delete(GroupResource, namespace: String, name: String, resourceVersion: Int64)
    }

    /// What the directory held: the highest resourceVersion and the changes to replay, in order.
    struct Recovered: Sendable {
        var resourceVersion: Int64 = 0
        var changes: [Change] = []
    }

    /// resourceVersions above this are refused when reading, so counting up never overflows.
    static let maxResourceVersion: Int64 = 1 << 62

    let journal: Journal

    /// Opens (creating mode 0700 when missing) `directory` and replays its log.
    static func open(directory: String, logger: Logger) async throws -> (StoreJournal, Recovered) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError(path: directory, problem: "cannot create the state directory: \(error.localizedDescription)")
        }
        let path = (directory as NSString).appendingPathComponent("objects.log")
        let legacyPath = (directory as NSString).appendingPathComponent("objects.json")
        let (journal, contents) = try Journal.open(path: path)
        if let warning = contents.warning { logger.warning("recovered the state log after an interrupted write", metadata: ["detail": "\(warning)"]) }
        var recovered = Recovered()
        do {
            for (index, record) in contents.records.enumerated() {
                do {
                    try recovered.replay(try JSONParser().parse(record))
                } catch {
                    throw JournalError(path: path, problem: "record \(index + 1) cannot be read: \(error)")
                }
            }
            if contents.records.isEmpty, FileManager.default.fileExists(atPath: legacyPath) {
                recovered = try importLegacy(legacyPath)
                try await journal.append(snapshot(resourceVersion: recovered.resourceVersion, objects: recovered.changes.compactMap {
                    if case .put(let resource, let object) = $0 { (resource, object) } else { nil }
                }))
                try FileManager.default.moveItem(atPath: legacyPath, toPath: legacyPath + ".imported")
                chmod(legacyPath + ".imported", 0o600)
                logger.notice("imported the state file of an earlier version", metadata: ["file": "\(legacyPath)", "objects": "\(recovered.changes.count)"])
            }
        } catch {
            journal.close()
            throw error
        }
        return (StoreJournal(journal: journal), recovered)
    }

    /// The record of one change.
    static func record(_ change: Change) -> [UInt8] {
        switch change {
        case .put(let resource, let object):
            return (["op": "put", "group": .string(resource.group), "resource": .string(resource.resource), "object": object] as JSONValue).jsonBytes
        case .delete(let resource, let namespace, let name, let resourceVersion):
            let document: JSONValue = [
                "op": "delete", "group": .string(resource.group), "resource": .string(resource.resource),
                "namespace": .string(namespace), "name": .string(name), "resourceVersion": .integer(resourceVersion),
            ]
            return document.jsonBytes
        }
    }

    /// The records that replace the log on compaction.
    static func snapshot(resourceVersion: Int64, objects: [(GroupResource, JSONValue)]) -> [[UInt8]] {
        [(["op": "snapshot", "resourceVersion": .integer(resourceVersion)] as JSONValue).jsonBytes] + objects.map { record(.put($0.0, $0.1)) }
    }

    /// Reads the single-document state file of earlier versions, refusing any shape but its own.
    private static func importLegacy(_ path: String) throws -> Recovered {
        func refuse(_ problem: String) -> JournalError { JournalError(path: path, problem: problem) }
        guard let data = FileManager.default.contents(atPath: path) else { throw refuse("cannot be read") }
        let document: JSONValue
        do {
            document = try JSONParser().parse(Array(data))
        } catch {
            throw refuse("is not valid JSON: \(error)")
        }
        guard document.objectValue != nil else { throw refuse("is not a LocalKube state file: expected an object, found \(document.typeName)") }
        guard let objects = document["objects"]?.arrayValue else { throw refuse("is not a LocalKube state file: \"objects\" must be an array") }
        var recovered = Recovered()
        recovered.resourceVersion = try checkedResourceVersion(document["resourceVersion"] ?? .integer(0), path: path, what: "resourceVersion")
        for (index, entry) in objects.enumerated() {
            do {
                try recovered.replay(["op": "put", "group": entry["group"] ?? .null, "resource": entry["resource"] ?? .null, "object": entry["object"] ?? .null])
            } catch {
                throw refuse("objects[\(index)]: \(error)")
            }
        }
        return recovered
    }

    fileprivate static func checkedResourceVersion(_ value: JSONValue, path: String?, what: String) throws(JournalError) -> Int64 {
        let number = value.integerValue ?? value.stringValue.flatMap { Int64($0) }
        guard let number else { throw JournalError(path: path ?? "", problem: "\(what) must be an integer, found \(value.jsonString)") }
        guard (0...maxResourceVersion).contains(number) else {
            throw JournalError(path: path ?? "", problem: "\(what) \(number) is out of range (0...\(maxResourceVersion))")
        }
        return number
    }
}

/// A record that cannot be replayed.
struct ReplayError: Error, CustomStringConvertible {
    var description: String
}

extension StoreJournal.Recovered {
    /// Checks one record and adds it.
    mutating func replay(_ record: JSONValue) throws {
        func field(_ name: String) throws -> String {
            guard let value = record[name]?.stringValue else { throw ReplayError(description: "\"\(name)\" must be a string") }
            return value
        }
        switch record["op"]?.stringValue {
        case "snapshot":
            resourceVersion = try version(record["resourceVersion"] ?? .null, "resourceVersion")
            changes = []
        case "put":
            let resource = GroupResource(group: try field("group"), resource: try field("resource"))
            guard let object = record["object"], object.objectValue != nil else { throw ReplayError(description: "\"object\" must be an object") }
            guard let name = object[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else {
                throw ReplayError(description: "the object has no metadata.name")
            }
            if let namespace = object[path: ["metadata", "namespace"]], namespace.stringValue == nil {
                throw ReplayError(description: "metadata.namespace of \(name) must be a string")
            }
            let stamped = try version(object[path: ["metadata", "resourceVersion"]] ?? .null, "metadata.resourceVersion of \(name)")
            resourceVersion = max(resourceVersion, stamped)
            changes.append(.put(resource, object))
        case "delete":
            let resource = GroupResource(group: try field("group"), resource: try field("resource"))
            let stamped = try version(record["resourceVersion"] ?? .null, "resourceVersion")
            resourceVersion = max(resourceVersion, stamped)
            changes.append(.delete(resource, namespace: try field("namespace"), name: try field("name"), resourceVersion: stamped))
        default:
            throw ReplayError(description: "unknown record \(String(record.jsonString.prefix(80)))")
        }
    }

    private func version(_ value: JSONValue, _ what: String) throws -> Int64 {
        do {
            return try StoreJournal.checkedResourceVersion(value, path: nil, what: what)
        } catch {
            throw ReplayError(description: error.problem)
        }
    }
}
