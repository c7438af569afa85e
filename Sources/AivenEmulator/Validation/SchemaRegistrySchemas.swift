import KubeAPI

/// The shapes of schema registry requests (`ServiceSchemaRegistrySubjectVersionPostRequestBody`,
/// `ServiceSchemaRegistrySubjectConfigPutRequestBody`, … in Aiven's OpenAPI, as
/// `aiven/go-client-codegen`'s `kafkaschemaregistry` handler has them).
enum SchemaRegistrySchemas {
    static let register: JSONValue = [
        "type": "object", "required": ["schema"],
        "properties": [
            "schema": ["type": "string"],
            "schemaType": ["type": "string", "enum": [["value": "AVRO"], ["value": "JSON"], ["value": "PROTOBUF"]]],
            "references": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["name", "subject", "version"],
                    "properties": ["name": ["type": "string"], "subject": ["type": "string"], "version": ["type": "integer"]],
                ],
            ],
        ],
    ]

    static let config: JSONValue = [
        "type": "object", "required": ["compatibility"],
        "properties": [
            "compatibility": ["type": "string", "enum": .array(EmulatedSchemaRegistry.levels.map { ["value": .string($0)] })],
        ],
    ]
}
