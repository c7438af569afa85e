/// A core/v1 `Secret`. `data` values are base64 strings on the wire; `stringData` is write-only
/// plain text the server merges into `data`.
public struct Secret: KubeResource, Hashable {
    public static let group = ""
    public static let version = "v1"
    public static let kind = "Secret"
    public static let plural = "secrets"
    public static let namespaced = true

    public var apiVersion: String = Secret.apiVersion
    public var kind: String = Secret.kind
    public var metadata: ObjectMeta
    /// Base64-encoded values.
    public var data: [String: String]?
    /// Plain-text values, merged into `data` by the server.
    public var stringData: [String: String]?
    /// `Opaque` unless set.
    public var type: String?
    public var immutable: Bool?

    public init(metadata: ObjectMeta, data: [String: String]? = nil, stringData: [String: String]? = nil, type: String? = nil) {
        self.metadata = metadata
        self.data = data
        self.stringData = stringData
        self.type = type
    }
}
