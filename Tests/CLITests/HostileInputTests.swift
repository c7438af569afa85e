import Foundation
import TestSupport
import Testing

/// Issue 13's hostile-input suite for `validate` and `plan`: malformed, deep, wide, alias-heavy
/// and oversized YAML/JSON. Every run is bounded (`timeout 20` and `ulimit -v` of 1.5 GB, far
/// above what a sane input needs and far below what the old code reached) and must end with a
/// clear message and a deliberate exit status, never a crash, a hang or a raw Swift error. The
/// runs are serialized so the time bound measures the input, not the machine's load.
@Suite(.serialized) struct HostileInputTests {
    /// A manifest body with `annotations` nested `depth` objects deep.
    static func deepAnnotations(_ depth: Int) -> String {
        let inner = String(repeating: #"{"a":"#, count: depth) + #""x""# + String(repeating: "}", count: depth)
        return #"{"apiVersion":"aiven.io/v1alpha1","kind":"KafkaConnect","metadata":{"name":"kc","annotations":"# + inner
            + #"},"spec":{"project":"p","plan":"business-4"}}"#
    }

    static let validKafkaConnect = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnect
        metadata:
          name: kc
        spec:
          project: my-project
          plan: business-4
        """

    /// Inputs by file name; the extension decides JSON or YAML.
    static let inputs: [(name: String, content: @Sendable () -> String, message: String)] = [
        ("wide-array.json", { "[" + Array(repeating: "1", count: 40_000).joined(separator: ",") + "]" }, "document is an array, not an object"),
        ("wide-object.json", { "{" + (0..<40_000).map { #""k\#($0)": \#($0)"# }.joined(separator: ",") + "}" }, "apiVersion not set, kind not set"),
        ("deep.json", { String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) }, "exceeded max depth of 1000"),
        ("deep-annotations.json", { deepAnnotations(8_000) }, "exceeded max depth of 1000"),
        ("deep.yaml", { String(repeating: "- ", count: 50_000) + "x\n" }, "yaml: "),
        ("merge-chain.yaml", {
            (1..<3_000).reduce("a0: &a0 {k0: v}\n") { text, level in text + "a\(level): &a\(level) {<<: *a\(level - 1), k\(level): v}\n" }
        }, "document contains excessive aliasing"),
        ("alias-bomb.yaml", {
            (1...9).reduce("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n") { text, level in
                text + "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
        }, "document contains excessive aliasing"),
        ("flow-sequence.yaml", { "[" + String(repeating: "1,", count: 25_000_000) + "1]\n" }, "document has more than 500000 nodes"),
        ("truncated.json", { #"{"apiVersion": "aiven.io/v1alpha1", "kind": "#}, "unexpected end of JSON input"),
        ("garbage.yaml", { "\u{01}\u{02}: [\n" }, "yaml: "),
        ("duplicate-keys.json", { #"{"apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "kind": "KafkaConnect"}"# }, #"json: duplicate field "kind""#),
        ("empty.yaml", { "# nothing here\n" }, "no objects passed"),
        ("empty.json", { "" }, "no objects passed"),
        ("bad-list.yaml", { "apiVersion: v1\nkind: List\nitems: 5\n" }, "cannot unmarshal number into Go struct field List.items"),
        ("no-kind.yaml", { "apiVersion: aiven.io/v1alpha1\nmetadata: {name: x}\n" }, "kind not set"),
        ("unknown-version.yaml", { validKafkaConnect.replacingOccurrences(of: "v1alpha1", with: "v9") }, #"no matches for kind "KafkaConnect" in version "aiven.io/v9""#),
        ("huge-scalar.yaml", { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {a: " + String(repeating: "x", count: 20_000_000) + "}\n" }, ""),
    ]

    static let directory: URL = {
        let directory = try! OperatorProcess.temporaryDirectory()
        for input in inputs {
            try! input.content().write(to: directory.appendingPathComponent(input.name), atomically: true, encoding: .utf8)
        }
        return directory
    }()

    /// Runs the operator under `timeout 20` and a 1.5 GB address-space limit.
    static func bounded(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandOutput {
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        return try CommandRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", #"ulimit -v 1500000; exec timeout 20 "$0" "$@""#, TestPaths.operatorBinary.path] + arguments,
            environment: variables, currentDirectory: OperatorProcess.repositoryRoot
        )
    }

    static func expectClearFailure(_ result: CommandOutput, exit status: Int32, message: String, _ name: String) {
        #expect(result.status == status, "\(name): exit \(result.status) (124 is a timeout, 134/139 a crash): \(result.stderr.prefix(300))")
        let output = result.stdout + result.stderr
        #expect(output.contains(message), "\(name): \(output.prefix(300))")
        #expect(!output.contains("DecodingError") && !output.contains("Fatal error"), "\(name): \(output.prefix(300))")
    }

    @Test(arguments: inputs.map(\.name))
    func validateRefusesHostileInputClearly(name: String) throws {
        let input = Self.inputs.first { $0.name == name }!
        let result = try Self.bounded(["validate", Self.directory.appendingPathComponent(name).path])
        if name == "huge-scalar.yaml" {
            #expect(result.status == 0, "\(result.stderr.prefix(300))")
            #expect(result.stdout.contains(#"v1 ConfigMap "big" skipped"#))
            return
        }
        Self.expectClearFailure(result, exit: 2, message: input.message, name)
    }

    @Test(arguments: inputs.map(\.name))
    func planRefusesHostileInputClearly(name: String) throws {
        let input = Self.inputs.first { $0.name == name }!
        // An unreachable Aiven API: nothing here may get as far as asking it.
        let result = try Self.bounded(
            ["plan", "-f", Self.directory.appendingPathComponent(name).path, "--aiven-api-url", "http://127.0.0.1:9"],
            environment: ["DEFAULT_AIVEN_TOKEN": "test-token"]
        )
        if name == "huge-scalar.yaml" {
            #expect(result.status == 0, "\(result.stderr.prefix(300))")
            #expect(result.stdout.contains("not planned"))
            return
        }
        Self.expectClearFailure(result, exit: 1, message: input.message, name)
    }

    /// Issue 13 item 7: 7,000 levels printed a raw DecodingError and 8,000 crashed `plan`; metadata
    /// that ObjectMeta cannot hold is now refused by both commands in the API server's words.
    @Test func nestedAnnotationsWithinTheDepthLimitAreRefusedLikeTheAPIServer() throws {
        let file = Self.directory.appendingPathComponent("nested-annotations.json")
        try Self.deepAnnotations(900).write(to: file, atomically: true, encoding: .utf8)
        let message = #"KafkaConnect in version "v1alpha1" cannot be handled as a KafkaConnect: json: cannot unmarshal object into Go struct field ObjectMeta.annotations of type string"#
        Self.expectClearFailure(try Self.bounded(["validate", file.path]), exit: 1, message: message, "validate")
        Self.expectClearFailure(
            try Self.bounded(["plan", "-f", file.path, "--aiven-api-url", "http://127.0.0.1:9"], environment: ["DEFAULT_AIVEN_TOKEN": "t"]),
            exit: 1, message: message, "plan"
        )
    }

    /// Issue 13 item 11: metadata kube-apiserver rejects is invalid for `validate` too.
    @Test func metadataRulesApplyOffline() throws {
        let badLabel = Self.validKafkaConnect.replacingOccurrences(of: "  name: kc\n", with: "  name: kc\n  labels: {\"bad key!\": x}\n")
        let labelResult = try OperatorProcess.run(["validate", "-"], stdin: badLabel)
        #expect(labelResult.status == 1)
        #expect(labelResult.stdout == #"The KafkaConnect "kc" is invalid: metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"# + "\n")
        let badFinalizer = Self.validKafkaConnect.replacingOccurrences(of: "  name: kc\n", with: "  name: kc\n  finalizers: [{x: 1}]\n")
        let finalizerResult = try OperatorProcess.run(["validate", "-"], stdin: badFinalizer)
        #expect(finalizerResult.status == 1)
        #expect(finalizerResult.stdout.contains("json: cannot unmarshal object into Go struct field ObjectMeta.finalizers of type string"))
    }

    @Test func emptyStandardInputIsAnError() throws {
        let result = try OperatorProcess.run(["validate", "-"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no objects passed: <stdin> is empty"))
    }
}
