import ArgumentParser

/// `aiven-operator`: the operator and its tools in one binary.
@main
struct AivenOperatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aiven-operator",
        abstract: "A Kubernetes operator for Aiven for Apache Kafka Connect services.",
        subcommands: [
            RunCommand.self, DevCommand.self, PlanCommand.self, CRDCommand.self, DocsCommand.self, GenerateCommand.self, ValidateCommand.self, EmulatorCommand.self,
            APIServerCommand.self,
        ]
    )
}
