import Foundation
import KubeAPI

/// `metadata.managedFields` kept the way kube-apiserver keeps them: every write records the
/// fields it set for its manager (an `Update` entry), and server-side apply merges a manager's
/// configuration in, removes what the manager stopped applying unless someone else owns it, and
/// refuses to change fields other managers own (`409`, unless forced, which takes them over).
struct FieldOwnership: Sendable {
    let type: ServedResource
    /// `status` for writes through `/status`.
    let subresource: String?

    private var schema: FieldSchema { FieldSchema(for: type) }

    /// Metadata the server sets: never owned by anyone.
    private static let systemMetadata = [
        "name", "namespace", "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
        "generation", "selfLink", "managedFields",
    ]

    /// The part of `object` whose fields are owned: system metadata, `apiVersion` and `kind` are
    /// not, and a write through the main endpoint or `/status` only owns its own half of an
    /// object with a status subresource.
    private func tracked(_ object: JSONValue) -> JSONValue {
        var object = object
        object["apiVersion"] = nil
        object["kind"] = nil
        var metadata = object["metadata"]?.objectValue ?? [:]
        for field in Self.systemMetadata { metadata[field] = nil }
        object["metadata"] = .object(metadata)
        if type.statusSubresource {
            if subresource == "status" {
                object = object["status"].map { ["status": $0] } ?? [:]
            } else {
                object["status"] = nil
            }
        }
        return object
    }

    /// The object before a create, as a typed empty object of this kind looks to the field
    /// manager (built-in kinds always have a `spec`).
    private var emptyObject: JSONValue {
        type.isCustom || !(type.builtInFields?.contains("spec") ?? false) ? ["metadata": [:]] : ["metadata": [:], "spec": [:]]
    }

    /// `set` without `metadata` itself, which nobody owns (its members are owned one by one).
    private static func owned(_ set: FieldSet) -> FieldSet {
        var set = set
        var metadata = set["f:metadata"]
        metadata.isMember = false
        set["f:metadata"] = metadata
        return set
    }

    private static func now() -> String { Timestamp.rfc3339(Date()) }

    // MARK: Update

    /// `new` with the managed fields after a create (`old == nil`), update or non-apply patch by
    /// `manager`: it owns what it changed, taken from whoever owned it before.
    func recordUpdate(old: JSONValue?, new: JSONValue, manager: String) -> JSONValue {
        var entries: [ManagedFieldsEntry]
        if subresource == nil, let given = new[path: ["metadata", "managedFields"]]?.arrayValue, !given.isEmpty,
            given != old?[path: ["metadata", "managedFields"]]?.arrayValue, let decoded = ManagedFieldsEntry.entries(of: new)
        {
            entries = decoded
        } else {
            entries = ManagedFieldsEntry.entries(of: old) ?? []
        }
        let comparison = FieldAlgebra.compare(tracked(old ?? emptyObject), tracked(new), schema)
        let changed = comparison.modified.union(comparison.added)
        for index in entries.indices {
            entries[index].fields = entries[index].fields.subtracting(changed).subtracting(comparison.removed)
        }
        if !changed.isEmpty {
            let own = ManagedFieldsEntry(manager: manager, operation: .update, apiVersion: type.apiVersion, time: Self.now(), subresource: subresource, fields: changed)
            if let index = entries.firstIndex(where: { $0.identity == own.identity }) {
                entries[index].fields = entries[index].fields.union(changed)
                entries[index].time = own.time
            } else {
                entries.append(own)
            }
        }
        var object = new
        object["metadata"]?["managedFields"] = ManagedFieldsEntry.encode(entries.filter { !$0.fields.isEmpty })
        return object
    }

    // MARK: Apply

    /// `config` applied by `manager` to `live` (the stored object, or `nil` to create it): the
    /// merged object with its managed fields, or `409 Conflict` naming every field another
    /// manager owns and `config` would change (unless `force`).
    func apply(_ config: JSONValue, to live: JSONValue?, manager: String, force: Bool) throws(APIError) -> JSONValue {
        var entries = ManagedFieldsEntry.entries(of: live) ?? []
        let identity = ManagedFieldsEntry(manager: manager, operation: .apply, apiVersion: type.apiVersion, time: nil, subresource: subresource, fields: .empty).identity
        let previous = entries.firstIndex { $0.identity == identity }.map { entries.remove(at: $0) }
        let applied = Self.owned(FieldAlgebra.fields(of: tracked(config), schema))
        let base = live ?? emptyObject
        var merged = FieldAlgebra.merge(config, into: base, schema)
        if let previous {
            let kept = entries.reduce(applied) { $0.union($1.fields) }
            merged = FieldAlgebra.removing(previous.fields.subtracting(kept), keeping: kept, from: merged, schema)
        }
        let comparison = FieldAlgebra.compare(tracked(base), tracked(merged), schema)
        let changed = comparison.modified.union(comparison.added)
        var conflicts: [(manager: String, path: String)] = []
        for index in entries.indices {
            let taken = entries[index].fields.intersection(changed)
            conflicts += taken.paths.map { (entries[index].conflictName, FieldSet.render($0)) }
            entries[index].fields = entries[index].fields.subtracting(taken).subtracting(comparison.removed)
        }
        if !force, !conflicts.isEmpty { throw Self.conflictError(conflicts, type: type, name: config[path: ["metadata", "name"]]?.stringValue ?? "") }
        let isChange = live == nil || tracked(base) != tracked(merged)
        entries.append(ManagedFieldsEntry(
            manager: manager, operation: .apply, apiVersion: type.apiVersion, time: isChange ? Self.now() : previous?.time ?? Self.now(),
            subresource: subresource, fields: applied
        ))
        merged["metadata"]?["managedFields"] = ManagedFieldsEntry.encode(entries.filter { !$0.fields.isEmpty })
        return merged
    }

    /// kube-apiserver's apply conflict: `Apply failed with 1 conflict: conflict with "kubectl":
    /// .spec.plan`, or per manager for several; one cause per field.
    static func conflictError(_ conflicts: [(manager: String, path: String)], type: ServedResource, name: String) -> APIError {
        let message: String
        if conflicts.count == 1 {
            message = "Apply failed with 1 conflict: conflict with \(conflicts[0].manager): \(conflicts[0].path)"
        } else {
            var lines: [String] = []
            for manager in Set(conflicts.map(\.manager)).sorted() {
                lines.append("conflicts with \(manager):")
                lines += conflicts.filter { $0.manager == manager }.map { "- \($0.path)" }
            }
            message = "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        }
        let causes = conflicts.map { StatusCause(reason: "FieldManagerConflict", message: "conflict with \($0.manager)", field: $0.path) }
        return APIError(code: 409, reason: "Conflict", message: message, details: StatusDetails(name: name, group: type.group, kind: type.plural, causes: causes))
    }
}
