import KubeAPI

/// One entry of `metadata.managedFields`: the fields one manager owns through one kind of write.
struct ManagedFieldsEntry: Sendable, Equatable {
    enum Operation: String, Sendable {
        case apply = "Apply"
        case update = "Update"
    }

    var manager: String
    var operation: Operation
    var apiVersion: String
    /// When the manager last changed the object (RFC 3339, seconds).
    var time: String?
    /// `status` for writes through `/status`.
    var subresource: String?
    var fields: FieldSet

    /// Entries with the same identity are one manager: kube-apiserver keys them by manager,
    /// operation, subresource and (for updates) apiVersion.
    var identity: String {
        [manager, operation.rawValue, subresource ?? "", operation == .update ? apiVersion : ""].joined(separator: "\u{0}")
    }

    /// How conflicts name the manager: `"kubectl"`, `"op" using aiven.io/v1alpha1`, with
    /// `with subresource "status"` when written through one.
    var conflictName: String {
        var name = GoFormat.quote(manager)
        if let subresource { name += " with subresource \(GoFormat.quote(subresource))" }
        if operation == .update { name += " using \(apiVersion)" }
        return name
    }

    init(manager: String, operation: Operation, apiVersion: String, time: String?, subresource: String?, fields: FieldSet) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    /// Reads one entry; `nil` when it is not a valid one.
    init?(json: JSONValue) {
        guard let operation = json["operation"]?.stringValue.flatMap(Operation.init(rawValue:)),
            json["fieldsType"]?.stringValue == "FieldsV1",
            let fields = json["fieldsV1"].flatMap(FieldSet.init(fieldsV1:))
        else { return nil }
        self.init(
            manager: json["manager"]?.stringValue ?? "", operation: operation, apiVersion: json["apiVersion"]?.stringValue ?? "",
            time: json["time"]?.stringValue, subresource: json["subresource"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, fields: fields
        )
    }

    var json: JSONValue {
        var entry: JSONValue = [
            "manager": .string(manager), "operation": .string(operation.rawValue), "apiVersion": .string(apiVersion),
            "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
        ]
        if let time { entry["time"] = .string(time) }
        if let subresource { entry["subresource"] = .string(subresource) }
        return entry
    }

    /// The entries of `metadata.managedFields`; `[]` for none or a reset (`[{}]`), `nil` when
    /// they cannot be read.
    static func entries(of object: JSONValue?) -> [ManagedFieldsEntry]? {
        guard let list = object?[path: ["metadata", "managedFields"]] else { return [] }
        guard let items = list.arrayValue else { return nil }
        var entries: [ManagedFieldsEntry] = []
        for item in items {
            if item.objectValue?.isEmpty == true { continue }
            guard let entry = ManagedFieldsEntry(json: item) else { return nil }
            entries.append(entry)
        }
        return entries
    }

    /// `metadata.managedFields` as kube-apiserver orders it: Apply before Update, then by time,
    /// manager, apiVersion and subresource; `nil` when there are none.
    static func encode(_ entries: [ManagedFieldsEntry]) -> JSONValue? {
        guard !entries.isEmpty else { return nil }
        let sorted = entries.sorted { lhs, rhs in
            (lhs.operation.rawValue, lhs.time ?? "", lhs.manager, lhs.apiVersion, lhs.subresource ?? "")
                < (rhs.operation.rawValue, rhs.time ?? "", rhs.manager, rhs.apiVersion, rhs.subresource ?? "")
        }
        return .array(sorted.map(\.json))
    }
}
