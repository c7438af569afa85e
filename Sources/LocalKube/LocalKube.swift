import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import NIOSSL
import KubeAPI
import Logging
import ServiceLifecycle

/// A Kubernetes-API-compatible server for one machine: serve it in-process from tests, or from
/// `aiven-operator apiserver`.
///
/// ```swift
/// let kube = LocalKube(configuration: LocalKubeConfiguration(definitions: [crd]))
/// let port = try await kube.start()      // listening on 127.0.0.1:port
/// defer { Task { await kube.stop() } }
/// ```
public actor LocalKube {
    public let configuration: LocalKubeConfiguration
    /// Requests served so far, per route template.
    public let requestLog = RequestLog()
    private let logger: Logger
    private var serverTask: Task<Void, any Error>?
    private var serverGroup: ServiceGroup?
    private var store: ObjectStore?
    private var namespaceController: Task<Void, Never>?
    private var garbageCollector: Task<Void, Never>?
    private var deploymentRunner: Task<Void, Never>?

    public init(configuration: LocalKubeConfiguration, logger: Logger = Logger(label: "LocalKube")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts serving in the background and returns the bound port once the server listens.
    public func start() async throws -> Int {
        guard configuration.isLoopback || (configuration.tls != nil && configuration.bearerToken != nil) else {
            throw LocalKubeError.insecureBinding(host: configuration.host)
        }
        guard configuration.runImages.isEmpty || (configuration.tls != nil && configuration.bearerToken != nil) else {
            throw LocalKubeError.runImagesNeedTLS
        }
        let server = try Self.serverBuilder(configuration.tls, idleTimeout: configuration.idleTimeout)
        var journal: (StoreJournal, StoreJournal.Recovered)?
        if let directory = configuration.stateDirectory {
            journal = try await StoreJournal.open(directory: directory, logger: logger)
        }
        let store = ObjectStore(historyLimit: configuration.historyLimit, watchBuffer: configuration.watchBuffer, journal: journal)
        self.store = store
        do {
            try await install(into: store)
        } catch {
            await stop()
            throw error
        }
        namespaceController = Task { await NamespaceLifecycle(store: store).run() }
        garbageCollector = Task { await GarbageCollector(store: store).run() }
        let (ports, portContinuation) = AsyncThrowingStream<Int, any Error>.makeStream()
        let configuration = self.configuration
        let requestLog = self.requestLog
        let logger = self.logger
        let application = Application(
            responder: APIServer(
                store: store, requestLog: requestLog,
                authentication: RequestAuthentication(administratorToken: configuration.bearerToken, store: store),
                bookmarkInterval: configuration.bookmarkInterval, logger: logger
            ),
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                portContinuation.yield(port)
                portContinuation.finish()
            },
            logger: logger
        )
        // Its own group, without signal handling, so ``stop()`` can shut the server down
        // gracefully (in-flight requests finish) rather than cancel it.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: logger))
        serverGroup = group
        serverTask = Task {
            do {
                try await group.run()
                portContinuation.finish(throwing: LocalKubeError.notListening)
            } catch {
                portContinuation.finish(throwing: error)
                throw error
            }
        }
        do {
            for try await port in ports {
                startDeploymentRunner(store: store, port: port)
                return port
            }
            throw LocalKubeError.notListening
        } catch {
            await stop()
            throw error
        }
    }

    /// Plain HTTP/1.1, or HTTPS with `tls`; connections idle for `idleTimeout` (nothing sent,
    /// or headers never finished) are closed.
    static func serverBuilder(_ tls: TLSMaterial?, idleTimeout: Duration) throws -> HTTPServerBuilder {
        let http = HTTPServerBuilder.http1(configuration: HTTP1Channel.Configuration(
            additionalChannelHandlers: [HalfClosedConnectionCloser()], idleTimeout: TimeAmount(idleTimeout)
        ))
        guard let tls else { return http }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(tls.certificatePEM).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: tls.privateKeyPEM, format: .pem))
        )
        configuration.applicationProtocols = ["http/1.1"]
        return try .tls(http, tlsConfiguration: configuration)
    }

    /// Returns once every acknowledged change is on disk (`stateDirectory`); each write is
    /// already durable before it is acknowledged, so this only matters for callers that wrote
    /// without waiting for an answer.
    public func flush() async {
        await store?.flush()
    }

    /// Runs the Deployments whose images ``LocalKubeConfiguration/runImages`` maps.
    private func startDeploymentRunner(store: ObjectStore, port: Int) {
        guard !configuration.runImages.isEmpty, let tls = configuration.tls, let token = configuration.bearerToken else { return }
        let directory = configuration.podsDirectory
            ?? configuration.stateDirectory.map { ($0 as NSString).appendingPathComponent("pods") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("localkube-pods-\(UUID().uuidString)").path
        let runner = DeploymentRunner(
            store: store, images: configuration.runImages, directory: URL(fileURLWithPath: directory),
            credentials: ServiceAccountCredentials(
                host: configuration.host, port: port, certificateAuthorityPEM: tls.certificatePEM, tokens: ServiceAccountTokens(signingSecret: token)
            ),
            logger: logger
        )
        deploymentRunner = Task { await runner.run() }
    }

    /// Stops serving (pods run by ``LocalKubeConfiguration/runImages`` first, within their grace
    /// periods); open watches end and the state log is closed.
    public func stop() async {
        deploymentRunner?.cancel()
        await deploymentRunner?.value
        deploymentRunner = nil
        await store?.endAllWatches()
        await serverGroup?.triggerGracefulShutdown()
        namespaceController?.cancel()
        garbageCollector?.cancel()
        _ = await serverTask?.result
        await namespaceController?.value
        await garbageCollector?.value
        serverTask = nil
        namespaceController = nil
        garbageCollector = nil
        serverGroup = nil
        await store?.flush()
        await store?.close()
        store = nil
    }

    /// How many watches are open (a closed client connection ends its watch).
    public var openWatches: Int {
        get async { await store?.watcherCount ?? 0 }
    }

    /// Waits until the server stops (``stop()``, or a failure, which is rethrown).
    public func waitUntilStopped() async throws {
        try await serverTask?.value
    }

    /// `true` between ``start()`` and ``stop()``.
    var isServing: Bool { serverTask != nil }

    /// Installs the configured CRDs (replacing older copies) and the standard namespaces.
    private func install(into store: ObjectStore) async throws {
        let definitions = ResourceOperations(store: store, type: ServedResource.builtIns.first { $0.behaviour.isDefinition }!)
        for definition in configuration.definitions {
            do {
                if let existing = await store.object(ServedResource.crdResource, namespace: nil, name: definition.name) {
                    var object = definition.json
                    object["metadata"]?["resourceVersion"] = existing[path: ["metadata", "resourceVersion"]]
                    _ = try await definitions.update(object, namespace: nil, name: definition.name, status: false, options: WriteOptions())
                } else {
                    _ = try await definitions.create(definition.json, namespace: nil, options: WriteOptions())
                }
            } catch {
                throw LocalKubeError.definitionRejected(name: definition.name, message: error.status.message ?? "")
            }
        }
        let namespaces = ResourceOperations(store: store, type: ServedResource.builtIns[0])
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"]
        where await store.object(ResourceOperations.namespaces, namespace: nil, name: name) == nil {
            _ = try await namespaces.create(["metadata": ["name": .string(name)]], namespace: nil, options: WriteOptions())
        }
        try await BootstrapRBAC.reconcile(in: store)
    }

    /// A kubeconfig for a LocalKube at `server` (`http://127.0.0.1:PORT`), with context `local`
    /// and namespace `default`.
    public static func kubeconfig(server: String, token: String?, certificateAuthorityPEM: [UInt8]? = nil) -> String {
        var user: JSONValue = [:]
        if let token { user = ["token": .string(token)] }
        var cluster: JSONValue = ["server": .string(server)]
        if let certificateAuthorityPEM { cluster["certificate-authority-data"] = .string(Data(certificateAuthorityPEM).base64EncodedString()) }
        let document: JSONValue = [
            "apiVersion": "v1", "kind": "Config", "current-context": "local", "preferences": [:],
            "clusters": [["name": "local", "cluster": cluster]],
            "contexts": [["name": "local", "context": ["cluster": "local", "user": "local", "namespace": "default"]]],
            "users": [["name": "local", "user": user]],
        ]
        return YAMLWriter.string(document)
    }
}
