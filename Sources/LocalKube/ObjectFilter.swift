import KubeAPI

/// The `labelSelector` and `fieldSelector` of a list or watch, applied together.
struct ObjectFilter: Sendable {
    private let labels: LabelSelector?
    private let fields: FieldSelector?

    init(query: [String: String], type: ServedResource) throws(APIError) {
        if let text = query["labelSelector"], !text.isEmpty { labels = try LabelSelector(text) } else { labels = nil }
        if let text = query["fieldSelector"], !text.isEmpty { fields = try FieldSelector(text, for: type) } else { fields = nil }
    }

    func matches(_ object: JSONValue) -> Bool {
        if let labels, !labels.matches(object[path: ["metadata", "labels"]]?.objectValue ?? [:]) { return false }
        if let fields, !fields.matches(object) { return false }
        return true
    }
}
