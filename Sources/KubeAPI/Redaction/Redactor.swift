import Synchronization

/// The one place secret values are removed from what is shown: every log line (any level, any
/// module, through ``RedactingLogHandler``), every event, every status message and every error
/// description that can reach them. Whoever learns a secret registers it — the Aiven client its
/// token, a connector the `fromSecret` values it reads, a connection Secret its passwords and
/// keys — and nothing else changes: the data itself (a response body, a Secret's content, a
/// request) is never scrubbed.
///
/// One registry per process (``shared``), bounded: past ``capacity`` values the least recently
/// registered are forgotten (a value still in use is registered again on its next use). Values
/// shorter than ``minimumLength`` are not kept: they would match inside ordinary words and garble
/// every message (a one-letter token turned `Service` into `Service` with holes), and a secret
/// that short protects nothing.
public final class Redactor: Sendable {
    /// What a secret value is replaced with.
    public static let placeholder = "(redacted)"

    /// The process's registry.
    public static let shared = Redactor()

    /// The most values kept.
    public let capacity: Int

    /// The shortest value that is scrubbed.
    public static let minimumLength = 8

    private struct Values {
        /// Each value's bytes, by its first byte, longest first; with the registration tick.
        var byFirstByte: [UInt8: [[UInt8]]] = [:]
        var lastSeen: [[UInt8]: UInt64] = [:]
        var tick: UInt64 = 0
    }

    private let values = Mutex(Values())

    public init(capacity: Int = 65_536) {
        self.capacity = capacity
    }

    /// Remembers `value` as a secret (values shorter than ``minimumLength`` bytes are ignored).
    public func register(_ value: String) {
        let bytes = Array(value.utf8)
        guard bytes.count >= Self.minimumLength, let first = bytes.first else { return }
        values.withLock { values in
            values.tick += 1
            if values.lastSeen.updateValue(values.tick, forKey: bytes) == nil {
                values.byFirstByte[first, default: []].append(bytes)
                values.byFirstByte[first]?.sort { $0.count > $1.count }
                if values.lastSeen.count > capacity { Self.forgetOldest(&values, keeping: capacity * 3 / 4) }
            }
        }
    }

    /// Remembers each of `values`.
    public func register(_ values: some Sequence<String>) {
        for value in values { register(value) }
    }

    private static func forgetOldest(_ values: inout Values, keeping count: Int) {
        let kept = Set(values.lastSeen.sorted { $0.value > $1.value }.prefix(count).map(\.key))
        values.lastSeen = values.lastSeen.filter { kept.contains($0.key) }
        values.byFirstByte = values.byFirstByte.compactMapValues { list in
            let remaining = list.filter(kept.contains)
            return remaining.isEmpty ? nil : remaining
        }
    }

    /// `text` with every registered value replaced by ``placeholder`` (the longest match first).
    public func scrub(_ text: String) -> String {
        values.withLock { values in
            guard !values.byFirstByte.isEmpty else { return text }
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            var index = 0
            var changed = false
            while index < bytes.count {
                if let candidates = values.byFirstByte[bytes[index]],
                    let match = candidates.first(where: { Self.matches($0, in: bytes, at: index) })
                {
                    if !changed {
                        output.reserveCapacity(bytes.count)
                        output.append(contentsOf: bytes[0..<index])
                        changed = true
                    }
                    output.append(contentsOf: Self.placeholder.utf8)
                    index += match.count
                } else {
                    if changed { output.append(bytes[index]) }
                    index += 1
                }
            }
            return changed ? String(decoding: output, as: UTF8.self) : text
        }
    }

    private static func matches(_ value: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + value.count <= bytes.count else { return false }
        var offset = 1
        while offset < value.count {
            if bytes[index + offset] != value[offset] { return false }
            offset += 1
        }
        return true
    }
}
