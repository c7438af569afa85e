import Foundation

/// The emulator's state on disk (JSON), replaced atomically on every change.
struct StateFile: Sendable {
    let path: String

    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The saved projects, or `[:]` when the file does not exist yet.
    func load() throws(Failure) -> [String: EmulatedProject] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode([String: EmulatedProject].self, from: data)
        } catch {
            throw Failure(description: "cannot read state file \(path): \(error)")
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`.
    func save(_ projects: [String: EmulatedProject]) throws(Failure) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(projects).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(description: "cannot write state file \(path): \(error)")
        }
    }
}
