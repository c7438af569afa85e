import KubeAPI
import Foundation

extension AivenError {
    /// Classifies an error response from its status, body and `Retry-After` header.
    ///
    /// A body that is not Aiven's JSON error shape is surfaced as text (first 1 KiB).
    init(status: Int, body: [UInt8], retryAfterHeader: String?) {
        let message = Self.message(from: body) ?? "HTTP \(status)"
        switch status {
        case 400: self = .invalid(message: message)
        case 401: self = .unauthorized(message: message)
        case 403: self = .forbidden(message: message)
        case 404: self = .notFound(message: message)
        case 409 where message.contains("already exists"): self = .alreadyExists(message: message)
        case 409: self = .conflict(message: message)
        case 429:
            let wait = retryAfterHeader.flatMap(Self.seconds(fromRetryAfter:)) ?? Self.seconds(fromMessage: message)
            self = .rateLimited(retryAfter: wait, message: message)
        case 500...599: self = .server(status: status, message: message)
        default: self = .unexpectedStatus(status: status, message: message)
        }
    }

    private struct Body: Decodable {
        var message: String?
        var errors: AivenJSON?
    }

    private static func message(from body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        if let decoded = try? JSONValueDecoder().decode(Body.self, from: body) {
            if let message = decoded.message, !message.isEmpty { return message }
            if case .array(let errors)? = decoded.errors,
                let first = errors.first?.objectValue?["message"]?.stringValue
            {
                return first
            }
        }
        let text = String(decoding: body.prefix(1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// `Retry-After` in delta-seconds form.
    static func seconds(fromRetryAfter header: String) -> Duration? {
        guard let seconds = Int(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }

    /// The wait in Aiven's rate-limit message: `… Rate limit 120 exceeded - try again in 28s`.
    static func seconds(fromMessage message: String) -> Duration? {
        guard let match = message.firstMatch(of: /try again in (\d+)\s*s/) else { return nil }
        return Int(match.1).map { .seconds($0) }
    }
}
