import Foundation
import KubeAPI

/// One replica of a Deployment run as a local process, with what a kubelet keeps for it: its
/// private directory (the projected service account token, CA and namespace under
/// `serviceaccount/`, its output in `log`), restarts, probe results and termination.
/// Confined to its ``DeploymentRunner``.
final class LocalPod {
    let name: String
    let namespace: String
    /// The pod-template hash of the ReplicaSet it belongs to.
    let templateHash: String
    let launch: PodLaunch
    let directory: URL
    private(set) var process: Process?
    private(set) var restartCount = 0
    private(set) var isReady = false
    /// When the pod was asked to stop, and when it is killed if it has not.
    private(set) var killDeadline: ContinuousClock.Instant?
    private var startedAt = ContinuousClock.now
    private var nextRestart: ContinuousClock.Instant?
    private var nextReadinessProbe = ContinuousClock.now
    private var nextLivenessProbe = ContinuousClock.now
    private var readinessFailures = 0
    private var livenessFailures = 0
    private var tokenRefresh = Date.distantPast

    var serviceAccountDirectory: URL { directory.appendingPathComponent("serviceaccount") }
    var isRunning: Bool { process?.isRunning ?? false }
    var isTerminating: Bool { killDeadline != nil }

    init(name: String, namespace: String, templateHash: String, launch: PodLaunch, directory: URL) {
        self.name = name
        self.namespace = namespace
        self.templateHash = templateHash
        self.launch = launch
        self.directory = directory
    }

    /// Writes the service account files (again when the token nears expiry) and starts the
    /// process.
    func start(credentials: ServiceAccountCredentials) throws {
        try FileManager.default.createDirectory(at: serviceAccountDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        try refreshCredentials(credentials, force: true)
        let log = directory.appendingPathComponent("log")
        if !FileManager.default.fileExists(atPath: log.path) {
            FileManager.default.createFile(atPath: log.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launch.executable)
        process.arguments = launch.arguments
        var environment = launch.environment
        environment[InClusterPaths.serviceAccountDirectoryVariable] = serviceAccountDirectory.path
        environment["KUBERNETES_SERVICE_HOST"] = credentials.host
        environment["KUBERNETES_SERVICE_PORT"] = String(credentials.port)
        environment["KUBERNETES_SERVICE_PORT_HTTPS"] = String(credentials.port)
        environment["HOSTNAME"] = name
        environment["HOME"] = directory.path
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? output.close()
        self.process = process
        startedAt = .now
        isReady = false
        readinessFailures = 0
        livenessFailures = 0
        nextReadinessProbe = startedAt + (launch.readiness?.initialDelay ?? .zero)
        nextLivenessProbe = startedAt + (launch.liveness?.initialDelay ?? .zero)
    }

    /// A fresh token once 80% of the last one's lifetime has passed (as the kubelet rotates
    /// projected tokens); the client re-reads the file.
    func refreshCredentials(_ credentials: ServiceAccountCredentials, force: Bool = false) throws {
        guard force || Date() >= tokenRefresh else { return }
        let issued = Date()
        let token = try credentials.token(namespace: namespace, serviceAccount: launch.serviceAccount, issuedAt: issued)
        try Self.write(token, to: serviceAccountDirectory.appendingPathComponent("token"))
        try Self.write(credentials.certificateAuthorityPEM, to: serviceAccountDirectory.appendingPathComponent("ca.crt"))
        try Self.write(Array(namespace.utf8), to: serviceAccountDirectory.appendingPathComponent("namespace"))
        tokenRefresh = issued.addingTimeInterval(ServiceAccountCredentials.lifetime * 0.8)
    }

    private static func write(_ bytes: [UInt8], to file: URL) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]),
            rename(temporary.path, file.path) == 0
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
    }

    /// Restarts an exited process (restartPolicy Always) after kubelet's back-off (10 s doubling
    /// to 5 minutes, here from 1 s), and runs the probes that are due.
    func supervise(credentials: ServiceAccountCredentials, isolation: isolated (any Actor)? = #isolation) async {
        guard !isTerminating else { return }
        let now = ContinuousClock.now
        if let process, !process.isRunning {
            isReady = false
            if let nextRestart {
                if now >= nextRestart {
                    self.nextRestart = nil
                    restartCount += 1
                    try? start(credentials: credentials)
                }
            } else {
                nextRestart = now + .seconds(min(1 << min(restartCount, 8), 300))
            }
            return
        }
        try? refreshCredentials(credentials)
        if let liveness = launch.liveness, now >= nextLivenessProbe {
            nextLivenessProbe = now + liveness.period
            if await liveness.probe.check() {
                livenessFailures = 0
            } else {
                livenessFailures += 1
                if livenessFailures >= liveness.failureThreshold {
                    livenessFailures = 0
                    process?.terminate()
                }
            }
        }
        guard let readiness = launch.readiness else {
            isReady = isRunning
            return
        }
        if now >= nextReadinessProbe {
            nextReadinessProbe = now + readiness.period
            if await readiness.probe.check() {
                readinessFailures = 0
                isReady = true
            } else {
                readinessFailures += 1
                if readinessFailures >= readiness.failureThreshold || !isReady { isReady = false }
            }
        }
    }

    /// SIGTERM now, SIGKILL once the grace period is over (see ``enforceGracePeriod()``).
    func terminate() {
        guard !isTerminating else { return }
        isReady = false
        killDeadline = .now + launch.gracePeriod
        if let process, process.isRunning { process.terminate() }
    }

    /// Kills a pod past its grace period; `true` once its process is gone (its token is then
    /// removed).
    func enforceGracePeriod() -> Bool {
        if let process, process.isRunning {
            if let killDeadline, ContinuousClock.now >= killDeadline { kill(process.processIdentifier, SIGKILL) }
            return false
        }
        try? FileManager.default.removeItem(at: serviceAccountDirectory)
        return true
    }
}

/// What a pod needs to reach LocalKube as its service account: the address, the CA and tokens.
struct ServiceAccountCredentials: Sendable {
    var host: String
    var port: Int
    var certificateAuthorityPEM: [UInt8]
    var tokens: ServiceAccountTokens
    /// The uid of every ServiceAccount (`namespace/name`), as last read from the store.
    var accounts: [String: String] = [:]

    /// Projected tokens live an hour (kubelet's default `expirationSeconds: 3607`).
    static let lifetime: TimeInterval = 3607

    /// The pod's ServiceAccount does not exist (kube: `serviceaccount "x" not found`).
    struct MissingServiceAccount: Error {}

    func token(namespace: String, serviceAccount: String, issuedAt: Date) throws -> [UInt8] {
        guard let uid = accounts["\(namespace)/\(serviceAccount)"] else { throw MissingServiceAccount() }
        let claims = ServiceAccountTokens.Claims(
            namespace: namespace, name: serviceAccount, uid: uid, expiry: issuedAt.addingTimeInterval(Self.lifetime), audiences: RequestAuthentication.apiAudiences
        )
        return Array(tokens.mint(claims, issuedAt: issuedAt).utf8)
    }
}
