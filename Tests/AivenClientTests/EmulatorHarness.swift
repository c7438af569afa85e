import AivenClient
import AivenEmulator
import Foundation
import Logging
import TestSupport
import Testing

/// Records the waits the client asks for and returns at once, so retry tests never sleep.
actor SleepRecorder {
    private(set) var waits: [Duration] = []

    func record(_ wait: Duration) { waits.append(wait) }
}

/// An emulator on 127.0.0.1 (free port) with a manual clock, and clients pointed at it.
struct EmulatorHarness {
    static let token = "s3cr3t-emulator-token-value"
    static let limitedToken = "limited-token-value"

    let emulator: RunningAivenEmulator
    let time: ManualTime
    let sleeps = SleepRecorder()

    /// Runs `body` against a fresh emulator, then stops it.
    static func run(_ body: (EmulatorHarness) async throws -> Void) async throws {
        let time = ManualTime()
        let configuration = AivenEmulatorConfiguration(
            tokens: [EmulatorToken(token), EmulatorToken(limitedToken, projects: ["allowed"])],
            timings: EmulatorTimings(provisionDelay: .seconds(10), backupAfter: .seconds(30)),
            now: { time.now }
        )
        var quiet = Logger(label: "aiven-emulator")
        quiet.logLevel = .critical
        let emulator = try await AivenEmulator(configuration: configuration, logger: quiet).start()
        let harness = EmulatorHarness(emulator: emulator, time: time)
        do {
            try await body(harness)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    func transport(token: String = Self.token) -> AivenHTTPTransport {
        AivenHTTPTransport(baseURL: emulator.baseURL, token: AivenToken(token), userAgent: "aiven-operator/test")
    }

    /// A client whose retries wait on ``sleeps`` (instantly) with no jitter.
    func client(
        token: String = Self.token, retryPolicy: AivenRetryPolicy = AivenRetryPolicy(maxAttempts: 4),
        timeout: Duration = .seconds(10), logger: Logger = Logger(label: "test")
    ) -> AivenClient {
        let sleeps = sleeps
        return AivenClient(
            transport: transport(token: token), timeout: timeout, retryPolicy: retryPolicy, logger: logger,
            sleep: { await sleeps.record($0) }, random: { 0.5 })
    }

    /// Sends raw bytes, no retries.
    func raw(_ method: AivenRequest.Method, _ path: String, body: String? = nil, token: String = Self.token) async throws -> AivenResponse {
        try await transport(token: token).send(AivenRequest(method: method, path: path, body: body.map { Array($0.utf8) }), timeout: .seconds(10))
    }

    /// Calls the control API and returns the parsed body.
    @discardableResult
    func control(_ method: AivenRequest.Method, _ path: String, _ body: String? = nil) async throws -> [String: Any] {
        let response = try await raw(method, path, body: body)
        #expect(response.status == 200, "\(method) \(path): \(String(decoding: response.body, as: UTF8.self))")
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    /// How many requests the emulator saw for `route` (`"POST /v1/project/{project}/service"`).
    func requestCount(_ route: String) async throws -> Int {
        let summary = try await control(.get, "/_emulator/requests")
        return (summary["by_route"] as? [String: Any])?[route] as? Int ?? 0
    }

    func injectFault(_ json: String) async throws {
        try await control(.post, "/_emulator/faults", json)
    }
}

extension ServiceCreateRequest {
    static func kafkaConnect(_ name: String, plan: String = "business-4") -> ServiceCreateRequest {
        ServiceCreateRequest(serviceName: name, plan: plan, cloud: "google-europe-west1", projectVPC: .publicNetwork)
    }
}
