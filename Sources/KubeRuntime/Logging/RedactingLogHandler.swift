import KubeAPI
import Logging

/// A `LogHandler` that removes every secret value the process knows (``Redactor``) from the
/// message, the metadata and the source before handing the line on, at every level. The CLI
/// wraps the handler of every logger it makes, and the ``Redactor`` registry is fed by whoever
/// learns a secret, so no module has to scrub what it logs.
public struct RedactingLogHandler: LogHandler {
    public var base: any LogHandler
    let redactor: Redactor

    public init(_ base: any LogHandler, redactor: Redactor = .shared) {
        self.base = base
        self.redactor = redactor
    }

    /// `logger` with its handler wrapped (once).
    public static func wrapping(_ logger: Logger, redactor: Redactor = .shared) -> Logger {
        guard !(logger.handler is RedactingLogHandler) else { return logger }
        var logger = logger
        logger.handler = RedactingLogHandler(logger.handler, redactor: redactor)
        return logger
    }

    public var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(redactor.scrub(event.message.description))"
        event.metadata = event.metadata?.mapValues(scrub)
        base.log(event: event)
    }

    private func scrub(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(redactor.scrub(text))
        case .stringConvertible(let convertible): .string(redactor.scrub(convertible.description))
        case .array(let values): .array(values.map(scrub))
        case .dictionary(let values): .dictionary(values.mapValues(scrub))
        }
    }
}
