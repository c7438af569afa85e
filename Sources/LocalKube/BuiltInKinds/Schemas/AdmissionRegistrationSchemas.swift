import KubeAPI

/// admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding.
extension BuiltInSchema {
    static let admissionRegistration: [String: JSONValue] = [
        "ValidatingAdmissionPolicy": kind(
            "ValidatingAdmissionPolicy describes the definition of an admission validation policy that accepts or rejects an object without changing it.",
            [
                "spec": object(
                    "Specification of the desired behavior of the ValidatingAdmissionPolicy.",
                    [
                        "failurePolicy": string("failurePolicy defines how to handle failures for the admission policy. Allowed values are Ignore or Fail. Defaults to Fail."),
                        "matchConstraints": matchResources("MatchConstraints specifies what resources this policy is designed to validate. Required."),
                        "paramKind": object(
                            "ParamKind specifies the kind of resources used to parameterize this policy.",
                            ["apiVersion": string("APIVersion is the API group version the resources belong to."), "kind": string("Kind is the API kind the resources belong to. Required.")]
                        ),
                        "validations": array(
                            "Validations contain CEL expressions which is used to apply the validation.",
                            of: object(
                                "Validation specifies the CEL expression which is used to apply the validation.",
                                [
                                    "expression": string("Expression represents the expression which will be evaluated by CEL. CEL expressions have access to the contents of the API request/response, organized into CEL variables (object, oldObject, request, params, …). Required."),
                                    "message": string("Message represents the message displayed when validation fails."),
                                    "messageExpression": string("messageExpression declares a CEL expression that evaluates to the validation failure message that is returned when this rule fails."),
                                    "reason": string("Reason represents a machine-readable description of why this validation failed. Supported values: \"Unauthorized\", \"Forbidden\", \"Invalid\", \"RequestEntityTooLarge\"."),
                                ],
                                required: ["expression"]
                            )
                        ),
                        "matchConditions": array(
                            "MatchConditions is a list of conditions that must be met for a request to be validated.",
                            of: object(
                                "MatchCondition represents a condition which must by fulfilled for a request to be sent to a webhook.",
                                ["name": string("Name is an identifier for this match condition. Required."), "expression": string("Expression represents the expression which will be evaluated by CEL. Must evaluate to bool. Required.")],
                                required: ["name", "expression"]
                            )
                        ),
                        "variables": array(
                            "Variables contain definitions of variables that can be used in composition of other expressions.",
                            of: object(
                                "Variable is the definition of a variable that is used for composition.",
                                ["name": string("Name is the name of the variable."), "expression": string("Expression is the expression that will be evaluated as the value of the variable.")],
                                required: ["name", "expression"]
                            )
                        ),
                        "auditAnnotations": array("auditAnnotations contains CEL expressions which are used to produce audit annotations for the audit event of the API request.", of: opaque("AuditAnnotation describes how to produce an audit annotation for an API request.")),
                    ]
                ),
                "status": opaque("The status of the ValidatingAdmissionPolicy, including warnings that are useful to determine if the policy behaves in the expected way. Populated by the system. Read-only."),
            ]
        ),
        "ValidatingAdmissionPolicyBinding": kind(
            "ValidatingAdmissionPolicyBinding binds the ValidatingAdmissionPolicy with paramerized resources.",
            [
                "spec": object(
                    "Specification of the desired behavior of ValidatingAdmissionPolicyBinding.",
                    [
                        "policyName": string("PolicyName references a ValidatingAdmissionPolicy name which the ValidatingAdmissionPolicyBinding binds to. Required."),
                        "paramRef": opaque("paramRef specifies the parameter resource used to configure the admission control policy."),
                        "matchResources": matchResources("MatchResources declares what resources match this binding and will be validated by it."),
                        "validationActions": strings("validationActions declares how Validations of the referenced ValidatingAdmissionPolicy are enforced. Allowed values are Deny, Warn and Audit. Required."),
                    ]
                ),
            ]
        ),
    ]

    static func matchResources(_ description: String) -> JSONValue {
        let rules = array(
            "ResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches.",
            of: object(
                "NamedRuleWithOperations is a tuple of Operations and Resources with ResourceNames.",
                [
                    "apiGroups": strings("APIGroups is the API groups the resources belong to. '*' is all groups."),
                    "apiVersions": strings("APIVersions is the API versions the resources belong to. '*' is all versions."),
                    "operations": strings("Operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations."),
                    "resources": strings("Resources is a list of resources this rule applies to."),
                    "resourceNames": strings("ResourceNames is an optional white list of names that the rule applies to."),
                    "scope": string("scope specifies the scope of this rule. Valid values are \"Cluster\", \"Namespaced\", and \"*\"."),
                ]
            )
        )
        return object(
            description,
            [
                "resourceRules": rules,
                "excludeResourceRules": rules,
                "namespaceSelector": labelSelector,
                "objectSelector": labelSelector,
                "matchPolicy": string("matchPolicy defines how the \"MatchResources\" list is used to match incoming requests. Allowed values are \"Exact\" or \"Equivalent\". Defaults to \"Equivalent\"."),
            ]
        )
    }
}
