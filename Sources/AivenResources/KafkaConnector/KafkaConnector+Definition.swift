import KubeAPI

extension AivenKinds {
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
            page: ReferencePage(
                example: KafkaConnector.usageExample,
                exampleColumns: [
                    "my-kafka-connector", "my-kafka-connect", "my-aiven-project",
                    "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "RUNNING", "1", "1",
                ],
                reconciled: #"yes: waits for its service to run Kafka Connect, `fromSecret` placeholders resolved (and re-applied when the Secret changes), connector and task states in status, a FAILED task seen within `--connector-status-interval` (60 s) of the failure and read by its trace (`TaskFailedCredentials`, `TaskFailedConfig` with what to fix, else `TaskFailed`); restarts on demand and automatic restarts of transient failures, a requested pause, plugin checks before a create, an Aiven name apart from `metadata.name` (see *Connectors that stay up*)"#,
                takeover: Takeover(
                    identity: #"service and `metadata.name`"#,
                    takenOver: #"the existing connector; the spec's config is applied"#
                )
            )
        )
    }
}

extension KafkaConnector: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.kafkaConnector }
}
