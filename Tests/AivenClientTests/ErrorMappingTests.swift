import KubeAPI
import AivenClient
import Testing

@Suite struct ErrorMappingTests {
    @Test func aivenErrorsAreTyped() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", ServiceCreateRequest(serviceName: "kc", plan: "startup-4", terminationProtection: true))

            await #expect(throws: AivenError.invalid(message: "Invalid plan 'x' for service type 'kafka_connect'")) {
                try await client.createService(project: "p", .kafkaConnect("other", plan: "x"))
            }
            do throws(AivenError) {
                _ = try await client.createService(project: "p", ServiceCreateRequest(serviceName: "kc", plan: "startup-4"))
                Issue.record("duplicate create succeeded")
            } catch {
                guard case .alreadyExists(let message) = error else { throw error }
                #expect(message.contains("already exists"))
            }
            do throws(AivenError) {
                try await client.deleteService(project: "p", name: "kc")
                Issue.record("protected delete succeeded")
            } catch {
                #expect(error.isTerminationProtection)
                #expect(error == .forbidden(message: "Service is protected against termination and shutdown. Remove termination protection first."))
            }
            await #expect(throws: AivenError.invalid(message: "Invalid 'user_config': Invalid input for kafka_connect.consumer_max_poll_records: 0 is less than the minimum of 1")) {
                try await client.updateService(project: "p", name: "kc", ServiceUpdateRequest(userConfig: ["kafka_connect": ["consumer_max_poll_records": 0]]))
            }
            await #expect(throws: AivenError.notFound(message: "Service nope does not exist")) {
                try await client.listServiceBackups(project: "p", name: "nope")
            }
        }
    }

    @Test func unknownTokensAreUnauthorizedAndLimitedTokensForbidden() async throws {
        try await EmulatorHarness.run { harness in
            await #expect(throws: AivenError.unauthorized(message: "Invalid token")) {
                try await harness.client(token: "wrong").listServices(project: "p")
            }
            let limited = harness.client(token: EmulatorHarness.limitedToken)
            #expect(try await limited.listServices(project: "allowed").isEmpty)
            do throws(AivenError) {
                _ = try await limited.listServices(project: "elsewhere")
                Issue.record("limited token reached another project")
            } catch {
                guard case .forbidden = error else { throw error }
            }
        }
    }

    @Test func rateLimitCarriesTheWaitFromTheMessage() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.control(.put, "/_emulator/rate-limit", #"{"requests": 2, "per_seconds": 600}"#)
            let client = harness.client(retryPolicy: .never)
            _ = try await client.listServices(project: "p")
            _ = try await client.listServices(project: "p")
            do throws(AivenError) {
                _ = try await client.listServices(project: "p")
                Issue.record("rate limit not applied")
            } catch {
                guard case .rateLimited(let wait?, let message) = error else { throw error }
                #expect(message.hasPrefix("The user has sent too many requests in a given amount of time: Rate limit 2 exceeded - try again in"))
                #expect(wait > .seconds(500) && wait <= .seconds(600))
            }
        }
    }

    @Test func retryAfterHeaderWins() async throws {
        try await EmulatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "GET", "path": "/v1/project/{project}/service", "status": 429, "retry_after": 7, "message": "slow down"}"#)
            await #expect(throws: AivenError.rateLimited(retryAfter: .seconds(7), message: "slow down")) {
                try await harness.client(retryPolicy: .never).listServices(project: "p")
            }
        }
    }
}
