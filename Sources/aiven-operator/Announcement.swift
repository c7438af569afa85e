import Foundation
import ServiceLifecycle

/// A line printed, unbuffered, once the process's `ServiceGroup` runs: its SIGINT/SIGTERM
/// handling is in place by then, so a script that reacts to the line by stopping the process gets
/// a clean shutdown (printed before the group, a signal could still find the default action and
/// kill the process). Then it waits for the shutdown.
struct Announcement: Service {
    let text: String

    func run() async throws {
        FileHandle.standardOutput.write(Data(text.utf8))
        try? await gracefulShutdown()
    }
}
