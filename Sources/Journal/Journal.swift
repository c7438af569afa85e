import Foundation
import Glibc

/// An append-only file of records that survives `kill -9`: a record is acknowledged only once it
/// is on disk (`fsync`), records that arrive together share one `fsync` (group commit), and
/// ``compact(_:)`` replaces the file with a snapshot so it stays proportional to the live state.
///
/// ```swift
/// let (journal, contents) = try Journal.open(path: "state/objects.log")
/// for record in contents.records { apply(record) }          // replay
/// let ticket = journal.enqueue([bytes])                      // in the writer's order
/// try await journal.waitUntilDurable(ticket)                 // then acknowledge
/// ```
///
/// File layout: the 8-byte magic `JOURNAL1`, then records, each a little-endian `UInt32` length,
/// a little-endian `UInt32` CRC-32 of the payload, and the payload. A crash mid-append leaves an
/// incomplete last record; ``open(path:fileMode:)`` drops it (keeping every complete record) and
/// says so in ``Contents/warning``.
public final class Journal: @unchecked Sendable {
    /// What a journal held when it was opened.
    public struct Contents: Sendable {
        /// Every complete record, oldest first.
        public var records: [[UInt8]]
        /// Set when an incomplete or corrupt tail was dropped: what, and where.
        public var warning: String?
    }

    /// A position in the journal's order; durable once ``waitUntilDurable(_:)`` returns for it.
    public typealias Ticket = UInt64

    private enum Operation {
        case append([[UInt8]], Ticket)
        case compact(@Sendable () -> [[UInt8]], Ticket)
    }

    public let path: String
    private let fileMode: mode_t
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var descriptor: Int32
    private var queue: [Operation] = []
    private var nextTicket: Ticket = 1
    private var durableTicket: Ticket = 0
    private var waiters: [(Ticket, CheckedContinuation<Void, any Error>)] = []
    private var failure: JournalError?
    private var closed = false
    private var recordsSinceCompaction = 0
    private var writer: Thread?

    static let magic = Array("JOURNAL1".utf8)

    private init(path: String, descriptor: Int32, fileMode: mode_t, records: Int) {
        self.path = path
        self.descriptor = descriptor
        self.fileMode = fileMode
        recordsSinceCompaction = records
    }

    /// Opens (creating with `fileMode` when missing) the journal at `path` and reads every
    /// complete record. The directory must exist.
    /// - Throws: ``JournalError`` when the file cannot be opened or is not a journal.
    public static func open(path: String, fileMode: mode_t = 0o600) throws(JournalError) -> (Journal, Contents) {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw JournalError(path: path, problem: "cannot open: \(String(cString: strerror(errno)))") }
        var contents = Contents(records: [], warning: nil)
        do throws(JournalError) {
            let bytes = try readAll(descriptor, path: path)
            var end = bytes.count
            if bytes.count < magic.count {
                guard bytes.elementsEqual(magic.prefix(bytes.count)) else {
                    throw JournalError(path: path, problem: "not a journal (it does not start with \"JOURNAL1\")")
                }
                if !bytes.isEmpty { contents.warning = "\(path): dropped an incomplete header of \(bytes.count) bytes" }
                try truncate(descriptor, to: 0, path: path)
                try write(descriptor, magic, path: path)
                try sync(descriptor, path: path)
                try syncDirectory(of: path)
                end = magic.count
            } else {
                guard Array(bytes.prefix(magic.count)) == magic else {
                    throw JournalError(path: path, problem: "not a journal (it does not start with \"JOURNAL1\")")
                }
                let (records, valid, problem) = parse(bytes)
                contents.records = records
                if let problem {
                    contents.warning = "\(path): \(problem) at offset \(valid); dropped the last \(bytes.count - valid) bytes, kept \(records.count) complete records"
                    try truncate(descriptor, to: valid, path: path)
                    try sync(descriptor, path: path)
                    end = valid
                }
            }
            guard lseek(descriptor, off_t(end), SEEK_SET) >= 0 else {
                throw JournalError(path: path, problem: "cannot seek: \(String(cString: strerror(errno)))")
            }
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        let journal = Journal(path: path, descriptor: descriptor, fileMode: fileMode, records: contents.records.count)
        journal.startWriter()
        return (journal, contents)
    }

    /// Queues records to be appended, in call order, and returns the ticket to wait for.
    public func enqueue(_ records: [[UInt8]]) -> Ticket {
        condition.lock()
        defer { condition.unlock() }
        let ticket = nextTicket
        nextTicket += 1
        queue.append(.append(records, ticket))
        recordsSinceCompaction += records.count
        condition.signal()
        return ticket
    }

    /// Queues a compaction: the file is replaced by the records `snapshot` returns (computed on
    /// the journal's thread), which must be equivalent to everything enqueued before this call.
    @discardableResult
    public func compact(_ snapshot: @escaping @Sendable () -> [[UInt8]]) -> Ticket {
        condition.lock()
        defer { condition.unlock() }
        let ticket = nextTicket
        nextTicket += 1
        queue.append(.compact(snapshot, ticket))
        recordsSinceCompaction = 0
        condition.signal()
        return ticket
    }

    /// Records appended since the last compaction (or in the file when it was opened).
    public var appendedSinceCompaction: Int {
        condition.lock()
        defer { condition.unlock() }
        return recordsSinceCompaction
    }

