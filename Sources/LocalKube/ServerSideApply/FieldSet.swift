import KubeAPI

/// A set of field paths in an object, as server-side apply tracks ownership: a tree whose edges
/// are path elements in their `fieldsV1` spelling (`f:name` a member, `k:{"name":"app"}` an item of
/// an associative list, `v:"x"` a value of a set, `i:0` an item by position) and whose nodes say
/// whether the path itself is in the set (`.` in `fieldsV1`).
struct FieldSet: Hashable, Sendable {
    /// Whether the path leading here is itself in the set.
    var isMember = false
    /// The paths below, by path element.
    var children: [String: FieldSet] = [:]

    static let empty = FieldSet()
    static let member = FieldSet(isMember: true)

    var isEmpty: Bool { !isMember && children.isEmpty }

    /// The set below `element` (empty when there is none).
    subscript(element: String) -> FieldSet {
        get { children[element] ?? .empty }
        set { children[element] = newValue.isEmpty ? nil : newValue }
    }

    func union(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember || other.isMember, children: children)
        for (element, child) in other.children { result[element] = self[element].union(child) }
        return result
    }

    /// The paths of this set that are not in `other` (paths are compared one by one: removing a
    /// path keeps the paths below it).
    func subtracting(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember && !other.isMember)
        for (element, child) in children { result[element] = child.subtracting(other[element]) }
        return result
    }

    func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember && other.isMember)
        for (element, child) in children where other.children[element] != nil { result[element] = child.intersection(other[element]) }
        return result
    }

    /// Every path in the set, each as its path elements, in `fieldsV1` order.
    var paths: [[String]] {
        var result: [[String]] = isMember ? [[]] : []
        for element in children.keys.sorted() {
            result += children[element]!.paths.map { [element] + $0 }
        }
        return result
    }

    // MARK: fieldsV1

    /// The `fieldsV1` document: `{}` for a path with nothing below it, `"."` for a path that is
    /// in the set and has paths below it.
    var fieldsV1: JSONValue {
        var members: [String: JSONValue] = [:]
        if isMember, !children.isEmpty { members["."] = [:] }
        for (element, child) in children { members[element] = child.fieldsV1 }
        return .object(members)
    }

    /// Reads a `fieldsV1` document; `nil` when it is not one.
    init?(fieldsV1 document: JSONValue) {
        guard case .object(let members) = document else { return nil }
        if members.isEmpty {
            isMember = true
            return
        }
        for (element, value) in members {
            if element == "." {
                isMember = true
                continue
            }
            guard ["f:", "k:", "v:", "i:"].contains(where: element.hasPrefix), let child = FieldSet(fieldsV1: value) else { return nil }
            children[element] = child
        }
    }

    init(isMember: Bool = false, children: [String: FieldSet] = [:]) {
        self.isMember = isMember
        self.children = children.filter { !$0.value.isEmpty }
    }

    /// A path as kube-apiserver prints it in conflicts: `.spec.containers[name="app"].image`,
    /// `.metadata.finalizers[="x"]`, `.spec.list[0]`.
    static func render(_ path: [String]) -> String {
        path.map { element in
            let payload = String(element.dropFirst(2))
            switch element.prefix(2) {
            case "f:": return "." + payload
            case "k:":
                let key = (try? JSONParser().parse(Array(payload.utf8)))?.objectValue ?? [:]
                return "[" + key.keys.sorted().map { "\($0)=\(key[$0]!.jsonString)" }.joined(separator: ",") + "]"
            case "v:": return "[=\(payload)]"
            default: return "[\(payload)]"
            }
        }.joined()
    }
}
