extension CustomResourceDefinition {
    /// Reads an `apiextensions.k8s.io/v1` CustomResourceDefinition object, as clients send it.
    ///
    /// Fails with ``SchemaLoadError`` naming the first missing or malformed field, so an API server
    /// can answer with a field path.
    public init(json object: JSONValue) throws(SchemaLoadError) {
        guard let spec = object["spec"]?.objectValue else { throw SchemaLoadError(path: "spec", problem: "Required value") }
        guard let group = spec["group"]?.stringValue, !group.isEmpty else {
            throw SchemaLoadError(path: "spec.group", problem: "Required value")
        }
        guard let namesObject = spec["names"], let kind = namesObject["kind"]?.stringValue, let plural = namesObject["plural"]?.stringValue,
            !kind.isEmpty, !plural.isEmpty
        else { throw SchemaLoadError(path: "spec.names", problem: "kind and plural are required") }
        var names = Names(
            kind: kind,
            plural: plural,
            singular: namesObject["singular"]?.stringValue,
            shortNames: namesObject["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            categories: namesObject["categories"]?.arrayValue?.compactMap(\.stringValue) ?? []
        )
        if let listKind = namesObject["listKind"]?.stringValue { names.listKind = listKind }
        let scope: Scope
        switch spec["scope"]?.stringValue {
        case "Namespaced": scope = .namespaced
        case "Cluster": scope = .cluster
        default: throw SchemaLoadError(path: "spec.scope", problem: "Unsupported value: supported values: \"Cluster\", \"Namespaced\"")
        }
        guard let versionObjects = spec["versions"]?.arrayValue, !versionObjects.isEmpty else {
            throw SchemaLoadError(path: "spec.versions", problem: "Required value")
        }
        var versions: [Version] = []
        for (index, entry) in versionObjects.enumerated() {
            let path = "spec.versions[\(index)]"
            guard let name = entry["name"]?.stringValue, !name.isEmpty else { throw SchemaLoadError(path: "\(path).name", problem: "Required value") }
            guard let schemaJSON = entry[path: ["schema", "openAPIV3Schema"]] else {
                throw SchemaLoadError(path: "\(path).schema.openAPIV3Schema", problem: "Required value")
            }
            let schema = try JSONSchemaProps(json: schemaJSON, path: "\(path).schema.openAPIV3Schema")
            let columns: [PrinterColumn] = (entry["additionalPrinterColumns"]?.arrayValue ?? []).compactMap { column in
                guard let name = column["name"]?.stringValue, let jsonPath = column["jsonPath"]?.stringValue else { return nil }
                return PrinterColumn(
                    name: name,
                    type: column["type"]?.stringValue ?? "string",
                    jsonPath: jsonPath,
                    description: column["description"]?.stringValue,
                    priority: Int(column["priority"]?.integerValue ?? 0)
                )
            }
            versions.append(Version(
                name: name,
                served: entry["served"]?.boolValue ?? true,
                storage: entry["storage"]?.boolValue ?? true,
                schema: schema,
                statusSubresource: entry[path: ["subresources", "status"]] != nil,
                printerColumns: columns
            ))
        }
        self.init(group: group, names: names, scope: scope, versions: versions)
    }
}
