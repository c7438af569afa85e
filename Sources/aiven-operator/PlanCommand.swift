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
        let validator = ManifestValidator()
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
            case .skipped, .valid:
                break
            }
            let kind = TypeMeta(document).kind ?? "document"
            do {
                guard let plan = try await self.plan(document, kube: kube, defaultToken: defaultToken, clients: clients) else {
                    print("\(kind) \(document["metadata"]?["name"]?.stringValue ?? ""): not planned (plan covers the aiven.io kinds)")
                    continue
                }
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

    /// The plan of an `aiven.io` document; `nil` for another kind.
    private func plan(_ document: JSONValue, kube: KubeClient?, defaultToken: String?, clients: AivenClients) async throws -> ChangePlan? {
        let inputs = (document: document, kube: kube, defaultToken: defaultToken, clients: clients)
        return switch TypeMeta(document).kind {
        case KafkaConnect.kind: try await plan(KafkaConnectKind(), AivenKinds.kafkaConnect, inputs)
        case Kafka.kind: try await plan(KafkaKind(), AivenKinds.kafka, inputs)
        case ProjectVPC.kind: try await plan(ProjectVPCKind(), AivenKinds.projectVPC, inputs)
        case KafkaTopic.kind: try await plan(KafkaTopicKind(), AivenKinds.kafkaTopic, inputs)
        case ServiceIntegration.kind: try await plan(ServiceIntegrationKind(), AivenKinds.serviceIntegration, inputs)
        case AivenResources.KafkaConnector.kind: try await plan(KafkaConnectorKind(), AivenKinds.kafkaConnector, inputs)
        default: nil
        }
    }

    /// The plan of one resource of `kind`, admitted as the API server would (pruned, defaulted).
    private func plan<Kind: ManagedKind>(
        _ kind: Kind, _ definition: ResourceKind,
        _ inputs: (document: JSONValue, kube: KubeClient?, defaultToken: String?, clients: AivenClients)
    ) async throws -> ChangePlan {
        var admitted = inputs.document
        _ = definition.schema.pruneUnknownFields(&admitted)
        definition.schema.applyDefaults(&admitted)
        var resource = try JSONDecoder().decode(Kind.Resource.self, from: Data(admitted.jsonBytes))
        let namespace = resource.metadata.namespace ?? inputs.kube?.config.namespace ?? "default"
        resource.metadata.namespace = namespace
        var live: Kind.Resource?
        var others: [Kind.Resource] = []
        if let kube = inputs.kube {
            live = try await Self.optional { () throws(KubeError) in try await kube.resources(Kind.Resource.self, namespace: namespace).get(resource.metadata.name ?? "") }
            if kind.claim(of: resource) != nil { others = try await Self.claimants(Kind.Resource.self, kube: kube, namespace: namespace) }
        }
        // The reconciler's own decision, token and dependency resolution, read-only.
        return try await ChangePlan.plan(
            kind, manifest: resource, live: live, dependencies: inputs.kube.map(Dependencies.live) ?? .none,
            defaultToken: inputs.defaultToken.flatMap { $0.isEmpty ? nil : AivenToken($0) }, clients: inputs.clients, others: others
        )
    }

    /// The resources of a kind whose objects carry no owner tag that may name the same object:
    /// every namespace's, or the resource's own namespace's when listing all is forbidden.
    private static func claimants<R: KubeResource>(_ type: R.Type, kube: KubeClient, namespace: String) async throws(KubeError) -> [R] {
        do {
            return try await kube.resources(type, namespace: nil).list().items
        } catch .forbidden {
            return try await kube.resources(type, namespace: namespace).list().items
        }
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

    private static func optional<T>(_ read: () async throws(KubeError) -> T) async throws(KubeError) -> T? {
        do {
            return try await read()
        } catch {
            if case .notFound = error { return nil }
            throw error
        }
    }
}
