import KubeAPI

/// Where a kind lives on the API: group, version, plural and scope. It builds the request paths
/// (`/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects/x/status`).
public struct ResourceDescriptor: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var namespaced: Bool

    public init(group: String, version: String, kind: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
    }

    /// The descriptor of a typed resource.
    public init<R: KubeResource>(_ type: R.Type) {
        self.init(group: R.group, version: R.version, kind: R.kind, plural: R.plural, namespaced: R.namespaced)
    }

    /// `v1` Secrets.
    public static let secrets = ResourceDescriptor(group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true)
    /// `v1` Events.
    public static let events = ResourceDescriptor(group: "", version: "v1", kind: "Event", plural: "events", namespaced: true)
    /// `v1` Namespaces.
    public static let namespaces = ResourceDescriptor(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false)
    /// `coordination.k8s.io/v1` Leases.
    public static let leases = ResourceDescriptor(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true)

    /// `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The collection path, in `namespace` when the kind is namespaced and one is given
    /// (`nil` lists across all namespaces).
    public func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace { path += "/namespaces/\(Self.escape(namespace))" }
        path += "/\(plural)"
        if let name { path += "/\(Self.escape(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

    private static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? segment
    }
}

import Foundation
