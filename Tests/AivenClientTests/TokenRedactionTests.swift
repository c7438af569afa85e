import AivenClient
import Logging
import Synchronization
import Testing

/// Collects every log line, metadata included.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func logger() -> Logger {
        var logger = Logger(label: "captured") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            log.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
        }
    }
}

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
}
