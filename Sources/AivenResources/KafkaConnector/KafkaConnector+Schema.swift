import KubeAPI

extension KafkaConnector {
    /// The schema of `spec`: the single source of truth for the CRD, the validator and the reference
    /// docs. Every field, constraint and description comes from the KafkaConnector reference page.
    public static let specSchema: JSONSchemaProps = .object(
        "KafkaConnectorSpec defines the desired state of KafkaConnector.",
        required: ["connectorClass", "project", "serviceName", "userConfig"],
        properties: [
            "authSecretRef": ServiceSchema.authSecretRef,
            "connectorClass": .string("The Java class of the connector.", maxLength: 1024),
            "project": ServiceSchema.project,
            "serviceName": ServiceSchema.serviceName,
            "userConfig": .map("The connector-specific configuration\nTo build config values from secret the template function `{{ fromSecret \"name\" \"key\" }}`\nis provided when interpreting the keys.\nWhere \"name\" is the name of the secret and \"key\" is the key in the secret\nin the same namespace as the KafkaConnector.", values: .string()),
        ]
    )

    /// The schema of `status`.
    public static let statusSchema: JSONSchemaProps = .object(
        "KafkaConnectorStatus defines the observed state of KafkaConnector.",
        properties: [
            "state": .string("Connector state (UNASSIGNED, RUNNING, PAUSED, FAILED, RESTARTING, STOPPED)."),
            "tasksStatus": .object(
                "Number of the connector's tasks in each state.",
                properties: [
                    "total": .integer("Number of tasks.", minimum: 0),
                    "running": .integer("Number of running tasks.", minimum: 0),
                    "failed": .integer("Number of failed tasks.", minimum: 0),
                    "paused": .integer("Number of paused tasks.", minimum: 0),
                    "unassigned": .integer("Number of unassigned tasks.", minimum: 0),
                    "unknown": .integer("Number of tasks in an unknown state.", minimum: 0),
                    "stackTrace": .string("The first line of the trace of the first failed task."),
                ]
            ),
            "tasks": .array(
                "Each task's state, by task id.",
                of: .object(
                    "One task of the connector.",
                    required: ["id", "state"],
                    properties: [
                        "id": .integer("The task id.", minimum: 0),
                        "state": .string("The task state (RUNNING, FAILED, PAUSED, UNASSIGNED)."),
                    ]
                )
            ),
            "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
            "conditions": JSONSchemaProps.conditions,
            "driftedFields": .array(
                "Config keys that differ on Aiven from the spec and were left as they are, because the resource's drift policy is Report.",
                of: .string()
            ),
            "appliedSecrets": .string("The Secrets the applied config read fromSecret values from, as NAME@resourceVersion (never a value)."),
            "pluginStatus": .object(
                "PluginStatus contains metadata about the configured connector plugin",
                required: ["author", "class", "docUrl", "title", "type", "version"],
                properties: [
                    "author": .string(), "class": .string(), "docUrl": .string(), "title": .string(), "type": .string(), "version": .string(),
                ]
            ),
            "restarts": .object(
                "Restarts of the connector and its tasks: the annotation values acted on (controllers.aiven.io/restart, restart-task) and the automatic ones (controllers.aiven.io/auto-restart).",
                properties: [
                    "connector": .string("The value of annotation controllers.aiven.io/restart last acted on."),
                    "task": .string("The value of annotation controllers.aiven.io/restart-task last acted on."),
                    "automatic": .integer("Automatic restarts since the connector last ran healthy for a while.", minimum: 0),
                    "lastRestartTime": .string("When the last restart was made.", format: "date-time"),
                    "nextAttemptTime": .string("When the next automatic restart is due.", format: "date-time"),
                ]
            ),
            "connectorName": .string("The connector's name on Aiven (metadata.name, or annotation controllers.aiven.io/connector-name)."),
            "appliedState": .string("PAUSED when the applied resource asks for the connector paused (annotation controllers.aiven.io/connector-state)."),
        ]
    )
}
