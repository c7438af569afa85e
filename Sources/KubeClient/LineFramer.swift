/// Splits a byte stream into newline-terminated lines, keeping partial lines across chunk
/// boundaries, and refuses lines longer than a limit so a broken server cannot exhaust memory.
struct LineFramer: Sendable {
    let maxLineLength: Int
    private var pending: [UInt8] = []

    init(maxLineLength: Int) {
        self.maxLineLength = maxLineLength
    }

    /// Appends a chunk and returns the lines it completed (without `\n` or a trailing `\r`;
    /// empty lines are skipped).
    mutating func append(_ chunk: some Sequence<UInt8>) throws(KubeError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for byte in chunk {
            if byte == UInt8(ascii: "\n") {
                if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                if !pending.isEmpty { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            } else {
                guard pending.count < maxLineLength else { throw KubeError.lineTooLong(limit: maxLineLength) }
                pending.append(byte)
            }
        }
        return lines
    }

    /// The unterminated last line at the end of the stream, if any.
    mutating func finish() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
