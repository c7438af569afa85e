import Foundation

/// `metav1.Time` text: RFC 3339 in UTC with second precision (`2026-11-25T15:20:00Z`).
public enum MetaTime {
    /// The current time.
    public static func now() -> String {
        string(Date())
    }

    /// `date` as metav1.Time text.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// Parses metav1.Time (or MicroTime) text.
    public static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle().parse(text))
            ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }
}
