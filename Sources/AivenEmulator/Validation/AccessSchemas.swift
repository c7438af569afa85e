import KubeAPI

/// The shapes of service-user requests (`ServiceUserCreateRequestBody`,
/// `ServiceUserCredentialsModifyRequestBody` in Aiven's OpenAPI).
enum UserSchemas {
    private static let accessControl: JSONValue = ["type": "object"]

    static let create: JSONValue = [
        "type": "object", "required": ["username"],
        "properties": [
            "username": ["type": "string", "min_length": 1, "max_length": 64, "pattern": "^[a-zA-Z0-9_][a-zA-Z0-9_.@+-]*$"],
            "access_control": accessControl,
            "authentication": ["type": ["string", "null"], "enum": [["value": "caching_sha2_password"], ["value": "mysql_native_password"], ["value": nil]]],
        ],
    ]

    /// Everything but `new_password`, which is checked apart so that no message ever repeats it.
    private static let modify: JSONValue = [
        "type": "object", "required": ["operation"],
        "properties": [
            "operation": ["type": "string", "enum": [["value": "acknowledge-renewal"], ["value": "reset-credentials"], ["value": "set-access-control"]]],
            "access_control": accessControl,
            "authentication": ["type": ["string", "null"]],
        ],
    ]

    static let authenticate: JSONValue = [
        "type": "object", "required": ["username", "password"],
        "properties": ["username": ["type": "string", "max_length": 256], "password": ["type": "string", "max_length": 4096]],
    ]

    /// Checks a `PUT …/user/{username}` body; a bad `new_password` is named, never shown.
    static func checkModify(_ body: JSONValue) throws(EmulatorError) {
        var rest = body.objectValue ?? [:]
        let password = rest.removeValue(forKey: "new_password")
        try AivenSchemaValidator(schema: modify).require(body.objectValue == nil ? body : .object(rest))
        guard let password, !password.isNull else { return }
        guard let text = password.stringValue else {
            throw EmulatorError.invalid("Invalid input for new_password: not of type 'string'")
        }
        guard (8...256).contains(text.count) else {
            throw EmulatorError.invalid("Invalid input for new_password: the password must be 8-256 characters long")
        }
    }
}

/// The shapes of ACL requests (`ServiceKafkaAclAddRequestBody`,
/// `ServiceKafkaNativeAclAddRequestBody`, `ServiceSchemaRegistryAclAddRequestBody`).
enum ACLSchemas {
    private static func choice(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { ["value": .string($0)] })]
    }

    /// A user or topic pattern: `*` and `?` are wildcards.
    private static func pattern(maxLength: Int) -> JSONValue {
        ["type": "string", "min_length": 1, "max_length": .integer(Int64(maxLength)), "pattern": "^[-_.*?@+a-zA-Z0-9]+$"]
    }

    static let aiven: JSONValue = [
        "type": "object", "required": ["permission", "topic", "username"],
        "properties": [
            "permission": choice(["admin", "read", "readwrite", "write"]),
            "topic": pattern(maxLength: 249),
            "username": pattern(maxLength: 64),
        ],
    ]

    static let native: JSONValue = [
        "type": "object", "required": ["principal", "resource_name", "resource_type", "pattern_type", "operation", "permission_type"],
        "properties": [
            "principal": ["type": "string", "min_length": 1, "max_length": 256, "pattern": "^[^:]+:.+$"],
            "host": ["type": ["string", "null"], "min_length": 1, "max_length": 256],
            "resource_name": ["type": "string", "min_length": 1, "max_length": 256],
            "resource_type": choice(["Cluster", "DelegationToken", "Group", "Topic", "TransactionalId", "User"]),
            "pattern_type": choice(["LITERAL", "PREFIXED"]),
            "operation": choice([
                "All", "Alter", "AlterConfigs", "ClusterAction", "Create", "CreateTokens", "Delete", "Describe", "DescribeConfigs",
                "DescribeTokens", "IdempotentWrite", "Read", "Write",
            ]),
            "permission_type": choice(["ALLOW", "DENY"]),
        ],
    ]

    static let schemaRegistry: JSONValue = [
        "type": "object", "required": ["permission", "resource", "username"],
        "properties": [
            "permission": choice(["schema_registry_read", "schema_registry_write"]),
            "resource": ["type": "string", "min_length": 1, "max_length": 249, "pattern": "^(Config:|Subject:[-_.*?a-zA-Z0-9]+)$"],
            "username": pattern(maxLength: 64),
        ],
    ]
}
