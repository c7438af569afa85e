import KubeAPI

extension ProjectVPC {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the docs.
    public static let specSchema: JSONSchemaProps = .object(
        "ProjectVPCSpec defines the desired state of ProjectVPC.",
        required: ["cloudName", "networkCidr", "project"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "cloudName": .string("Cloud the VPC is in.", maxLength: 256).immutable(),
            "networkCidr": .string("Network address range used by the VPC like 192.168.0.0/24.", maxLength: 36).immutable(),
            "project": .string("The project the VPC belongs to.", pattern: "^[a-zA-Z0-9_-]+$", maxLength: 63).immutable(),
        ]
    )

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = .object(
        "ProjectVPCStatus defines the observed state of ProjectVPC.",
        properties: [
            "id": .string("Project VPC id."),
            "state": .string("State of the VPC (APPROVED, ACTIVE, DELETING, DELETED)."),
            "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
            "conditions": JSONSchemaProps.conditions,
        ]
    )

    /// The usage example of the reference page; `examples/projectvpc.yaml` holds the same text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: ProjectVPC
        metadata:
          name: my-project-vpc
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          cloudName: google-europe-west1
          networkCidr: 10.0.0.0/24

        """
}
