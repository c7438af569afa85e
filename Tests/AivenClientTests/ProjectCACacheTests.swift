import Synchronization
import Testing

@testable import AivenClient

/// The project CA is asked for once per (API URL, project) and lifetime; failures are not kept.
@Suite struct ProjectCACacheTests {
    /// Answers `GET …/kms/ca` with the scripted statuses in turn (then 200), counting requests per path.
    final class CATransport: AivenTransport {
        let failures = Mutex<[Int]>([])
        let requests = Mutex<[String]>([])

        init(failing statuses: [Int] = []) {
            failures.withLock { $0 = statuses }
        }

        func send(_ request: AivenRequest, timeout: Duration) async throws(AivenError) -> AivenResponse {
            let path = String(request.path.prefix { $0 != "?" })
            requests.withLock { $0.append(path) }
            if let status = failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                return AivenResponse(status: status, body: Array(#"{"message":"no"}"#.utf8))
            }
            return AivenResponse(status: 200, body: Array(#"{"certificate":"CA of \#(path)"}"#.utf8))
        }

        func count(_ path: String) -> Int { requests.withLock { $0.filter { $0 == path }.count } }
    }

    static func client(_ transport: CATransport, _ cache: ProjectCACache, apiURL: String = "https://api.aiven.io") -> AivenClient {
        AivenClient(transport: transport, retryPolicy: .never, sleep: { _ in }).keepingProjectCAs(in: cache, apiURL: apiURL)
    }

    @Test func oneRequestPerProjectAndAPIWhileFresh() async throws {
        let transport = CATransport()
        let cache = ProjectCACache()
        for _ in 0..<3 {
            #expect(try await Self.client(transport, cache).getProjectCA(project: "p") == "CA of /v1/project/p/kms/ca")
        }
        #expect(transport.count("/v1/project/p/kms/ca") == 1)
        // Another project, and the same project behind another API URL, are asked for.
        _ = try await Self.client(transport, cache).getProjectCA(project: "q")
        _ = try await Self.client(transport, cache, apiURL: "https://other.example").getProjectCA(project: "p")
        #expect(transport.count("/v1/project/q/kms/ca") == 1)
        #expect(transport.count("/v1/project/p/kms/ca") == 2)
    }

    @Test func aFailureIsNotKept() async throws {
        let transport = CATransport(failing: [403])
        let client = Self.client(transport, ProjectCACache())
        await #expect(throws: AivenError.self) { try await client.getProjectCA(project: "p") }
        #expect(try await client.getProjectCA(project: "p") == "CA of /v1/project/p/kms/ca")
        _ = try await client.getProjectCA(project: "p")
        #expect(transport.count("/v1/project/p/kms/ca") == 2)
    }

    @Test func anExpiredCAIsAskedForAgainAndAPlainClientAlwaysAsks() async throws {
        let transport = CATransport()
        let expired = Self.client(transport, ProjectCACache(lifetime: .zero))
        for _ in 0..<2 { _ = try await expired.getProjectCA(project: "p") }
        #expect(transport.count("/v1/project/p/kms/ca") == 2)
        let plain = AivenClient(transport: transport, retryPolicy: .never, sleep: { _ in })
        for _ in 0..<2 { _ = try await plain.getProjectCA(project: "p") }
        #expect(transport.count("/v1/project/p/kms/ca") == 4)
    }
}
