import KubeAPI

/// Renders a kind's reference page (Markdown for MkDocs Material) from its schema, in the format of
/// the Aiven operator's documentation: one section per nested object, one line per field with its
/// type and every constraint.
public struct ReferenceDocs {
    public let kind: ResourceKind

    public init(_ kind: ResourceKind) {
        self.kind = kind
    }

    /// The whole page.
    public func render() -> String {
        var lines: [String] = []
        lines += usageSection()
        let root = kind.rootSchema
        let spec = root.properties["spec"] ?? JSONSchemaProps()
        lines += [
            "## \(kind.kind) {: #\(kind.kind) }",
            "",
            root.description ?? "",
            "",
            "**Required**",
            "",
            "- [`apiVersion`](#apiVersion-property){: name='apiVersion-property'} (string). Value `\(kind.apiVersion)`.",
            "- [`kind`](#kind-property){: name='kind-property'} (string). Value `\(kind.kind)`.",
            "- [`metadata`](#metadata-property){: name='metadata-property'} (object). Data that identifies the object, including a `name` string and optional `namespace`.",
            fieldLine(name: "spec", path: "spec", schema: spec),
        ]
        lines += section(name: "spec", path: "spec", parent: (kind.kind, kind.kind), schema: spec)
        return lines.joined(separator: "\n") + "\n"
    }

    private func usageSection() -> [String] {
        let plural = kind.definition.names.plural
        let name = kind.page.exampleColumns.first ?? ""
        let headers = ["Name"] + kind.definition.versions[0].printerColumns.filter { $0.priority == 0 }.map(\.name)
        let values = kind.page.exampleColumns
        let widths = zip(headers, values).map { max($0.count, $1.count) + 4 }
        func row(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined()
        }
        var example = kind.page.example
        if example.hasSuffix("\n") { example.removeLast() }
        return [
            "---",
            "title: \"\(kind.kind)\"",
            "---",
            "",
            "## Usage example",
            "",
            "!!! note \"Prerequisites\"",
            "\t* A Kubernetes cluster with the operator installed using [helm](../installation/helm.md), [kubectl](../installation/kubectl.md) or [kind](../contributing/developer-guide.md) (for local development).",
            "\t* A Kubernetes [Secret](../authentication.md) with an Aiven authentication token.",
            "",
            "```yaml linenums=\"1\"",
            example,
            "```",
            "",
            "Apply the resource with:",
            "",
            "```shell",
            "kubectl apply -f example.yaml",
            "```",
            "",
            "Verify the newly created `\(kind.kind)`:",
            "",
            "```shell",
            "kubectl get \(plural) \(name)",
            "```",
            "",
            "The output is similar to the following:",
            "```shell",
            row(headers),
            row(values),
            "```",
            "",
            "---",
            "",
        ]
    }

    /// The section of an object (or of an array's object items) and, after it, its nested sections.
    private func section(name: String, path: String, parent: (label: String, anchor: String), schema: JSONSchemaProps) -> [String] {
        let object = schema.items ?? schema
        let depth = path.split(separator: ".").count
        var lines = [
            "",
            String(repeating: "#", count: max(2, depth)) + " \(name) {: #\(path) }",
            "",
            "_Appears on [`\(parent.label)`](#\(parent.anchor))._",
        ]
        if let description = object.description ?? schema.description {
            lines += ["", description]
        }
        let ordered = orderedProperties(object)
        for (title, names) in [("Required", ordered.required), ("Optional", ordered.optional)] where !names.isEmpty {
            lines += ["", "**\(title)**", ""]
            lines += names.map { fieldLine(name: $0, path: "\(path).\($0)", schema: object.properties[$0]!) }
        }
        for child in object.properties.keys.sorted() {
            let childSchema = object.properties[child]!
            if hasNestedSection(childSchema) {
                lines += section(name: child, path: "\(path).\(child)", parent: (path, path), schema: childSchema)
            }
        }
        return lines
    }

    private func orderedProperties(_ schema: JSONSchemaProps) -> (required: [String], optional: [String]) {
        let names = schema.properties.keys.sorted()
        let required = Set(schema.required)
        return (names.filter(required.contains), names.filter { !required.contains($0) })
    }

    private func hasNestedSection(_ schema: JSONSchemaProps) -> Bool {
        !(schema.items ?? schema).properties.isEmpty
    }

    /// ``- [`plan`](#spec.plan-property){: name='spec.plan-property'} (string, MaxLength: 128). Subscription plan.``
    private func fieldLine(name: String, path: String, schema: JSONSchemaProps) -> String {
        var line = "- [`\(name)`](#\(path)-property){: name='\(path)-property'} (\(([typeName(schema)] + constraints(schema)).joined(separator: ", ")))."
        if let description = schema.description { line += " " + Self.continuationIndented(description) }
        if hasNestedSection(schema) { line += " See below for [nested schema](#\(path))." }
        return line
    }

    private func typeName(_ schema: JSONSchemaProps) -> String {
        if let items = schema.items {
            let element = items.type == .object ? "objects" : "\(items.type?.rawValue ?? "value")s"
            return "array of \(element)"
        }
        return schema.type?.rawValue ?? "object"
    }

    private func constraints(_ schema: JSONSchemaProps) -> [String] {
        var parts: [String] = []
        if let values = schema.enum {
            parts.append("Enum: " + values.map { "`\($0.stringValue ?? $0.jsonString)`" }.joined(separator: ", "))
        }
        if schema.isImmutable { parts.append("Immutable") }
        if let pattern = schema.pattern { parts.append("Pattern: `\(pattern)`") }
        if let minLength = schema.minLength { parts.append("MinLength: \(minLength)") }
        if let maxLength = schema.maxLength { parts.append("MaxLength: \(maxLength)") }
        if let minimum = schema.minimum { parts.append("Minimum: \(Self.number(minimum))") }
        if let maximum = schema.maximum { parts.append("Maximum: \(Self.number(maximum))") }
        if let minItems = schema.minItems { parts.append("MinItems: \(minItems)") }
        if let maxItems = schema.maxItems { parts.append("MaxItems: \(maxItems)") }
        if let values = schema.additionalProperties { parts.append("AdditionalProperties: \(values.type?.rawValue ?? "object")") }
        if let fallback = schema.default { parts.append("Default value: `\(fallback.jsonString)`") }
        return parts
    }

    /// A multi-line description inside a list item: its later lines indented by four spaces (blank
    /// lines stay blank), as the Aiven operator's documentation prints them.
    private static func continuationIndented(_ description: String) -> String {
        description.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { index, line in index == 0 || line.isEmpty ? String(line) : "    " + line }
            .joined(separator: "\n")
    }

    private static func number(_ value: Double) -> String {
        Int64(exactly: value).map(String.init) ?? GoFormat.jsonNumber(value)
    }
}
