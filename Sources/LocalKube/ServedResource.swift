import KubeAPI

/// A `group/resource` pair: the key under which objects of one kind are stored.
struct GroupResource: Hashable, Sendable, Codable, CustomStringConvertible {
    var group: String
    var resource: String

    /// `kafkaconnects.aiven.io`, or just `secrets` in the core group, as error messages print it.
    var description: String { group.isEmpty ? resource : "\(resource).\(group)" }
}

/// One resource type LocalKube serves: its names, scope, verbs and write rules.
struct ServedResource: Sendable {
    /// Which built-in rules apply to objects of this type.
    enum Behaviour: Sendable {
        /// A custom resource validated by its CRD's structural schema.
        case custom(StructuralSchema)
        case namespace
        case secret
        case event
        case lease
        case customResourceDefinition
        /// A kind stored and validated by its ``BuiltInKind`` rules.
        case builtIn(BuiltInKind)
        /// A create-only review answered from the caller's identity (SelfSubjectAccessReview, …).
        case review
    }

    var group: String
    var version: String
    var kind: String
    var plural: String
    var singular: String
    var shortNames: [String]
    var categories: [String]
    var namespaced: Bool
    var statusSubresource: Bool
    var printerColumns: [CustomResourceDefinition.PrinterColumn]
    var behaviour: Behaviour
    /// The OpenAPI v3 schema published for `kubectl explain`.
    var openAPISchema: JSONValue
    /// The verbs discovery lists.
    var verbs: [String] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    /// A `scale` subresource (``DeploymentScale``), as Deployments have.
    var scaleSubresource: Bool { groupResource == GroupResource(group: "apps", resource: "deployments") }
    /// Create-only subresources and the kind they take (`serviceaccounts/token`: TokenRequest).
    var createSubresources: [(name: String, group: String, version: String, kind: String)] = []

    var groupResource: GroupResource { GroupResource(group: group, resource: plural) }
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// Custom resources only take merge and JSON patches; built-ins take strategic merge patches too.
    var isCustom: Bool {
        if case .custom = behaviour { return true }
        return false
    }

    /// Objects whose `metadata.generation` counts changes of their desired state: custom
    /// resources, CRDs and Deployments (whose `observedGeneration` `kubectl rollout status` reads).
    var tracksGeneration: Bool {
        isCustom || behaviour.isDefinition || groupResource == GroupResource(group: "apps", resource: "deployments")
    }

    /// Custom resources refuse a PUT without `metadata.resourceVersion`; built-ins allow it.
    var allowsUnconditionalUpdate: Bool { !isCustom }

    /// The version served from a CRD (the first served one).
    init?(definition: CustomResourceDefinition) throws(SchemaLoadError) {
        guard let version = definition.versions.first(where: \.served) else { return nil }
        group = definition.group
        self.version = version.name
        kind = definition.names.kind
        plural = definition.names.plural
        singular = definition.names.singular
        shortNames = definition.names.shortNames
        categories = definition.names.categories
        namespaced = definition.scope == .namespaced
        statusSubresource = version.statusSubresource
        printerColumns = version.printerColumns
        behaviour = .custom(try StructuralSchema(version.schema))
        var schema = version.schema.json
        schema["x-kubernetes-group-version-kind"] = [["group": .string(group), "version": .string(version.name), "kind": .string(kind)]]
        openAPISchema = schema
    }

    init(
        group: String, version: String, kind: String, plural: String, shortNames: [String] = [], namespaced: Bool,
        statusSubresource: Bool = false, behaviour: Behaviour
    ) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        singular = kind.lowercased()
        self.shortNames = shortNames
        categories = []
        self.namespaced = namespaced
        self.statusSubresource = statusSubresource
        printerColumns = []
        self.behaviour = behaviour
        openAPISchema = BuiltInSchema.schema(group: group, version: version, kind: kind) ?? [
            "type": "object",
            "x-kubernetes-preserve-unknown-fields": true,
            "x-kubernetes-group-version-kind": [["group": .string(group), "version": .string(version), "kind": .string(kind)]],
        ]
    }

    /// The types every LocalKube serves besides the installed CRDs.
    static let builtIns: [ServedResource] = [
        ServedResource(group: "", version: "v1", kind: "Namespace", plural: "namespaces", shortNames: ["ns"], namespaced: false, behaviour: .namespace),
        ServedResource(group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true, behaviour: .secret),
        ServedResource(group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"], namespaced: true, behaviour: .event),
        ServedResource(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true, behaviour: .lease),
        ServedResource(
            group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition", plural: "customresourcedefinitions",
            shortNames: ["crd", "crds"], namespaced: false, statusSubresource: true, behaviour: .customResourceDefinition
        ),
    ] + BuiltInKind.servedResources

    /// The top-level fields a built-in kind declares; anything else is an unknown field.
    var builtInFields: Set<String>? {
        switch behaviour {
        case .custom: nil
        case .namespace: ["apiVersion", "kind", "metadata", "spec", "status"]
        case .secret: ["apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"]
        case .event:
            [
                "apiVersion", "kind", "metadata", "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp",
                "count", "type", "eventTime", "series", "action", "related", "reportingComponent", "reportingInstance",
            ]
        case .lease: ["apiVersion", "kind", "metadata", "spec"]
        case .customResourceDefinition: ["apiVersion", "kind", "metadata", "spec", "status"]
        case .builtIn(let kind): kind.fields
        case .review: ["apiVersion", "kind", "metadata", "spec", "status"]
        }
    }
}
