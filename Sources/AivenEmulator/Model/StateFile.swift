import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The emulator's state on disk: an append-only journal of JSON lines, mode 0600.
///
/// The first line is a snapshot of every project; each later line is one request's changes
/// (or a reset). An append is written and `fsync`ed before the request is answered, so every
/// acknowledged change survives `kill -9`, and costs the size of that change. When the journal
/// outgrows twice the snapshot it is compacted: a new snapshot is written beside it, flushed and
/// renamed over it. Loading replays the lines; a torn last line (a crash mid-append, never
/// acknowledged) is dropped; anything else unreadable is an error naming the file and line —
/// never an empty start over data. A file in the earlier format (one JSON object of projects)
/// is read and rewritten as a journal.
final class StateFile {
    let path: String
    private var descriptor: Int32 = -1
    private var snapshotBytes = 0
    private var journalBytes = 0

    enum Entry: Codable {
        case snapshot(projects: [String: EmulatedProject])
        case changes(project: String, changes: [ProjectChange])
        case reset
    }

    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    init(path: String) {
        self.path = path
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Replays the file; `[:]` when it does not exist yet. Leaves a compacted file behind.
    func load() throws(Failure) -> [String: EmulatedProject] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(description: "cannot read state file \(path): \(error.localizedDescription)")
        }
        var projects: [String: EmulatedProject]
        if !data.contains(UInt8(ascii: "\n")), let legacy = try? JSONDecoder().decode([String: EmulatedProject].self, from: data) {
            projects = legacy
        } else {
            projects = try replay(data)
        }
        try compact(projects)
        return projects
    }

    private func replay(_ data: Data) throws(Failure) -> [String: EmulatedProject] {
        var projects: [String: EmulatedProject] = [:]
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let entry: Entry
            do {
                entry = try decoder.decode(Entry.self, from: Data(line))
            } catch {
                if index == lines.count - 1 { break }  // torn final append: never acknowledged
                throw Failure(description: "state file \(path) line \(index + 1) is not a journal entry: \(error)")
            }
            switch entry {
            case .snapshot(let snapshot): projects = snapshot
            case .reset: projects = [:]
            case .changes(let project, let changes):
                var state = projects[project] ?? EmulatedProject()
                for change in changes { state.apply(change) }
                projects[project] = state.isEmpty ? nil : state
            }
        }
        return projects
    }

    /// Appends one entry and flushes it to disk.
    func append(_ entry: Entry) throws(Failure) {
        let line: Data
        do {
            line = try JSONEncoder().encode(entry) + Data("\n".utf8)
        } catch {
            throw Failure(description: "cannot encode a state file entry: \(error)")
        }
        if descriptor < 0 {
            descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw failure("cannot open") }
            try syncDirectory()
        }
        try writeAll(line, to: descriptor)
        journalBytes += line.count
    }

    /// Whether the journal has grown enough that ``compact(_:)`` pays for itself.
    var needsCompaction: Bool { journalBytes > max(1 << 20, 2 * snapshotBytes) }

    /// Replaces the file with one snapshot of `projects`, atomically and durably.
    func compact(_ projects: [String: EmulatedProject]) throws(Failure) {
        let line: Data
        do {
            line = try JSONEncoder().encode(Entry.snapshot(projects: projects)) + Data("\n".utf8)
        } catch {
            throw Failure(description: "cannot encode the state snapshot: \(error)")
        }
        let temporary = path + ".compacting"
        let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard file >= 0 else { throw failure("cannot create \(temporary) for") }
        do throws(Failure) {
            try writeAll(line, to: file)
        } catch {
            close(file)
            unlink(temporary)
            throw error
        }
        close(file)
        guard rename(temporary, path) == 0 else { throw failure("cannot replace") }
        try syncDirectory()
        if descriptor >= 0 { close(descriptor) }
        descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open") }
        snapshotBytes = line.count
        journalBytes = 0
    }

    private func writeAll(_ data: Data, to file: Int32) throws(Failure) {
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written, fsync(file) == 0 else { throw failure("cannot write") }
    }

    private func syncDirectory() throws(Failure) {
        let directory = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { throw failure("cannot open the directory of") }
        defer { close(directory) }
        guard fsync(directory) == 0 else { throw failure("cannot flush the directory of") }
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what) state file \(path): \(String(cString: strerror(errno)))")
    }
}
