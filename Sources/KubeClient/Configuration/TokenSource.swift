import Foundation
import Synchronization

/// Supplies the bearer token for each request; a token file is re-read whenever it changes on
/// disk, so a rotated service-account token takes effect without a restart.
final class TokenSource: Sendable {
    private struct Cache {
        var token: BearerToken?
        var modified: Date?
    }

    private let credentials: ClientConfiguration.Credentials
    private let cache = Mutex(Cache())

    init(_ credentials: ClientConfiguration.Credentials) {
        self.credentials = credentials
    }

    func token() throws(KubeError) -> BearerToken? {
        switch credentials {
        case .none, .clientCertificate: return nil
        case .token(let token): return token
        case .tokenFile(let path):
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let cached = cache.withLock({ $0.modified == modified ? $0.token : nil }) { return cached }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KubeError.configuration("cannot read token file \(path)")
            }
            let token = BearerToken(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            cache.withLock { $0 = Cache(token: token, modified: modified) }
            return token
        }
    }
}
