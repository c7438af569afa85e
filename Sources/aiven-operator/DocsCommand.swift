import AivenResources
import ArgumentParser

/// `aiven-operator docs KIND`: prints a kind's reference page.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Print the reference documentation (Markdown) of a kind."
    )

    @Argument(help: "The kind, e.g. KafkaConnect.")
    var kind: String

    func run() throws {
        print(ReferenceDocs(try ResourceKindArgument.resolve(kind)).render(), terminator: "")
    }
}