    /// Returns once everything up to `ticket` is on disk.
    /// - Throws: ``JournalError`` when writing failed; the journal then refuses further work.
    public func waitUntilDurable(_ ticket: Ticket) async throws(JournalError) {
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                condition.lock()
                if let failure {
                    condition.unlock()
                    continuation.resume(throwing: failure)
                } else if durableTicket >= ticket {
                    condition.unlock()
                    continuation.resume()
                } else {
                    waiters.append((ticket, continuation))
                    condition.unlock()
                }
            }
        } catch {
            throw error as? JournalError ?? JournalError(path: path, problem: "\(error)")
        }
    }

    /// Appends `records` and returns once they are on disk.
    public func append(_ records: [[UInt8]]) async throws(JournalError) {
        try await waitUntilDurable(enqueue(records))
    }

    /// The first write failure, if any; a failed journal accepts nothing more.
    public var failed: JournalError? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Writes what is queued, then stops the journal's thread and closes the file.
    public func close() {
        condition.lock()
        closed = true
        condition.signal()
        while writer != nil { condition.wait() }
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
        condition.unlock()
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    // MARK: The writer thread

    private func startWriter() {
        let thread = Thread { [self] in runWriter() }
        thread.name = "journal"
        writer = thread
        thread.start()
    }

    private func runWriter() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty && closed {
                writer = nil
                let abandoned = waiters
                waiters = []
                condition.broadcast()
                condition.unlock()
                for (_, continuation) in abandoned { continuation.resume(throwing: JournalError(path: path, problem: "closed")) }
                return
            }
            let batch = queue
            queue = []
            let descriptor = self.descriptor
            let failedAlready = failure
            condition.unlock()

            var done: Ticket = 0
            var problem = failedAlready
            var pending: [UInt8] = []
            var newDescriptor: Int32?
            if problem == nil {
                do {
                    var current = descriptor
                    for operation in batch {
                        switch operation {
                        case .append(let records, let ticket):
                            for record in records { Self.frame(record, into: &pending) }
                            done = ticket
                        case .compact(let snapshot, let ticket):
                            try Self.write(current, pending, path: path)
                            pending = []
                            current = try replace(with: snapshot())
                            newDescriptor = current
                            done = ticket
                        }
                    }
                    try Self.write(current, pending, path: path)
                    try Self.sync(current, path: path)
                } catch {
                    problem = error
                }
            }

            condition.lock()
            if let newDescriptor {
                if self.descriptor >= 0, self.descriptor != newDescriptor { Glibc.close(self.descriptor) }
                self.descriptor = newDescriptor
            }
            var ready: [CheckedContinuation<Void, any Error>] = []
            var failing: [CheckedContinuation<Void, any Error>] = []
            if let problem {
                failure = problem
                failing = waiters.map(\.1)
                waiters = []
            } else {
                durableTicket = max(durableTicket, done)
                waiters.removeAll { ticket, continuation in
                    guard ticket <= durableTicket else { return false }
                    ready.append(continuation)
                    return true
                }
            }
            condition.unlock()
            for continuation in ready { continuation.resume() }
            for continuation in failing { continuation.resume(throwing: problem!) }
        }
    }

    /// Writes `records` to a new file beside the journal, makes it durable and renames it over
    /// the journal; returns the new file's descriptor, positioned at its end.
    private func replace(with records: [[UInt8]]) throws(JournalError) -> Int32 {
        let temporary = path + ".compact"
        let descriptor = Glibc.open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw JournalError(path: temporary, problem: "cannot create: \(String(cString: strerror(errno)))") }
        do throws(JournalError) {
            var bytes = Self.magic
            for record in records { Self.frame(record, into: &bytes) }
            try Self.write(descriptor, bytes, path: temporary)
            try Self.sync(descriptor, path: temporary)
            guard rename(temporary, path) == 0 else {
                throw JournalError(path: path, problem: "cannot replace with the compacted file: \(String(cString: strerror(errno)))")
            }
            try Self.syncDirectory(of: path)
            return descriptor
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    // MARK: Format

    private static func frame(_ record: [UInt8], into bytes: inout [UInt8]) {
        let length = UInt32(record.count)
        let checksum = CRC32.checksum(record)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt32(shift))) }
        bytes.append(contentsOf: record)
    }

    /// The complete records after the magic, the offset where they end, and what stopped the
    /// reading before the end of the file (an incomplete or corrupt record).
    static func parse(_ bytes: [UInt8]) -> (records: [[UInt8]], valid: Int, problem: String?) {
        var records: [[UInt8]] = []
        var offset = magic.count
        func word(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        while offset < bytes.count {
            guard bytes.count - offset >= 8 else { return (records, offset, "an incomplete record header") }
            let length = Int(word(offset))
            let checksum = word(offset + 4)
            guard bytes.count - offset - 8 >= length else { return (records, offset, "an incomplete record") }
            let record = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            guard CRC32.checksum(record) == checksum else { return (records, offset, "a record with a wrong checksum") }
            records.append(record)
            offset += 8 + length
        }
        return (records, offset, nil)
    }

    // MARK: System calls

    private static func readAll(_ descriptor: Int32, path: String) throws(JournalError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError(path: path, problem: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(JournalError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError(path: path, problem: "cannot write: \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    private static func sync(_ descriptor: Int32, path: String) throws(JournalError) {
        guard fsync(descriptor) == 0 else { throw JournalError(path: path, problem: "cannot sync: \(String(cString: strerror(errno)))") }
    }

    private static func truncate(_ descriptor: Int32, to length: Int, path: String) throws(JournalError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw JournalError(path: path, problem: "cannot truncate: \(String(cString: strerror(errno)))")
        }
    }

    /// Makes a new or renamed directory entry durable.
    static func syncDirectory(of path: String) throws(JournalError) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalError(path: directory, problem: "cannot open: \(String(cString: strerror(errno)))") }
        defer { Glibc.close(descriptor) }
        try sync(descriptor, path: directory)
    }
}

/// Why a journal could not be read or written, naming the file.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// CRC-32 (IEEE 802.3, as zlib computes it).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
