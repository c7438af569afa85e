/// The annotations that steer a `KafkaConnector` beyond the reference operator's spec. They are
/// this project's extensions, so a manifest written for the reference operator means the same
/// here, and one using them still applies to the reference CRD (which ignores annotations).
public enum ConnectorAnnotations {
    /// Any new value restarts the connector and its failed tasks once; the value acted on is
    /// kept in `status.restarts.connector`.
    public static let restart = "controllers.aiven.io/restart"
    /// A task id: a new value restarts that task once (kept in `status.restarts.task`).
    public static let restartTask = "controllers.aiven.io/restart-task"
    /// `"true"`: failed tasks whose trace reads as transient are restarted with backoff, at most
    /// ``ConnectorRecovery/defaultLimit`` times in a row; a number from 1 to 100 sets that limit;
    /// absent or `"false"`: never.
    public static let autoRestart = "controllers.aiven.io/auto-restart"
    /// `paused` or `running` (the default): the state the connector is kept in. Not
    /// `controllers.aiven.io/paused`, which stops every Aiven call for the resource.
    public static let state = "controllers.aiven.io/connector-state"
    /// The connector's name on Aiven when it cannot be `metadata.name` (capitals, underscores);
    /// fixed once the connector exists.
    public static let name = "controllers.aiven.io/connector-name"
}
