import Foundation
import KubeAPI

/// The type-specific part of every write: unknown-field handling per `fieldValidation`, the CRD
/// structural schema (pruning, defaulting, validation, CEL) for custom resources, and the rules
/// of the built-in kinds (Secret `data`/`stringData`, CRD well-formedness, …).
struct ObjectAdmission: Sendable {
    let type: ServedResource

    /// The object as it will be stored and the warnings for the response.
    func admit(_ object: JSONValue, old: JSONValue?, validation: WriteOptions.FieldValidation) throws(APIError) -> (object: JSONValue, warnings: [String]) {
        if let problem = ObjectMetaValidation.decodingError(object["metadata"], kind: type.kind, version: type.version) {
            throw APIError.badRequest(problem)
        }
        var object = object
        Self.dropEmptyMetadata(&object)
        let unknown: [String]
        var errors: [FieldError]
        switch type.behaviour {
        case .custom(let schema):
            let admission = schema.admit(object, old: old)
            object = admission.object
            unknown = admission.unknownFields
            errors = admission.errors
        default:
            unknown = pruneBuiltIn(&object)
            if case .builtIn(let kind) = type.behaviour, kind.namesArePathSegments {
                errors = PathSegmentName.validate(object["metadata"])
            } else {
                errors = ObjectMetaValidation.validate(object["metadata"])
            }
        }
        if !unknown.isEmpty, validation == .strict {
            let fields = unknown.map { "unknown field \(GoFormat.quote($0))" }.joined(separator: ", ")
            throw APIError.badRequest("\(type.kind) in version \(GoFormat.quote(type.version)) cannot be handled as a \(type.kind): strict decoding error: \(fields)")
        }
        switch type.behaviour {
        case .secret: try admitSecret(&object, old: old, errors: &errors)
        case .namespace:
            admitNamespace(&object, errors: &errors)
            NamespaceLifecycle.prepare(&object, old: old)
        case .customResourceDefinition: try admitDefinition(&object, errors: &errors)
        case .builtIn(let kind): errors += kind.validate(&object, old)
        case .custom, .event, .lease, .review: break
        }
        if !errors.isEmpty {
            throw APIError.invalid(type, name: object[path: ["metadata", "name"]]?.stringValue ?? "", errors: errors)
        }
        let warnings = validation == .warn ? unknown.map { "unknown field \(GoFormat.quote($0))" } : []
        return (object, warnings)
    }

    /// As kube-apiserver round-trips `metadata` through its typed ObjectMeta (custom resources
    /// included), empty maps and lists there are omitted: `annotations: {}` is stored as no
    /// annotations.
    private static func dropEmptyMetadata(_ object: inout JSONValue) {
        guard case .object(var metadata) = object["metadata"] else { return }
        for field in ["labels", "annotations", "finalizers", "ownerReferences", "managedFields"] {
            if metadata[field]?.objectValue?.isEmpty == true || metadata[field]?.arrayValue?.isEmpty == true { metadata[field] = nil }
        }
        object["metadata"] = .object(metadata)
    }

    private func pruneBuiltIn(_ object: inout JSONValue) -> [String] {
        guard case .object(var members) = object, let known = type.builtInFields else { return [] }
        var unknown: [String] = []
        for key in members.keys.sorted() where !known.contains(key) {
            unknown.append(key)
            members[key] = nil
        }
        if case .object(var metadata) = members["metadata"] {
            for key in metadata.keys.sorted() where !ObjectMeta.knownFields.contains(key) {
                unknown.append("metadata.\(key)")
                metadata[key] = nil
            }
            members["metadata"] = .object(metadata)
        }
        object = .object(members)
        return unknown
    }

    private func admitSecret(_ object: inout JSONValue, old: JSONValue?, errors: inout [FieldError]) throws(APIError) {
        var data = object["data"]?.objectValue ?? [:]
        for (key, value) in data {
            guard let text = value.stringValue else {
                throw APIError.badRequest("Secret in version \"v1\" cannot be handled as a Secret: json: cannot unmarshal \(value.typeName) into Go struct field Secret.data of type []uint8")
            }
            if Data(base64Encoded: text) == nil {
                let offset = text.unicodeScalars.firstIndex { !($0.properties.isAlphabetic && $0.isASCII) && !"0123456789+/=".unicodeScalars.contains($0) }
                    .map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) } ?? text.unicodeScalars.count
                throw APIError.badRequest("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte \(offset)")
            }
            data[key] = value
        }
        for (key, value) in object["stringData"]?.objectValue ?? [:] {
            data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
        }
        object["stringData"] = nil
        if let type = object["type"], type.stringValue == nil {
            throw APIError.badRequest("Secret in version \"v1\" cannot be handled as a Secret: json: cannot unmarshal \(type.typeName) into Go struct field Secret.type of type v1.SecretType")
        }
        if let immutable = object["immutable"], immutable.boolValue == nil {
            throw APIError.badRequest("Secret in version \"v1\" cannot be handled as a Secret: json: cannot unmarshal \(immutable.typeName) into Go struct field Secret.immutable of type bool")
        }
        for key in data.keys.sorted() where key.isEmpty || !key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }) {
            errors.append(.invalid(
                FieldPath("data").key(key), .string(key),
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
            ))
        }
        object["data"] = data.isEmpty ? JSONValue?.none : .object(data)
        if object["type"] == nil { object["type"] = "Opaque" }
        guard let old else { return }
        if old["type"] != object["type"] {
            errors.append(.invalid(FieldPath("type"), object["type"] ?? .null, "field is immutable"))
        }
        if old["immutable"]?.boolValue == true {
            if old["data"] != object["data"] { errors.append(.forbidden(FieldPath("data"), "field is immutable when `immutable` is set")) }
            if object["immutable"]?.boolValue != true { errors.append(.forbidden(FieldPath("immutable"), "field is immutable when `immutable` is set")) }
        }
    }

    private func admitNamespace(_ object: inout JSONValue, errors: inout [FieldError]) {
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if name.contains(".") || name.utf8.count > 63 {
            errors.append(.invalid(
                FieldPath("metadata", "name"), .string(name),
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            ))
        }
        if object[path: ["status", "phase"]] == nil { object["status"] = ["phase": "Active"] }
    }

    private func admitDefinition(_ object: inout JSONValue, errors: inout [FieldError]) throws(APIError) {
        let definition: CustomResourceDefinition
        do {
            definition = try CustomResourceDefinition(json: object)
            _ = try ServedResource(definition: definition)
        } catch {
            errors.append(FieldError(.invalid, FieldPath("spec"), renderedValue: nil, detail: error.description))
            return
        }
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if name != definition.name {
            errors.append(.invalid(FieldPath("metadata", "name"), .string(name), "must be spec.names.plural+\".\"+spec.group"))
        }
        if ServedResource.builtIns.contains(where: { $0.group == definition.group }) {
            errors.append(.invalid(FieldPath("spec", "group"), .string(definition.group), "is a built-in group"))
        }
        let accepted = object[path: ["spec", "names"]] ?? [:]
        object["status"] = [
            "acceptedNames": accepted,
            "storedVersions": .array(definition.versions.filter(\.storage).map { .string($0.name) }),
            "conditions": [
                ["type": "NamesAccepted", "status": "True", "reason": "NoConflicts", "message": "no conflicts found"],
                ["type": "Established", "status": "True", "reason": "InitialNamesAccepted", "message": "the initial names have been accepted"],
            ],
        ]
    }
}
