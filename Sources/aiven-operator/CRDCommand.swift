import AivenOperator
import AivenResources
import ArgumentParser
import KubeAPI

/// `aiven-operator crd [KIND]`: prints CustomResourceDefinition YAML.
struct CRDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crd",
        abstract: "Print the CustomResourceDefinition of a kind (all kinds when none is named)."
    )

    @Argument(help: "The kind, e.g. KafkaConnect (also its plural or singular).")
    var kind: String?

    func run() throws {
        let kinds = try kind.map { [try ResourceKindArgument.resolve($0)] } ?? Operator.definitions
        print(kinds.map { YAMLWriter.string($0.definition.json) }.joined(separator: "---\n"), terminator: "")
    }
}

enum ResourceKindArgument {
    static func resolve(_ name: String) throws -> ResourceKind {
        guard let kind = Operator.definitions.kind(named: name) else {
            let known = Operator.definitions.map(\.kind).joined(separator: ", ")
            throw ValidationError("unknown kind \(GoFormat.quote(name)); known kinds: \(known)")
        }
        return kind
    }
}
