import Foundation
import KubeAPI
import LocalKube
import Testing

/// Watches lose nothing: a BOOKMARK never passes a change its watcher was not sent, however slow
/// the reader, and idle watches get periodic BOOKMARKs.
struct WatchBookmarkTests {
    typealias Server = RunningLocalKube
    static let secrets = "/api/v1/namespaces/default/secrets"

    /// The events of a raw watch response body: (type, name, resourceVersion).
    static func events(_ body: String) -> [(type: String, name: String, resourceVersion: Int64)] {
        // "\r\n" is one Character: split on scalars.
        let lines = body.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
        return lines.compactMap { line in
            // Chunked encoding: skip the chunk-size lines.
            guard line.hasPrefix("{"), let event = try? JSONParser().parse(String(line)) else { return nil }
            return (
                event["type"]?.stringValue ?? "", event[path: ["object", "metadata", "name"]]?.stringValue ?? "",
                Int64(event[path: ["object", "metadata", "resourceVersion"]]?.stringValue ?? "") ?? -1
            )
        }
    }

    static func watch(_ server: Server, _ query: String) throws -> RawConnection {
        let connection = try RawConnection(port: server.port)
        connection.send("GET \(secrets)?watch=1&\(query) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return connection
    }

    @Test func aSlowReaderLosesNothingAcrossTimeoutAndResume() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let start = try await server.request("GET", Self.secrets).body[path: ["metadata", "resourceVersion"]]?.stringValue ?? "0"
        let watch = try Self.watch(server, "resourceVersion=\(start)&timeoutSeconds=1&allowWatchBookmarks=true")
        // Large objects, created faster than the reader takes them, so the watch is far behind
        // when its timeout passes.
        let payload = Data(String(repeating: "x", count: 8192).utf8).base64EncodedString()
        let writers = Task {
            try await withThrowingTaskGroup(of: [(String, Int64)].self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var created: [(String, Int64)] = []
                        for index in 0..<150 {
                            let answer = try await server.request("POST", Self.secrets, body: ["metadata": ["name": .string("s-\(writer)-\(index)")], "data": ["x": .string(payload)]])
                            created.append(("s-\(writer)-\(index)", Int64(answer.body[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? -1))
                        }
                        return created
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        let first = Self.events(await watch.receiveAll(timeout: .seconds(60), pause: .milliseconds(20)))
        let created = try await writers.value
        let bookmark = try #require(first.last.flatMap { $0.type == "BOOKMARK" ? $0.resourceVersion : nil }, "the watch ended with a BOOKMARK")
        let delivered = Set(first.filter { $0.type == "ADDED" }.map(\.name))
        let missed = created.filter { $0.1 <= bookmark && !delivered.contains($0.0) }
        #expect(missed.isEmpty, "\(missed.count) changes at or before the BOOKMARK (\(bookmark)) were never sent")

        // Resuming from the BOOKMARK, as every informer does, brings the rest.
        let resumed = Self.events(try await Self.watch(server, "resourceVersion=\(bookmark)&timeoutSeconds=2&allowWatchBookmarks=true").receiveAll(timeout: .seconds(30)))
        let all = delivered.union(resumed.filter { $0.type == "ADDED" }.map(\.name))
        #expect(all == Set(created.map(\.0)))
    }

    @Test func anIdleWatchGetsPeriodicBookmarksOnlyWhenAllowed() async throws {
        let server = try await Server.start { $0.bookmarkInterval = .milliseconds(200) }
        defer { Task { await server.stop() } }
        try await server.request("POST", Self.secrets, body: ["metadata": ["name": "before"]])
        let version = try await server.request("GET", Self.secrets).body[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        let allowed = try Self.watch(server, "resourceVersion=\(version)&timeoutSeconds=4&allowWatchBookmarks=true")
        let plain = try Self.watch(server, "resourceVersion=\(version)&timeoutSeconds=2")
        let body = await allowed.receiveAll(timeout: .seconds(20))
        let bookmarks = Self.events(body).filter { $0.type == "BOOKMARK" }
        #expect(bookmarks.count >= 2, "periodic ones (about one per interval), plus one at the end: \(body)")
        #expect(bookmarks.allSatisfy { String($0.resourceVersion) == version })
        #expect(Self.events(await plain.receiveAll(timeout: .seconds(20))).isEmpty)
    }
}
