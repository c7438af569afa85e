/// A CRD's structural schema, checked and compiled once, that prunes, defaults and validates
/// objects the way kube-apiserver does on every write of a custom resource.
///
/// Loading fails with ``SchemaLoadError`` when a `pattern` does not compile or an
/// `x-kubernetes-validations` rule is outside the supported CEL subset, so a rule is never
/// silently ignored.
public struct StructuralSchema: Sendable {
    /// The schema as loaded.
    public let root: JSONSchemaProps
    private let patterns: PatternCache
    private let rules: [String: CELExpression]

    public init(_ root: JSONSchemaProps) throws(SchemaLoadError) {
        var patterns: Set<String> = []
        var rules: [String: CELExpression] = [:]
        try Self.collect(root, path: "openAPIV3Schema", patterns: &patterns, rules: &rules)
        self.root = root
        self.patterns = try PatternCache(patterns: patterns)
        self.rules = rules
    }

    private static func collect(_ schema: JSONSchemaProps, path: String, patterns: inout Set<String>, rules: inout [String: CELExpression]) throws(SchemaLoadError) {
        if let pattern = schema.pattern { patterns.insert(pattern) }
        for (index, rule) in schema.validations.enumerated() where rules[rule.rule] == nil {
            do {
                rules[rule.rule] = try CELExpression(parsing: rule.rule)
            } catch {
                throw SchemaLoadError(path: "\(path).x-kubernetes-validations[\(index)].rule", problem: error.message)
            }
        }
        for (name, child) in schema.properties {
            try collect(child, path: "\(path).properties[\(name)]", patterns: &patterns, rules: &rules)
        }
        if let items = schema.items { try collect(items, path: "\(path).items", patterns: &patterns, rules: &rules) }
        if let values = schema.additionalProperties {
            try collect(values, path: "\(path).additionalProperties", patterns: &patterns, rules: &rules)
        }
    }

    /// Removes undeclared fields in place and returns their paths (`spec.plann`), sorted.
    /// With `isResourceRoot`, `apiVersion`, `kind` and ObjectMeta fields are kept.
    public func pruneUnknownFields(_ object: inout JSONValue, isResourceRoot: Bool = true) -> [String] {
        SchemaPruner().prune(&object, root, isResourceRoot: isResourceRoot)
    }

    /// Drops disallowed nulls and applies `default` values in place.
    public func applyDefaults(_ object: inout JSONValue) {
        SchemaDefaulter().apply(&object, root)
    }

    /// Validates against the schema, then runs the CEL rules (transition rules only where `old`
    /// has a value at the same place). Returns every error, in the apiserver's order.
    public func validate(_ object: JSONValue, old: JSONValue? = nil) -> [FieldError] {
        var errors = SchemaValidator(patterns: patterns).validate(object, root, at: .root)
        guard !rules.isEmpty else { return errors }
        // Like kube-apiserver, CEL does not run on an object whose shape is already wrong.
        let blocking: Set<FieldError.Kind> = [.notSupported, .required, .tooLong, .tooMany, .typeInvalid]
        if errors.contains(where: { blocking.contains($0.kind) }) {
            errors.append(FieldError(
                .invalid, .root, renderedValue: GoFormat.quote("null"),
                detail: "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"
            ))
            return errors
        }
        checkRules(object, old: old, root, at: .root, into: &errors)
        return errors
    }

    /// The whole write path of a custom resource: prune (reporting unknown fields), default,
    /// validate `metadata`, the schema and the CEL rules.
    public func admit(_ object: JSONValue, old: JSONValue? = nil) -> Admission {
        var object = object
        let unknown = pruneUnknownFields(&object)
        applyDefaults(&object)
        var errors = ObjectMetaValidation.validate(object["metadata"])
        errors += validate(object, old: old)
        return Admission(object: object, unknownFields: unknown, errors: errors)
    }

    private func checkRules(_ value: JSONValue, old: JSONValue?, _ schema: JSONSchemaProps, at path: FieldPath, into errors: inout [FieldError]) {
        if value.isNull { return }
        for rule in schema.validations {
            guard let expression = rules[rule.rule] else { continue }
            if expression.usesOldSelf, old == nil { continue }
            let detail: String
            do {
                if try expression.evaluate(self: value, oldSelf: old) { continue }
                detail = rule.message.map { $0.trimmingSpaces } ?? "failed rule: \(rule.rule)"
            } catch {
                detail = "\(error.message) evaluating rule: \(rule.rule)"
            }
            errors.append(Self.ruleError(rule, schema: schema, at: path, detail: detail))
        }
        switch value {
        case .object(let members):
            for name in schema.properties.keys.sorted() {
                guard let member = members[name] else { continue }
                checkRules(member, old: old?[name], schema.properties[name]!, at: path.child(name), into: &errors)
            }
            if let valueSchema = schema.additionalProperties {
                for key in members.keys.sorted() {
                    checkRules(members[key]!, old: old?[key], valueSchema, at: path.key(key), into: &errors)
                }
            }
        case .array(let elements):
            guard let items = schema.items else { return }
            for (index, element) in elements.enumerated() {
                checkRules(element, old: nil, items, at: path.index(index), into: &errors)
            }
        default:
            return
        }
    }

    private static func ruleError(_ rule: ValidationRule, schema: JSONSchemaProps, at path: FieldPath, detail: String) -> FieldError {
        var path = path
        for component in (rule.fieldPath ?? "").split(separator: ".") {
            path = path.child(String(component))
        }
        let typeName = GoFormat.quote(schema.intOrString ? "" : schema.type?.rawValue ?? "")
        switch rule.reason {
        case "FieldValueForbidden": return FieldError(.forbidden, path, renderedValue: nil, detail: detail)
        case "FieldValueRequired": return FieldError(.required, path, renderedValue: nil, detail: detail)
        case "FieldValueDuplicate": return FieldError(.duplicate, path, renderedValue: typeName, detail: "")
        default: return FieldError(.invalid, path, renderedValue: typeName, detail: detail)
        }
    }
}

/// The outcome of ``StructuralSchema/admit(_:old:)``.
public struct Admission: Sendable, Hashable {
    /// The pruned and defaulted object, as it would be stored.
    public var object: JSONValue
    /// Paths of removed unknown fields (warnings, or a 400 under `fieldValidation=Strict`).
    public var unknownFields: [String]
    /// Validation errors (a 422 when not empty).
    public var errors: [FieldError]
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
