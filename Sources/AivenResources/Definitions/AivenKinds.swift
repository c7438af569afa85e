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

    /// `ServiceUser`, a user of a `Kafka` service with its own credentials.
    public static let serviceUser: ResourceKind = load {
        try define(
            ServiceUser.self, "ServiceUser is the Schema for the serviceusers API.\nCreates a service user for accessing Aiven services. The ServiceUser resource name becomes the username in Aiven, unless spec.username overrides it.\nBuilt-in users like `avnadmin` cannot be deleted but their passwords can be modified using connInfoSecretSource.",
            spec: ServiceUser.specSchema, status: ServiceUser.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Connection Information Secret", jsonPath: ".spec.connInfoSecretTarget.name"),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(example: ServiceUser.usageExample, exampleColumns: ["my-service-user", "my-service-name", "aiven-project-name", "service-user-secret"])
        )
    }

    /// `KafkaACL`, an Aiven ACL entry of a `Kafka` service.
    public static let kafkaACL: ResourceKind = load {
        try define(
            KafkaACL.self, "KafkaACL is the Schema for the kafkaacls API.",
            spec: KafkaACL.specSchema, status: KafkaACL.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Username", jsonPath: ".spec.username"),
                .init(name: "Permission", jsonPath: ".spec.permission"),
                .init(name: "Topic", jsonPath: ".spec.topic"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(example: KafkaACL.usageExample, exampleColumns: ["my-kafka-acl", "my-kafka", "my-aiven-project", "my-user", "admin", "my-topic"])
        )
    }

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
            page: ReferencePage(example: KafkaNativeACL.usageExample, exampleColumns: [
                "my-kafka-native-acl", "my-kafka", "my-aiven-project", "my-host", "Create", "LITERAL", "ALLOW",
            ])
        )
    }

    /// `KafkaSchemaRegistryACL`, a Schema Registry ACL entry of a `Kafka` service.
    public static let kafkaSchemaRegistryACL: ResourceKind = load {
        try define(
            KafkaSchemaRegistryACL.self, "KafkaSchemaRegistryACL is the Schema for the kafkaschemaregistryacls API.",
            spec: KafkaSchemaRegistryACL.specSchema, status: KafkaSchemaRegistryACL.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Resource", jsonPath: ".spec.resource"),
                .init(name: "Username", jsonPath: ".spec.username"),
                .init(name: "State", jsonPath: ".status.state"),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(example: KafkaSchemaRegistryACL.usageExample, exampleColumns: [
                "my-kafka-schema-registry-acl", "aiven-project-name", "my-kafka", "Subject:my-topic", "my-user", "RUNNING",
            ])
        )
    }

    /// `ServiceIntegrationEndpoint`, an external system (a PostgreSQL server, a schema registry,
    /// Datadog, …) a `ServiceIntegration` joins a service to.
    public static let serviceIntegrationEndpoint: ResourceKind = load {
        try define(
            ServiceIntegrationEndpoint.self, "ServiceIntegrationEndpoint is the Schema for the serviceintegrationendpoints API.",
            spec: ServiceIntegrationEndpoint.specSchema, status: ServiceIntegrationEndpoint.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Endpoint Name", jsonPath: ".spec.endpointName"),
                .init(name: "Endpoint Type", jsonPath: ".spec.endpointType"),
                .init(name: "ID", jsonPath: ".status.id"),
            ],
            page: ReferencePage(example: ServiceIntegrationEndpoint.usageExample, exampleColumns: [
                "my-service-integration-endpoint", "aiven-project-name", "my-autoscaler", "autoscaler", "<id>",
            ])
        )
    }

    /// `PostgreSQL`, an Aiven for PostgreSQL service (the guide's JDBC sink).
    public static let postgreSQL: ResourceKind = load {
        try define(
            PostgreSQL.self, "PostgreSQL is the Schema for the postgresql API.",
            spec: PostgreSQL.specSchema, status: PostgreSQL.statusSchema,
            printerColumns: servicePrinterColumns,
            page: ReferencePage(example: PostgreSQL.usageExample, exampleColumns: [
                "my-postgresql", "aiven-project-name", "google-europe-west1", "startup-4", "RUNNING",
            ])
        )
    }

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
            page: ReferencePage(example: KafkaSchema.usageExample, exampleColumns: [
                "my-schema", "my-kafka", "my-aiven-project", "mny-subject", "BACKWARD", "1",
            ])
        )
    }

    /// Every kind, in documentation order.
    public static let all: [ResourceKind] = [
        kafkaConnect, projectVPC, kafka, kafkaTopic, serviceIntegration, serviceIntegrationEndpoint, kafkaConnector, serviceUser, kafkaACL, kafkaNativeACL, kafkaSchemaRegistryACL,
        postgreSQL,
        kafkaSchema,
    ]

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
        rules: [ValidationRule] = [],
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
                        schema: .customResource(description, spec: spec, status: status, rules: rules),
                        printerColumns: printerColumns
                    ),
                ]
            ),
            page: page,
            swiftType: type
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
