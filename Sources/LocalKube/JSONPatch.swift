import Foundation
import KubeAPI

/// An RFC 6902 JSON patch: a list of `add`, `remove`, `replace`, `move`, `copy` and `test`
/// operations applied in order, all or nothing. Bounded as kube-apiserver bounds it: at most
/// 10,000 operations (413), and `copy` operations may add at most 3 MiB together (422), so a few
/// hundred bytes of doubling copies cannot grow an object without end.
struct JSONPatch {
    /// kube-apiserver's `maxJSONPatchOperations`.
    static let maxOperations = 10_000
    /// kube-apiserver's `JSONPatchMaxCopyBytes` (json-patch's `AccumulatedCopySizeLimit`).
    static let maxCopyBytes = 3 * 1024 * 1024

    private struct Operation {
        var op: String
        var path: [String]
        var from: [String]?
        var value: JSONValue?
    }

    private let operations: [Operation]

    init(_ document: JSONValue) throws(APIError) {
        guard let entries = document.arrayValue else { throw APIError.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch") }
        guard entries.count <= Self.maxOperations else {
            throw APIError(
                code: 413, reason: "RequestEntityTooLarge",
                message: "Request entity too large: The allowed maximum operations in a JSON patch is \(Self.maxOperations), got \(entries.count)"
            )
        }
        var operations: [Operation] = []
        for entry in entries {
            guard let op = entry["op"]?.stringValue, let path = entry["path"]?.stringValue else {
                throw APIError.badRequest("the server rejected our request due to an error in our request: operation missing op or path")
            }
            operations.append(Operation(
                op: op, path: try Self.pointer(path), from: try entry["from"]?.stringValue.map(Self.pointer), value: entry["value"]
            ))
        }
        self.operations = operations
    }

    /// The patched document; a failed `test` or a bad path fails the whole patch with 422.
    func apply(to document: JSONValue) throws(APIError) -> JSONValue {
        var document = document
        var copiedBytes = 0
        for operation in operations {
            switch operation.op {
            case "add":
                try Self.add(operation.value ?? .null, at: operation.path, in: &document)
            case "remove":
                _ = try Self.remove(at: operation.path, in: &document)
            case "replace":
                _ = try Self.remove(at: operation.path, in: &document)
                try Self.add(operation.value ?? .null, at: operation.path, in: &document)
            case "move":
                let value = try Self.remove(at: operation.from ?? [], in: &document)
                try Self.add(value, at: operation.path, in: &document)
            case "copy":
                guard let value = Self.value(at: operation.from ?? [], in: document) else { throw Self.missing(operation.from ?? []) }
                copiedBytes += value.jsonString.utf8.count
                guard copiedBytes <= Self.maxCopyBytes else {
                    throw APIError(
                        code: 422, reason: "Invalid",
                        message: "the server rejected our request due to an error in our request: Unable to complete the copy, the accumulated size increase of copy is \(copiedBytes), exceeding the limit \(Self.maxCopyBytes)"
                    )
                }
                try Self.add(value, at: operation.path, in: &document)
            case "test":
                guard Self.value(at: operation.path, in: document) == operation.value else {
                    throw APIError(code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request: testing value /\(operation.path.joined(separator: "/")) failed: test failed")
                }
            default:
                throw APIError.badRequest("Unexpected kind: \(operation.op)")
            }
        }
        return document
    }

    private static func pointer(_ text: String) throws(APIError) -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw APIError.badRequest("JSON pointer must be empty or start with a \"/\": \(text)") }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func missing(_ path: [String]) -> APIError {
        APIError(code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request: doc is missing path: /\(path.joined(separator: "/"))")
    }

    private static func value(at path: [String], in document: JSONValue) -> JSONValue? {
        var current = document
        for token in path {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    private static func add(_ value: JSONValue, at path: [String], in document: inout JSONValue) throws(APIError) {
        guard let token = path.first else {
            document = value
            return
        }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[token] = value
            } else {
                guard var child = members[token] else { throw missing(path) }
                try add(value, at: rest, in: &child)
                members[token] = child
            }
            document = .object(members)
        case .array(var elements):
            if rest.isEmpty {
                let index = token == "-" ? elements.count : Int(token) ?? -1
                guard index >= 0, index <= elements.count else { throw missing(path) }
                elements.insert(value, at: index)
            } else {
                guard let index = Int(token), elements.indices.contains(index) else { throw missing(path) }
                try add(value, at: rest, in: &elements[index])
            }
            document = .array(elements)
        default:
            throw missing(path)
        }
    }

    private static func remove(at path: [String], in document: inout JSONValue) throws(APIError) -> JSONValue {
        guard let token = path.first else { throw missing(path) }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var members):
            guard var child = members[token] else { throw missing(path) }
            if rest.isEmpty {
                members[token] = nil
                document = .object(members)
                return child
            }
            let removed = try remove(at: rest, in: &child)
            members[token] = child
            document = .object(members)
            return removed
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else { throw missing(path) }
            if rest.isEmpty {
                let removed = elements.remove(at: index)
                document = .array(elements)
                return removed
            }
            let removed = try remove(at: rest, in: &elements[index])
            document = .array(elements)
            return removed
        default:
            throw missing(path)
        }
    }
}
