import Foundation

extension AivenError {
    /// The same error with every occurrence of each of `secrets` in Aiven's message replaced by
    /// `(redacted)`: for calls whose body carries a secret Aiven may repeat in its answer.
    public func redacting(_ secrets: [String]) -> AivenError {
        let secrets = secrets.filter { !$0.isEmpty }
        guard !secrets.isEmpty else { return self }
        func scrub(_ text: String) -> String {
            secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "(redacted)") }
        }
        switch self {
        case .notFound(let message): return .notFound(message: scrub(message))
        case .alreadyExists(let message): return .alreadyExists(message: scrub(message))
        case .conflict(let message): return .conflict(message: scrub(message))
        case .invalid(let message): return .invalid(message: scrub(message))
        case .unauthorized(let message): return .unauthorized(message: scrub(message))
        case .forbidden(let message): return .forbidden(message: scrub(message))
        case .rateLimited(let wait, let message): return .rateLimited(retryAfter: wait, message: scrub(message))
        case .server(let status, let message): return .server(status: status, message: scrub(message))
        case .unexpectedStatus(let status, let message): return .unexpectedStatus(status: status, message: scrub(message))
        case .invalidResponse(let message): return .invalidResponse(message: scrub(message))
        case .transport, .cancelled: return self
        }
    }
}
