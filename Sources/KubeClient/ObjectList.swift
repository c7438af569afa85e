/// One page of a list: the items, the resourceVersion to watch from, and the continue token of
/// the next page (`nil` on the last page).
public struct ObjectList<Object: Sendable>: Sendable {
    public var items: [Object]
    public var resourceVersion: String
    public var continueToken: String?

    public init(items: [Object], resourceVersion: String, continueToken: String?) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
    }
}
