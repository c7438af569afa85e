import AivenOperator
import AivenResources
import ArgumentParser
import Foundation
import KubeAPI

/// `aiven-operator validate PATH…`: offline validation of manifests, with kubectl's messages.
///
/// Exit status: 0 when every `aiven.io` document is valid, 1 when any is invalid, 2 when a file
/// cannot be read or parsed (or a document is not a Kubernetes object).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate KafkaConnect manifests offline, as the API server would.",
        discussion: """
            PATH is a file, a directory (every .yaml, .yml and .json file in it, recursively) or - for \
            standard input. Files may hold several YAML documents. Unknown fields are errors, as with \
            kubectl's default strict validation. With --old, documents are validated as updates of the \
            objects with the same kind, namespace and name in that file (immutable fields are checked).
            Exit status: 0 all valid, 1 some invalid, 2 a file could not be read or parsed.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String]

    @Option(help: "A file with the current objects, to validate the documents as updates of them.")
    var old: String?

    func run() throws {
        var exitCode: Int32 = 0
        let validator = ManifestValidator(kinds: Operator.definitions)
        var oldObjects: [JSONValue] = []
        if let old {
            do {
                oldObjects = try ManifestFiles.load(old).flatMap(\.documents)
            } catch {
                printError(error)
                throw ExitCode(2)
            }
        }
        for path in paths {
            let files: [ManifestFile]
            do {
                files = try ManifestFiles.load(path)
            } catch {
                printError(error)
                exitCode = 2
                continue
            }
            for file in files {
                for document in file.documents {
                    let verdict = validator.validate(document, old: Self.match(document, in: oldObjects))
                    switch verdict {
                    case .valid(let kind, let name):
                        print("\(file.name): \(kind) \(GoFormat.quote(name)) is valid")
                    case .invalid(_, _, let message):
                        print(message)
                        exitCode = max(exitCode, 1)
                    case .skipped(let apiVersion, let kind, let name):
                        print("\(file.name): \(apiVersion) \(kind) \(GoFormat.quote(name)) skipped (not an aiven.io kind)")
                    case .unrecognized(let message):
                        printError("error: \(file.name): \(message)")
                        exitCode = 2
                    }
                }
            }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The old object with the same apiVersion, kind, namespace and name.
    static func match(_ document: JSONValue, in objects: [JSONValue]) -> JSONValue? {
        func identity(_ object: JSONValue) -> [String?] {
            [object["apiVersion"]?.stringValue, object["kind"]?.stringValue,
             object["metadata"]?["namespace"]?.stringValue ?? "default", object["metadata"]?["name"]?.stringValue]
        }
        return objects.first { identity($0) == identity(document) }
    }

    private func printError(_ message: Any) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
