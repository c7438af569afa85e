/// An `apiextensions.k8s.io/v1` CustomResourceDefinition, as the values this project needs to
/// render and serve one.
public struct CustomResourceDefinition: Sendable, Hashable {
    /// `Namespaced` or `Cluster`.
    public enum Scope: String, Sendable, Hashable {
        case namespaced = "Namespaced"
        case cluster = "Cluster"
    }

    /// `spec.names`.
    public struct Names: Sendable, Hashable {
        public var kind: String
        public var listKind: String
        public var plural: String
        public var singular: String
        public var shortNames: [String]
        public var categories: [String]

        public init(kind: String, plural: String, singular: String? = nil, shortNames: [String] = [], categories: [String] = []) {
            self.kind = kind
            self.listKind = kind + "List"
            self.plural = plural
            self.singular = singular ?? kind.lowercased()
            self.shortNames = shortNames
            self.categories = categories
        }
    }

    /// One `additionalPrinterColumns` entry.
    public struct PrinterColumn: Sendable, Hashable {
        public var name: String
        public var type: String
        public var jsonPath: String
        public var description: String?
        public var priority: Int

        public init(name: String, type: String = "string", jsonPath: String, description: String? = nil, priority: Int = 0) {
            self.name = name
            self.type = type
            self.jsonPath = jsonPath
            self.description = description
            self.priority = priority
        }
    }

    /// One entry of `spec.versions`.
    public struct Version: Sendable, Hashable {
        public var name: String
        public var served: Bool
        public var storage: Bool
        public var schema: JSONSchemaProps
        public var statusSubresource: Bool
        public var printerColumns: [PrinterColumn]

        public init(name: String, served: Bool = true, storage: Bool = true, schema: JSONSchemaProps, statusSubresource: Bool = true, printerColumns: [PrinterColumn] = []) {
            self.name = name
            self.served = served
            self.storage = storage
            self.schema = schema
            self.statusSubresource = statusSubresource
            self.printerColumns = printerColumns
        }
    }

    public var group: String
    public var names: Names
    public var scope: Scope
    public var versions: [Version]

    public init(group: String, names: Names, scope: Scope = .namespaced, versions: [Version]) {
        self.group = group
        self.names = names
        self.scope = scope
        self.versions = versions
    }

    /// `plural.group`, the CRD's required `metadata.name`.
    public var name: String { "\(names.plural).\(group)" }

    /// The CRD as a Kubernetes object.
    public var json: JSONValue {
        var names: [String: JSONValue] = [
            "kind": .string(self.names.kind),
            "listKind": .string(self.names.listKind),
            "plural": .string(self.names.plural),
            "singular": .string(self.names.singular),
        ]
        if !self.names.shortNames.isEmpty { names["shortNames"] = .array(self.names.shortNames.map(JSONValue.string)) }
        if !self.names.categories.isEmpty { names["categories"] = .array(self.names.categories.map(JSONValue.string)) }
        let versions: [JSONValue] = self.versions.map { version in
            var entry: [String: JSONValue] = [
                "name": .string(version.name),
                "served": .bool(version.served),
                "storage": .bool(version.storage),
                "schema": ["openAPIV3Schema": version.schema.json],
            ]
            if version.statusSubresource { entry["subresources"] = ["status": [:]] }
            if !version.printerColumns.isEmpty {
                entry["additionalPrinterColumns"] = .array(version.printerColumns.map { column in
                    var object: [String: JSONValue] = [
                        "name": .string(column.name),
                        "type": .string(column.type),
                        "jsonPath": .string(column.jsonPath),
                    ]
                    object["description"] = column.description.map(JSONValue.string)
                    if column.priority != 0 { object["priority"] = .integer(Int64(column.priority)) }
                    return .object(object)
                })
            }
            return .object(entry)
        }
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": ["name": .string(name)],
            "spec": [
                "group": .string(group),
                "names": .object(names),
                "scope": .string(scope.rawValue),
                "versions": .array(versions),
            ],
        ]
    }
}
