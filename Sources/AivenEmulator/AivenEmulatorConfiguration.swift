import Foundation

/// How to run an ``AivenEmulator``.
public struct AivenEmulatorConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port; `0` picks a free one (see ``RunningAivenEmulator/port``).
    public var port: Int
    /// Accepted tokens. With none, any non-empty `aivenv1` token is accepted for any project.
    public var tokens: [EmulatorToken]
    /// State transition timings.
    public var timings: EmulatorTimings
    /// Where to keep state across restarts; `nil` keeps it in memory.
    public var stateFile: String?
    /// Larger request bodies are refused with a 400.
    public var maxBodyBytes: Int
    /// A connection that sends nothing for this long — no first request, no complete request
    /// head, no next request — is closed. It is the header-read timeout as well: request parts
    /// count only once a whole head has arrived. `nil` keeps idle connections forever.
    public var idleTimeout: Duration?
    /// How `user_config` is kept and answered (as Aiven does unless chosen otherwise).
    public var userConfigBehaviour: UserConfigBehaviour
    /// The wall clock; tests substitute their own.
    public var now: @Sendable () -> Date

    /// A configuration; by default on 127.0.0.1 with a free port, in memory.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tokens: [EmulatorToken] = [],
        timings: EmulatorTimings = EmulatorTimings(),
        stateFile: String? = nil,
        maxBodyBytes: Int = 1024 * 1024,
        idleTimeout: Duration? = .seconds(30),
        userConfigBehaviour: UserConfigBehaviour = .likeAiven,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.tokens = tokens
        self.timings = timings
        self.stateFile = stateFile
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.userConfigBehaviour = userConfigBehaviour
        self.now = now
    }
}
