import Foundation
import TestSupport

/// Runs the built `aiven-operator` binary as a user would.
struct OperatorProcess {
    typealias Result = CommandOutput

    static let repositoryRoot = TestPaths.repositoryRoot

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try CommandRunner.run(TestPaths.operatorBinary, arguments, stdin: stdin, currentDirectory: repositoryRoot)
    }

    /// A scratch directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aiven-operator-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
