import Foundation
import Journal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The emulator's state on disk: a ``Journal`` (mode 0600) of JSON entries — one request's
/// changes per record, a snapshot after each compaction.
///
/// A request's record is durable (`fsync`, shared by the requests that arrived together) before
/// its response goes out, so every acknowledged change survives `kill -9`, and it costs the size of
/// that change. The journal is compacted when it holds more records than twice the live entities.
/// Opening replays the records; a torn tail is dropped by ``Journal`` (reported as a warning);
/// a record that is not an entry is an error naming the file — never an empty start over data.
/// A file in an earlier format (one JSON object of projects, or JSON lines) is read and converted.
final class StateFile: Sendable {
    let path: String
    private let journal: Journal

    enum Entry: Codable {
        case snapshot(projects: [String: EmulatedProject])
        case changes(project: String, changes: [ProjectChange])
        case reset
    }

    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    private init(path: String, journal: Journal) {
        self.path = path
        self.journal = journal
    }

    deinit { journal.close() }

    /// Opens (or creates) the state file at `path` and replays it.
    static func open(path: String) throws(Failure) -> (file: StateFile, projects: [String: EmulatedProject], warning: String?) {
        if let earlier = try readEarlierFormat(path) {
            try convert(earlier, path: path)
        }
        let (journal, contents): (Journal, Journal.Contents)
        do {
            (journal, contents) = try Journal.open(path: path)
        } catch {
            throw Failure(description: "cannot open state file \(error.description)")
        }
        var projects: [String: EmulatedProject] = [:]
        let decoder = JSONDecoder()
        for (index, record) in contents.records.enumerated() {
            let entry: Entry
            do {
                entry = try decoder.decode(Entry.self, from: Data(record))
            } catch {
                journal.close()
                throw Failure(description: "state file \(path) record \(index + 1) is not an emulator entry: \(error)")
            }
            apply(entry, to: &projects)
        }
        return (StateFile(path: path, journal: journal), projects, contents.warning)
    }

    private static func apply(_ entry: Entry, to projects: inout [String: EmulatedProject]) {
        switch entry {
        case .snapshot(let snapshot): projects = snapshot
        case .reset: projects = [:]
        case .changes(let project, let changes):
            var state = projects[project] ?? EmulatedProject()
            for change in changes { state.apply(change) }
            projects[project] = state.isEmpty ? nil : state
        }
    }

    /// Queues `entry`; durable once ``waitUntilDurable(_:)`` returns for the ticket.
    func enqueue(_ entry: Entry) throws(Failure) -> Journal.Ticket {
        journal.enqueue([try Self.encode(entry)])
    }

    func waitUntilDurable(_ ticket: Journal.Ticket) async throws(Failure) {
        do {
            try await journal.waitUntilDurable(ticket)
        } catch {
            throw Failure(description: "cannot write state file \(error.description)")
        }
    }

    /// Whether the journal holds enough records beyond `liveEntities` that a compaction pays.
    func needsCompaction(liveEntities: Int) -> Bool {
        journal.appendedSinceCompaction > max(1024, 2 * liveEntities)
    }

    /// Queues a compaction to one snapshot of `projects` (encoded now, written by the journal).
    func compact(_ projects: [String: EmulatedProject]) throws(Failure) {
        let snapshot = try Self.encode(.snapshot(projects: projects))
        journal.compact { [snapshot] }
    }

    private static func encode(_ entry: Entry) throws(Failure) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(entry))
        } catch {
            throw Failure(description: "cannot encode a state file entry: \(error)")
        }
    }

    // MARK: Earlier formats

    /// The projects of a file written before the journal (one JSON object, or JSON lines), or
    /// `nil` when there is no file or it is a journal already.
    private static func readEarlierFormat(_ path: String) throws(Failure) -> [String: EmulatedProject]? {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return nil }
        let magic = Array("JOURNAL1".utf8)
        if Array(data.prefix(magic.count)) == Array(magic.prefix(min(magic.count, data.count))) { return nil }
        if !data.contains(UInt8(ascii: "\n")), let legacy = try? JSONDecoder().decode([String: EmulatedProject].self, from: data) {
            return legacy
        }
        var projects: [String: EmulatedProject] = [:]
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(line)) else {
                if index == lines.count - 1 { break }  // torn final append: never acknowledged
                throw Failure(description: "state file \(path) is neither a journal nor an earlier state file (line \(index + 1) unreadable)")
            }
            apply(entry, to: &projects)
        }
        return projects
    }

    /// Rewrites `path` as a journal holding one snapshot of `projects`: written and flushed beside
    /// it, then renamed over it.
    private static func convert(_ projects: [String: EmulatedProject], path: String) throws(Failure) {
        let temporary = path + ".converting"
        unlink(temporary)
        do {
            let (journal, _) = try Journal.open(path: temporary)
            _ = journal.enqueue([try encode(.snapshot(projects: projects))])
            journal.close()
            if let failure = journal.failed { throw Failure(description: "cannot convert state file \(failure.description)") }
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(description: "cannot convert state file \(path): \(error)")
        }
        guard rename(temporary, path) == 0 else {
            throw Failure(description: "cannot replace state file \(path): \(String(cString: strerror(errno)))")
        }
        let directory = Glibc.open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}
