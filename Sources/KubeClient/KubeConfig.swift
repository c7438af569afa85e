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
        /// A bearer token printed by an exec credential plugin, cached until it expires.
        case exec(ExecCredentialPlugin)
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

    /// The configuration a client would use by default, like kubectl: the files of `$KUBECONFIG`
    /// merged (the first file to name a cluster, context or user, or to set `current-context`,
    /// wins), else `~/.kube/config`, else the in-cluster service account. `context` overrides
    /// `current-context`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment, context: String? = nil) throws(KubeError) -> KubeConfig {
        let listed = (environment["KUBECONFIG"] ?? "").split(separator: ":").map(String.init).filter { FileManager.default.fileExists(atPath: $0) }
        if !listed.isEmpty { return try kubeconfig(paths: listed, context: context) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let defaultPath = (home as NSString).appendingPathComponent(".kube/config")
        if FileManager.default.fileExists(atPath: defaultPath) { return try kubeconfig(path: defaultPath, context: context) }
        return try inCluster(environment: environment)
    }

    /// Reads a kubeconfig file, using `context` or the file's `current-context`. Relative
    /// certificate, token file and exec command paths are resolved against the file's directory.
    public static func kubeconfig(path: String, context: String? = nil) throws(KubeError) -> KubeConfig {
        try kubeconfig(paths: [path], context: context)
    }

    /// Reads and merges kubeconfig files as kubectl merges `$KUBECONFIG`: each cluster, context and
    /// user comes from the first file that names it, `current-context` from the first file that
    /// sets it; relative paths stay relative to the file they were written in.
    public static func kubeconfig(paths: [String], context: String? = nil) throws(KubeError) -> KubeConfig {
        var merged: [String: JSONValue] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw KubeError.configuration("cannot read kubeconfig \(path)") }
            let directory = (path as NSString).deletingLastPathComponent
            let document = try parse(String(decoding: data, as: UTF8.self)).resolvingPaths(against: directory.isEmpty ? "." : directory)
            if merged["current-context"]?.stringValue?.isEmpty ?? true, let current = document["current-context"] { merged["current-context"] = current }
            for list in ["clusters", "contexts", "users"] {
                var entries = merged[list]?.arrayValue ?? []
                for entry in document[list]?.arrayValue ?? [] where !entries.contains(where: { $0["name"] == entry["name"] }) {
                    entries.append(entry)
                }
                merged[list] = .array(entries)
            }
        }
        return try kubeconfig(document: .object(merged), context: context, directory: "/")
    }

    /// Parses kubeconfig YAML; relative paths are resolved against `directory`.
    public static func kubeconfig(yaml: String, context: String? = nil, directory: String = ".") throws(KubeError) -> KubeConfig {
        try kubeconfig(document: parse(yaml), context: context, directory: directory)
    }

    private static func parse(_ yaml: String) throws(KubeError) -> JSONValue {
        do {
            guard let first = try YAMLDocuments.load(yaml).first else { throw KubeError.configuration("empty kubeconfig") }
            return first
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.configuration("kubeconfig is not valid YAML: \(error)")
        }
    }

    private static func kubeconfig(document: JSONValue, context: String?, directory: String) throws(KubeError) -> KubeConfig {
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

        try refuseUnsupported(user: user, cluster: cluster, context: contextName)
        let credentials: Credentials
        if let exec = user["exec"], !exec.isNull {
            credentials = .exec(try ExecCredentialPlugin.parse(exec, cluster: cluster, directory: directory))
        } else if let token = user["token"]?.stringValue {
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

    /// kubeconfig settings the operator does not implement, refused by name rather than ignored:
    /// ignoring them would send requests somewhere, or as someone, other than the file says.
    private static func refuseUnsupported(user: JSONValue, cluster: JSONValue, context: String) throws(KubeError) {
        if let proxy = cluster["proxy-url"]?.stringValue, !proxy.isEmpty {
            throw KubeError.configuration("context \(context): the cluster's proxy-url (\(proxy)) is not supported; reach the API server directly")
        }
        if let name = cluster["tls-server-name"]?.stringValue, !name.isEmpty {
            throw KubeError.configuration("context \(context): the cluster's tls-server-name is not supported; use the name in the server certificate in server")
        }
        if let provider = user["auth-provider"]?["name"]?.stringValue {
            throw KubeError.configuration(
                "context \(context): the \(provider) auth-provider was removed from Kubernetes clients; use its exec plugin (gke-gcloud-auth-plugin, kubelogin, aws eks get-token)"
            )
        }
        if user["username"] != nil || user["password"] != nil {
            throw KubeError.configuration("context \(context): basic authentication (username/password) is not supported; use a token, a client certificate or an exec plugin")
        }
        if user["as"] != nil || user["as-groups"] != nil || user["as-uid"] != nil {
            throw KubeError.configuration("context \(context): impersonation (as, as-groups) is not supported; give the operator its own credentials")
        }
    }

    /// The in-cluster configuration: `KUBERNETES_SERVICE_HOST`/`PORT`, the service account's
    /// token file (re-read on rotation), CA and namespace under `directory` (by default
    /// `/var/run/secrets/kubernetes.io/serviceaccount`, or `$LOCALKUBE_SERVICE_ACCOUNT_DIR`
    /// when set: see ``InClusterPaths``).
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String? = nil
    ) throws(KubeError) -> KubeConfig {
        let directory = directory ?? environment[InClusterPaths.serviceAccountDirectoryVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? InClusterPaths.serviceAccountDirectory
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

extension JSONValue {
    /// A kubeconfig document with its relative file paths (certificates, keys, token files, exec
    /// commands containing a `/`) made absolute against `directory`, so documents from different
    /// files can be merged.
    fileprivate func resolvingPaths(against directory: String) -> JSONValue {
        func absolute(_ value: JSONValue?) -> JSONValue? {
            guard let path = value?.stringValue, !path.isEmpty, !path.hasPrefix("/") else { return value }
            return .string((directory as NSString).appendingPathComponent(path))
        }
        func resolve(_ list: String, _ section: String, _ keys: [String], exec: Bool = false) -> JSONValue? {
            guard let entries = self[list]?.arrayValue else { return self[list] }
            return .array(entries.map { entry in
                guard case .object(var fields) = entry, case .object(var body)? = fields[section] else { return entry }
                for key in keys where body[key] != nil { body[key] = absolute(body[key]) }
                if exec, case .object(var command)? = body["exec"], command["command"]?.stringValue?.contains("/") == true {
                    command["command"] = absolute(command["command"])
                    body["exec"] = .object(command)
                }
                fields[section] = .object(body)
                return .object(fields)
            })
        }
        guard case .object(var document) = self else { return self }
        document["clusters"] = resolve("clusters", "cluster", ["certificate-authority"])
        document["users"] = resolve("users", "user", ["client-certificate", "client-key", "tokenFile"], exec: true)
        return .object(document.compactMapValues { $0 })
    }
}
