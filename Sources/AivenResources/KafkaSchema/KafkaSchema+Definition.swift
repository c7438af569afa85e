import KubeAPI

extension AivenKinds {
    /// `KafkaSchema`, a schema registered under a subject of a `Kafka` service's schema registry.
    public static let kafkaSchema: ResourceKind = load {
        try define(
            KafkaSchema.self, "KafkaSchema is the Schema for the kafkaschemas API.\n\nSelf-references (A -> A) are blocked at admission; transitive cycles\n(A -> B -> A) are refused by the operator.\n\nDeletion: the operator performs a soft delete followed by a hard delete on\nthe subject. The subject disappears from the registry's listing, re-applying a KafkaSchema with the same subjectName\nafter deletion starts a brand-new subject at version 1.\n\nUpdate ordering: when schema and compatibilityLevel change in the same apply, the\ncompatibility level is set first, because the registry validates a new version against the\nlevel currently configured for the subject. A rejected schema leaves the new level applied.",
            spec: KafkaSchema.specSchema, status: KafkaSchema.statusSchema, rules: KafkaSchema.rootRules,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Subject", jsonPath: ".spec.subjectName"),
                .init(name: "Compatibility Level", jsonPath: ".spec.compatibilityLevel"),
                .init(name: "Version", type: "number", jsonPath: ".status.version"),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: KafkaSchema.usageExample,
                exampleColumns: [
                    "my-schema", "my-kafka", "my-aiven-project", "mny-subject", "BACKWARD", "1",
                ],
                reconciled: #"yes: waits for its Kafka service and its schema registry (`schema_registry: true`, `WaitingForService`), registers `spec.schema` under `spec.subjectName` (a changed schema is a new version, in `status.version` and `status.id`; an earlier one gets its version back), sets `compatibilityLevel` on the subject before a new version (after the first, so a refused first schema leaves nothing on the registry; removed from the spec: the subject is set to the registry's global level, as Aiven cannot remove it), resolves `references` (a subject and version, or a `kafkaSchemaRef` to another KafkaSchema of the namespace, whose new versions are followed; waits for it, refuses a cycle); a schema the registry refuses (incompatible, or invalid — the first one too) shows as `Ready=False SchemaRefused` with the registry's message and one Warning event (no `Updated`), and is not sent again until the spec or a referent's version changes (`plan` says so); deletion deletes the subject (soft, then permanent; deletion policy `Orphan` keeps it)"#,
                takeover: Takeover(
                    identity: #"service and `spec.subjectName`; its version `status.version` while the subject serves it"#,
                    takenOver: #"the existing subject: the same schema registers nothing new; a subject's own level, when the spec sets none, becomes the registry's global one"#
                )
            )
        )
    }
}

extension KafkaSchema: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaSchema }
}
