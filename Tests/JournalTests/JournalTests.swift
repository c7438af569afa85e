import Foundation
import Journal
import Testing

/// The journal's contract: what was acknowledged is replayed in order, an interrupted tail is
/// dropped with a warning, anything else is refused naming the file.
struct JournalTests {
    let directory: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
    var path: String { directory + "/test.log" }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func appendedRecordsAreReplayedInOrder() async throws {
        let (journal, empty) = try Journal.open(path: path)
        #expect(empty.records.isEmpty && empty.warning == nil)
        try await journal.append([bytes("one"), bytes("two")])
        // Concurrent writers share the journal; each one's records keep their order.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask { for index in 0..<50 { try await journal.append([Array("w\(writer)-\(index)".utf8)]) } }
            }
            try await group.waitForAll()
        }
        journal.close()
        let (reopened, contents) = try Journal.open(path: path)
        defer { reopened.close() }
        #expect(contents.warning == nil)
        #expect(contents.records.count == 2 + 8 * 50)
        #expect(contents.records.prefix(2) == [bytes("one"), bytes("two")])
        let texts = contents.records.map { String(decoding: $0, as: UTF8.self) }
        for writer in 0..<8 {
            #expect(texts.filter { $0.hasPrefix("w\(writer)-") } == (0..<50).map { "w\(writer)-\($0)" })
        }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func compactionReplacesTheFileAndAppendsContinueAfterIt() async throws {
        let (journal, _) = try Journal.open(path: path)
        for index in 0..<100 { try await journal.append([bytes("old-\(index)")]) }
        let sizeBefore = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(journal.appendedSinceCompaction == 100)
        journal.compact { [Array("snapshot".utf8)] }
        #expect(journal.appendedSinceCompaction == 0)
        try await journal.append([bytes("after")])
        journal.close()
        let (reopened, contents) = try Journal.open(path: path)
        defer { reopened.close() }
        #expect(contents.records == [bytes("snapshot"), bytes("after")])
        let sizeAfter = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(sizeAfter < sizeBefore)
        #expect(!FileManager.default.fileExists(atPath: path + ".compact"))
    }

    @Test func anInterruptedLastRecordIsDroppedWithAWarning() async throws {
        let (journal, _) = try Journal.open(path: path)
        try await journal.append([bytes("complete-1"), bytes("complete-2")])
        journal.close()
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        // A crash in the middle of the next append: its header and part of its payload.
        for tail in [Data([5, 0]), Data([20, 0, 0, 0, 1, 2, 3, 4]) + Data("partial".utf8)] {
            try (full + tail).write(to: URL(fileURLWithPath: path))
            let (reopened, contents) = try Journal.open(path: path)
            #expect(contents.records == [bytes("complete-1"), bytes("complete-2")])
            #expect(contents.warning?.contains(path) == true)
            #expect(contents.warning?.contains("dropped the last \(tail.count) bytes") == true)
            try await reopened.append([bytes("next")])
            reopened.close()
            let (again, recovered) = try Journal.open(path: path)
            again.close()
            #expect(recovered.records.last == bytes("next"))
            #expect(recovered.warning == nil)
            try full.write(to: URL(fileURLWithPath: path))
        }
        // A flipped bit in the last record fails its checksum.
        var corrupt = full
        corrupt[corrupt.count - 1] ^= 0x01
        try corrupt.write(to: URL(fileURLWithPath: path))
        let (reopened, contents) = try Journal.open(path: path)
        reopened.close()
        #expect(contents.records == [bytes("complete-1")])
        #expect(contents.warning?.contains("wrong checksum") == true)
    }

    @Test func aFileThatIsNotAJournalIsRefusedNamingIt() throws {
        for text in ["[1,2,3]", "null", "{\"objects\": 5}", "JOURNAL2 and more"] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: JournalError.self) { _ = try Journal.open(path: path) }
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("not a journal") == true)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8), "the file is left as it was")
        }
    }
}
