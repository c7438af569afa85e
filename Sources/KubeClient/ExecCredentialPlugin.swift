import Foundation
import KubeAPI
import Synchronization

/// A kubeconfig `user.exec` entry: a command that prints an `ExecCredential` holding a bearer
/// token, as EKS (`aws eks get-token`), GKE (`gke-gcloud-auth-plugin`) and AKS (`kubelogin`)
/// kubeconfigs use. Runs the way client-go runs it: `KUBERNETES_EXEC_INFO` describes the request,
/// `env` is added to the inherited environment, and the answer's `apiVersion` must be the one asked.
public struct ExecCredentialPlugin: Sendable, Equatable {
    /// `client.authentication.k8s.io/v1` or `client.authentication.k8s.io/v1beta1`.
    public var apiVersion: String
    /// The program: a bare name is looked up on `PATH`, a relative path is relative to the
    /// kubeconfig's directory.
    public var command: String
    public var arguments: [String]
    /// Added to (and overriding) the operator's own environment.
    public var environment: [String: String]
    /// Shown when the command cannot be found.
    public var installHint: String?
    /// `interactiveMode` (`Never`, `IfAvailable`, `Always`); the operator is never interactive.
    public var interactiveMode: String?
    /// With `provideClusterInfo: true`, the cluster the plugin authenticates to (`spec.cluster`:
    /// server, certificate-authority-data, insecure-skip-tls-verify, and the cluster's
    /// `client.authentication.k8s.io/exec` extension as `config`).
    public var cluster: JSONValue?

    public static let supportedAPIVersions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]

    public init(
        apiVersion: String, command: String, arguments: [String] = [], environment: [String: String] = [:], installHint: String? = nil,
        interactiveMode: String? = nil, cluster: JSONValue? = nil
    ) {
        self.apiVersion = apiVersion
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.installHint = installHint
        self.interactiveMode = interactiveMode
        self.cluster = cluster
    }

    /// Reads a kubeconfig `exec` block; `directory` resolves a relative command path.
    static func parse(_ exec: JSONValue, cluster: JSONValue, directory: String) throws(KubeError) -> ExecCredentialPlugin {
        guard let apiVersion = exec["apiVersion"]?.stringValue, supportedAPIVersions.contains(apiVersion) else {
            let given = exec["apiVersion"]?.stringValue ?? "none"
            throw KubeError.configuration(
                "exec plugin apiVersion \(given) is not supported: use \(supportedAPIVersions.joined(separator: " or ")) (client.authentication.k8s.io/v1alpha1 was removed in Kubernetes 1.24)"
            )
        }
        guard let command = exec["command"]?.stringValue, !command.isEmpty else { throw KubeError.configuration("exec plugin has no command") }
        let interactiveMode = exec["interactiveMode"]?.stringValue
        if interactiveMode == "Always" {
            throw KubeError.configuration("exec plugin \(command) has interactiveMode Always, but the operator never has a terminal to ask on")
        }
        var environment: [String: String] = [:]
        for entry in exec["env"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let value = entry["value"]?.stringValue else {
                throw KubeError.configuration("exec plugin \(command): every env entry needs a name and a value")
            }
            environment[name] = value
        }
        let resolved = command.contains("/") && !command.hasPrefix("/") ? (directory as NSString).appendingPathComponent(command) : command
        return ExecCredentialPlugin(
            apiVersion: apiVersion, command: resolved, arguments: exec["args"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            environment: environment, installHint: exec["installHint"]?.stringValue, interactiveMode: interactiveMode,
            cluster: exec["provideClusterInfo"]?.boolValue == true ? clusterInfo(cluster) : JSONValue?.none
        )
    }

    /// `spec.cluster` of `KUBERNETES_EXEC_INFO`, from the kubeconfig's cluster entry.
    private static func clusterInfo(_ cluster: JSONValue) -> JSONValue {
        var info: [String: JSONValue] = [:]
        info["server"] = cluster["server"]
        info["certificate-authority-data"] = cluster["certificate-authority-data"]
        info["insecure-skip-tls-verify"] = cluster["insecure-skip-tls-verify"]
        let extensions = cluster["extensions"]?.arrayValue ?? []
        info["config"] = extensions.first { $0["name"] == "client.authentication.k8s.io/exec" }?["extension"]
        return .object(info.compactMapValues { $0 })
    }

    /// A token the plugin printed, and until when it may be used (`nil`: until the server refuses it).
    struct Credential: Sendable {
        var token: String
        var expiration: Date?
    }

    /// Runs the plugin once and decodes its `ExecCredential`. Errors name the command and quote
    /// what it printed on stderr, never the token.
    func run() async throws(KubeError) -> Credential {
        let process = Process()
        guard let executable = Self.locate(command) else {
            var message = "exec plugin \(command) was not found"
            if let installHint { message += ": \(installHint)" }
            throw KubeError.configuration(message)
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
        var spec: [String: JSONValue] = ["interactive": false]
        if let cluster { spec["cluster"] = cluster }
        environment["KUBERNETES_EXEC_INFO"] = JSONValue.object(["apiVersion": .string(apiVersion), "kind": "ExecCredential", "spec": .object(spec)]).jsonString
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let finished: (status: Int32, stdout: Data, stderr: Data)
        do {
            finished = try await withCheckedThrowingContinuation { continuation in
                do { try process.run() } catch {
                    continuation.resume(throwing: error)
                    return
                }
                // Blocking reads belong on their own thread, not on the cooperative pool.
                Thread.detachNewThread {
                    let errorData = Mutex(Data())
                    let reader = Thread {
                        let data = errors.fileHandleForReading.readDataToEndOfFile()
                        errorData.withLock { $0 = data }
                    }
                    reader.start()
                    let stdout = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.002) }
                    continuation.resume(returning: (process.terminationStatus, stdout, errorData.withLock { $0 }))
                }
            }
        } catch {
            throw KubeError.configuration("exec plugin \(command) could not be started: \(error)")
        }
        guard finished.status == 0 else {
            let stderr = String(decoding: finished.stderr.prefix(2048), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeError.configuration("exec plugin \(command) exited with status \(finished.status)\(stderr.isEmpty ? "" : ": \(stderr)")")
        }
        return try decode(finished.stdout)
    }

    func decode(_ data: Data) throws(KubeError) -> Credential {
        guard let answer = try? JSONParser().parse(Array(data)), answer["kind"]?.stringValue == "ExecCredential" else {
            throw KubeError.configuration("exec plugin \(command) did not print an ExecCredential as JSON")
        }
        guard answer["apiVersion"]?.stringValue == apiVersion else {
            throw KubeError.configuration("exec plugin \(command) answered apiVersion \(answer["apiVersion"]?.stringValue ?? "none"), but \(apiVersion) was asked for")
        }
        guard let token = answer[path: ["status", "token"]]?.stringValue, !token.isEmpty else {
            if answer[path: ["status", "clientCertificateData"]] != nil {
                throw KubeError.configuration("exec plugin \(command) returned a client certificate; only token credentials are supported")
            }
            throw KubeError.configuration("exec plugin \(command) returned no status.token")
        }
        var expiration: Date?
        if let timestamp = answer[path: ["status", "expirationTimestamp"]]?.stringValue {
            guard let date = Self.rfc3339(timestamp) else {
                throw KubeError.configuration("exec plugin \(command) returned expirationTimestamp \(timestamp), which is not RFC 3339")
            }
            expiration = date
        }
        return Credential(token: token, expiration: expiration)
    }

    static func rfc3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// An absolute path for `command`: itself when it has a `/`, else the first executable of that
    /// name on `PATH`.
    static func locate(_ command: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(command)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
