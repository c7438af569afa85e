import KubeAPI

/// The `aiven.io/v1alpha1` kinds this operator serves.
public enum AivenKinds {
    /// `KafkaConnect`.
    public static let kafkaConnect: ResourceKind = load {
        try define(
            KafkaConnect.self, "KafkaConnect is the Schema for the kafkaconnects API.",
            spec: KafkaConnect.specSchema, status: KafkaConnect.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(example: KafkaConnect.usageExample, exampleColumns: [
                "my-kafka-connect", "my-aiven-project", "google-europe-west1", "business-4", "RUNNING",
            ])
        )
    }

    /// `ProjectVPC`, which `KafkaConnect.spec.projectVPCRef` points at.
    public static let projectVPC: ResourceKind = load {
        try define(
            ProjectVPC.self, "ProjectVPC is the Schema for the projectvpcs API.",
            spec: ProjectVPC.specSchema, status: ProjectVPC.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Cloud", jsonPath: ".spec.cloudName"),
                .init(name: "Network CIDR", jsonPath: ".spec.networkCidr"),
                .init(name: "State", jsonPath: ".status.state"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
            ],
            page: ReferencePage(example: ProjectVPC.usageExample, exampleColumns: [
                "my-project-vpc", "my-aiven-project", "google-europe-west1", "10.0.0.0/24", "ACTIVE",
            ])
        )
    }

    /// `Kafka`, the service that topics, connectors and Kafka Connect integrations live on.
    public static let kafka: ResourceKind = load {
        try define(
            Kafka.self, "Kafka is the Schema for the kafkas API.",
            spec: Kafka.specSchema, status: Kafka.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(example: Kafka.usageExample, exampleColumns: [
                "my-kafka", "my-aiven-project", "google-europe-west1", "startup-4", "RUNNING",
            ])
        )
    }

    /// `KafkaTopic`, a topic on a `Kafka` service.
    public static let kafkaTopic: ResourceKind = load {
        try define(
            KafkaTopic.self, "KafkaTopic is the Schema for the kafkatopics API.",
            spec: KafkaTopic.specSchema, status: KafkaTopic.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Partitions", jsonPath: ".spec.partitions"),
                .init(name: "Replication", jsonPath: ".spec.replication"),
                .init(name: "State", jsonPath: ".status.state", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(example: KafkaTopic.usageExample, exampleColumns: [
                "kafka-topic", "my-kafka", "my-aiven-project", "1", "2",
            ])
        )
    }

    /// `ServiceIntegration`, joining two services (a `kafka_connect` integration joins `Kafka` to
    /// `KafkaConnect`).
    public static let serviceIntegration: ResourceKind = load {
        try define(
            ServiceIntegration.self, "ServiceIntegration is the Schema for the serviceintegrations API.",
            spec: ServiceIntegration.specSchema, status: ServiceIntegration.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Type", jsonPath: ".spec.integrationType"),
                .init(name: "Source Service Name", jsonPath: ".spec.sourceServiceName"),
                .init(name: "Destination Service Name", jsonPath: ".spec.destinationServiceName"),
                .init(name: "Source Endpoint ID", jsonPath: ".spec.sourceEndpointID"),
                .init(name: "Destination Endpoint ID", jsonPath: ".spec.destinationEndpointId"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(example: ServiceIntegration.usageExample, exampleColumns: [
                "my-service-integration", "my-aiven-project", "kafka_connect", "my-kafka",
            ])
        )
    }

    /// `KafkaConnector`, a connector on a Kafka Connect service.
    public static let kafkaConnector: ResourceKind = load {
        try define(
            KafkaConnector.self, "KafkaConnector is the Schema for the kafkaconnectors API.",
            spec: KafkaConnector.specSchema, status: KafkaConnector.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Connector Class", jsonPath: ".spec.connectorClass"),
                .init(name: "State", jsonPath: ".status.state"),
                .init(name: "Tasks Total", type: "integer", jsonPath: ".status.tasksStatus.total"),
                .init(name: "Tasks Running", type: "integer", jsonPath: ".status.tasksStatus.running"),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(example: KafkaConnector.usageExample, exampleColumns: [
                "my-kafka-connector", "my-kafka-connect", "my-aiven-project",
                "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "RUNNING", "1", "1",
            ])
        )
    }

    /// Every kind, in documentation order.
    public static let all: [ResourceKind] = [kafkaConnect, projectVPC, kafka, kafkaTopic, serviceIntegration, kafkaConnector]

    /// The kind named `name` (case-insensitive; plural and singular accepted), or `nil`.
    public static func named(_ name: String) -> ResourceKind? {
        let wanted = name.lowercased()
        return all.first { kind in
            [kind.kind.lowercased(), kind.definition.names.plural, kind.definition.names.singular, kind.definition.name].contains(wanted)
        }
    }

    /// The columns `kubectl get` shows for an Aiven service kind (Kafka, KafkaConnect).
    private static let servicePrinterColumns: [CustomResourceDefinition.PrinterColumn] = [
        .init(name: "Project", jsonPath: ".spec.project"),
        .init(name: "Region", jsonPath: ".spec.cloudName"),
        .init(name: "Plan", jsonPath: ".spec.plan"),
        .init(name: "State", jsonPath: ".status.state"),
        .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
        .init(name: "Powered", type: "boolean", jsonPath: ".spec.powered", priority: 1),
    ]

    /// A namespaced kind with one served and stored version, in the `aiven` category.
    private static func define<R: KubeResource>(
        _ type: R.Type,
        _ description: String,
        spec: JSONSchemaProps,
        status: JSONSchemaProps,
        printerColumns: [CustomResourceDefinition.PrinterColumn],
        page: ReferencePage
    ) throws(SchemaLoadError) -> ResourceKind {
        try ResourceKind(
            definition: CustomResourceDefinition(
                group: R.group,
                names: .init(kind: R.kind, plural: R.plural, categories: ["aiven"]),
                versions: [
                    .init(
                        name: R.version,
                        schema: .customResource(description, spec: spec, status: status),
                        printerColumns: printerColumns
                    ),
                ]
            ),
            page: page
        )
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
