import Foundation
import KubeAPI

/// A kubeconfig file: clusters, users and contexts, read the way kubectl reads them.
public struct KubeConfig: Sendable, Hashable {
    public struct Cluster: Sendable, Hashable {
        public var server: String
        public var certificateAuthorityData: [UInt8]?
        public var certificateAuthority: String?
        public var insecureSkipTLSVerify: Bool
    }

    public struct User: Sendable, Hashable {
        public var token: String? = nil
        public var tokenFile: String? = nil
        public var clientCertificateData: [UInt8]? = nil
        public var clientCertificate: String? = nil
        public var clientKeyData: [UInt8]? = nil
        public var clientKey: String? = nil
    }

    public struct Context: Sendable, Hashable {
        public var cluster: String
        public var user: String?
        public var namespace: String?
    }

    public var clusters: [String: Cluster]
    public var users: [String: User]
    public var contexts: [String: Context]
    public var currentContext: String?
    /// The directory relative file paths in the kubeconfig are resolved against.
    public var directory: String

    /// Parses kubeconfig YAML (or JSON).
    public init(yaml text: String, directory: String) throws(KubeError) {
        let document: JSONValue
        do {
            guard let first = try YAMLDocuments.load(text).first else { throw KubeError.configuration("kubeconfig is empty") }
            document = first
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.configuration("kubeconfig is not valid YAML: \(error)")
        }
        self.directory = directory
        currentContext = document["current-context"]?.stringValue
        clusters = [:]
        users = [:]
        contexts = [:]
        for entry in document["clusters"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let cluster = entry["cluster"], let server = cluster["server"]?.stringValue else { continue }
            clusters[name] = Cluster(
                server: server,
                certificateAuthorityData: try Self.base64(cluster["certificate-authority-data"], "certificate-authority-data"),
                certificateAuthority: cluster["certificate-authority"]?.stringValue,
                insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"]?.boolValue ?? false
            )
        }
        for entry in document["users"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue else { continue }
            let user = entry["user"] ?? [:]
            users[name] = User(
                token: user["token"]?.stringValue,
                tokenFile: user["tokenFile"]?.stringValue,
                clientCertificateData: try Self.base64(user["client-certificate-data"], "client-certificate-data"),
                clientCertificate: user["client-certificate"]?.stringValue,
                clientKeyData: try Self.base64(user["client-key-data"], "client-key-data"),
                clientKey: user["client-key"]?.stringValue
            )
        }
        for entry in document["contexts"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let context = entry["context"], let cluster = context["cluster"]?.stringValue else { continue }
            contexts[name] = Context(cluster: cluster, user: context["user"]?.stringValue, namespace: context["namespace"]?.stringValue)
        }
    }

    /// Reads the kubeconfig at `path`, else the first file of `$KUBECONFIG`, else `~/.kube/config`.
    public static func load(path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws(KubeError) -> KubeConfig {
        let candidate = path
            ?? environment["KUBECONFIG"]?.split(separator: ":").first.map(String.init)
            ?? environment["HOME"].map { "\($0)/.kube/config" }
        guard let file = candidate, let data = FileManager.default.contents(atPath: file) else {
            throw KubeError.configuration("no kubeconfig found (looked at \(candidate ?? "$HOME/.kube/config"))")
        }
        return try KubeConfig(yaml: String(decoding: data, as: UTF8.self), directory: (file as NSString).deletingLastPathComponent)
    }

    /// The connection settings of `context` (the current context when `nil`).
    public func configuration(context name: String? = nil) throws(KubeError) -> ClientConfiguration {
        guard let contextName = name ?? currentContext, let context = contexts[contextName] else {
            throw KubeError.configuration("context \(GoFormat.quote(name ?? currentContext ?? "")) not found in kubeconfig")
        }
        guard let cluster = clusters[context.cluster] else {
            throw KubeError.configuration("cluster \(GoFormat.quote(context.cluster)) not found in kubeconfig")
        }
        guard let server = URL(string: cluster.server), server.scheme == "http" || server.scheme == "https" else {
            throw KubeError.configuration("cluster server \(GoFormat.quote(cluster.server)) is not an http(s) URL")
        }
        let user = context.user.flatMap { users[$0] } ?? User()
        var credentials: ClientConfiguration.Credentials = .none
        if let token = user.token {
            credentials = .token(BearerToken(token))
        } else if let tokenFile = user.tokenFile {
            credentials = .tokenFile(resolve(tokenFile))
        } else if let certificate = try user.clientCertificateData.orRead(user.clientCertificate, with: read),
            let key = try user.clientKeyData.orRead(user.clientKey, with: read)
        {
            credentials = .clientCertificate(certificate: certificate, key: key)
        }
        return ClientConfiguration(
            server: server,
            certificateAuthority: try cluster.certificateAuthorityData.orRead(cluster.certificateAuthority, with: read),
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify,
            credentials: credentials,
            namespace: context.namespace ?? "default"
        )
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    private func read(_ path: String?) throws(KubeError) -> [UInt8]? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: resolve(path)) else {
            throw KubeError.configuration("cannot read \(resolve(path))")
        }
        return Array(data)
    }

    private static func base64(_ value: JSONValue?, _ field: String) throws(KubeError) -> [UInt8]? {
        guard let text = value?.stringValue else { return nil }
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw KubeError.configuration("\(field) is not valid base64")
        }
        return Array(data)
    }
}

extension Optional<[UInt8]> {
    /// Inline data wins; otherwise the file at `path`, if any.
    func orRead(_ path: String?, with read: (String?) throws(KubeError) -> [UInt8]?) throws(KubeError) -> [UInt8]? {
        if let self { return self }
        return try read(path)
    }
}
