/// Task failure traces as Kafka Connect reports them in `…/connectors/{name}/status`, one per
/// failure class, for the control API's `fail` route. Each is the shape of a real worker's trace
/// (the exception chain with `Caused by:` lines and frames), so an operator classifying failures
/// reads the same text it would read on Aiven.
enum ConnectorTraces {
    /// Why a task failed.
    enum Class: String, Sendable, CaseIterable {
        /// The external system refused the connector's credentials.
        case credentials
        /// The connector's configuration is wrong.
        case configuration
        /// The network, a broker or the external system was briefly unavailable.
        case transient
    }

    static func trace(_ failureClass: Class) -> String {
        switch failureClass {
        case .credentials:
            """
            org.apache.kafka.connect.errors.ConnectException: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "avnadmin"
            \tat io.aiven.connect.jdbc.util.CachedConnectionProvider.getConnection(CachedConnectionProvider.java:62)
            \tat io.aiven.connect.jdbc.sink.JdbcDbWriter.write(JdbcDbWriter.java:64)
            \tat io.aiven.connect.jdbc.sink.JdbcSinkTask.put(JdbcSinkTask.java:84)
            \tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:601)
            \tat org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:237)
            Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "avnadmin"
            \tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
            \tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:203)
            \t... 12 more

            """
        case .configuration:
            """
            org.apache.kafka.common.config.ConfigException: Invalid value io.example.transforms.Missing for configuration transforms.route.type: Class io.example.transforms.Missing could not be found.
            \tat org.apache.kafka.common.config.ConfigDef.parseType(ConfigDef.java:744)
            \tat org.apache.kafka.common.config.ConfigDef.parseValue(ConfigDef.java:490)
            \tat org.apache.kafka.connect.runtime.ConnectorConfig.enrich(ConnectorConfig.java:343)
            \tat org.apache.kafka.connect.runtime.Worker.startTask(Worker.java:628)

            """
        case .transient:
            """
            org.apache.kafka.connect.errors.ConnectException: java.net.ConnectException: Connection refused
            \tat io.aiven.connect.jdbc.util.CachedConnectionProvider.getConnection(CachedConnectionProvider.java:62)
            \tat io.aiven.connect.jdbc.sink.JdbcDbWriter.write(JdbcDbWriter.java:64)
            \tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:601)
            \tat org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:237)
            Caused by: java.net.ConnectException: Connection refused
            \tat java.base/sun.nio.ch.Net.pollConnect(Native Method)
            \tat org.postgresql.core.PGStream.createSocket(PGStream.java:241)
            \t... 14 more

            """
        }
    }
}
