import Foundation
import KubeAPI
import Logging
import TestSupport
import Testing

@testable import KubeRuntime

/// The one place secrets leave what is shown (issue 21): a value registered anywhere is gone from
/// every line logged through ``RedactingLogHandler`` — message and metadata, at every level —
/// and from whatever else is scrubbed with the ``Redactor``.
@Suite struct RedactionTests {
    @Test func registeredValuesAreReplacedLongestFirst() {
        let redactor = Redactor()
        #expect(redactor.scrub("nothing registered") == "nothing registered")
        redactor.register(["password", "password-longer", "", "T", "short"])
        #expect(redactor.scrub("a password and password-longer, passwordpassword") == "a (redacted) and (redacted), (redacted)(redacted)")
        #expect(redactor.scrub("ünïcode password ✓") == "ünïcode (redacted) ✓")
        #expect(redactor.scrub("passwor") == "passwor", "a prefix is no match")
        #expect(redactor.scrub("The Service is short") == "The Service is short", "values too short to scrub are not kept")
    }

    @Test func theRegistryIsBoundedAndKeepsWhatIsStillUsed() {
        let redactor = Redactor(capacity: 8)
        redactor.register("kept-secret")
        for index in 0..<20 {
            redactor.register("value-\(index)")
            redactor.register("kept-secret")
        }
        #expect(redactor.scrub("kept-secret value-19") == "(redacted) (redacted)")
        #expect(redactor.scrub("value-0") == "value-0", "the least recently used was forgotten")
    }

    @Test func everyLevelAndEveryMetadataValueIsScrubbed() {
        let redactor = Redactor()
        redactor.register("SENTINEL-42")
        let log = CapturedLog()
        var logger = log.logger()
        logger.handler = RedactingLogHandler(logger.handler, redactor: redactor)
        logger.logLevel = .trace
        for level in Logger.Level.allCases {
            logger.log(level: level, "message SENTINEL-42", metadata: [
                "string": "SENTINEL-42", "convertible": .stringConvertible(42), "array": ["x SENTINEL-42"], "dictionary": ["k": "SENTINEL-42"],
            ])
        }
        #expect(!log.text.contains("SENTINEL-42"), "\(log.text)")
        #expect(log.text.components(separatedBy: "(redacted)").count - 1 == Logger.Level.allCases.count * 4)
        #expect(RedactingLogHandler.wrapping(RedactingLogHandler.wrapping(logger)).handler is RedactingLogHandler, "wrapped once")
    }
}
