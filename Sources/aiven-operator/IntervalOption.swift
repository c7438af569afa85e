import ArgumentParser

/// An interval given in seconds on the command line, checked before it becomes a `Duration`:
/// whole milliseconds, at least one, at most a year (so neither `inf`, `nan`, a huge value nor
/// one that rounds to zero can reach the runtime).
enum IntervalOption {
    static let range = 0.001...31_536_000.0

    static func check(_ seconds: Double, flag: String) throws {
        guard range.contains(seconds) else {
            throw ValidationError("\(flag) must be positive and at most 31536000 seconds (one year), in steps of 0.001")
        }
    }

    /// `seconds` (checked by the command: finite, bounded) as whole milliseconds.
    static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
