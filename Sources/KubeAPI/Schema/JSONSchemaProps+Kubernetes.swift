/// Schemas of the standard Kubernetes fields every custom resource carries.
extension JSONSchemaProps {
    /// `apiVersion`, as controller-gen documents it.
    public static let apiVersionField: JSONSchemaProps = .string(
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"
    )

    /// `kind`, as controller-gen documents it.
    public static let kindField: JSONSchemaProps = .string(
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"
    )

    /// `metadata` (validated by the API server itself, not by the schema).
    public static let metadataField = JSONSchemaProps(type: .object)

    /// A `[]metav1.Condition` list keyed by `type`, with the constraints of the upstream type.
    public static let conditions: JSONSchemaProps = {
        var list = JSONSchemaProps.array(
            "Conditions represent the latest available observations of the resource's state.",
            of: .object(
                "Condition contains details for one aspect of the current state of this API Resource.",
                required: ["lastTransitionTime", "message", "reason", "status", "type"],
                properties: [
                    "type": .string(
                        "type of condition in CamelCase or in foo.example.com/CamelCase.",
                        pattern: "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
                        maxLength: 316
                    ),
                    "status": .string("status of the condition, one of True, False, Unknown.", enum: ["True", "False", "Unknown"]),
                    "observedGeneration": JSONSchemaProps(
                        type: .integer,
                        description: "observedGeneration represents the .metadata.generation that the condition was set based upon.",
                        format: "int64", minimum: 0
                    ),
                    "lastTransitionTime": .string(
                        "lastTransitionTime is the last time the condition transitioned from one status to another.",
                        format: "date-time"
                    ),
                    "reason": .string(
                        "reason contains a programmatic identifier indicating the reason for the condition's last transition.",
                        pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$", minLength: 1, maxLength: 1024
                    ),
                    "message": .string("message is a human readable message indicating details about the transition.", maxLength: 32768),
                ]
            )
        )
        list.listType = "map"
        list.listMapKeys = ["type"]
        return list
    }()

    /// The root schema of a custom resource: the standard fields plus `spec` and `status`, and
    /// `rules` on the whole object (which may read `self.metadata.name`).
    public static func customResource(_ description: String, spec: JSONSchemaProps, status: JSONSchemaProps, rules: [ValidationRule] = []) -> JSONSchemaProps {
        .object(
            description,
            required: ["spec"],
            properties: [
                "apiVersion": apiVersionField,
                "kind": kindField,
                "metadata": metadataField,
                "spec": spec,
                "status": status,
            ],
            rules: rules
        )
    }
}
