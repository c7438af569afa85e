import Foundation
import KubeAPI

/// Where and how to reach a Kubernetes API server: the server URL, the default namespace,
/// credentials and TLS trust.
public struct KubeConfig: Sendable {
    /// How requests authenticate.
    public enum Credentials: Sendable, Equatable {
        case none
        /// A static bearer token.
        case token(String)
        /// A bearer token read from a file and re-read when it may have rotated (service accounts).
        case tokenFile(String)
        /// A client certificate and key, PEM-encoded.
        case clientCertificate(certificatePEM: [UInt8], keyPEM: [UInt8])
    }

    /// `https://host:port` or `http://host:port`, without a trailing slash.
    public var server: String
    /// The namespace of the current context (`default` when unset).
    public var namespace: String
    public var credentials: Credentials
    /// PEM CA bundle to trust instead of the system roots.
    public var certificateAuthorityPEM: [UInt8]?
    /// `insecure-skip-tls-verify`.
    public var insecureSkipTLSVerify: Bool

    public init(
        server: String, namespace: String = "default", credentials: Credentials = .none, certificateAuthorityPEM: [UInt8]? = nil,
        insecureSkipTLSVerify: Bool = false
    ) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.namespace = namespace
        self.credentials = credentials
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
    }

    /// `true` for `https` servers.
    public var usesTLS: Bool { server.lowercased().hasPrefix("https://") }

    // MARK: Loading

    /// The configuration a client would use by default: the first file of `$KUBECONFIG`, else
    /// `~/.kube/config`, else the in-cluster service account.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(KubeError) -> KubeConfig {
        if let paths = environment["KUBECONFIG"], let first = paths.split(separator: ":").first(where: { FileManager.default.fileExists(atPath: String($0)) }) {
            return try kubeconfig(path: String(first))
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let defaultPath = (home as NSString).appendingPathComponent(".kube/config")
        if FileManager.default.fileExists(atPath: defaultPath) { return try kubeconfig(path: defaultPath) }
        return try inCluster(environment: environment)
    }

    /// Reads a kubeconfig file, using `context` or the file's `current-context`. Relative
    /// certificate and token file paths are resolved against the file's directory.
    public static func kubeconfig(path: String, context: String? = nil) throws(KubeError) -> KubeConfig {
        guard let data = FileManager.default.contents(atPath: path) else { throw KubeError.configuration("cannot read kubeconfig \(path)") }
        let directory = (path as NSString).deletingLastPathComponent
        return try kubeconfig(yaml: String(decoding: data, as: UTF8.self), context: context, directory: directory)
    }

    /// Parses kubeconfig YAML; relative paths are resolved against `directory`.
    public static func kubeconfig(yaml: String, context: String? = nil, directory: String = ".") throws(KubeError) -> KubeConfig {
        let document: JSONValue
        do {
            guard let first = try YAMLDocuments.load(yaml).first else { throw KubeError.configuration("empty kubeconfig") }
            document = first
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.configuration("kubeconfig is not valid YAML: \(error)")
        }
        func named(_ list: String, _ name: String) -> JSONValue? {
            document[list]?.arrayValue?.first { $0["name"]?.stringValue == name }
        }
        guard let contextName = context ?? document["current-context"]?.stringValue, !contextName.isEmpty else {
            throw KubeError.configuration("kubeconfig has no current-context")
        }
        guard let contextEntry = named("contexts", contextName)?["context"] else { throw KubeError.configuration("context \(contextName) not found") }
        guard let clusterName = contextEntry["cluster"]?.stringValue, let cluster = named("clusters", clusterName)?["cluster"],
            let server = cluster["server"]?.stringValue
        else { throw KubeError.configuration("cluster of context \(contextName) not found or has no server") }
        let user = contextEntry["user"]?.stringValue.flatMap { named("users", $0)?["user"] } ?? [:]

        func resolve(_ file: String) -> String { file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file) }
        func bytes(data key: String, file fileKey: String, in entry: JSONValue) throws(KubeError) -> [UInt8]? {
            if let encoded = entry[key]?.stringValue {
                guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else { throw KubeError.configuration("\(key) is not base64") }
                return Array(decoded)
            }
            if let file = entry[fileKey]?.stringValue {
                guard let contents = FileManager.default.contents(atPath: resolve(file)) else { throw KubeError.configuration("cannot read \(fileKey) \(file)") }
                return Array(contents)
            }
            return nil
        }

        let credentials: Credentials
        if let token = user["token"]?.stringValue {
            credentials = .token(token)
        } else if let tokenFile = user["tokenFile"]?.stringValue {
            credentials = .tokenFile(resolve(tokenFile))
        } else if let certificate = try bytes(data: "client-certificate-data", file: "client-certificate", in: user),
            let key = try bytes(data: "client-key-data", file: "client-key", in: user)
        {
            credentials = .clientCertificate(certificatePEM: certificate, keyPEM: key)
        } else {
            credentials = .none
        }
        return KubeConfig(
            server: server,
            namespace: contextEntry["namespace"]?.stringValue ?? "default",
            credentials: credentials,
            certificateAuthorityPEM: try bytes(data: "certificate-authority-data", file: "certificate-authority", in: cluster),
            insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"]?.boolValue ?? false
        )
    }

    /// The in-cluster configuration: `KUBERNETES_SERVICE_HOST`/`PORT`, the service account's
    /// token file (re-read on rotation), CA and namespace under `directory`.
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String = "/var/run/secrets/kubernetes.io/serviceaccount"
    ) throws(KubeError) -> KubeConfig {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], let port = environment["KUBERNETES_SERVICE_PORT"] else {
            throw KubeError.configuration("no kubeconfig found and not running in a cluster (KUBERNETES_SERVICE_HOST is unset)")
        }
        let tokenPath = (directory as NSString).appendingPathComponent("token")
        guard FileManager.default.fileExists(atPath: tokenPath) else { throw KubeError.configuration("service account token \(tokenPath) is missing") }
        let namespace = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent("namespace"))
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return KubeConfig(
            server: "https://\(hostPart):\(port)",
            namespace: namespace ?? "default",
            credentials: .tokenFile(tokenPath),
            certificateAuthorityPEM: FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent("ca.crt")).map { Array($0) }
        )
    }
}
