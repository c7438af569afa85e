import KubeAPI

/// One way our CRD of a kind differs from the reference operator's: at `path` (`spec.userConfig.ip_filter`,
/// `[]` for array items, `{}` for map values; `additionalPrinterColumns`, `names` for the CRD's own
/// parts), in `keyword` (a schema keyword such as `maxItems`, `added` for a field only ours has,
/// `missing` for one only the reference has, a printer column's name).
struct CRDDifference: Hashable, CustomStringConvertible {
    var kind: String
    var path: String
    var keyword: String
    var ours: String
    var reference: String

    var description: String { "\(kind) \(path) \(keyword): ours \(ours), reference \(reference)" }
}

/// Walks two CustomResourceDefinitions of one kind side by side, schema node by schema node, and
/// lists every difference that can change what the API server accepts, stores or shows:
/// every keyword but `description` (`required` and `enum` compared as sets, CEL rules as a set of
/// rule and message), the printer columns, names, scope and subresources.
struct CRDWalk {
    let kind: String
    private(set) var differences: [CRDDifference] = []

    init(kind: String, ours: JSONValue, reference: JSONValue) {
        self.kind = kind
        let (our, their) = (ours["spec"] ?? .null, reference["spec"] ?? .null)
        for key in ["group", "scope"] where our[key] != their[key] {
            note("crd", key, our[key], their[key])
        }
        for key in ["kind", "listKind", "plural", "singular", "shortNames", "categories"] where our["names"]?[key] != their["names"]?[key] {
            note("names", key, our["names"]?[key], their["names"]?[key])
        }
        let ourVersion = our["versions"]?.arrayValue?.first ?? .null
        let theirVersion = their["versions"]?.arrayValue?.first ?? .null
        for key in ["name", "served", "storage", "subresources"] where ourVersion[key] != theirVersion[key] {
            note("versions[0]", key, ourVersion[key], theirVersion[key])
        }
        walkColumns(ourVersion["additionalPrinterColumns"]?.arrayValue ?? [], theirVersion["additionalPrinterColumns"]?.arrayValue ?? [])
        walk("", ourVersion[path: ["schema", "openAPIV3Schema"]], theirVersion[path: ["schema", "openAPIV3Schema"]])
    }

    private mutating func note(_ path: String, _ keyword: String, _ ours: JSONValue?, _ reference: JSONValue?) {
        differences.append(CRDDifference(kind: kind, path: path, keyword: keyword, ours: ours?.jsonString ?? "none", reference: reference?.jsonString ?? "none"))
    }

    /// Columns by name: each one's type, JSONPath, priority and place among the default columns.
    private mutating func walkColumns(_ ours: [JSONValue], _ theirs: [JSONValue]) {
        func summary(_ column: JSONValue?) -> JSONValue? {
            guard let column else { return nil }
            return ["type": column["type"] ?? .null, "jsonPath": column["jsonPath"] ?? .null, "priority": column["priority"] ?? .integer(0)]
        }
        let names = Set((ours + theirs).compactMap { $0["name"]?.stringValue })
        for name in names.sorted() {
            let (our, their) = (summary(ours.first { $0["name"]?.stringValue == name }), summary(theirs.first { $0["name"]?.stringValue == name }))
            if our != their { note("additionalPrinterColumns", name, our, their) }
        }
        func defaultOrder(_ columns: [JSONValue]) -> [JSONValue] {
            columns.filter { ($0["priority"]?.integerValue ?? 0) == 0 }.compactMap { $0["name"] }
        }
        if defaultOrder(ours) != defaultOrder(theirs) {
            note("additionalPrinterColumns", "order", .array(defaultOrder(ours)), .array(defaultOrder(theirs)))
        }
    }

    private mutating func walk(_ path: String, _ ours: JSONValue?, _ theirs: JSONValue?) {
        switch (ours, theirs) {
        case (.none, .none): return
        case (.some, .none): note(path, "added", .string("present"), .none); return
        case (.none, .some): note(path, "missing", .none, .string("present")); return
        case (.some(let ours), .some(let theirs)):
            let keys = Set((ours.objectValue ?? [:]).keys).union((theirs.objectValue ?? [:]).keys).subtracting(["description"])
            for key in keys.sorted() {
                let (our, their) = (ours[key], theirs[key])
                switch key {
                case "properties":
                    let fields = Set((our?.objectValue ?? [:]).keys).union((their?.objectValue ?? [:]).keys)
                    for field in fields.sorted() {
                        walk(path.isEmpty ? field : "\(path).\(field)", our?[field], their?[field])
                    }
                case "items":
                    walk("\(path)[]", our, their)
                case "additionalProperties" where our?.objectValue != nil && their?.objectValue != nil:
                    walk("\(path){}", our, their)
                case "required", "enum", "x-kubernetes-validations":
                    if Set(our?.arrayValue ?? []) != Set(their?.arrayValue ?? []) { note(path.isEmpty ? "(root)" : path, key, our, their) }
                default:
                    if our != their { note(path.isEmpty ? "(root)" : path, key, our, their) }
                }
            }
        }
    }
}
