import KubeAPI

/// One RFC 6902 operation. A `test` on `/metadata/resourceVersion` makes a patch conditional,
/// e.g. to remove a finalizer only from the version that was read.
public enum JSONPatchOperation: Sendable, Hashable {
    case add(path: String, value: JSONValue)
    case remove(path: String)
    case replace(path: String, value: JSONValue)
    case move(from: String, path: String)
    case copy(from: String, path: String)
    case test(path: String, value: JSONValue)

    var json: JSONValue {
        switch self {
        case .add(let path, let value): ["op": "add", "path": .string(path), "value": value]
        case .remove(let path): ["op": "remove", "path": .string(path)]
        case .replace(let path, let value): ["op": "replace", "path": .string(path), "value": value]
        case .move(let from, let path): ["op": "move", "from": .string(from), "path": .string(path)]
        case .copy(let from, let path): ["op": "copy", "from": .string(from), "path": .string(path)]
        case .test(let path, let value): ["op": "test", "path": .string(path), "value": value]
        }
    }
}
