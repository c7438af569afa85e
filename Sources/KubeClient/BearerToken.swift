import Foundation

/// Supplies the bearer token for each request, as client-go does: a token file (a projected
/// service-account token) is re-read once `refreshInterval` has passed; an exec plugin's token is
/// kept until its `expirationTimestamp`. After a 401, ``rejected(_:)`` drops the cached token so the
/// next request reads or runs again.
actor BearerToken {
    private enum Source {
        case none
        case fixed(String)
        case file(String)
        case exec(ExecCredentialPlugin)
    }

    private let source: Source
    private let refreshInterval: Duration
    private var cached: (token: String, validUntil: ContinuousClock.Instant?)?
    /// The plugin run in progress, which concurrent requests share instead of starting their own.
    private var running: Task<ExecCredentialPlugin.Credential, any Error>?

    init(credentials: KubeConfig.Credentials, refreshInterval: Duration = .seconds(60)) {
        switch credentials {
        case .token(let token): source = .fixed(token)
        case .tokenFile(let path): source = .file(path)
        case .exec(let plugin): source = .exec(plugin)
        case .none, .clientCertificate: source = .none
        }
        self.refreshInterval = refreshInterval
    }

    /// `true` when a 401 may be cured by reading or running again.
    var canRefresh: Bool {
        switch source {
        case .file, .exec: true
        case .none, .fixed: false
        }
    }

    /// The current token, or `nil` when requests carry none.
    func current() async throws(KubeError) -> String? {
        let now = ContinuousClock.now
        if let cached, cached.validUntil.map({ now < $0 }) ?? true { return cached.token }
        switch source {
        case .none: return nil
        case .fixed(let token): return token
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { throw KubeError.configuration("cannot read token file \(path)") }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            cached = (token, now.advanced(by: refreshInterval))
            return token
        case .exec(let plugin):
            let run = running ?? Task { try await plugin.run() }
            running = run
            defer { running = nil }
            let credential: ExecCredentialPlugin.Credential
            do {
                credential = try await run.value
            } catch let error as KubeError {
                throw error
            } catch {
                throw KubeError.configuration("exec plugin \(plugin.command): \(error)")
            }
            // Refresh a little before the plugin's expiry, like client-go's exec authenticator.
            let validUntil = credential.expiration.map { now.advanced(by: .seconds(max(0, $0.timeIntervalSinceNow - 10))) }
            cached = (credential.token, validUntil)
            return credential.token
        }
    }

    /// The server answered 401 to `token`: forget it (unless a newer one is already cached).
    func rejected(_ token: String?) {
        if cached?.token == token { cached = nil }
    }
}
