import AivenClient
import Logging
import TestSupport
import Testing

@Suite struct TokenRedactionTests {
    @Test func theTokenNeverPrints() {
        let token = AivenToken("super-secret-value")
        var dumped = ""
        dump(token, to: &dumped)
        let configuration = AivenClientConfiguration(token: token, operatorVersion: "v1.2.3")
        var dumpedConfiguration = ""
        dump(configuration, to: &dumpedConfiguration)
        for text in [token.description, token.debugDescription, "\(token)", String(reflecting: token), dumped, dumpedConfiguration] {
            #expect(!text.contains("super-secret-value"), "\(text)")
        }
        #expect(configuration.userAgent == "aiven-operator/1.2.3")
    }

    @Test func errorsAndLogsNeverCarryTheToken() async throws {
        try await EmulatorHarness.run { harness in
            let log = CapturedLog()
            try await harness.injectFault(#"{"method": "GET", "path": "*", "count": 2, "status": 503}"#)
            let client = harness.client(logger: log.logger())
            _ = try await client.listServices(project: "p")
            let wrong = harness.client(token: "wrong-secret-token", logger: log.logger())
            do throws(AivenError) {
                _ = try await wrong.listServices(project: "p")
                Issue.record("wrong token accepted")
            } catch {
                var dumped = ""
                dump(error, to: &dumped)
                for text in [error.description, "\(error)", String(reflecting: error), dumped] {
                    #expect(!text.contains("wrong-secret-token"))
                }
            }
            #expect(log.text.contains("retrying aiven call"))
            #expect(!log.text.contains(EmulatorHarness.token))
            #expect(!log.text.contains("wrong-secret-token"))
        }
    }

    /// Issue 21, item 4: a response that contains the token (a short one matches by chance) is
    /// data and comes back exactly as Aiven sent it; only what is shown is scrubbed.
    @Test func responsesAreNeverMangledByRedaction() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(
                project: "p", ServiceCreateRequest(serviceName: "tagged", plan: "business-4", cloud: "google-europe-west1", tags: ["echo": EmulatorHarness.token]))
            let service = try await client.getService(project: "p", name: "tagged")
            #expect(service.tags?["echo"] == EmulatorHarness.token, "the token in the data is intact")
            let error = AivenError.invalid(message: "Invalid value \(EmulatorHarness.token)")
            #expect(error.message.contains(EmulatorHarness.token), "the error keeps Aiven's text")
            #expect(!error.description.contains(EmulatorHarness.token), "what is shown of it does not")
        }
    }
}
