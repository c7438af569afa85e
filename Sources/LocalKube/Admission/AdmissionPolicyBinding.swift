import KubeAPI

/// A ValidatingAdmissionPolicyBinding: which policy applies and what a failure does.
struct AdmissionPolicyBinding: Sendable {
    enum Action: String, Sendable, CaseIterable {
        case deny = "Deny"
        case warn = "Warn"
        case audit = "Audit"
    }

    var name: String
    var policyName: String
    var actions: Set<Action>

    static func compile(_ object: JSONValue) -> Result<AdmissionPolicyBinding, FieldErrors> {
        var errors: [FieldError] = []
        let spec = object["spec"] ?? [:]
        let policyName = spec["policyName"]?.stringValue ?? ""
        if policyName.isEmpty { errors.append(.required(FieldPath("spec", "policyName"))) }
        if let paramRef = spec["paramRef"], !paramRef.isNull {
            errors.append(.forbidden(FieldPath("spec", "paramRef"), "paramRef is not supported by LocalKube"))
        }
        if let resources = spec["matchResources"], !resources.isNull, resources != [:] {
            errors.append(.forbidden(FieldPath("spec", "matchResources"), "matchResources is not supported by LocalKube; narrow the policy's matchConstraints instead"))
        }
        let values = spec["validationActions"]?.arrayValue ?? []
        var actions: Set<Action> = []
        if values.isEmpty { errors.append(.required(FieldPath("spec", "validationActions"), "at least one validation action is required")) }
        for (index, value) in values.enumerated() {
            guard let action = value.stringValue.flatMap(Action.init(rawValue:)) else {
                errors.append(.notSupported(FieldPath("spec", "validationActions").index(index), value, supported: ["Audit", "Deny", "Warn"]))
                continue
            }
            if !actions.insert(action).inserted {
                errors.append(FieldError(.duplicate, FieldPath("spec", "validationActions").index(index), renderedValue: GoFormat.quote(action.rawValue), detail: ""))
            }
        }
        if actions.contains(.deny), actions.contains(.warn) {
            errors.append(.invalid(
                FieldPath("spec", "validationActions"), .array(values),
                "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)"
            ))
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors: errors)) }
        return .success(AdmissionPolicyBinding(name: object[path: ["metadata", "name"]]?.stringValue ?? "", policyName: policyName, actions: actions))
    }
}

extension BuiltInKind {
    static let validatingAdmissionPolicy = BuiltInKind(
        fields: ["apiVersion", "kind", "metadata", "spec", "status"],
        columns: [
            column("Validations") { .integer(Int64($0[path: ["spec", "validations"]]?.arrayValue?.count ?? 0)) },
            column("ParamKind") { _ in "<unset>" },
        ],
        validate: { object, _ in
            guard case .failure(let failure) = AdmissionPolicy.compile(object) else {
                if object[path: ["spec", "failurePolicy"]] == nil { object["spec"]?["failurePolicy"] = "Fail" }
                return []
            }
            return failure.errors
        }
    )

    static let validatingAdmissionPolicyBinding = BuiltInKind(
        fields: ["apiVersion", "kind", "metadata", "spec"],
        columns: [column("PolicyName", path: ["spec", "policyName"]), column("ParamRef") { _ in "<unset>" }],
        validate: { object, _ in
            guard case .failure(let failure) = AdmissionPolicyBinding.compile(object) else { return [] }
            return failure.errors
        }
    )
}
