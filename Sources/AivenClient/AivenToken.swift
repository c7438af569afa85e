/// An Aiven API token.
///
/// The secret is only readable inside this module, where it goes into the `Authorization`
/// header. Every way of printing the value (`description`, `debugDescription`, `dump`,
/// string interpolation, logging) shows `<redacted>` instead.
public struct AivenToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    let secret: String

    /// Wraps a token as found in a Secret, an environment variable or a flag.
    public init(_ secret: String) {
        self.secret = secret
    }

    /// `true` when the token is empty (surrounding whitespace ignored).
    public var isEmpty: Bool { secret.allSatisfy(\.isWhitespace) }

    public var description: String { "AivenToken(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["secret": "<redacted>"]) }

    /// The value of the `Authorization` header: `aivenv1 <token>`.
    var authorization: String { "aivenv1 \(secret)" }
}
