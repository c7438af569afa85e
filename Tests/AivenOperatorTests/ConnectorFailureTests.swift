import Testing

@testable import AivenOperator

/// ``ConnectorFailure/classify(trace:)`` read off real Kafka Connect task traces: what a worker
/// reports in `…/connectors/{name}/status` for each kind of failure.
@Suite struct ConnectorFailureTests {
    static let traces: [(String, ConnectorFailure)] = [
        // Credentials and rights.
        ("org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256", .credentials),
        ("""
        org.apache.kafka.connect.errors.ConnectException: Unrecoverable exception from producer send callback
        \tat org.apache.kafka.connect.runtime.WorkerSourceTask.maybeThrowProducerSendException(WorkerSourceTask.java:312)
        Caused by: org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]
        """, .credentials),
        ("""
        org.apache.kafka.connect.errors.ConnectException: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "avnadmin"
        \tat io.aiven.connect.jdbc.util.CachedConnectionProvider.getConnection(CachedConnectionProvider.java:62)
        Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "avnadmin"
        \tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
        """, .credentials),
        ("java.sql.SQLException: Access denied for user 'avnadmin'@'10.0.0.5' (using password: YES)", .credentials),
        ("org.apache.kafka.connect.errors.ConnectException: com.amazonaws.services.s3.model.AmazonS3Exception: The AWS Access Key Id you provided does not exist in our records. (Service: Amazon S3; Status Code: 403; Error Code: InvalidAccessKeyId; Request ID: 4Q2B)", .credentials),
        ("org.apache.kafka.connect.errors.ConnectException: org.opensearch.OpenSearchStatusException: OpenSearch exception [type=security_exception, reason=no permissions for [indices:data/write/bulk] and User [name=connect]]", .credentials),
        ("org.apache.kafka.connect.errors.ConnectException: org.postgresql.util.PSQLException: ERROR: permission denied for table orders", .credentials),
        ("com.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user 'sa'. ClientConnectionId:2f6c", .credentials),
        // Configuration.
        ("org.apache.kafka.common.config.ConfigException: Missing required configuration \"connection.url\" which has no default value.", .configuration),
        ("""
        org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler
        \tat org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.execAndHandleError(RetryWithToleranceOperator.java:206)
        Caused by: org.apache.kafka.connect.errors.DataException: Converting byte[] to Kafka Connect data failed due to serialization error:
        \tat org.apache.kafka.connect.json.JsonConverter.toConnectData(JsonConverter.java:324)
        """, .configuration),
        ("org.apache.kafka.connect.errors.DataException: JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields and may not contain additional fields.", .configuration),
        ("java.lang.ClassNotFoundException: io.confluent.connect.avro.AvroConverter", .configuration),
        ("org.apache.kafka.common.config.ConfigException: Invalid value io.example.Missing for configuration transforms.route.type: Class io.example.Missing could not be found.", .configuration),
        // Transient, and anything unrecognised.
        ("""
        org.apache.kafka.connect.errors.ConnectException: java.net.ConnectException: Connection refused
        \tat io.aiven.connect.jdbc.util.CachedConnectionProvider.getConnection(CachedConnectionProvider.java:62)
        Caused by: java.net.ConnectException: Connection refused
        \tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
        \t... 14 more
        """, .transient),
        ("org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata", .transient),
        ("org.apache.kafka.connect.errors.RetriableException: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.", .transient),
        ("org.apache.kafka.common.errors.NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader.", .transient),
        ("org.apache.kafka.connect.errors.ConnectException: org.postgresql.util.PSQLException: FATAL: the database system is starting up", .transient),
        ("org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.\nCaused by: java.net.UnknownHostException: pg.internal", .transient),
        ("", .transient),
    ]

    @Test(arguments: traces)
    func traceClass(trace: String, expected: ConnectorFailure) {
        #expect(ConnectorFailure.classify(trace: trace) == expected, "\(trace.prefix(80))")
    }

    @Test func stackFramesDoNotCount() {
        // `doAuthentication` in a frame of a refused connection is not a refused password.
        let trace = "java.net.SocketTimeoutException: connect timed out\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(X.java:1)\n\tat com.example.AuthorizationExceptionHandler.run(Y.java:2)"
        #expect(ConnectorFailure.classify(trace: trace) == .transient)
        #expect(ConnectorFailure.exceptionLines(of: trace) == ["java.net.SocketTimeoutException: connect timed out"])
    }

    @Test func eachClassHasItsReasonAndSaysWhatToDo() {
        #expect(ConnectorFailure.credentials.reason == "TaskFailedCredentials")
        #expect(ConnectorFailure.configuration.reason == "TaskFailedConfig")
        #expect(ConnectorFailure.transient.reason == "TaskFailed")
        #expect(ConnectorFailure.credentials.remedy(resource: "sink").contains("Secret"))
        #expect(ConnectorFailure.configuration.remedy(resource: "sink").contains("spec.userConfig"))
        #expect(ConnectorFailure.transient.remedy(resource: "sink").contains("kubectl annotate kafkaconnector sink controllers.aiven.io/restart="))
    }
}
