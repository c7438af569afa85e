import Foundation
import KubeAPI

/// Renders objects as a `meta.k8s.io/v1` Table, the format `kubectl get` asks for: the implicit
/// Name column, then the CRD's printer columns (or AGE when it declares none), or the built-in
/// columns of Namespaces, Secrets, Events, Leases and CRDs.
struct TableConverter: Sendable {
    /// What each row's `object` carries (`includeObject`).
    enum RowObject: String, Sendable {
        case none = "None"
        case metadata = "Metadata"
        case object = "Object"
    }

    private struct Column {
        var name: String
        var type: String
        var format: String
        var description: String
        var priority: Int
        var cell: @Sendable (JSONValue) -> JSONValue
    }

    private let columns: [Column]
    private let rowObject: RowObject

    init(for type: ServedResource, rowObject: RowObject) {
        self.rowObject = rowObject
        let name = Column(
            name: "Name", type: "string", format: "name",
            description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
            priority: 0, cell: { .string($0[path: ["metadata", "name"]]?.stringValue ?? "") }
        )
        let age = Column(
            name: "Age", type: "date", format: "", description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
            priority: 0, cell: { .string(Timestamp.humanDuration(since: $0[path: ["metadata", "creationTimestamp"]]?.stringValue)) }
        )
        func column(_ title: String, _ cell: @escaping @Sendable (JSONValue) -> JSONValue) -> Column {
            Column(name: title, type: "string", format: "", description: "", priority: 0, cell: cell)
        }
        switch type.behaviour {
        case .custom:
            if type.printerColumns.isEmpty {
                columns = [name, age]
            } else {
                columns = [name] + type.printerColumns.map { printer in
                    let path = PrinterColumnPath(printer.jsonPath)
                    let kind = printer.type
                    return Column(
                        name: printer.name, type: kind, format: "", description: printer.description ?? "", priority: printer.priority,
                        cell: { object in Self.cell(path.firstValue(in: object), type: kind) }
                    )
                }
            }
        case .namespace:
            columns = [name, column("Status") { .string($0[path: ["status", "phase"]]?.stringValue ?? "Active") }, age]
        case .secret:
            columns = [
                name, column("Type") { .string($0["type"]?.stringValue ?? "Opaque") },
                Column(name: "Data", type: "string", format: "", description: "", priority: 0) { .integer(Int64($0["data"]?.objectValue?.count ?? 0)) },
                age,
            ]
        case .event:
            columns = [
                column("Last Seen") { object in
                    let seen = object["lastTimestamp"]?.stringValue ?? object["eventTime"]?.stringValue ?? object[path: ["metadata", "creationTimestamp"]]?.stringValue
                    return .string(Timestamp.humanDuration(since: seen))
                },
                column("Type") { .string($0["type"]?.stringValue ?? "") },
                column("Reason") { .string($0["reason"]?.stringValue ?? "") },
                column("Object") { object in
                    .string("\((object[path: ["involvedObject", "kind"]]?.stringValue ?? "").lowercased())/\(object[path: ["involvedObject", "name"]]?.stringValue ?? "")")
                },
                column("Message") { .string($0["message"]?.stringValue ?? "") },
            ]
        case .lease:
            columns = [name, column("Holder") { .string($0[path: ["spec", "holderIdentity"]]?.stringValue ?? "") }, age]
        case .customResourceDefinition:
            columns = [name, column("Created At") { .string($0[path: ["metadata", "creationTimestamp"]]?.stringValue ?? "") }]
        case .builtIn(let kind):
            let cells = kind.columns.map { column($0.title, $0.cell) }
            columns = [name] + cells + (kind.showsAge ? [age] : [])
        case .review:
            columns = [name, age]
        }
    }

    /// A Table of `objects`; column definitions are left out when `withColumns` is false (later
    /// watch events).
    func table(_ objects: [JSONValue], resourceVersion: String?, withColumns: Bool = true) -> JSONValue {
        var metadata: [String: JSONValue] = [:]
        if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        return [
            "kind": "Table",
            "apiVersion": "meta.k8s.io/v1",
            "metadata": .object(metadata),
            "columnDefinitions": withColumns
                ? .array(columns.map { column in
                    [
                        "name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
                        "description": .string(column.description), "priority": .integer(Int64(column.priority)),
                    ]
                })
                : .null,
            "rows": .array(objects.map(row)),
        ]
    }

    private func row(_ object: JSONValue) -> JSONValue {
        var row: [String: JSONValue] = ["cells": .array(columns.map { $0.cell(object) })]
        switch rowObject {
        case .none: break
        case .object: row["object"] = object
        case .metadata:
            row["object"] = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? [:]]
        }
        return .object(row)
    }

    private static func cell(_ value: JSONValue?, type: String) -> JSONValue {
        guard let value else { return .null }
        switch type {
        case "date": return .string(Timestamp.humanDuration(since: value.stringValue))
        case "integer", "number", "boolean": return value
        default:
            switch value {
            case .string: return value
            case .integer(let number): return .string(String(number))
            case .number(let number): return .string(GoFormat.float(number))
            case .bool(let flag): return .string(String(flag))
            case .null: return .null
            case .array, .object: return .string(value.jsonString)
            }
        }
    }
}
