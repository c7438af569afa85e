import KubeAPI

/// Everything derived from one `aiven.io` kind's schema: its CustomResourceDefinition, the compiled
/// validator and what its reference page needs.
public struct ResourceKind: Sendable {
    /// The CRD, which embeds ``rootSchema``.
    public let definition: CustomResourceDefinition
    /// The compiled schema that prunes, defaults and validates objects of this kind.
    public let schema: StructuralSchema
    /// The reference page's fixed content.
    public let page: ReferencePage
    /// The Swift type objects of this kind decode into (a test proves it and the schema agree).
    public let swiftType: any KubeResource.Type

    public init(definition: CustomResourceDefinition, page: ReferencePage, swiftType: any KubeResource.Type) throws(SchemaLoadError) {
        self.definition = definition
        self.schema = try StructuralSchema(definition.versions[0].schema)
        self.page = page
        self.swiftType = swiftType
    }

    /// The kind name, e.g. `KafkaConnect`.
    public var kind: String { definition.names.kind }
    /// `group/version` of the served version.
    public var apiVersion: String { "\(definition.group)/\(definition.versions[0].name)" }
    /// The schema at the root of the resource.
    public var rootSchema: JSONSchemaProps { definition.versions[0].schema }
}

extension Sequence<ResourceKind> {
    /// The kind named `name` (case-insensitive; kind, plural, singular or CRD name), or `nil`.
    public func kind(named name: String) -> ResourceKind? {
        let wanted = name.lowercased()
        return first { kind in
            [kind.kind.lowercased(), kind.definition.names.plural, kind.definition.names.singular, kind.definition.name].contains(wanted)
        }
    }
}

/// The hand-written parts of a kind's reference page; everything else is rendered from the schema.
public struct ReferencePage: Sendable, Hashable {
    /// The usage example, a complete manifest.
    public var example: String
    /// What `kubectl get` prints for the example once it is ready, one value per printer column.
    public var exampleColumns: [String]
    /// What the operator does with a resource of the kind, for the README's kinds table
    /// (Markdown; `yes` when it is reconciled like every other kind, with nothing to add).
    public var reconciled: String
    /// How the operator takes over what the reference operator made of this kind (the takeover
    /// table of `docs/migrating.md`).
    public var takeover: Takeover

    public init(example: String, exampleColumns: [String], reconciled: String, takeover: Takeover) {
        self.example = example
        self.exampleColumns = exampleColumns
        self.reconciled = reconciled
        self.takeover = takeover
    }
}

/// How a resource the reference operator left is found on Aiven and taken over (Markdown).
public struct Takeover: Sendable, Hashable {
    /// What identifies its object on Aiven.
    public var identity: String
    /// What the operator then takes over.
    public var takenOver: String

    public init(identity: String, takenOver: String) {
        self.identity = identity
        self.takenOver = takenOver
    }

    /// Every service kind's: one service code path, found by name and owner tag.
    public static let service = Takeover(
        identity: #"its service's name, and the owner tag `aiven-operator-uid`"#,
        takenOver: #"as the first table says (one service code path)"#
    )
}
