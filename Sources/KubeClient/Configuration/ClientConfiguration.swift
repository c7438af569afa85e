import Foundation

/// Everything needed to reach one API server: URL, TLS trust and client credentials.
public struct ClientConfiguration: Sendable, Hashable {
    /// How requests authenticate.
    public enum Credentials: Sendable, Hashable {
        case none
        /// A fixed bearer token.
        case token(BearerToken)
        /// A bearer token re-read from a file when it changes (service-account token rotation).
        case tokenFile(String)
        /// Mutual TLS with PEM-encoded certificate and key.
        case clientCertificate(certificate: [UInt8], key: [UInt8])
    }

    public var server: URL
    /// PEM-encoded CA bundle to trust instead of the system roots.
    public var certificateAuthority: [UInt8]?
    public var insecureSkipTLSVerify: Bool
    public var credentials: Credentials
    /// The namespace of the context (`default` when it names none).
    public var namespace: String
    /// Timeout of every non-watch request.
    public var requestTimeout: Duration

    public init(
        server: URL,
        certificateAuthority: [UInt8]? = nil,
        insecureSkipTLSVerify: Bool = false,
        credentials: Credentials = .none,
        namespace: String = "default",
        requestTimeout: Duration = .seconds(30)
    ) {
        self.server = server
        self.certificateAuthority = certificateAuthority
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.credentials = credentials
        self.namespace = namespace
        self.requestTimeout = requestTimeout
    }

    /// The service-account configuration of a pod: `KUBERNETES_SERVICE_HOST`/`_PORT`, the
    /// mounted CA, namespace and token (re-read as the kubelet rotates it).
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        accountDirectory: String = "/var/run/secrets/kubernetes.io/serviceaccount"
    ) throws(KubeError) -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], let port = environment["KUBERNETES_SERVICE_PORT"] else {
            throw KubeError.configuration("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set")
        }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        guard let server = URL(string: "https://\(bracketed):\(port)") else {
            throw KubeError.configuration("invalid in-cluster address \(host):\(port)")
        }
        let tokenPath = "\(accountDirectory)/token"
        guard FileManager.default.fileExists(atPath: tokenPath) else {
            throw KubeError.configuration("service-account token \(tokenPath) not found")
        }
        let namespace = FileManager.default.contents(atPath: "\(accountDirectory)/namespace")
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        return ClientConfiguration(
            server: server,
            certificateAuthority: FileManager.default.contents(atPath: "\(accountDirectory)/ca.crt").map(Array.init),
            credentials: .tokenFile(tokenPath),
            namespace: namespace ?? "default"
        )
    }
}

/// A bearer token whose value never appears in descriptions, dumps or logs.
public struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret value; read only to build the `Authorization` header.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "BearerToken(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
