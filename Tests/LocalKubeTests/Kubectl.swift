import Foundation
import LocalKube

/// The installed `kubectl`, run under `timeout` with a private HOME (its discovery cache) and a
/// kubeconfig for one LocalKube.
struct Kubectl {
    typealias Output = ChildProcess.Output

    let home: String
    let kubeconfig: String

    /// `true` when `kubectl` and `timeout` are on the PATH.
    static let isInstalled = ChildProcess.isInstalled("kubectl") && ChildProcess.isInstalled("timeout")

    init(server: String, token: String? = nil, certificateAuthorityPEM: [UInt8]? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        kubeconfig = "\(home)/kubeconfig"
        try LocalKube.kubeconfig(server: server, token: token, certificateAuthorityPEM: certificateAuthorityPEM).write(toFile: kubeconfig, atomically: true, encoding: .utf8)
    }

    /// Writes `contents` to a file under the private HOME and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let path = "\(home)/\(name)"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `kubectl ARGS` (killed after `seconds`).
    func callAsFunction(_ arguments: String..., seconds: Int = 30, environment: [String: String] = [:]) async throws -> Output {
        try await start(arguments, seconds: seconds, environment: environment).value
    }

    func run(_ arguments: [String], seconds: Int = 30, environment: [String: String] = [:]) async throws -> Output {
        try await start(arguments, seconds: seconds, environment: environment).value
    }

    /// Starts `kubectl ARGS` in the background.
    func start(_ arguments: [String], seconds: Int, environment: [String: String] = [:]) -> Task<Output, any Error> {
        let command = ["timeout", String(seconds), "kubectl"] + arguments
        var variables = ProcessInfo.processInfo.environment
        variables["HOME"] = home
        variables["KUBECONFIG"] = kubeconfig
        variables.merge(environment) { _, new in new }
        let finalEnvironment = variables
        return Task { try await ChildProcess.run(command, environment: finalEnvironment) }
    }
}

/// A self-signed certificate for 127.0.0.1 (made with `openssl` once per test run): kubectl
/// only sends bearer tokens over HTTPS.
enum TestCertificate {
    static let material: TLSMaterial? = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("localkube-tls-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "timeout", "60", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
            "-keyout", "\(directory)/tls.key", "-out", "\(directory)/tls.crt", "-subj", "/CN=localkube", "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let certificate = FileManager.default.contents(atPath: "\(directory)/tls.crt"),
            let key = FileManager.default.contents(atPath: "\(directory)/tls.key")
        else { return nil }
        return TLSMaterial(certificatePEM: Array(certificate), privateKeyPEM: Array(key))
    }()
}
