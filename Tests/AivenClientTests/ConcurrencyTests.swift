import AivenClient
import Testing

@Suite struct ConcurrencyTests {
    @Test func concurrentCreatesUpdatesAndDeletesLoseNothing() async throws {
        try await EmulatorHarness.run { harness in
            // What counts is that nothing is lost or duplicated, not how fast: 48 requests queue
            // for the client's connections while the rest of the test process loads both cores.
            let client = harness.client(timeout: .seconds(120))
            let names = (0..<24).map { "kc-\($0)" }
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for name in names + names {
                    group.addTask {
                        do throws(AivenError) {
                            _ = try await client.createService(project: "p", .kafkaConnect(name))
                            return true
                        } catch {
                            guard case .alreadyExists = error else { throw error }
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == names.count)
            #expect(Set(try await client.listServices(project: "p").map(\.serviceName)) == Set(names))

            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, name) in names.enumerated() {
                    group.addTask {
                        if index.isMultiple(of: 2) {
                            try await client.deleteService(project: "p", name: name)
                        } else {
                            _ = try await client.updateService(project: "p", name: name, ServiceUpdateRequest(plan: "business-16"))
                            try await client.replaceServiceTags(project: "p", name: name, tags: ["i": "\(index)"])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let remaining = try await client.listServices(project: "p")
            #expect(remaining.count == names.count / 2)
            #expect(remaining.allSatisfy { $0.plan == "business-16" && $0.tags?["i"] != nil })
        }
    }
}
