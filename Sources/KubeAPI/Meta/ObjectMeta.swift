/// `metav1.ObjectMeta`: the metadata every persisted Kubernetes object carries.
///
/// `managedFields` is left out on purpose: no client of this project reads them, and decoding
/// them was a third of the operator's CPU once the API server recorded them on every write. A
/// write that omits them keeps the stored ones (kube-apiserver's rule for updates and patches).
public struct ObjectMeta: Codable, Sendable, Hashable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    public var creationTimestamp: String?
    public var deletionTimestamp: String?
    public var deletionGracePeriodSeconds: Int64?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var finalizers: [String]?
    public var ownerReferences: [OwnerReference]?

    public init(
        name: String? = nil,
        namespace: String? = nil,
        labels: [String: String]? = nil,
        annotations: [String: String]? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    /// The field names `metav1.ObjectMeta` knows; the API server prunes anything else under
    /// `metadata` of a custom resource.
    public static let knownFields: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ]
}

/// `metav1.OwnerReference`.
public struct OwnerReference: Codable, Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
    }
}

/// `metav1.TypeMeta`: the `apiVersion` and `kind` of a serialized object.
public struct TypeMeta: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?

    public init(apiVersion: String?, kind: String?) {
        self.apiVersion = apiVersion
        self.kind = kind
    }

    /// Reads `apiVersion` and `kind` from an unstructured object.
    public init(_ object: JSONValue) {
        self.init(apiVersion: object["apiVersion"]?.stringValue, kind: object["kind"]?.stringValue)
    }

    /// The group part of `apiVersion` (`""` for the core group).
    public var group: String {
        guard let apiVersion, let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The version part of `apiVersion`.
    public var version: String {
        guard let apiVersion else { return "" }
        guard let slash = apiVersion.firstIndex(of: "/") else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }
}
