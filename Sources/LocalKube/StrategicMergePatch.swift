import KubeAPI

/// The strategic merge patch subset the built-in kinds LocalKube serves need: a JSON merge patch
/// where `metadata.finalizers` merges as a set, `metadata.ownerReferences` merges by `uid`, the
/// lists of a pod template, a Service and conditions merge by their Kubernetes merge keys
/// (containers by `name`, container ports by `containerPort`, Service ports by `port`, …, in the
/// `$setElementOrder` order), and the directives `$patch: replace|delete`,
/// `$deleteFromPrimitiveList/<field>` and `$retainKeys` apply.
enum StrategicMergePatch {
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        merge(patch, into: target, path: [])
    }

    /// The merge key of the list at `path` (its `patchMergeKey` in the Kubernetes types), or `nil`
    /// for lists that are replaced.
    static func mergeKey(_ path: [String]) -> String? {
        guard let field = path.last else { return nil }
        let inContainer = path.dropLast().contains { ["containers", "initContainers", "ephemeralContainers"].contains($0) }
        switch field {
        case "containers", "initContainers", "ephemeralContainers", "volumes", "imagePullSecrets", "env": return "name"
        case "ports" where inContainer: return "containerPort"
        case "ports" where path == ["spec", "ports"]: return "port"
        case "volumeMounts": return "mountPath"
        case "volumeDevices": return "devicePath"
        case "conditions" where path.first == "status": return "type"
        default: return nil
        }
    }

    /// Merges patch items into the list by key: matching items merge, `$patch: delete` items
    /// remove theirs, new ones are appended; `order` (from `$setElementOrder`) sorts the result.
    private static func mergeList(_ items: [JSONValue], into list: [JSONValue], by key: String, order: [JSONValue]?, path: [String]) -> [JSONValue] {
        var merged = list
        for item in items {
            let index = merged.firstIndex { $0[key] != nil && $0[key] == item[key] }
            if item["$patch"]?.stringValue == "delete" {
                if let index { merged.remove(at: index) }
            } else if let index {
                merged[index] = merge(item, into: merged[index], path: path)
            } else {
                merged.append(merge(item, into: [:], path: path))
            }
        }
        guard let order else { return merged }
        let ranked = merged.enumerated().sorted { lhs, rhs in
            let left = lhs.element[key].flatMap { order.firstIndex(of: $0) } ?? order.count + lhs.offset
            let right = rhs.element[key].flatMap { order.firstIndex(of: $0) } ?? order.count + rhs.offset
            return left < right
        }
        return ranked.map(\.element)
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
            if let mergeKey = mergeKey(childPath), let items = change.arrayValue {
                let order = changes["$setElementOrder/\(key)"]?.arrayValue?.compactMap { $0[mergeKey] }
                result[key] = .array(mergeList(items, into: result[key]?.arrayValue ?? [], by: mergeKey, order: order, path: childPath))
                continue
            }
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
