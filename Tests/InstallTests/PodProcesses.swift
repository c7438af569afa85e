import Foundation

/// The processes `apiserver --run-image` runs as pods, found as `ps` would find them: by their
/// working directory, each pod's own under `DIR/pods/NAMESPACE/`.
enum PodProcesses {
    /// The running processes whose working directory lies under `pods`, by that directory.
    static func running(under pods: URL) -> [String: Int32] {
        var found: [String: Int32] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd"),
                cwd.hasPrefix(pods.path + "/")
            else { continue }
            found[cwd] = pid
        }
        return found
    }

    /// The environment a process started with.
    static func environment(of pid: Int32) -> [String: String] {
        var result: [String: String] = [:]
        for entry in nulSeparated("/proc/\(pid)/environ") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            result[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return result
    }

    /// The command line a process started with, its executable first.
    static func arguments(of pid: Int32) -> [String] {
        nulSeparated("/proc/\(pid)/cmdline")
    }

    private static func nulSeparated(_ path: String) -> [String] {
        (FileManager.default.contents(atPath: path) ?? Data()).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
