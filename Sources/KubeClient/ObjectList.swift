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

extension ObjectList {
    /// Every page of a list, fetching page after page with `options` and the previous page's
    /// continue token until the last.
    static func allPages(
        _ options: ListOptions, page fetch: (ListOptions) async throws(KubeError) -> ObjectList
    ) async throws(KubeError) -> ObjectList {
        var options = options
        var page = try await fetch(options)
        var items = page.items
        while let token = page.continueToken {
            options.continueToken = token
            page = try await fetch(options)
            items += page.items
        }
        return ObjectList(items: items, resourceVersion: page.resourceVersion, continueToken: nil)
    }
}
