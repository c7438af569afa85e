import Foundation

/// Kubernetes time formats: RFC 3339 in UTC with seconds (`metav1.Time`) and the human durations
/// kubectl prints in AGE columns.
enum Timestamp {
    /// `2026-01-01T00:00:00Z`. A format style, not an `ISO8601DateFormatter`: making one of
    /// those per call (an ICU formatter each) was 17 % of LocalKube's CPU at 10,000 creates.
    static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// `duration.HumanDuration` from apimachinery: `45s`, `5m12s`, `3h`, `2d5h`, `14d`, `3y`.
    static func humanDuration(since text: String?, now: Date = Date()) -> String {
        guard let text, let date = parse(text) else { return "<unknown>" }
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 192 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 { return "\(hours / 24 / 365)y\((hours / 24) % 365)d" }
        return "\(hours / 24 / 365)y"
    }
}
