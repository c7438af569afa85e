import KubeAPI

/// The operations of server-side apply on object values, guided by a ``FieldSchema``: the fields
/// an applied configuration sets, what changed between two versions of an object, merging an
/// applied configuration in, and removing fields nobody owns any more. Each follows the
/// structured-merge-diff rules kube-apiserver uses.
enum FieldAlgebra {
    /// What changed from one version of an object to the next.
    struct Comparison: Sendable {
        var added = FieldSet.empty
        var modified = FieldSet.empty
        var removed = FieldSet.empty

        fileprivate mutating func attach(_ child: Comparison, at element: String) {
            added[element] = child.added
            modified[element] = child.modified
            removed[element] = child.removed
        }
    }

    // MARK: Field sets

    /// The fields `value` sets: every scalar, atomic list or object, null and empty object;
    /// every item of a set or associative list; every entry of a map.
    static func fields(of value: JSONValue, _ schema: FieldSchema) -> FieldSet {
        switch value {
        case .object(let members) where !schema.isAtomicObject:
            var set = FieldSet.empty
            for (name, member) in members {
                var child = fields(of: member, schema.member(name))
                if member.isNull || member.objectValue?.isEmpty == true || !schema.declares(name) { child.isMember = true }
                set["f:" + name] = child
            }
            return set
        case .array(let items) where schema.listType != .atomic:
            var set = FieldSet.empty
            for (index, item) in items.enumerated() {
                guard let element = schema.element(of: item, at: index) else { continue }
                var child = fields(of: item, schema.items)
                child.isMember = true
                set[element] = set[element].union(child)
            }
            return set
        default:
            return .member
        }
    }

    /// Every path in `value`, itself included: what a comparison reports for a value that
    /// appeared or disappeared as a whole.
    private static func allPaths(of value: JSONValue, _ schema: FieldSchema) -> FieldSet {
        var set = FieldSet.member
        switch value {
        case .object(let members) where !schema.isAtomicObject:
            for (name, member) in members { set["f:" + name] = allPaths(of: member, schema.member(name)) }
        case .array(let items) where schema.listType != .atomic:
            for (index, item) in items.enumerated() {
                if let element = schema.element(of: item, at: index) { set[element] = allPaths(of: item, schema.items) }
            }
        default: break
        }
        return set
    }

    // MARK: Comparison

    static func compare(_ old: JSONValue?, _ new: JSONValue?, _ schema: FieldSchema) -> Comparison {
        var result = Comparison()
        switch (old, new) {
        case (nil, nil):
            break
        case (nil, let new?):
            result.added = allPaths(of: new, schema)
        case (let old?, nil):
            result.removed = allPaths(of: old, schema)
        case (.object(let before), .object(let after)) where !schema.isAtomicObject:
            for name in Set(before.keys).union(after.keys) {
                result.attach(compare(before[name], after[name], schema.member(name)), at: "f:" + name)
            }
        case (.array(let before), .array(let after)) where schema.listType != .atomic:
            let itemsBefore = keyed(before, schema)
            let itemsAfter = keyed(after, schema)
            guard let itemsBefore, let itemsAfter else {
                if before != after { result.modified = .member }
                break
            }
            for element in Set(itemsBefore.keys).union(itemsAfter.keys) {
                result.attach(compare(itemsBefore[element], itemsAfter[element], schema.items), at: element)
            }
        case (let old?, let new?):
            if old != new { result.modified = .member }
        }
        return result
    }

    /// The items of a non-atomic list by path element; `nil` when two items share one.
    private static func keyed(_ items: [JSONValue], _ schema: FieldSchema) -> [String: JSONValue]? {
        var result: [String: JSONValue] = [:]
        for (index, item) in items.enumerated() {
            guard let element = schema.element(of: item, at: index), result[element] == nil else { return nil }
            result[element] = item
        }
        return result
    }

    // MARK: Merge

    /// `config` merged into `live`: objects member by member, sets and associative lists item by
    /// item (live items keep their place, new ones follow in the configuration's order), anything
    /// else replaced. A `null` in the configuration removes the member.
    static func merge(_ config: JSONValue, into live: JSONValue?, _ schema: FieldSchema) -> JSONValue {
        switch (config, live) {
        case (.object(let changes), let live) where !schema.isAtomicObject:
            var result = live?.objectValue ?? [:]
            for (name, change) in changes {
                if change.isNull {
                    result[name] = nil
                } else {
                    result[name] = merge(change, into: result[name], schema.member(name))
                }
            }
            return .object(result)
        case (.array(let items), .array(var result)?) where schema.listType != .atomic:
            var positions: [String: Int] = [:]
            for (index, item) in result.enumerated() {
                if let element = schema.element(of: item, at: index), positions[element] == nil { positions[element] = index }
            }
            for (index, item) in items.enumerated() {
                guard let element = schema.element(of: item, at: index), !element.hasPrefix("i:") else {
                    result.append(item)
                    continue
                }
                if let position = positions[element] {
                    result[position] = merge(item, into: result[position], schema.items)
                } else {
                    positions[element] = result.count
                    result.append(item)
                }
            }
            return .array(result)
        default:
            return config
        }
    }

    // MARK: Removal

    /// `value` without the paths of `doomed`, except those with a path of `kept` at or below them
    /// (whose own paths in `doomed` are removed instead).
    static func removing(_ doomed: FieldSet, keeping kept: FieldSet, from value: JSONValue, _ schema: FieldSchema) -> JSONValue {
        switch value {
        case .object(var members) where !schema.isAtomicObject:
            for (element, child) in doomed.children where element.hasPrefix("f:") {
                let name = String(element.dropFirst(2))
                guard let member = members[name] else { continue }
                let keptBelow = kept[element]
                if child.isMember, keptBelow.isEmpty {
                    members[name] = nil
                } else if !child.children.isEmpty {
                    members[name] = removing(child, keeping: keptBelow, from: member, schema.member(name))
                }
            }
            return .object(members)
        case .array(let items) where schema.listType != .atomic:
            var result: [JSONValue] = []
            for (index, item) in items.enumerated() {
                guard let element = schema.element(of: item, at: index), let child = doomed.children[element] else {
                    result.append(item)
                    continue
                }
                let keptBelow = kept[element]
                if child.isMember, keptBelow.isEmpty { continue }
                result.append(child.children.isEmpty ? item : removing(child, keeping: keptBelow, from: item, schema.items))
            }
            return .array(result)
        default:
            return value
        }
    }
}
