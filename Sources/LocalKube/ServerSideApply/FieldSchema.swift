import KubeAPI

/// What server-side apply needs to know about one place in an object: whether an object there is
/// a structure (members named by the schema) or a map (every member its own field), and how a
/// list there merges. Custom resources read it from their CRD's structural schema
/// (`x-kubernetes-list-type`, `x-kubernetes-list-map-keys`, `x-kubernetes-map-type`); built-in
/// kinds from their Kubernetes merge keys; `metadata` is ObjectMeta's everywhere.
struct FieldSchema: Sendable {
    /// How the items of a list are told apart.
    enum ListType: Sendable, Equatable {
        /// The list is one value, replaced as a whole.
        case atomic
        /// Scalars, each its own field (`v:"x"`).
        case set
        /// Objects identified by these keys (`k:{"name":"app"}`).
        case map(keys: [String])
    }

    private enum Source: Sendable {
        /// A custom resource's schema at this place; `nil` where it preserves unknown fields.
        case structural(JSONSchemaProps?)
        /// A built-in kind, by path.
        case builtIn
    }

    private let source: Source
    /// The member names leading here (list items do not add a name).
    private let path: [String]

    private init(source: Source, path: [String]) {
        self.source = source
        self.path = path
    }

    /// The root of objects of `type`.
    init(for type: ServedResource) {
        if case .custom(let schema) = type.behaviour {
            self.init(source: .structural(schema.root), path: [])
        } else {
            self.init(source: .builtIn, path: [])
        }
    }

    func member(_ name: String) -> FieldSchema {
        guard case .structural(let props) = source else { return FieldSchema(source: .builtIn, path: path + [name]) }
        return FieldSchema(source: .structural(props?.properties[name] ?? props?.additionalProperties), path: path + [name])
    }

    var items: FieldSchema {
        guard case .structural(let props) = source else { return FieldSchema(source: .builtIn, path: path) }
        return FieldSchema(source: .structural(props?.items), path: path)
    }

    private var isMetadata: Bool { path.first == "metadata" }

    /// Whether `name` is a declared member of the structure here (`false`: an entry of a map).
    func declares(_ name: String) -> Bool {
        if isMetadata || path.isEmpty { return !["labels", "annotations"].contains(path.last ?? "") }
        switch source {
        case .structural(let props): return props?.properties[name] != nil
        case .builtIn: return !Self.builtInMaps.contains(path.last ?? "")
        }
    }

    /// An object here is one value (`x-kubernetes-map-type: atomic`).
    var isAtomicObject: Bool {
        if case .structural(let props) = source, !isMetadata { return props?.mapType == "atomic" }
        return path.last == "selector" && !isMetadata && !path.contains("template")
    }

    var listType: ListType {
        if isMetadata {
            switch path {
            case ["metadata", "finalizers"]: return .set
            case ["metadata", "ownerReferences"]: return .map(keys: ["uid"])
            default: return .atomic
            }
        }
        switch source {
        case .structural(let props):
            switch props?.listType {
            case "set": return .set
            case "map": return .map(keys: props?.listMapKeys ?? [])
            default: return .atomic
            }
        case .builtIn:
            guard let key = StrategicMergePatch.mergeKey(path) else { return .atomic }
            return key == "containerPort" || key == "port" ? .map(keys: [key, "protocol"]) : .map(keys: [key])
        }
    }

    /// The path element of `item` at `index` in a list of this schema; `nil` for atomic lists.
    func element(of item: JSONValue, at index: Int) -> String? {
        switch listType {
        case .atomic: return nil
        case .set: return "v:" + item.jsonString
        case .map(let keys):
            var key: [String: JSONValue] = [:]
            for name in keys {
                if let value = item[name] {
                    key[name] = value
                } else if name == "protocol" {
                    key[name] = "TCP"
                } else {
                    return "i:\(index)"
                }
            }
            return "k:" + JSONValue.object(key).jsonString
        }
    }

    /// Built-in fields that are maps of strings (every entry its own field).
    private static let builtInMaps: Set<String> = ["data", "stringData", "binaryData", "matchLabels", "nodeSelector", "labels", "annotations"]
}
