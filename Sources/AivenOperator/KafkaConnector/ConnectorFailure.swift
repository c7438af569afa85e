/// Why a connector task failed, read from the trace Kafka Connect reports: whether restarting it
/// can help.
///
/// Only the exception lines of the trace count (its first line and each `Caused by:`), not its
/// stack frames: a frame names the code that ran, not what went wrong. The first matching rule
/// wins, in this order: credentials or authorization, then configuration, then transient —
/// anything not recognised is transient, since a restart is the cheap answer to what nobody
/// diagnosed (it is bounded by the restart limit).
public enum ConnectorFailure: String, Sendable, Hashable, CaseIterable {
    /// The external system or Kafka refused the connector's credentials or rights: a restart fails
    /// the same way until they change.
    case credentials
    /// The connector's configuration is wrong (a bad value, a missing class or option, data the
    /// converters cannot read): a restart fails the same way until the spec changes.
    case configuration
    /// The network, a broker or the external system was unavailable: a restart is the answer.
    case transient

    /// Lower-cased fragments of exception lines that mean the credentials or rights were refused.
    static let credentialMarks = [
        "authenticationexception",  // Kafka's AuthenticationException, SaslAuthenticationException, SslAuthenticationException
        "authorizationexception",  // TopicAuthorizationException, GroupAuthorizationException, ClusterAuthorizationException
        "password authentication failed",  // PostgreSQL
        "access denied for user",  // MySQL
        "login failed for user",  // SQL Server
        "ora-01017",  // Oracle: invalid username/password
        "permission denied for",  // PostgreSQL: permission denied for table/schema
        "not authorized",  // MongoDB
        "invalidaccesskeyid", "signaturedoesnotmatch", "error code: accessdenied",  // Amazon S3
        "security_exception", "status line [http/1.1 401", "status line [http/1.1 403",  // OpenSearch / Elasticsearch
        "invalid_grant", "unauthenticated",  // OAuth, Google APIs
    ]

    /// Lower-cased fragments of exception lines that mean the configuration is wrong.
    static let configurationMarks = [
        "configexception",  // org.apache.kafka.common.config.ConfigException
        "classnotfoundexception", "noclassdeffounderror",
        "failed to find any class that implements",
        "dataexception",  // org.apache.kafka.connect.errors.DataException: converters and data do not fit
        "tolerance exceeded in error handler",  // errors.tolerance=none met a record it cannot convert
        "unknown configuration",
    ]

    /// The class of the failure `trace` describes (Kafka Connect's task `trace`).
    public static func classify(trace: String) -> ConnectorFailure {
        let lines = exceptionLines(of: trace).map { $0.lowercased() }
        if lines.contains(where: { line in credentialMarks.contains { line.contains($0) } }) { return .credentials }
        if lines.contains(where: { line in configurationMarks.contains { line.contains($0) } }) { return .configuration }
        return .transient
    }

    /// The first line and every `Caused by:` line; frames (`at …`) and `... N more` are left out.
    static func exceptionLines(of trace: String) -> [Substring] {
        trace.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("at ") || line.hasPrefix("...") { return nil }
            return line
        }
    }

    /// The `Ready` reason of a failed task of this class.
    public var reason: String {
        switch self {
        case .credentials: "TaskFailedCredentials"
        case .configuration: "TaskFailedConfig"
        case .transient: "TaskFailed"
        }
    }

    /// What a user does about it.
    func remedy(resource name: String) -> String {
        let restart = "kubectl annotate kafkaconnector \(name) \(ConnectorAnnotations.restart)=$(date +%s) --overwrite"
        switch self {
        case .credentials:
            return "The credentials or rights the connector uses were refused: fix them in spec.userConfig or the Secret it reads (fromSecret); the connector is restarted as soon as either changes, or after a fix outside Kubernetes with \(restart)."
        case .configuration:
            return "The connector's configuration is wrong: fix spec.userConfig; the connector is restarted as soon as it changes, or with \(restart)."
        case .transient:
            return "Restart it with \(restart), or let the operator do so with annotation \(ConnectorAnnotations.autoRestart): \"true\"."
        }
    }
}
