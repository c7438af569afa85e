import AivenEmulator
import ArgumentParser
import Foundation

/// `aiven-operator emulator`: serves the Aiven API emulator until interrupted.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run an emulator of the Aiven REST API for development and tests.",
        discussion: """
            Point the operator (or any Aiven client) at http://HOST:PORT instead of https://api.aiven.io. \
            Tokens are given as TOKEN or TOKEN@project-a,project-b (limited to those projects); without \
            --token any token is accepted. The control API for tests lives under /_emulator/ and answers \
            loopback clients only. See docs/emulator.md.
            """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("token"), help: "An accepted token, TOKEN or TOKEN@project,… (repeatable).")
    var tokens: [String] = []

    @Option(name: .customLong("provision-delay"), help: "Seconds a service spends REBUILDING or REBALANCING.")
    var provisionDelay: Double = 5

    @Option(name: .customLong("backup-after"), help: "Seconds a service runs before its first backup appears.")
    var backupAfter: Double = 5

    @Option(name: .customLong("state-file"), help: "Keep state in this journal file (mode 0600) across restarts; every acknowledged write survives a crash.")
    var stateFile: String?

    @Option(name: .customLong("idle-timeout"), help: "Seconds before a connection that sends nothing (or never finishes its headers) is closed.")
    var idleTimeout: Double = 30

    @Option(
        name: .customLong("user-config-mode"),
        help: "How user_config is kept: exact-echo (stored and returned as sent) or like-aiven (schema defaults, merged updates, secrets hidden).")
    var userConfigMode: String = UserConfigBehaviour.likeAiven.rawValue

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard provisionDelay >= 0, backupAfter >= 0, provisionDelay <= 86_400, backupAfter <= 86_400 else {
            throw ValidationError("delays must be between 0 and 86400 seconds")
        }
        guard idleTimeout > 0, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be between 0 and 86400 seconds") }
        guard UserConfigBehaviour(rawValue: userConfigMode) != nil else {
            throw ValidationError("--user-config-mode must be one of: \(UserConfigBehaviour.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for token in tokens where EmulatorToken(argument: token) == nil {
            throw ValidationError("--token must be TOKEN or TOKEN@project[,project…]")
        }
    }

    func run() async throws {
        let delay = IntervalOption.duration(provisionDelay)
        let configuration = AivenEmulatorConfiguration(
            host: host,
            port: port,
            tokens: tokens.compactMap(EmulatorToken.init(argument:)),
            timings: EmulatorTimings(provisionDelay: delay, backupAfter: IntervalOption.duration(backupAfter)),
            stateFile: stateFile,
            idleTimeout: IntervalOption.duration(idleTimeout),
            userConfigBehaviour: UserConfigBehaviour(rawValue: userConfigMode) ?? .likeAiven
        )
        let emulator = try AivenEmulator(configuration: configuration)
        let host = host
        try await emulator.run { port in
            FileHandle.standardOutput.write(Data("Aiven API emulator listening on http://\(host):\(port)\n".utf8))
        }
    }
}
