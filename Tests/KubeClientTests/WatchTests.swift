import KubeAPI
import KubeClient
import Testing

/// Watch streams against LocalKube: initial state, ordering, resume, bookmarks, 410 and stress.
struct WatchTests {
    /// The `(type, name)` of an event, for compact assertions.
    static func describe(_ event: WatchEvent<Widget>) -> String {
        switch event {
        case .added(let widget): "ADDED \(widget.metadata.name ?? "")"
        case .modified(let widget): "MODIFIED \(widget.metadata.name ?? "")"
        case .deleted(let widget): "DELETED \(widget.metadata.name ?? "")"
        case .bookmark: "BOOKMARK"
        }
    }

    @Test func initialStateThenChanges() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        _ = try await widgets.create(Widget("existing"))
        var events = try await widgets.watch().makeAsyncIterator()
        #expect(try await events.next().map(Self.describe) == "ADDED existing")
        _ = try await widgets.create(Widget("new"))
        _ = try await widgets.mergePatch("new", ["spec": ["size": 2]])
        _ = try await widgets.delete("new")
        #expect(try await events.next().map(Self.describe) == "ADDED new")
        #expect(try await events.next().map(Self.describe) == "MODIFIED new")
        #expect(try await events.next().map(Self.describe) == "DELETED new")
    }

    @Test func resumesFromAResourceVersionAndEndsWithABookmark() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        _ = try await widgets.create(Widget("before"))
        let list = try await widgets.list()
        _ = try await widgets.create(Widget("after"))
        var seen: [String] = []
        for try await event in try await widgets.watch(ListOptions(resourceVersion: list.resourceVersion), timeout: .seconds(1)) {
            seen.append(Self.describe(event))
        }
        #expect(seen == ["ADDED after", "BOOKMARK"])
    }

    @Test func expiredResourceVersionThrowsAndRelistRecovers() async throws {
        let fixture = try await LocalKubeFixture.start(historyLimit: 3)
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        let start = try await widgets.list().resourceVersion
        for index in 0..<6 { _ = try await widgets.create(Widget("w\(index)")) }
        await #expect {
            for try await _ in try await widgets.watch(ListOptions(resourceVersion: start)) {}
        } throws: { error in
            guard case .expired(let status) = error as? KubeError else { return false }
            return status.code == 410 && status.message?.hasPrefix("too old resource version: \(start)") == true
        }
        let relisted = try await widgets.list()
        #expect(relisted.items.count == 6)
        var events = try await widgets.watch(ListOptions(resourceVersion: relisted.resourceVersion)).makeAsyncIterator()
        _ = try await widgets.create(Widget("fresh"))
        #expect(try await events.next().map(Self.describe) == "ADDED fresh")
    }

    @Test func selectorsTurnLeavingObjectsIntoDeletions() async throws {
        let fixture = try await LocalKubeFixture.start()
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        var events = try await widgets.watch(ListOptions(labelSelector: "team=a")).makeAsyncIterator()
        _ = try await widgets.create(Widget("other", labels: ["team": "b"]))
        _ = try await widgets.create(Widget("mine", labels: ["team": "a"]))
        _ = try await widgets.mergePatch("mine", ["metadata": ["labels": ["team": "b"]]])
        _ = try await widgets.mergePatch("other", ["metadata": ["labels": ["team": "a"]]])
        #expect(try await events.next().map(Self.describe) == "ADDED mine")
        #expect(try await events.next().map(Self.describe) == "DELETED mine")
        #expect(try await events.next().map(Self.describe) == "ADDED other")
    }

    @Test func concurrentWritersAndWatchersSeeEveryChangeInOrder() async throws {
        let fixture = try await LocalKubeFixture.start(historyLimit: 10_000)
        defer { Task { await fixture.stop() } }
        let widgets = fixture.widgets
        let writers = 4
        let writesPerWriter = 15
        for writer in 0..<writers { _ = try await widgets.create(Widget("w\(writer)")) }
        let start = try await widgets.list().resourceVersion
        let expected = writers * writesPerWriter
        try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<3 {
                let stream = try await widgets.watch(ListOptions(resourceVersion: start), timeout: .seconds(60))
                group.addTask {
                    var versions: [Int] = []
                    for try await event in stream {
                        if case .modified(let widget) = event { versions.append(Int(widget.metadata.resourceVersion ?? "") ?? -1) }
                        if versions.count == expected { break }
                    }
                    return versions
                }
            }
            for writer in 0..<writers {
                group.addTask {
                    for write in 0..<writesPerWriter {
                        // Every writer patches every widget in turn, so writers collide on objects.
                        let target = "w\((writer + write) % writers)"
                        _ = try await widgets.mergePatch(target, ["metadata": ["labels": ["write": .string("\(writer)-\(write)")]]])
                    }
                    return []
                }
            }
            var watchers = 0
            for try await versions in group where !versions.isEmpty {
                watchers += 1
                #expect(versions.count == expected)
                #expect(versions == versions.sorted() && Set(versions).count == versions.count)
            }
            #expect(watchers == 3)
        }
    }
}
