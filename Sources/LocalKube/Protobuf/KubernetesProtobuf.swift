import Foundation
import KubeAPI

/// Request bodies in `application/vnd.kubernetes.protobuf`, as client-go's typed clients send
/// built-in objects (Helm 4 writes its release Secrets this way): the `k8s\0` envelope around a
/// `runtime.Unknown`, whose `raw` is the object's message, read by the field numbers of
/// `k8s.io/api` and `k8s.io/apimachinery` into the JSON object kube-apiserver would have read.
///
/// Read: Secret, ConfigMap (Helm's release storage drivers) and DeleteOptions (typed deletes);
/// any other kind is refused with 415, naming the media types that are read for it.
enum KubernetesProtobuf {
    static let mediaType = "application/vnd.kubernetes.protobuf"
    private static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    /// Not a protobuf body this server reads.
    enum Problem: Error {
        /// The bytes are not a Kubernetes protobuf document.
        case malformed(String)
        /// A kind whose message this server does not read.
        case unsupportedKind(String)
    }

    /// The object in `bytes`, with `apiVersion` and `kind` from the envelope.
    static func decode(_ bytes: [UInt8]) throws(Problem) -> JSONValue {
        guard bytes.starts(with: magic) else { throw .malformed("the body does not start with the k8s protobuf prefix") }
        do {
            var envelope = ProtobufReader(bytes.dropFirst(magic.count))
            var typeMeta: JSONValue = [:]
            var raw: ArraySlice<UInt8> = []
            while let field = try envelope.next() {
                if case .bytes(1, let value) = field { typeMeta = try Message.typeMeta.decode(value) }
                if case .bytes(2, let value) = field { raw = value }
            }
            let kind = typeMeta["kind"]?.stringValue ?? ""
            guard let message = Message.objects[kind] else { throw Problem.unsupportedKind(kind) }
            var object = try message.decode(raw)
            object["apiVersion"] = typeMeta["apiVersion"] ?? ""
            object["kind"] = .string(kind)
            return object
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .malformed("\(error)")
        }
    }

    /// How one field's value becomes JSON.
    indirect enum Value {
        case string
        /// Base64 in JSON, as `[]byte` marshals.
        case bytes
        /// JSON embedded as bytes (`FieldsV1.raw`, the managed field sets).
        case json
        case bool
        /// An integer; `keepsZero` for pointer fields, where an explicit 0 means 0.
        case integer(keepsZero: Bool)
        /// `metav1.Time`: seconds and nanos, as RFC 3339 in seconds.
        case time
        case message(Message)
        case repeated(Value)
        /// `map<string, V>`: repeated entries of key 1 and value 2.
        case map(Value)
    }

    /// A message: its fields by number, each with its JSON name.
    struct Message {
        var fields: [Int: (name: String, value: Value)]

        func decode(_ bytes: ArraySlice<UInt8>) throws -> JSONValue {
            var reader = ProtobufReader(bytes)
            var object: [String: JSONValue] = [:]
            while let field = try reader.next() {
                let number: Int
                switch field {
                case .varint(let n, _), .bytes(let n, _): number = n
                case .fixed: continue
                }
                guard let (name, value) = fields[number] else { continue }
                switch value {
                case .repeated(let element):
                    if let item = try Self.convert(field, element) {
                        object[name] = .array((object[name]?.arrayValue ?? []) + [item])
                    }
                case .map(let element):
                    guard case .bytes(_, let entry) = field else { throw ProtobufReader.Malformed(description: "\(name) is not a map entry") }
                    let pair = try Message(fields: [1: ("key", .string), 2: ("value", element)]).decode(entry)
                    var members = object[name]?.objectValue ?? [:]
                    members[pair["key"]?.stringValue ?? ""] = pair["value"] ?? ""
                    object[name] = .object(members)
                default:
                    object[name] = try Self.convert(field, value)
                }
            }
            return .object(object)
        }

