import KubeAPI

extension AivenKinds {
    /// `KafkaNativeACL`, a Kafka-native ACL entry of a `Kafka` service.
    public static let kafkaNativeACL: ResourceKind = load {
        try define(
            KafkaNativeACL.self, "KafkaNativeACL\nCreates and manages Kafka-native access control lists (ACLs) for an Aiven for Apache Kafka® service.\nACLs control access to Kafka topics, consumer groups, clusters, and Schema Registry.\nKafka-native ACLs provide advanced resource-level access control with fine-grained permissions, including ALLOW and DENY rules.\nFor simplified topic-level control, you can use [KafkaACL](./kafkaacl.md).",
            spec: KafkaNativeACL.specSchema, status: KafkaNativeACL.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Host", jsonPath: ".spec.host"),
                .init(name: "Operation", jsonPath: ".spec.operation"),
                .init(name: "PatternType", jsonPath: ".spec.patternType"),
                .init(name: "PermissionType", jsonPath: ".spec.permissionType"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: KafkaNativeACL.usageExample,
                exampleColumns: [
                    "my-kafka-native-acl", "my-kafka", "my-aiven-project", "my-host", "Create", "LITERAL", "ALLOW",
                ],
                reconciled: #"yes: immutable; created, observed by id (`status.id`), an identical entry taken over, deleted with the resource"#,
                takeover: Takeover(
                    identity: #"`status.id`, else an identical entry"#,
                    takenOver: #"the existing entry"#
                )
            )
        )
    }
}

extension KafkaNativeACL: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaNativeACL }
}
