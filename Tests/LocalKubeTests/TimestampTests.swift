import Foundation
import Testing

@testable import LocalKube

/// `metav1.Time` as the API server writes it: RFC 3339, UTC, whole seconds.
struct TimestampTests {
    @Test func rfc3339IsWholeSecondsInUTCAndParsesBack() {
        let date = Date(timeIntervalSince1970: 1_780_000_000.75)
        #expect(Timestamp.rfc3339(date) == "2026-05-28T20:26:40Z")
        #expect(Timestamp.parse("2026-05-28T20:26:40Z") == Date(timeIntervalSince1970: 1_780_000_000))
    }
}
