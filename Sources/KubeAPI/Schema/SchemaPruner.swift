/// Removes fields a structural schema does not declare, as kube-apiserver does for custom
/// resources, and reports each one by path (`spec.plann`, `spec.items[0].foo`) so a caller can
/// warn about them or reject the request under `fieldValidation=Strict`.
///
/// A node keeps unknown fields when it has `x-kubernetes-preserve-unknown-fields: true` or a map
/// schema (`additionalProperties`). At the root of a custom resource `apiVersion`, `kind` and
/// `metadata` are always kept, and `metadata` keeps only ObjectMeta fields.
struct SchemaPruner {
    /// Prunes `value` in place and returns the removed paths, sorted as the apiserver sorts them.
    func prune(_ value: inout JSONValue, _ schema: JSONSchemaProps, isResourceRoot: Bool) -> [String] {
        var unknown: [String] = []
        var schema = schema
        if isResourceRoot {
            if case .object(var metadata)? = value["metadata"] {
                for key in metadata.keys.sorted() where !ObjectMeta.knownFields.contains(key) {
                    metadata[key] = nil
                    unknown.append("metadata.\(key)")
                }
                value["metadata"] = .object(metadata)
            }
            schema.properties["apiVersion"] = JSONSchemaProps(type: .string)
            schema.properties["kind"] = JSONSchemaProps(type: .string)
            schema.properties["metadata"] = JSONSchemaProps(type: .object, preserveUnknownFields: true)
        }
        var fields: [String] = []
        prune(&value, schema, at: .root, into: &fields)
        return unknown + fields.sorted()
    }

    private func prune(_ value: inout JSONValue, _ schema: JSONSchemaProps, at path: FieldPath, into unknown: inout [String]) {
        switch value {
        case .object(var members):
            if let valueSchema = schema.additionalProperties {
                for key in members.keys {
                    prune(&members[key]!, valueSchema, at: path.child(key), into: &unknown)
                }
            } else {
                for key in members.keys {
                    if let child = schema.properties[key] {
                        prune(&members[key]!, child, at: path.child(key), into: &unknown)
                    } else if !schema.preserveUnknownFields {
                        members[key] = nil
                        unknown.append(path.child(key).description)
                    }
                }
            }
            value = .object(members)
        case .array(var elements):
            guard let items = schema.items else { return }
            for index in elements.indices {
                prune(&elements[index], items, at: path.index(index), into: &unknown)
            }
            value = .array(elements)
        default:
            return
        }
    }
}
