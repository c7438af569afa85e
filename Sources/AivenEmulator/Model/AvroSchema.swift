import KubeAPI

/// An Avro schema as the emulated schema registry parses it (Karapace's rules, in the subset the
/// compatibility check needs): primitives, records, enums, arrays, maps, fixed and unions, with
/// named types resolved by full name.
indirect enum AvroSchema: Sendable, Hashable {
    case primitive(String)
    case record(name: String, fields: [Field])
    case enumeration(name: String, symbols: [String], hasDefault: Bool)
    case array(AvroSchema)
    case map(AvroSchema)
    case fixed(name: String, size: Int)
    case union([AvroSchema])
    /// A named type used before its definition finished (a recursive record).
    case reference(String)

    struct Field: Sendable, Hashable {
        var name: String
        var type: AvroSchema
        var hasDefault: Bool
    }

    static let primitives: Set<String> = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"]

    /// A schema that is not Avro, with why (`Invalid AVRO schema. Error: …`).
    struct Invalid: Error, Sendable {
        var reason: String
    }

    /// Parses the schema's JSON text.
    static func parse(_ text: String) throws(Invalid) -> AvroSchema {
        let json: JSONValue
        do {
            json = try JSONValue(json: text)
        } catch {
            throw Invalid(reason: "\(error)")
        }
        var named: [String: AvroSchema] = [:]
        return try parse(json, namespace: nil, named: &named)
    }

    private static func parse(_ json: JSONValue, namespace: String?, named: inout [String: AvroSchema]) throws(Invalid) -> AvroSchema {
        switch json {
        case .string(let name):
            if primitives.contains(name) { return .primitive(name) }
            let full = fullName(name, namespace: namespace)
            if let type = named[full] ?? named[name] { return type }
            throw Invalid(reason: "Unknown named schema '\(name)', known names: \(named.keys.sorted())")
        case .array(let branches):
            guard !branches.isEmpty else { throw Invalid(reason: "A union must have at least one branch") }
            var parsed: [AvroSchema] = []
            for branch in branches {
                let type = try parse(branch, namespace: namespace, named: &named)
                if case .union = type { throw Invalid(reason: "Unions may not immediately contain other unions") }
                parsed.append(type)
            }
            return .union(parsed)
        case .object(let members):
            guard let typeName = members["type"] else { throw Invalid(reason: "No \"type\" property: \(json.jsonString)") }
            guard case .string(let type) = typeName else { return try parse(typeName, namespace: namespace, named: &named) }
            switch type {
            case "record", "error":
                let (full, inner) = try name(of: members, namespace: namespace)
                named[full] = .reference(full)
                guard case .array(let fieldList)? = members["fields"] else { throw Invalid(reason: "Record \"\(full)\" has no \"fields\" array") }
                var fields: [Field] = []
                for field in fieldList {
                    guard case .string(let fieldName)? = field["name"], isName(fieldName) else {
                        throw Invalid(reason: "Invalid field name in record \"\(full)\": \(field["name"]?.jsonString ?? "missing")")
                    }
                    guard let fieldType = field["type"] else { throw Invalid(reason: "Field \"\(fieldName)\" of record \"\(full)\" has no type") }
                    guard !fields.contains(where: { $0.name == fieldName }) else { throw Invalid(reason: "Field name \(fieldName) already in use") }
                    fields.append(Field(name: fieldName, type: try parse(fieldType, namespace: inner, named: &named), hasDefault: field["default"] != nil))
                }
                let record = AvroSchema.record(name: full, fields: fields)
                named[full] = record
                return record
            case "enum":
                let (full, _) = try name(of: members, namespace: namespace)
                guard case .array(let symbols)? = members["symbols"], symbols.allSatisfy({ $0.stringValue.map(isName) ?? false }) else {
                    throw Invalid(reason: "Enum \"\(full)\" needs a \"symbols\" array of names")
                }
                let enumeration = AvroSchema.enumeration(name: full, symbols: symbols.compactMap(\.stringValue), hasDefault: members["default"] != nil)
                named[full] = enumeration
                return enumeration
            case "fixed":
                let (full, _) = try name(of: members, namespace: namespace)
                guard let size = members["size"]?.integerValue, size >= 0 else { throw Invalid(reason: "Fixed \"\(full)\" needs a \"size\"") }
                let fixed = AvroSchema.fixed(name: full, size: Int(size))
                named[full] = fixed
                return fixed
            case "array":
                guard let items = members["items"] else { throw Invalid(reason: "Array schema has no \"items\"") }
                return .array(try parse(items, namespace: namespace, named: &named))
            case "map":
                guard let values = members["values"] else { throw Invalid(reason: "Map schema has no \"values\"") }
                return .map(try parse(values, namespace: namespace, named: &named))
            default:
                return try parse(.string(type), namespace: namespace, named: &named)
            }
        default:
            throw Invalid(reason: "Not a schema: \(json.jsonString)")
        }
    }

    private static func name(of members: [String: JSONValue], namespace: String?) throws(Invalid) -> (full: String, namespace: String?) {
        guard case .string(let name)? = members["name"], !name.isEmpty else { throw Invalid(reason: "Named type has no \"name\"") }
        let space = members["namespace"]?.stringValue ?? namespace
        let full = fullName(name, namespace: space)
        guard full.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ isName(String($0)) }) else {
            throw Invalid(reason: "Invalid name \"\(full)\"")
        }
        return (full, full.contains(".") ? String(full[..<full.lastIndex(of: ".")!]) : nil)
    }

    private static func fullName(_ name: String, namespace: String?) -> String {
        name.contains(".") || namespace?.isEmpty != false ? name : "\(namespace!).\(name)"
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    var typeName: String {
        switch self {
        case .primitive(let name): name
        case .record: "record"
        case .enumeration: "enum"
        case .array: "array"
        case .map: "map"
        case .fixed: "fixed"
        case .union: "union"
        case .reference: "record"
        }
    }

    private var fullName: String? {
        switch self {
        case .record(let name, _), .enumeration(let name, _, _), .fixed(let name, _), .reference(let name): name
        default: nil
        }
    }

    /// Why data written with `writer` cannot be read with `self` as the reader schema (Avro's
    /// schema resolution rules); empty when it can. The messages are Karapace's: a reader field
    /// without a default missing from the writer is named by the field.
    func incompatibilities(readingDataOf writer: AvroSchema) -> [String] {
        var visited: Set<String> = []
        return incompatibilities(reader: self, writer: writer, visited: &visited)
    }

    private func incompatibilities(reader: AvroSchema, writer: AvroSchema, visited: inout Set<String>) -> [String] {
        if case .union(let branches) = writer {
            return branches.flatMap { incompatibilities(reader: reader, writer: $0, visited: &visited) }
        }
        if case .union(let branches) = reader {
            for branch in branches {
                var inner = visited
                if incompatibilities(reader: branch, writer: writer, visited: &inner).isEmpty { return [] }
            }
            return ["reader union lacking writer type: \(writer.typeName.uppercased())"]
        }
        switch (reader, writer) {
        case (.primitive(let r), .primitive(let w)):
            return r == w || Self.promotions[w]?.contains(r) == true ? [] : ["reader type: \(r.uppercased()) not compatible with writer type: \(w.uppercased())"]
        case (.record(let rName, let rFields), .record(let wName, let wFields)):
            guard Self.unqualified(rName) == Self.unqualified(wName) else { return ["expected: \(wName)"] }
            guard visited.insert("\(rName)|\(wName)").inserted else { return [] }
            var found: [String] = []
            for field in rFields {
                if let written = wFields.first(where: { $0.name == field.name }) {
                    found += incompatibilities(reader: field.type, writer: written.type, visited: &visited)
                } else if !field.hasDefault {
                    found.append(field.name)
                }
            }
            return found
        case (.reference(let r), .reference(let w)), (.reference(let r), .record(let w, _)), (.record(let r, _), .reference(let w)):
            return Self.unqualified(r) == Self.unqualified(w) ? [] : ["expected: \(w)"]
        case (.enumeration(let rName, let rSymbols, let rDefault), .enumeration(let wName, let wSymbols, _)):
            guard Self.unqualified(rName) == Self.unqualified(wName) else { return ["expected: \(wName)"] }
            let missing = wSymbols.filter { !rSymbols.contains($0) }
            return missing.isEmpty || rDefault ? [] : ["{\(missing.sorted().map { "'\($0)'" }.joined(separator: ", "))}"]
        case (.array(let r), .array(let w)), (.map(let r), .map(let w)):
            return incompatibilities(reader: r, writer: w, visited: &visited)
        case (.fixed(let rName, let rSize), .fixed(let wName, let wSize)):
            guard Self.unqualified(rName) == Self.unqualified(wName) else { return ["expected: \(wName)"] }
            return rSize == wSize ? [] : ["expected: \(wSize), found: \(rSize)"]
        default:
            return ["reader type: \(reader.typeName.uppercased()) not compatible with writer type: \(writer.typeName.uppercased())"]
        }
    }

    /// What a writer type may be read as (Avro's promotions).
    private static let promotions: [String: Set<String>] = [
        "int": ["long", "float", "double"], "long": ["float", "double"], "float": ["double"], "string": ["bytes"], "bytes": ["string"],
    ]

    private static func unqualified(_ name: String) -> Substring {
        name.split(separator: ".").last ?? Substring(name)
    }
}