        /// A field's JSON value; `nil` for what `omitempty` leaves out (gogo-protobuf writes
        /// empty strings and zero numbers of non-pointer fields).
        private static func convert(_ field: ProtobufReader.Field, _ value: Value) throws -> JSONValue? {
            switch (field, value) {
            case (.varint(_, let number), .bool): return .bool(number != 0)
            case (.varint(_, let number), .integer(let keepsZero)): return number == 0 && !keepsZero ? nil : .integer(Int64(bitPattern: number))
            case (.bytes(_, let bytes), .string): return bytes.isEmpty ? nil : .string(String(decoding: bytes, as: UTF8.self))
            case (.bytes(_, let bytes), .bytes): return .string(Data(bytes).base64EncodedString())
            case (.bytes(_, let bytes), .json): return bytes.isEmpty ? nil : try JSONParser().parse(Array(bytes))
            case (.bytes(_, let bytes), .time):
                let time = try Message(fields: [1: ("seconds", .integer(keepsZero: false)), 2: ("nanos", .integer(keepsZero: false))]).decode(bytes)
                guard let seconds = time["seconds"]?.integerValue else { return nil }
                return .string(Timestamp.rfc3339(Date(timeIntervalSince1970: TimeInterval(seconds))))
            case (.bytes(_, let bytes), .message(let message)): return try message.decode(bytes)
            default: throw ProtobufReader.Malformed(description: "field \(field) has the wrong wire type")
            }
        }
    }
}

extension KubernetesProtobuf.Message {
    /// `runtime.TypeMeta` of the envelope (`runtime.Unknown`, whose field 2 is the object).
    static let typeMeta = Self(fields: [1: ("apiVersion", .string), 2: ("kind", .string)])

    static let ownerReference = Self(fields: [
        1: ("kind", .string), 3: ("name", .string), 4: ("uid", .string), 5: ("apiVersion", .string),
        6: ("controller", .bool), 7: ("blockOwnerDeletion", .bool),
    ])

    static let managedFieldsEntry = Self(fields: [
        1: ("manager", .string), 2: ("operation", .string), 3: ("apiVersion", .string), 4: ("time", .time),
        6: ("fieldsType", .string), 7: ("fieldsV1", .message(Self(fields: [1: ("raw", .json)]))), 8: ("subresource", .string),
    ])

    static let objectMeta = Self(fields: [
        1: ("name", .string), 2: ("generateName", .string), 3: ("namespace", .string), 4: ("selfLink", .string), 5: ("uid", .string),
        6: ("resourceVersion", .string), 7: ("generation", .integer(keepsZero: false)), 8: ("creationTimestamp", .time),
        9: ("deletionTimestamp", .time), 10: ("deletionGracePeriodSeconds", .integer(keepsZero: true)),
        11: ("labels", .map(.string)), 12: ("annotations", .map(.string)), 13: ("ownerReferences", .repeated(.message(ownerReference))),
        14: ("finalizers", .repeated(.string)), 17: ("managedFields", .repeated(.message(managedFieldsEntry))),
    ])

    /// The kinds read, by `kind`.
    static let objects: [String: Self] = [
        "Secret": Self(fields: [
            1: ("metadata", .message(objectMeta)), 2: ("data", .map(.bytes)), 3: ("type", .string), 4: ("stringData", .map(.string)), 5: ("immutable", .bool),
        ]),
        "ConfigMap": Self(fields: [
            1: ("metadata", .message(objectMeta)), 2: ("data", .map(.string)), 3: ("binaryData", .map(.bytes)), 4: ("immutable", .bool),
        ]),
        "DeleteOptions": Self(fields: [
            1: ("gracePeriodSeconds", .integer(keepsZero: true)),
            2: ("preconditions", .message(Self(fields: [1: ("uid", .string), 2: ("resourceVersion", .string)]))),
            3: ("orphanDependents", .bool), 4: ("propagationPolicy", .string), 5: ("dryRun", .repeated(.string)),
        ]),
    ]
}
