/// Splits a byte stream into newline-terminated lines, across chunk boundaries, refusing lines
/// longer than a cap so a misbehaving server cannot exhaust memory.
public struct LineSplitter: Sendable {
    public let maxLineBytes: Int
    private var pending: [UInt8] = []

    public init(maxLineBytes: Int = 16 * 1024 * 1024) {
        self.maxLineBytes = maxLineBytes
    }

    /// Appends `chunk` and returns the lines it completed (without their `\n`; a `\r` before it
    /// is dropped too). Empty lines are skipped.
    public mutating func feed(_ chunk: some Sequence<UInt8>) throws(KubeError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for byte in chunk {
            if byte == UInt8(ascii: "\n") {
                if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                if !pending.isEmpty { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            } else {
                guard pending.count < maxLineBytes else {
                    throw KubeError.decoding("watch event longer than \(maxLineBytes) bytes")
                }
                pending.append(byte)
            }
        }
        return lines
    }

    /// The unterminated rest, once the stream has ended.
    public mutating func finish() -> [UInt8]? {
        defer { pending.removeAll() }
        return pending.isEmpty ? nil : pending
    }
}
