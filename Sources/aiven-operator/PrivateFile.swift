import Foundation

/// Files holding credentials (kubeconfigs, tokens): mode 0600 in directories created 0700,
/// replaced atomically so a reader never sees half a file.
enum PrivateFile {
    /// Creates `path` (and its parents) with mode 0700 when missing.
    static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Writes `contents` to `path` with mode 0600: to a private temporary file beside it, then
    /// renamed over it.
    static func write(_ contents: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OperatorLaunchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(contents.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw OperatorLaunchError("cannot write \(path): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OperatorLaunchError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Tightens an existing file written by an earlier version to 0600.
    static func restrict(_ path: String) {
        if FileManager.default.fileExists(atPath: path) { chmod(path, 0o600) }
    }
}
