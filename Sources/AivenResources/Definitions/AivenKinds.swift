import KubeAPI

/// The `aiven.io/v1alpha1` kinds this operator serves.
public enum AivenKinds {
    /// `KafkaConnect`.
    public static let kafkaConnect: ResourceKind = load {
        try ResourceKind(
            definition: CustomResourceDefinition(
                group: KafkaConnect.group,
                names: .init(kind: KafkaConnect.kind, plural: KafkaConnect.plural, categories: ["aiven"]),
                versions: [
                    .init(
                        name: KafkaConnect.version,
                        schema: .customResource(
                            "KafkaConnect is the Schema for the kafkaconnects API.",
                            spec: KafkaConnect.specSchema,
                            status: KafkaConnect.statusSchema
                        ),
                        printerColumns: [
                            .init(name: "Project", jsonPath: ".spec.project"),
                            .init(name: "Region", jsonPath: ".spec.cloudName"),
                            .init(name: "Plan", jsonPath: ".spec.plan"),
                            .init(name: "State", jsonPath: ".status.state"),
                            .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
                            .init(name: "Powered", type: "boolean", jsonPath: ".spec.powered", priority: 1),
                        ]
                    ),
                ]
            ),
            page: ReferencePage(example: KafkaConnect.usageExample, exampleColumns: [
                "my-kafka-connect", "my-aiven-project", "google-europe-west1", "business-4", "RUNNING",
            ])
        )
    }

    /// `ProjectVPC`, which `KafkaConnect.spec.projectVPCRef` points at.
    public static let projectVPC: ResourceKind = load {
        try ResourceKind(
            definition: CustomResourceDefinition(
                group: ProjectVPC.group,
                names: .init(kind: ProjectVPC.kind, plural: ProjectVPC.plural, categories: ["aiven"]),
                versions: [
                    .init(
                        name: ProjectVPC.version,
                        schema: .customResource(
                            "ProjectVPC is the Schema for the projectvpcs API.",
                            spec: ProjectVPC.specSchema,
                            status: ProjectVPC.statusSchema
                        ),
                        printerColumns: [
                            .init(name: "Project", jsonPath: ".spec.project"),
                            .init(name: "Cloud", jsonPath: ".spec.cloudName"),
                            .init(name: "Network CIDR", jsonPath: ".spec.networkCidr"),
                            .init(name: "State", jsonPath: ".status.state"),
                            .init(name: "ID", jsonPath: ".status.id", priority: 1),
                        ]
                    ),
                ]
            ),
            page: ReferencePage(example: ProjectVPC.usageExample, exampleColumns: [
                "my-project-vpc", "my-aiven-project", "google-europe-west1", "10.0.0.0/24", "ACTIVE",
            ])
        )
    }

    /// Every kind, in documentation order.
    public static let all: [ResourceKind] = [kafkaConnect, projectVPC]

    /// The kind named `name` (case-insensitive; plural and singular accepted), or `nil`.
    public static func named(_ name: String) -> ResourceKind? {
        let wanted = name.lowercased()
        return all.first { kind in
            [kind.kind.lowercased(), kind.definition.names.plural, kind.definition.names.singular, kind.definition.name].contains(wanted)
        }
    }

    /// The kinds' schemas are constants of this module; one that does not load is a programming
    /// error, caught by every test run.
    private static func load(_ build: () throws -> ResourceKind) -> ResourceKind {
        do {
            return try build()
        } catch {
            preconditionFailure("built-in schema does not load: \(error)")
        }
    }
}
