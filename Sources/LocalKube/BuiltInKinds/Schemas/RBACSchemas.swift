import KubeAPI

/// rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding.
extension BuiltInSchema {
    static let rbac: [String: JSONValue] = [
        "Role": kind(
            "Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.",
            ["rules": policyRules("Rules holds all the PolicyRules for this Role")]
        ),
        "ClusterRole": kind(
            "ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.",
            [
                "rules": policyRules("Rules holds all the PolicyRules for this ClusterRole"),
                "aggregationRule": object(
                    "AggregationRule is an optional field that describes how to build the Rules for this ClusterRole. If AggregationRule is set, then the Rules are controller managed and direct changes to Rules will be stomped by the controller.",
                    ["clusterRoleSelectors": array("ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules.", of: labelSelector)]
                ),
            ]
        ),
        "RoleBinding": kind(
            "RoleBinding references a role, but does not contain it. It can reference a Role in the same namespace or a ClusterRole in the global namespace. It adds who information via Subjects and namespace information by which namespace it exists in.",
            [
                "roleRef": roleRef("RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable."),
                "subjects": subjects,
            ],
            required: ["roleRef"]
        ),
        "ClusterRoleBinding": kind(
            "ClusterRoleBinding references a ClusterRole, but not contain it. It can reference a ClusterRole in the global namespace, and adds who information via Subject.",
            [
                "roleRef": roleRef("RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable."),
                "subjects": subjects,
            ],
            required: ["roleRef"]
        ),
    ]

    static func policyRules(_ description: String) -> JSONValue {
        array(
            description,
            of: object(
                "PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.",
                [
                    "verbs": strings("Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs."),
                    "apiGroups": strings("APIGroups is the name of the APIGroup that contains the resources. If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed. \"\" represents the core API group and \"*\" represents all API groups."),
                    "resources": strings("Resources is a list of resources this rule applies to. '*' represents all resources."),
                    "resourceNames": strings("ResourceNames is an optional white list of names that the rule applies to. An empty set means that everything is allowed."),
                    "nonResourceURLs": strings("NonResourceURLs is a set of partial urls that a user should have access to. *s are allowed, but only as the full, final step in the path. Rules can either apply to API resources (such as \"pods\" or \"secrets\") or non-resource URL paths (such as \"/api\"), but not both."),
                ],
                required: ["verbs"]
            )
        )
    }

    static func roleRef(_ description: String) -> JSONValue {
        object(
            description,
            [
                "apiGroup": string("APIGroup is the group for the resource being referenced"),
                "kind": string("Kind is the type of resource being referenced"),
                "name": string("Name is the name of resource being referenced"),
            ],
            required: ["apiGroup", "kind", "name"]
        )
    }

    static let subjects = array(
        "Subjects holds references to the objects the role applies to.",
        of: object(
            "Subject contains a reference to the object or user identities a role binding applies to. This can either hold a direct API object reference, or a value for non-objects such as user and group names.",
            [
                "kind": string("Kind of object being referenced. Values defined by this API group are \"User\", \"Group\", and \"ServiceAccount\". If the Authorizer does not recognized the kind value, the Authorizer should report an error."),
                "apiGroup": string("APIGroup holds the API group of the referenced subject. Defaults to \"\" for ServiceAccount subjects. Defaults to \"rbac.authorization.k8s.io\" for User and Group subjects."),
                "name": string("Name of the object being referenced."),
                "namespace": string("Namespace of the referenced object. If the object kind is non-namespace, such as \"User\" or \"Group\", and this value is not empty the Authorizer should report an error."),
            ],
            required: ["kind", "name"]
        )
    )
}
