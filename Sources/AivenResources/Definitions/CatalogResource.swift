import KubeAPI

/// A resource type that knows its kind's definition.
public protocol CatalogResource: KubeResource {
    /// The kind's CRD, schema and reference page.
    static var definition: ResourceKind { get }
}
