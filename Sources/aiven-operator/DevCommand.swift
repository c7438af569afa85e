import AivenClient
import AivenEmulator
import AivenOperator
import AivenResources
import ArgumentParser
import Foundation
import KubeAPI
import KubeClient
import LocalKube
import Logging

/// `aiven-operator dev`: LocalKube, the Aiven emulator and the operator in one process, so the
/// usage example works with no cluster and no Aiven account.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run LocalKube, the Aiven API emulator and the operator together for local development.",
        discussion: """
            Writes DIR/kubeconfig and DIR/aiven-token, creates Secret aiven-token (key token) in namespace \
            default, and keeps every object in DIR so a restart with the same directory resumes. Then: \
            export KUBECONFIG=DIR/kubeconfig; kubectl apply -f examples/kafkaconnect.yaml
            """
    )

    @Option(name: .customLong("state-dir"), help: "Where state, the kubeconfig and the token live.")
    var stateDirectory = ".aiven-dev"

    @Option(name: .customLong("kube-port"), help: "LocalKube's port (0 picks a free one).")
    var kubePort = 0

    @Option(name: .customLong("aiven-port"), help: "The Aiven emulator's port (0 picks a free one).")
    var aivenPort = 0

    @Option(name: .customLong("provision-delay"), help: "Seconds a service spends REBUILDING before RUNNING.")
    var provisionDelay: Double = 3

    @Option(name: .customLong("resync-interval"), help: "Seconds between drift checks of a ready resource.")
    var resyncInterval: Double = 600

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Flag(
        name: .customLong("no-crds"),
        help: "Start LocalKube without the aiven.io CRDs; the operator waits (retrying with backoff) until they are installed, e.g. with Helm or kubectl."
    )
    var noCRDs = false

    @Option(name: .customLong("metrics-bind-address"), help: "Address of the operator's /metrics (0, the default, disables).")
    var metricsBindAddress = "0"

    func validate() throws {
        guard (0...65535).contains(kubePort), (0...65535).contains(aivenPort) else { throw ValidationError("ports must be between 0 and 65535") }
        do {
            _ = try OperatorLauncher.bindAddress(metricsBindAddress)
        } catch {
            throw ValidationError("--metrics-bind-address: \(error)")
        }
        guard provisionDelay >= 0, provisionDelay <= 86_400 else { throw ValidationError("--provision-delay must be between 0 and 86400 seconds") }
        try IntervalOption.check(resyncInterval, flag: "--resync-interval")
    }

    func run() async throws {
        let logger = OperatorLauncher.logger(format: "text", level: logLevel)
        let directory = URL(fileURLWithPath: stateDirectory).standardizedFileURL
        try PrivateFile.makeDirectory(directory.path)
        let token = try Self.token(in: directory)

        let emulator = try await AivenEmulator(
            configuration: AivenEmulatorConfiguration(
                port: aivenPort,
                tokens: [EmulatorToken(token)],
                timings: EmulatorTimings(provisionDelay: IntervalOption.duration(provisionDelay), backupAfter: IntervalOption.duration(provisionDelay)),
                stateFile: directory.appendingPathComponent("aiven-state.json").path
            ),
            logger: logger
        ).start()
        let kube = LocalKube(
            configuration: LocalKubeConfiguration(
                port: kubePort,
                stateDirectory: directory.appendingPathComponent("kube").path,
                definitions: noCRDs ? [] : Operator.definitions.map(\.definition)
            ),
            logger: logger
        )
        let port = try await kube.start()
        let kubeconfigPath = directory.appendingPathComponent("kubeconfig").path
        let kubeconfig = LocalKube.kubeconfig(server: "http://127.0.0.1:\(port)", token: nil)
        try PrivateFile.write(kubeconfig, to: kubeconfigPath)

        let client = try KubeClient(config: try KubeConfig.kubeconfig(path: kubeconfigPath), logger: logger)
        try await Self.ensureTokenSecret(token, client: client)
        let announcement = Announcement(text: """
            LocalKube:      http://127.0.0.1:\(port)
            Aiven emulator: \(emulator.baseURL)
            Secret default/aiven-token holds the emulator's token (also in \(directory.appendingPathComponent("aiven-token").path)).

            export KUBECONFIG=\(kubeconfigPath)

            """)
        do {
            try await OperatorLauncher.run(
                kube: client,
                configuration: OperatorConfiguration(
                    aivenBaseURL: emulator.baseURL,
                    resyncInterval: IntervalOption.duration(resyncInterval),
                    pollInterval: .seconds(1)
                ),
                options: Operator.Options(),
                endpoints: .init(metrics: try OperatorLauncher.bindAddress(metricsBindAddress), health: nil),
                alongside: [kube, emulator, announcement],
                logger: logger
            )
        } catch {
            logger.error("operator stopped", metadata: ["error": "\(error)"])
        }
        try? await client.shutdown()
    }

    /// The emulator's token, created once and kept in DIR/aiven-token (mode 0600).
    static func token(in directory: URL) throws -> String {
        let file = directory.appendingPathComponent("aiven-token")
        if let data = FileManager.default.contents(atPath: file.path) {
            let existing = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !existing.isEmpty {
                PrivateFile.restrict(file.path)
                return existing
            }
        }
        let token = "dev-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PrivateFile.write(token, to: file.path)
        return token
    }

    /// Creates (or corrects) Secret default/aiven-token with key `token`.
    static func ensureTokenSecret(_ token: String, client: KubeClient) async throws {
        let secrets = client.resources(Secret.self, namespace: "default")
        let encoded = Data(token.utf8).base64EncodedString()
        do {
            var secret = try await secrets.get("aiven-token")
            guard secret.data?["token"] != encoded else { return }
            secret.data = ["token": encoded]
            _ = try await secrets.replace(secret)
        } catch .notFound {
            _ = try await secrets.create(Secret(metadata: ObjectMeta(name: "aiven-token", namespace: "default"), data: ["token": encoded]))
        }
    }
}
