import KubeAPI

/// The strategic merge patch subset the built-in kinds LocalKube serves need: a JSON merge patch
/// where `metadata.finalizers` merges as a set, `metadata.ownerReferences` merges by `uid`, and the
/// directives `$patch: replace|delete`, `$deleteFromPrimitiveList/<field>` and `$retainKeys` apply.
enum StrategicMergePatch {
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        merge(patch, into: target, path: [])
    }

    private static func merge(_ patch: JSONValue, into target: JSONValue, path: [String]) -> JSONValue {
        guard case .object(var changes) = patch else { return patch }
        if let directive = changes.removeValue(forKey: "$patch")?.stringValue {
            if directive == "delete" { return .null }
            if directive == "replace" { return .object(changes) }
        }
        var result = target.objectValue ?? [:]
        if let retained = changes.removeValue(forKey: "$retainKeys")?.arrayValue?.compactMap(\.stringValue) {
            result = result.filter { retained.contains($0.key) }
        }
        for (key, change) in changes {
            if key.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
                let doomed = change.arrayValue ?? []
                if let list = result[field]?.arrayValue { result[field] = .array(list.filter { !doomed.contains($0) }) }
                continue
            }
            if key.hasPrefix("$setElementOrder/") { continue }
            let childPath = path + [key]
            if change.isNull {
                result[key] = nil
            } else if childPath == ["metadata", "finalizers"], let added = change.arrayValue {
                let existing = result[key]?.arrayValue ?? []
                result[key] = .array(existing + added.filter { !existing.contains($0) })
            } else if childPath == ["metadata", "ownerReferences"], let added = change.arrayValue {
                var merged = result[key]?.arrayValue ?? []
                for reference in added {
                    if let index = merged.firstIndex(where: { $0["uid"] == reference["uid"] }) {
                        merged[index] = merge(reference, into: merged[index], path: childPath)
                    } else {
                        merged.append(reference)
                    }
                }
                result[key] = .array(merged.filter { $0["$patch"]?.stringValue != "delete" })
            } else {
                let merged = merge(change, into: result[key] ?? .null, path: childPath)
                result[key] = merged.isNull ? JSONValue?.none : merged
            }
        }
        return .object(result)
    }
}
