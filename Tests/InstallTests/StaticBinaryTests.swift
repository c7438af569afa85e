import Foundation
import TestSupport
import Testing

/// The release binary the image ships (`swift build -c release --static-swift-stdlib`), found
/// through AIVEN_OPERATOR_RELEASE_BINARY: .ci/run builds it once before `swift test`.
enum ReleaseBinary {
    static let variable = "AIVEN_OPERATOR_RELEASE_BINARY"
    static let path = ProcessInfo.processInfo.environment[variable]
    static let unsetMessage: Comment = "\(variable) is unset: build with `swift build -c release --static-swift-stdlib --product aiven-operator --scratch-path .build-release` and set it to .build-release/release/aiven-operator (.ci/run does)"
}

/// Runs the static binary from a directory tree that holds only it and the shared libraries it
/// links, as uid 65532 — what the distroless image provides.
@Suite(.enabled(if: ReleaseBinary.path != nil, ReleaseBinary.unsetMessage), .timeLimit(.minutes(3)))
struct StaticBinaryTests {
    /// Shared libraries `ldd` resolves for `binary`, by path (the dynamic loader included).
    static func linkedLibraries(_ binary: String) throws -> [String] {
        let output = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["ldd", binary])
        guard output.status == 0 else { throw ManifestProblem("ldd \(binary): \(output.stderr)") }
        return output.stdout.split(separator: "\n").compactMap { line in
            // ldd indents with a tab: the loader's line is "\t/lib64/ld-linux-x86-64.so.2 (0x…)".
            line.split(whereSeparator: \.isWhitespace).map(String.init).first { $0.hasPrefix("/") }
        }
    }

    @Test func linksNoSwiftRuntimeDynamically() throws {
        let binary = try #require(ReleaseBinary.path)
        let needed = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["readelf", "-d", binary]).stdout
            .split(separator: "\n").filter { $0.contains("(NEEDED)") }.map(String.init)
        #expect(!needed.isEmpty)
        for line in needed {
            for swiftLibrary in ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libicu"] {
                #expect(!line.contains(swiftLibrary), "links \(line) dynamically")
            }
        }
    }

    @Test(.enabled(if: getuid() == 0, "chroot needs root")) func runsFromAMinimalTreeAsUID65532() async throws {
        let binary = try #require(ReleaseBinary.path)
        let root = try temporaryDirectory().appendingPathComponent("root")
        let files = FileManager.default
        try files.createDirectory(at: root, withIntermediateDirectories: true)
        try files.copyItem(atPath: binary, toPath: root.appendingPathComponent("aiven-operator").path)
        for library in try Self.linkedLibraries(binary) {
            let target = root.appendingPathComponent(String(library.dropFirst()))
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files.copyItem(atPath: URL(fileURLWithPath: library).resolvingSymlinksInPath().path, toPath: target.path)
        }
        // Readable by uid 65532; nothing in the tree belongs to it or is writable.
        _ = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["chmod", "-R", "a+rX,go-w", root.path])
        let tree = try files.subpathsOfDirectory(atPath: root.path)
        #expect(!tree.contains { $0.hasPrefix("etc") || $0.hasPrefix("bin") || $0.hasPrefix("usr/bin") }, "no shell, no /etc: \(tree)")

        // A container runtime mounts /proc in every container, and the Swift runtime of a static
        // binary reads its arguments from /proc/self/cmdline: without it `run` would be parsed as
        // no arguments at all.
        let proc = root.appendingPathComponent("proc")
        try files.createDirectory(at: proc, withIntermediateDirectories: true)
        let mount = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["mount", "-t", "proc", "proc", proc.path])
        try #require(mount.status == 0, "mount -t proc: \(mount.stderr)")
        defer { _ = try? CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["umount", "-l", proc.path]) }

        func chrooted(_ arguments: [String]) -> [String] {
            ["timeout", "60", "chroot", "--userspec=65532:65532", root.path, "/aiven-operator"] + arguments
        }
        let help = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), chrooted(["run", "--help"]))
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("OVERVIEW: Run the operator"), "\(help.stdout)")

        let kube = try await LocalKubeServer()
        defer { kube.stop() }
        try files.copyItem(atPath: kube.kubeconfig, toPath: root.appendingPathComponent("kubeconfig").path)
        _ = await try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["chmod", "a+r", root.appendingPathComponent("kubeconfig").path])
        let healthPort = try freePort()
        let operatorProcess = Process()
        operatorProcess.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        operatorProcess.arguments = chrooted([
            "run", "--kubeconfig", "/kubeconfig", "--metrics-bind-address=0", "--health-probe-bind-address=127.0.0.1:\(healthPort)",
        ])
        let log = Pipe()
        operatorProcess.standardError = log
        operatorProcess.standardOutput = FileHandle.nullDevice
        try operatorProcess.run()
        defer { if operatorProcess.isRunning { operatorProcess.terminate() } }
        // Ready means its caches synced: it listed and watched LocalKube over TLS from the tree.
        let ready = try await waitForHTTP("http://127.0.0.1:\(healthPort)/readyz")
        let running = operatorProcess.isRunning
        operatorProcess.terminate()
        operatorProcess.waitUntilExit()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(running, "run exited: \(output)")
        #expect(ready, "never ready: \(output)")
    }
}
