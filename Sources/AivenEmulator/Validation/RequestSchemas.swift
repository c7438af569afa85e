import KubeAPI

/// The shapes of request bodies, from Aiven's OpenAPI (`ServiceCreateRequestBody`,
/// `ServiceUpdateRequestBody`, …), in the dialect ``AivenSchemaValidator`` reads.
enum RequestSchemas {
    private static let maintenance: JSONValue = [
        "type": "object",
        "properties": [
            "dow": ["type": "string", "enum": [["value": "monday"], ["value": "tuesday"], ["value": "wednesday"], ["value": "thursday"], ["value": "friday"], ["value": "saturday"], ["value": "sunday"]]],
            "time": ["type": "string", "min_length": 8, "max_length": 8, "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"],
        ],
    ]

    /// Aiven stores disk sizes as 64-bit integers: a size past 2⁶³ is refused, not read as none.
    private static let diskSpace: JSONValue = ["type": "integer", "minimum": 0, "maximum": .integer(Int64.max)]

    private static let techEmails: JSONValue = [
        "type": "array", "max_items": 10,
        "items": [
            "type": "object", "required": ["email"],
            "properties": ["email": ["type": "string", "max_length": 254, "pattern": "^[^@\\s]+@[^@\\s]+$"]],
        ],
    ]

    private static let integration: JSONValue = [
        "type": "object", "required": ["integration_type"],
        "properties": [
            "integration_type": ["type": "string", "max_length": 64],
            "source_service": ["type": ["string", "null"], "max_length": 64],
            "dest_service": ["type": ["string", "null"], "max_length": 64],
            "source_project": ["type": ["string", "null"], "max_length": 63],
            "dest_project": ["type": ["string", "null"], "max_length": 63],
            "source_endpoint_id": ["type": ["string", "null"], "max_length": 36],
            "dest_endpoint_id": ["type": ["string", "null"], "max_length": 36],
            "source_service_name": ["type": "string", "max_length": 64],
            "user_config": ["type": "object"],
        ],
    ]

    private static let projectVPCId: JSONValue = ["type": ["string", "null"], "min_length": 36, "max_length": 36]

    static let serviceCreate: JSONValue = [
        "type": "object",
        "required": ["plan", "service_name", "service_type"],
        "properties": [
            "service_type": ["type": "string", "max_length": 64],
            "service_name": ["type": "string", "max_length": 64],
            "plan": ["type": "string", "max_length": 128],
            "cloud": ["type": ["string", "null"], "max_length": 256],
            "project_vpc_id": projectVPCId,
            "maintenance": maintenance,
            "user_config": ["type": "object"],
            "termination_protection": ["type": "boolean"],
            "tags": ["type": "object"],
            "tech_emails": techEmails,
            "service_integrations": ["type": ["array", "null"], "max_items": 64, "items": integration],
            "disk_space_mb": diskSpace,
            "static_ips": ["type": "array", "items": ["type": "string", "max_length": 128]],
            "cmk_id": ["type": "string", "min_length": 36, "max_length": 36],
            "copy_tags": ["type": "boolean"],
            "group_name": ["type": "string"],
        ],
    ]

    static let serviceUpdate: JSONValue = [
        "type": "object",
        "properties": [
            "plan": ["type": "string", "max_length": 128],
            "cloud": ["type": "string", "max_length": 256],
            "project_vpc_id": projectVPCId,
            "maintenance": maintenance,
            "user_config": ["type": "object"],
            "termination_protection": ["type": "boolean"],
            "tech_emails": techEmails,
            "powered": ["type": "boolean"],
            "disk_space_mb": diskSpace,
            "cmk_id": ["type": "string", "min_length": 36, "max_length": 36],
            "group_name": ["type": "string"],
            "karapace": ["type": "boolean"],
            "schema_registry_authz": ["type": "boolean"],
            "disaster_recovery_role": ["type": "string"],
        ],
    ]

    static let tagsReplace: JSONValue = [
        "type": "object", "required": ["tags"],
        "properties": ["tags": ["type": "object"]],
    ]

    static let vpcCreate: JSONValue = [
        "type": "object", "required": ["cloud_name", "network_cidr", "peering_connections"],
        "properties": [
            "cloud_name": ["type": "string", "max_length": 256],
            "network_cidr": ["type": "string", "max_length": 18],
            "peering_connections": ["type": "array", "max_items": 128],
        ],
    ]

    static let integrationCreate = integration

    /// `kafka_connect` integration user_config (`aiven/go-api-schemas` `integration_types.yml`).
    static let kafkaConnectIntegrationUserConfig: JSONValue = [
        "type": "object",
        "properties": [
            "kafka_connect": [
                "type": "object",
                "properties": [
                    "config_storage_topic": ["type": "string", "max_length": 249],
                    "group_id": ["type": "string", "max_length": 249],
                    "offset_storage_topic": ["type": "string", "max_length": 249],
                    "status_storage_topic": ["type": "string", "max_length": 249],
                ],
            ]
        ],
    ]

    static let integrationEndpointCreate: JSONValue = [
        "type": "object", "required": ["endpoint_name", "endpoint_type", "user_config"],
        "properties": [
            "endpoint_name": ["type": "string", "min_length": 1, "max_length": 36],
            "endpoint_type": ["type": "string", "max_length": 64],
            "user_config": ["type": "object"],
        ],
    ]

    static let integrationEndpointUpdate: JSONValue = [
        "type": "object", "required": ["user_config"],
        "properties": ["user_config": ["type": "object"]],
    ]

    static let integrationUpdate: JSONValue = [
        "type": "object", "required": ["user_config"],
        "properties": ["user_config": ["type": "object"]],
    ]
}
