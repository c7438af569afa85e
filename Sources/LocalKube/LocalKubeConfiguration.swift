import KubeAPI

/// How a ``LocalKube`` serves.
public struct LocalKubeConfiguration: Sendable {
    /// The address to bind. Only loopback addresses are allowed, because LocalKube speaks plain HTTP.
    public var host: String
    /// The port; `0` picks a free one (see ``LocalKube/start()``).
    public var port: Int
    /// Where objects are persisted across restarts; `nil` keeps them in memory.
    public var stateDirectory: String?
    /// CRDs installed (or updated) at start.
    public var definitions: [CustomResourceDefinition]
    /// When set, every request except health checks must carry `Authorization: Bearer <token>`.
    public var bearerToken: String?
    /// Serve HTTPS with this PEM certificate chain and key instead of plain HTTP.
    public var tls: TLSMaterial?
    /// How many changes are kept for watches that resume from a resourceVersion; older ones get
    /// `410 Expired`.
    public var historyLimit: Int
    /// How many undelivered events one watch may hold before the server closes it.
    public var watchBuffer: Int
    /// How often an idle watch with `allowWatchBookmarks=true` gets a BOOKMARK (kube-apiserver:
    /// about once a minute).
    public var bookmarkInterval: Duration = .seconds(60)
    /// Connections that send nothing, or never finish their request headers, for this long are
    /// closed.
    public var idleTimeout: Duration = .seconds(60)
    /// Container image → its entrypoint (an executable, then its arguments): a Deployment with a
    /// container whose image is a key runs the executable as one local process per replica (see
    /// `apiserver --run-image`), with the entrypoint's arguments first when the container sets no
    /// `command`, as a container runtime runs an image's `ENTRYPOINT`. Needs ``tls`` and
    /// ``bearerToken`` (pods reach the server the in-cluster way, over HTTPS with a service
    /// account token).
    public var runImages: [String: [String]] = [:]
    /// Where pods run by ``runImages`` keep their private directories; a temporary directory
    /// when `nil` and there is no ``stateDirectory`` (else `stateDirectory/pods`).
    public var podsDirectory: String?

    public init(
        host: String = "127.0.0.1", port: Int = 0, stateDirectory: String? = nil, definitions: [CustomResourceDefinition] = [],
        bearerToken: String? = nil, historyLimit: Int = 1000, watchBuffer: Int = 10_000, tls: TLSMaterial? = nil
    ) {
        self.tls = tls
        self.host = host
        self.port = port
        self.stateDirectory = stateDirectory
        self.definitions = definitions
        self.bearerToken = bearerToken
        self.historyLimit = historyLimit
        self.watchBuffer = watchBuffer
    }

    /// `true` for addresses only this machine can reach.
    var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }
}

/// Why a ``LocalKube`` could not start.
public enum LocalKubeError: Error, Sendable, CustomStringConvertible {
    /// Plain HTTP on a non-loopback address would expose the API unauthenticated.
    case insecureBinding(host: String)
    /// A CRD given in the configuration was refused.
    case definitionRejected(name: String, message: String)
    /// The server stopped before it started listening.
    case notListening
    /// Pods reach the server as in a cluster: over HTTPS, with a service account token.
    case runImagesNeedTLS

    public var description: String {
        switch self {
        case .insecureBinding(let host): "refusing to serve plain HTTP on non-loopback address \(host)"
        case .definitionRejected(let name, let message): "CRD \(name) rejected: \(message)"
        case .notListening: "the server stopped before listening"
        case .runImagesNeedTLS: "running images needs TLS and a bearer token: pods reach the server over HTTPS with a service account token"
        }
    }
}

/// A PEM certificate (chain) and private key for HTTPS.
public struct TLSMaterial: Sendable {
    public var certificatePEM: [UInt8]
    public var privateKeyPEM: [UInt8]

    public init(certificatePEM: [UInt8], privateKeyPEM: [UInt8]) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }
}
