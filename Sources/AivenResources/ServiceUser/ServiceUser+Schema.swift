import KubeAPI

extension ServiceUser {
    /// The schema of `spec`, from the ServiceUser reference page and CRD.
    public static let specSchema: JSONSchemaProps = .object(
        "ServiceUserSpec defines the desired state of ServiceUser.",
        required: ["project", "serviceName"],
        properties: [
            "accessControl": .object(
                "AccessControl Service type specific access control rules for user.\nWhen this block is present, the operator manages the full access-control scope it contains.",
                properties: [
                    "valkeyAclCategories": .array("Command category rules. Order matters.", of: .string()),
                    "valkeyAclChannels": .array("Glob-style patterns defining which pub/sub channels can be accessed.", of: .string()),
                    "valkeyAclCommands": .array("Rules for individual commands. Order matters.", of: .string()),
                    "valkeyAclKeys": .array("Key access rules.", of: .string()),
                ]
            ),
            "authSecretRef": ServiceSchema.authSecretRef,
            "authentication": .string("Authentication details.", enum: ["caching_sha2_password", "mysql_native_password"]),
            "connInfoSecretSource": .object(
                "ConnInfoSecretSource declares the password the operator should enforce on the user.\nDirect password changes in the database will be reverted on the next reconcile cycle.\nTo rotate, update the source secret.\nWhen unset, the Operator does not manage the password:\nthe target secret holds whatever password the Aiven API returns.\nIf the password is later changed directly in the database,\nthe API returns an empty value and the target secret is emptied on the next reconcile.\nPassword must be 8-256 characters long.",
                required: ["name", "passwordKey"],
                properties: [
                    "name": .string("Name of the secret resource to read connection parameters from.\nThe secret must be in the same namespace as the resource.", minLength: 1),
                    "namespace": .string("Namespace of the secret; only the resource's own namespace is read (defaults to it).", minLength: 1),
                    "passwordKey": .string("Key in the secret containing the password to use for authentication.", minLength: 1),
                ]
            ),
            "connInfoSecretTarget": ServiceSchema.connInfoSecretTarget,
            "connInfoSecretTargetDisabled": .boolean("When true, the secret containing connection information will not be created, defaults to false. This field cannot be changed after resource creation.")
                .immutable(message: "connInfoSecretTargetDisabled is immutable."),
            "project": ServiceSchema.project,
            "serviceName": ServiceSchema.serviceName,
            "username": .string(
                "Username of the service user on Aiven.\nDefaults to the K8S resource name. Aiven accepts usernames that are not valid\nKubernetes object names (e.g. containing underscores or uppercase characters);\nset this field to manage such users.\nCan only be set at creation and is immutable afterward.\nTo use a different username, delete the resource and create a new one.\nMultiple ServiceUser resources referencing the same username are not supported.\nEnsure each Aiven service user is managed by at most one resource.",
                minLength: 1, maxLength: 64
            ).immutable(message: "username is immutable."),
        ],
        rules: [
            ValidationRule(rule: "has(self.username) == has(oldSelf.username)", message: "username can only be set during resource creation."),
            ValidationRule(
                rule: "has(oldSelf.connInfoSecretTargetDisabled) == has(self.connInfoSecretTargetDisabled)",
                message: "connInfoSecretTargetDisabled can only be set during resource creation."),
        ]
    )

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = .object(
        "ServiceUserStatus defines the observed state of ServiceUser.",
        properties: [
            "type": .string("Type of the user account"),
            "conditions": JSONSchemaProps.conditions,
            "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
            "appliedInputs": .string("A hash of what the password was last set from (the source Secret's value or a rotation request); never the password."),
            "rotationRequest": .string("The value of the controllers.aiven.io/rotate-credentials annotation the operator last rotated the password for."),
            "passwordResetTime": .string("When the operator last reset the user's password on Aiven.", format: "date-time"),
        ]
    )
}
