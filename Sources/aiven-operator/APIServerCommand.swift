import AivenOperator
import AivenResources
import ArgumentParser
import Foundation
import LocalKube
import Logging
import ServiceLifecycle
import UnixSignals

/// `aiven-operator apiserver`: serves the Kubernetes API (LocalKube) with the project's CRDs
/// installed (none with `--no-crds`), and writes a kubeconfig for it.
struct APIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver",
        abstract: "Serve a local Kubernetes-compatible API server with the aiven.io CRDs installed."
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int

    @Option(help: "The address to listen on; only loopback addresses are allowed.")
    var host = "127.0.0.1"

    @Option(name: .customLong("state-dir"), help: "Keep objects across restarts in DIR and write DIR/kubeconfig.")
    var stateDirectory: String?

    @Option(name: .customLong("watch-history"), help: "How many changes watches can resume from; older resourceVersions get 410 Expired.")
    var watchHistory = 1000

    @Flag(help: "Serve HTTPS with a self-signed certificate and require a bearer token.")
    var tls = false

    @Option(
        name: .customLong("run-image"),
        help: ArgumentHelp(
            "Run Deployments whose container image is IMAGE as local processes of PATH, one per replica (repeatable; needs --tls). Words after PATH are the image's entrypoint arguments, run before the container's args when it sets no command ('IMAGE=PATH run').",
            valueName: "IMAGE=PATH [ARG...]"
        )
    )
    var runImages: [String] = []

    @Flag(name: .customLong("no-crds"), help: "Start as a fresh cluster, without the aiven.io CRDs (install them with Helm, kustomize or kubectl).")
    var noCRDs = false

    /// `--run-image` as image → entrypoint: the absolute executable path, then its arguments.
    var imageExecutables: [String: [String]] {
        get throws {
            var mapping: [String: [String]] = [:]
            for entry in runImages {
                guard let separator = entry.firstIndex(of: "="), separator != entry.startIndex,
                    let first = entry[entry.index(after: separator)...].split(separator: " ").first
                else {
                    throw ValidationError("--run-image takes IMAGE=PATH [ARG...], got \(entry)")
                }
                let words = entry[entry.index(after: separator)...].split(separator: " ").dropFirst().map(String.init)
                let path = URL(fileURLWithPath: String(first)).standardizedFileURL.path
                guard FileManager.default.isExecutableFile(atPath: path) else { throw ValidationError("--run-image: \(path) is not an executable file") }
                mapping[String(entry[..<separator])] = [path] + words
            }
            return mapping
        }
    }

    func validate() throws {
        if watchHistory < 1 { throw ValidationError("--watch-history must be at least 1") }
        if !runImages.isEmpty, !tls {
            throw ValidationError("--run-image needs --tls: pods reach the API server the in-cluster way, over HTTPS with a service account token")
        }
        _ = try imageExecutables
        if tls, stateDirectory == nil {
            throw ValidationError("--tls needs --state-dir: the certificate, the token and the kubeconfig that trusts them are written there")
        }
    }

    func run() async throws {
        var logger = Logger(label: "apiserver")
        logger.logLevel = .info
        if let stateDirectory {
            try PrivateFile.makeDirectory(stateDirectory)
        }
        let credentials = try stateDirectory.flatMap { directory in tls ? try TLSCredentials.load(in: directory, host: host) : nil }
        var configuration = LocalKubeConfiguration(
            host: host, port: port, stateDirectory: stateDirectory, definitions: noCRDs ? [] : Operator.definitions.map(\.definition),
            bearerToken: credentials?.token, historyLimit: watchHistory, tls: credentials?.material
        )
        configuration.runImages = try imageExecutables
        let kube = LocalKube(configuration: configuration, logger: logger)
        let boundPort = try await kube.start()
        let server = "\(tls ? "https" : "http")://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)"
        var line = "LocalKube serving on \(server)"
        if let stateDirectory {
            let path = (stateDirectory as NSString).appendingPathComponent("kubeconfig")
            let kubeconfig = LocalKube.kubeconfig(server: server, token: credentials?.token, certificateAuthorityPEM: credentials?.material.certificatePEM)
            try PrivateFile.write(kubeconfig, to: path)
            line += "; kubeconfig written to \(path)"
        }
        // Every acknowledged write is already on disk; SIGTERM and SIGINT stop serving and
        // close the state log.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: kube), .init(service: Announcement(text: line + "\n"))], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        try await group.run()
    }
}
