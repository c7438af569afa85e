/// Applies `default` values and drops nulls the schema does not allow, in the order kube-apiserver
/// does when decoding a custom resource.
///
/// A null member of an object whose schema is not `nullable` is replaced by its `default` when there
/// is one and removed otherwise (so a required field set to null reports `Required value`). Defaults
/// fill absent members of objects that exist; a default on a child of an absent parent does nothing
/// unless the parent is itself defaulted.
struct SchemaDefaulter {
    func apply(_ value: inout JSONValue, _ schema: JSONSchemaProps) {
        switch value {
        case .object(var members):
            if let valueSchema = schema.additionalProperties {
                for key in members.keys {
                    if members[key]!.isNull, !valueSchema.nullable {
                        members[key] = valueSchema.default
                    }
                    if members[key] != nil { apply(&members[key]!, valueSchema) }
                }
            }
            for (name, child) in schema.properties {
                if members[name]?.isNull == true, !child.nullable {
                    members[name] = nil
                }
                if members[name] == nil, let fallback = child.default {
                    members[name] = fallback
                }
                if members[name] != nil { apply(&members[name]!, child) }
            }
            value = .object(members)
        case .array(var elements):
            guard let items = schema.items else { return }
            for index in elements.indices {
                if elements[index].isNull, !items.nullable, let fallback = items.default {
                    elements[index] = fallback
                }
                apply(&elements[index], items)
            }
            value = .array(elements)
        default:
            return
        }
    }
}
