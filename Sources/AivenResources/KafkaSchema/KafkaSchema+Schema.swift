import KubeAPI

extension KafkaSchema {
    /// The schema of `spec`, from the KafkaSchema reference page and CRD (field names, types,
    /// constraints, immutability and CEL rules).
    public static let specSchema: JSONSchemaProps = {
        var references = JSONSchemaProps.array(
            "Schema references for Protobuf or JSON schemas that import other schemas.\nReferences must form a directed acyclic graph (DAG); cycles are not allowed.",
            of: .object(
                "SchemaReference is a reference to another schema in the registry.\nExactly one of {subject+version} or kafkaSchemaRef must be set.",
                required: ["name"],
                properties: [
                    "kafkaSchemaRef": .object(
                        "Reference to another KafkaSchema resource in the same namespace.\nMutually exclusive with subject/version.\n\nCleanup order matters: delete the dependent before the referent.",
                        required: ["name"],
                        properties: ["name": .string("Name of the KafkaSchema resource in the same namespace.", minLength: 1, maxLength: 253)]
                    ),
                    "name": .string("Name used to reference the schema (e.g., the import path in Protobuf).", minLength: 1, maxLength: 512),
                    "subject": .string("Subject name of the referenced schema in the registry. Mutually exclusive with kafkaSchemaRef.", minLength: 1, maxLength: 512),
                    "version": .integer("Version of the referenced schema. Mutually exclusive with kafkaSchemaRef.", minimum: 1),
                ],
                rules: [
                    ValidationRule(
                        rule: "(has(self.subject) && has(self.version) && !has(self.kafkaSchemaRef)) || (!has(self.subject) && !has(self.version) && has(self.kafkaSchemaRef))",
                        message: "set both subject and version, or set kafkaSchemaRef, but not both"
                    ),
                ]
            ),
            maxItems: 100
        )
        references.listType = "map"
        references.listMapKeys = ["name"]
        return .object(
            "KafkaSchemaSpec defines the desired state of KafkaSchema.",
            required: ["project", "schema", "serviceName", "subjectName"],
            properties: [
                "authSecretRef": ServiceSchema.authSecretRef,
                "compatibilityLevel": .string(
                    "Kafka Schemas compatibility level.\nWhen set, it is applied as the subject-level compatibility override.\nRemoving this field resets the subject to the registry's global level.",
                    enum: ["BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE"]
                ),
                "project": ServiceSchema.project,
                "references": references,
                "schema": .string("Kafka Schema definition. Format depends on schemaType (AVRO/JSON/PROTOBUF)."),
                "schemaType": .string("Schema type.", enum: ["AVRO", "JSON", "PROTOBUF"]).immutable(),
                "serviceName": ServiceSchema.serviceName,
                "subjectName": .string("Kafka Schema Subject name.").immutable(),
            ],
            rules: [
                ValidationRule(
                    rule: "!has(self.references) || size(self.references) == 0 || self.schemaType in ['PROTOBUF', 'JSON']",
                    message: "references are only supported for PROTOBUF and JSON schema types"
                ),
            ]
        )
    }()

    /// The rule on the whole object: a `kafkaSchemaRef` never names the resource itself.
    public static let rootRules: [ValidationRule] = [
        ValidationRule(
            rule: "!has(self.spec.references) || self.spec.references.all(r, !has(r.kafkaSchemaRef) || r.kafkaSchemaRef.name != self.metadata.name)",
            message: "kafkaSchemaRef cannot point to the KafkaSchema itself"
        ),
    ]

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = .object(
        "KafkaSchemaStatus defines the observed state of KafkaSchema.",
        properties: [
            "conditions": JSONSchemaProps.conditions,
            "id": .integer("Schema ID"),
            "version": .integer("Kafka Schema configuration version"),
            "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
            "driftedFields": .array(
                "Fields that differ in the registry from the spec and were left as they are, because the resource's drift policy is Report.",
                of: .string()
            ),
            "appliedReferences": .string("The versions of the KafkaSchema resources the registered schema refers to (kafkaSchemaRef), as name@version."),
        ]
    )
}
