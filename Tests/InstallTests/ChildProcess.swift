import Foundation
import TestSupport

/// A long-running `aiven-operator` subcommand with its output in a log file.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let logFile: URL

    init(_ arguments: [String], environment: [String: String]? = nil, in directory: URL) throws {
        logFile = directory.appendingPathComponent("\(arguments.first ?? "child")-\(UUID().uuidString.prefix(6)).log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process.executableURL = TestPaths.operatorBinary
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Waits for a log line containing `marker` and returns it.
    func line(containing marker: String, seconds: Int = 60) async throws -> String {
        for _ in 0..<(seconds * 10) {
            if let line = log.split(separator: "\n").first(where: { $0.contains(marker) }) { return String(line) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ManifestProblem("no line with \(marker) in:\n\(log)")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// `aiven-operator emulator` on a free port, accepting `token`.
struct AivenEmulatorProcess {
    let child: ChildProcess
    let url: String

    init(token: String, in directory: URL) async throws {
        child = try ChildProcess(["emulator", "--port", "0", "--token", token, "--provision-delay", "0.3", "--backup-after", "0.3"], in: directory)
        let line = try await child.line(containing: "Aiven API emulator listening on ")
        url = String(line.split(separator: " ").last ?? "")
    }
}
