import Foundation
import KubeAPI

/// The on-disk copy of the store under `--state-dir`: one JSON document, replaced atomically
/// (write to a temporary file, then rename) shortly after changes (coalesced, see
/// `ObjectStore.scheduleSave`), so a crash leaves a complete earlier or the current state.
struct StateFile: Sendable {
    struct Entry: Sendable {
        var resource: GroupResource
        var object: JSONValue
    }

    struct Snapshot: Sendable {
        var resourceVersion: Int64
        var objects: [Entry]
    }

    /// The file, e.g. `DIR/objects.json`.
    let path: String

    init(directory: String) {
        path = (directory as NSString).appendingPathComponent("objects.json")
    }

    /// The saved state, or `nil` when nothing was saved yet.
    func load() throws -> Snapshot? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let document = try JSONParser().parse(Array(data))
        let entries: [Entry] = (document["objects"]?.arrayValue ?? []).compactMap { entry in
            guard let group = entry["group"]?.stringValue, let resource = entry["resource"]?.stringValue, let object = entry["object"] else {
                return nil
            }
            return Entry(resource: GroupResource(group: group, resource: resource), object: object)
        }
        return Snapshot(resourceVersion: document["resourceVersion"]?.integerValue ?? 0, objects: entries)
    }

    func save(_ snapshot: Snapshot) throws {
        let document: JSONValue = [
            "resourceVersion": .integer(snapshot.resourceVersion),
            "objects": .array(snapshot.objects.map { entry in
                ["group": .string(entry.resource.group), "resource": .string(entry.resource.resource), "object": entry.object]
            }),
        ]
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(document.jsonBytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
