import AivenClient
import AivenOperator
import AivenResources
import ArgumentParser
import Foundation
import KubeAPI
import KubeClient

/// `aiven-operator plan -f FILE…`: what the operator would do on Aiven for each resource, right
/// now, changing nothing. Exit 0: no changes; 2: changes pending; 1: error.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Preview what the operator would change on Aiven for the resources in FILEs.",
        discussion: """
            Reads each aiven.io resource's object (service, VPC, topic, integration, connector) from \
            the Aiven API (GET only) and diffs it with the same code the reconciler uses: create, the \
            field-level update (old → new, user_config paths included; a connector's values read \
            from Secrets show as their placeholders), delete, or nothing. With --kubeconfig the live objects supply uid, annotations and \
            deletion state, tokens come from their Secrets, and a topic or connector another resource \
            named first shows as claimed; without it the token comes from \
            DEFAULT_AIVEN_TOKEN (or --token-file). Exit status: 0 no changes, 2 changes pending, 1 error.
            """
    )

    @Option(name: .shortAndLong, parsing: .upToNextOption, help: "Manifest files or directories (- for stdin).")
    var file: [String]

    @Option(help: "Read live objects, Secrets and ProjectVPCs from this cluster.")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context.")
    var context: String?

    @Option(name: .customLong("aiven-api-url"), help: "Aiven API base URL (default: AIVEN_API_URL or https://api.aiven.io).")
    var aivenAPIURL: String?

    @Option(name: .customLong("token-file"), help: "A file holding the Aiven token (default: DEFAULT_AIVEN_TOKEN).")
    var tokenFile: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var documents: [JSONValue] = []
        do {
            for path in file { documents += try ManifestFiles.load(path).flatMap(\.documents) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let kube = try kubeconfig.map { path throws(KubeError) in try KubeClient(config: try KubeConfig.kubeconfig(path: path, context: context)) }
        defer { if let kube { Task { try? await kube.shutdown() } } }
        let defaultToken = try tokenFile.map { try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
            ?? environment["DEFAULT_AIVEN_TOKEN"]
        let clients = AivenClients(baseURL: aivenAPIURL ?? environment["AIVEN_API_URL"] ?? AivenClientConfiguration.defaultBaseURL, version: OperatorVersion.current)
        let validator = ManifestValidator(kinds: Operator.definitions)
        var pending = 0
        var failed = false
        for document in documents {
            // Every document is recognised and validated as `validate` does before anything is planned.
            switch validator.validate(document) {
            case .unrecognized(let message):
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
                failed = true
                continue
            case .invalid(_, _, let message):
                print(message)
                failed = true
                continue
            case .skipped(_, let kind, let name):
                print("\(kind) \(name): not planned (plan covers the aiven.io kinds)")
                continue
            case .valid:
                break
            }
            let kind = TypeMeta(document).kind ?? "document"
            do {
                // Every kind the validator knows is registered (a test proves it); one that is not
                // is an error, never a silent skip.
                guard let registration = Operator.kinds.first(where: { $0.definition.kind == kind }) else {
                    throw ValidationError("\(kind) has no registration in Operator.kinds")
                }
                let sources = PlanSources(kube: kube, defaultToken: defaultToken.flatMap { $0.isEmpty ? nil : AivenToken($0) }, clients: clients)
                let plan = try await registration.plan(document, sources)
                print(plan.description)
                if plan.hasChanges { pending += 1 }
            } catch {
                print("\(kind.lowercased()) \(document["metadata"]?["name"]?.stringValue ?? ""): error: \(Self.sentence(for: error))")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
        print(pending == 0 ? "No changes." : "\(pending) resource(s) with changes pending.")
        if pending > 0 { throw ExitCode(2) }
    }

    /// An error as a sentence: decoding failures name the field instead of Swift's dump.
    static func sentence(for error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let (path, problem): ([any CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context): (path, problem) = (context.codingPath + [key], "Required value")
        case .typeMismatch(let type, let context): (path, problem) = (context.codingPath, "must be of type \(type)")
        case .valueNotFound(let type, let context): (path, problem) = (context.codingPath, "must be of type \(type), not null")
        case .dataCorrupted(let context): (path, problem) = (context.codingPath, context.debugDescription)
        @unknown default: return "the resource cannot be read: \(error.localizedDescription)"
        }
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." })
        return "the resource cannot be read: \(field.isEmpty ? "<root>" : String(field)): \(problem)"
    }
}
