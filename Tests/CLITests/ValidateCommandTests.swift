import Foundation
import TestSupport
import Testing

/// `aiven-operator validate` as a user runs it: exit codes, kubectl's words, no crash on bad input.
@Suite struct ValidateCommandTests {
    static let valid = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnect
        metadata:
          name: kc
        spec:
          project: my-project
          plan: business-4
        """

    @Test func theExampleIsValid() throws {
        let result = try OperatorProcess.run(["validate", "examples/kafkaconnect.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == "examples/kafkaconnect.yaml: KafkaConnect \"my-kafka-connect\" is valid\n")
    }

    @Test func oneCauseIsPrintedInline() throws {
        let manifest = Self.valid.replacingOccurrences(of: "my-project", with: "my.project")
        let result = try OperatorProcess.run(["validate", "-"], stdin: manifest)
        #expect(result.status == 1)
        #expect(result.stdout == #"The KafkaConnect "kc" is invalid: spec.project: Invalid value: "my.project": spec.project in body should match '^[a-zA-Z0-9_-]+$'"# + "\n")
    }

    @Test func everyCauseIsListedLikeKubectl() throws {
        let manifest = Self.valid + "\n  plann: x\n  maintenanceWindowDow: Monday\n"
        let result = try OperatorProcess.run(["validate", "-"], stdin: manifest)
        #expect(result.status == 1)
        #expect(result.stdout == """
            The KafkaConnect "kc" is invalid: \n\
            * unknown field "spec.plann"
            * spec.maintenanceWindowDow: Unsupported value: "Monday": supported values: "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
            * <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation

            """)
    }

    @Test func directoriesAndMultipleDocuments() throws {
        let directory = try OperatorProcess.temporaryDirectory()
        try (Self.valid + "\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: aiven-token}\n").write(
            to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.replacingOccurrences(of: "business-4", with: String(repeating: "x", count: 129)).write(
            to: directory.appendingPathComponent("nested/b.yml", isDirectory: false).creatingParent(), atomically: true, encoding: .utf8)
        try "not a manifest".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try OperatorProcess.run(["validate", directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("a.yaml: KafkaConnect \"kc\" is valid"))
        #expect(result.stdout.contains("v1 Secret \"aiven-token\" skipped"))
        #expect(result.stdout.contains("The KafkaConnect \"kc\" is invalid: \n* spec.plan: Too long: may not be longer than 128\n"))
        #expect(!result.stdout.contains("notes.txt"))
    }

    @Test func updatesCheckImmutability() throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let old = directory.appendingPathComponent("old.yaml")
        try Self.valid.write(to: old, atomically: true, encoding: .utf8)
        let changed = Self.valid.replacingOccurrences(of: "my-project", with: "other-project")
        let update = try OperatorProcess.run(["validate", "--old", old.path, "-"], stdin: changed)
        #expect(update.status == 1)
        #expect(update.stdout == #"The KafkaConnect "kc" is invalid: spec.project: Invalid value: "string": Value is immutable"# + "\n")
        let create = try OperatorProcess.run(["validate", "-"], stdin: changed)
        #expect(create.status == 0)
    }

    @Test func wrongKindOrVersionIsAClearError() throws {
        let wrongVersion = try OperatorProcess.run(["validate", "-"], stdin: Self.valid.replacingOccurrences(of: "v1alpha1", with: "v1beta1"))
        #expect(wrongVersion.status == 2)
        #expect(wrongVersion.stderr.contains(#"no matches for kind "KafkaConnect" in version "aiven.io/v1beta1""#))
        let wrongKind = try OperatorProcess.run(["validate", "-"], stdin: Self.valid.replacingOccurrences(of: "kind: KafkaConnect", with: "kind: KafkaConect"))
        #expect(wrongKind.status == 2)
        #expect(wrongKind.stderr.contains(#"no matches for kind "KafkaConect" in version "aiven.io/v1alpha1""#))
        let noKind = try OperatorProcess.run(["validate", "-"], stdin: "metadata: {name: x}\n")
        #expect(noKind.status == 2)
        #expect(noKind.stderr.contains("error validating data: [apiVersion not set, kind not set]"))
    }

    @Test func missingNameIsReported() throws {
        let result = try OperatorProcess.run(["validate", "-"], stdin: Self.valid.replacingOccurrences(of: "  name: kc\n", with: "  labels: {a: b}\n"))
        #expect(result.status == 1)
        #expect(result.stdout == #"The KafkaConnect "" is invalid: metadata.name: Required value: name or generateName is required"# + "\n")
    }

    @Test(arguments: [
        "apiVersion: [\n",
        "a: b\n  c: d\n",
        "\u{00}\u{01}\u{02}",
        "key: 'unterminated\n",
        String(repeating: "[", count: 100_000),
        String(repeating: "- ", count: 50_000) + "x\n",
        "a: &x [*x]\n",
    ])
    func brokenInputExitsTwoWithoutCrashing(input: String) throws {
        let result = try OperatorProcess.run(["validate", "-"], stdin: input)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: error parsing <stdin>: yaml: "))
    }

    @Test func brokenYAMLNamesLineAndColumn() throws {
        let result = try OperatorProcess.run(["validate", "-"], stdin: "apiVersion: v1\nkind: [x\nmetadata: {}\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("yaml: line 3, column"))
    }

    @Test func unreadablePathExitsTwo() throws {
        let result = try OperatorProcess.run(["validate", "/nonexistent/file.yaml", "examples/kafkaconnect.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"the path "/nonexistent/file.yaml" does not exist"#))
        #expect(result.stdout.contains("is valid"))
    }

    @Test func hugeDocumentsAreHandled() throws {
        var manifest = Self.valid + "\n  tags:\n"
        for index in 0..<20_000 { manifest += "    key\(index): value\(index)\n" }
        let result = try OperatorProcess.run(["validate", "-"], stdin: manifest)
        #expect(result.status == 0)
    }

    @Test func jsonManifestsAndLists() throws {
        let directory = try OperatorProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("list.json")
        try #"{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": {"name": "a"}, "spec": {"project": "p", "plan": "x", "userConfig": {"kafka_connect": {"consumer_max_poll_records": 10001}}}}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try OperatorProcess.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("consumer_max_poll_records: Invalid value: 10001:"))
    }
}

extension URL {
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
