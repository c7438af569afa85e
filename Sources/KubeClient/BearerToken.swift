import Foundation

/// Supplies the bearer token for each request. A token file (a projected service-account token)
/// is re-read once `refreshInterval` has passed, so rotated tokens are picked up like client-go
/// does.
actor BearerToken {
    private enum Source {
        case none
        case fixed(String)
        case file(String)
    }

    private let source: Source
    private let refreshInterval: Duration
    private var cached: (token: String, readAt: ContinuousClock.Instant)?

    init(credentials: KubeConfig.Credentials, refreshInterval: Duration = .seconds(60)) {
        switch credentials {
        case .token(let token): source = .fixed(token)
        case .tokenFile(let path): source = .file(path)
        case .none, .clientCertificate: source = .none
        }
        self.refreshInterval = refreshInterval
    }

    /// The current token, or `nil` when requests carry none.
    func current() throws(KubeError) -> String? {
        switch source {
        case .none: return nil
        case .fixed(let token): return token
        case .file(let path):
            let now = ContinuousClock.now
            if let cached, cached.readAt.duration(to: now) < refreshInterval { return cached.token }
            guard let data = FileManager.default.contents(atPath: path) else { throw KubeError.configuration("cannot read token file \(path)") }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            cached = (token, now)
            return token
        }
    }
}
