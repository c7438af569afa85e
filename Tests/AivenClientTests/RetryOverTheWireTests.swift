import AivenClient
import Testing

@Suite struct RetryOverTheWireTests {
    @Test func serverErrorsAreRetriedWithBackoff() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "GET", "path": "/v1/project/{project}/service", "count": 2, "status": 503}"#)
            let client = harness.client(retryPolicy: AivenRetryPolicy(maxAttempts: 4, initialBackoff: .seconds(1), maxBackoff: .seconds(10)))
            #expect(try await client.listServices(project: "p").isEmpty)
            #expect(try await harness.requestCount("GET /v1/project/{project}/service") == 3)
            #expect(await harness.sleeps.waits == [.seconds(1), .seconds(2)])
        }
    }

    @Test func retriesStopAtMaxAttempts() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "GET", "path": "*", "count": 10, "status": 500}"#)
            await #expect(throws: AivenError.server(status: 500, message: "Internal Server Error")) {
                try await harness.client(retryPolicy: AivenRetryPolicy(maxAttempts: 3)).listServices(project: "p")
            }
            #expect(try await harness.requestCount("GET /v1/project/{project}/service") == 3)
        }
    }

    @Test func retryLaterIsRetriedAndClientErrorsAreNot() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "GET", "path": "/v1/project/p/service", "count": 2, "status": 501}"#)
            #expect(try await harness.client().listServices(project: "p").isEmpty)
            #expect(try await harness.requestCount("GET /v1/project/{project}/service") == 3)
            await #expect(throws: AivenError.self) { try await harness.client().getService(project: "p", name: "missing") }
            #expect(try await harness.requestCount("GET /v1/project/{project}/service/{service_name}") == 1)
        }
    }

    @Test func createIsNotBlindlyRetriedAfterAServerError() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "POST", "path": "/v1/project/{project}/service", "status": 503}"#)
            await #expect(throws: AivenError.server(status: 503, message: "Service Unavailable")) {
                try await harness.client().createService(project: "p", .kafkaConnect("kc"))
            }
            #expect(try await harness.requestCount("POST /v1/project/{project}/service") == 1)
        }
    }

    @Test func createIsNotRetriedAfterATimeout() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "POST", "path": "/v1/project/{project}/service", "hang_seconds": 2}"#)
            do throws(AivenError) {
                _ = try await harness.client(timeout: .milliseconds(300)).createService(project: "p", .kafkaConnect("kc"))
                Issue.record("hung create succeeded")
            } catch {
                guard case .transport(let failure) = error else { throw error }
                #expect(failure.requestMayHaveBeenSent)
            }
            #expect(try await harness.requestCount("POST /v1/project/{project}/service") == 1)
        }
    }

    @Test func createIsRetriedAfterRateLimiting() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "POST", "path": "/v1/project/{project}/service", "status": 429}"#)
            let created = try await harness.client().createService(project: "p", .kafkaConnect("kc"))
            #expect(created.serviceName == "kc")
            #expect(try await harness.requestCount("POST /v1/project/{project}/service") == 2)
            #expect(await harness.sleeps.waits == [.seconds(1)])
        }
    }

    @Test func hangsAndDroppedConnectionsAreRetriedForReads() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "GET", "path": "/v1/project/{project}/service", "hang_seconds": 10}"#)
            try await harness.injectFault(#"{"method": "GET", "path": "/v1/project/{project}/service", "drop": true}"#)
            #expect(try await harness.client(timeout: .seconds(3)).listServices(project: "p").isEmpty)
            #expect(try await harness.requestCount("GET /v1/project/{project}/service") == 3)
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let transport = AivenHTTPTransport(baseURL: "http://127.0.0.1:1", token: AivenToken("t"), userAgent: "aiven-operator/test")
        let client = AivenClient(transport: transport, timeout: .seconds(1), retryPolicy: .never)
        do throws(AivenError) {
            _ = try await client.createService(project: "p", .kafkaConnect("kc"))
            Issue.record("connected to port 1")
        } catch {
            guard case .transport(let failure) = error else { throw error }
            #expect(!failure.requestMayHaveBeenSent)
        }
    }

    /// Issue 27: a connection that cannot be made fails its attempt at once, not at the call's
    /// deadline (AsyncHTTPClient's pool would reconnect until then), and a client failing fast
    /// makes no second attempt.
    @Test func anUnreachableAivenFailsEachAttemptAtOnce() async throws {
        let transport = AivenHTTPTransport(baseURL: "http://127.0.0.1:1", token: AivenToken("t"), userAgent: "aiven-operator/test")
        let sleeps = SleepRecorder()
        let client = AivenClient(transport: transport, timeout: .seconds(120), retryPolicy: .standard, sleep: { await sleeps.record($0) })
        let clock = ContinuousClock()
        let start = clock.now
        do throws(AivenError) {
            _ = try await client.failingFastWhenUnreachable().createService(project: "p", .kafkaConnect("kc"))
            Issue.record("connected to port 1")
        } catch {
            guard case .transport(let failure) = error else { throw error }
            #expect(!failure.requestMayHaveBeenSent)
        }
        #expect(clock.now - start < .seconds(60), "failed before the deadline")
        #expect(await sleeps.waits.isEmpty, "no second attempt")
        do throws(AivenError) {
            _ = try await client.createService(project: "p", .kafkaConnect("kc"))
        } catch {}
        #expect(await sleeps.waits.count == AivenRetryPolicy.standard.maxAttempts - 1, "the usual policy retries it")
    }
}

