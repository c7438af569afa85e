import Foundation
import Synchronization

/// What a finished command printed and how it exited.
public struct CommandOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs commands the way a user's shell would, for tests that drive real binaries.
public enum CommandRunner {
    /// Runs `executable` with `arguments`, feeding `stdin`, and waits for it to exit. Both output
    /// pipes are drained concurrently so a chatty child never blocks on a full pipe.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String]? = nil,
        stdin: String? = nil,
        currentDirectory: URL? = nil
    ) throws -> CommandOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let errorData = Mutex(Data())
        let reader = Thread {
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
        }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.005) }
        return CommandOutput(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: errorData.withLock { String(decoding: $0, as: UTF8.self) }
        )
    }

    /// ``run(_:_:environment:stdin:currentDirectory:)`` on a thread of its own, for async code:
    /// waiting for a child must never hold one of the few threads every test of the process
    /// shares (the servers other suites run in-process would stall behind it).
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String]? = nil,
        stdin: String? = nil,
        currentDirectory: URL? = nil
    ) async throws -> CommandOutput {
        try await onOwnThread {
            try run(executable, arguments, environment: environment, stdin: stdin, currentDirectory: currentDirectory) as CommandOutput
        }
    }

    /// The installed `kubectl`, under `timeout`, with `kubeconfig` and a private `home` (its
    /// discovery cache must not leak between tests).
    public static func kubectl(_ arguments: [String], kubeconfig: String, home: String, stdin: String? = nil, seconds: Int = 60) async throws -> CommandOutput {
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = kubeconfig
        environment["HOME"] = home
        return try await run(URL(fileURLWithPath: "/usr/bin/env"), ["timeout", String(seconds), "kubectl"] + arguments, environment: environment, stdin: stdin)
    }
}

/// Runs blocking `work` on a new thread and resumes with its result, leaving the shared
/// concurrency threads free.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Paths of the repository and of the built binary, found from this file.
public enum TestPaths {
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `aiven-operator` next to the test bundle (same build), else the default debug build.
    public static let operatorBinary: URL = {
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aiven-operator")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        return repositoryRoot.appendingPathComponent(".build/debug/aiven-operator")
    }()
}
