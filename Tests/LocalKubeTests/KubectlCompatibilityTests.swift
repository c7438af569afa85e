import Foundation
import KubeAPI
import Testing

/// The real `kubectl` against LocalKube: every call over the wire, output asserted.
@Suite(.serialized, .enabled(if: Kubectl.isInstalled, "needs kubectl and timeout on the PATH"))
struct KubectlCompatibilityTests {
    static let example = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnect
        metadata:
          name: my-kafka-connect
        spec:
          authSecretRef:
            name: aiven-token
            key: token
          project: my-aiven-project
          cloudName: google-europe-west1
          plan: business-4
        """

    @Test func applyGetDescribeExplain() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        let manifest = try kubectl.file("kc.yaml", Self.example)

        let created = try await kubectl("apply", "-f", manifest)
        #expect(created.stdout == "kafkaconnect.aiven.io/my-kafka-connect created\n", "\(created.stderr)")
        #expect(try await kubectl("apply", "-f", manifest).stdout == "kafkaconnect.aiven.io/my-kafka-connect unchanged\n")
        let changed = try kubectl.file("kc2.yaml", Self.example.replacingOccurrences(of: "business-4", with: "business-8"))
        #expect(try await kubectl("apply", "-f", changed).stdout == "kafkaconnect.aiven.io/my-kafka-connect configured\n")

        try await server.request("PATCH", RunningLocalKube.kafkaConnects + "/my-kafka-connect/status", body: ["status": ["state": "RUNNING"]], contentType: "application/merge-patch+json")
        let table = try await kubectl("get", "kafkaconnects")
        let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.first == ["NAME", "PROJECT", "REGION", "PLAN", "STATE"], "\(table.stdout)\(table.stderr)")
        #expect(lines.dropFirst().first == ["my-kafka-connect", "my-aiven-project", "google-europe-west1", "business-8", "RUNNING"])

        let yaml = try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "yaml").stdout
        #expect(yaml.contains("  plan: business-8\n"))
        #expect(yaml.contains("  powered: true\n"), "the schema default is applied")
        #expect(try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.spec.plan}").stdout == "business-8")
        let json = try JSONParser().parse(try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "json").stdout)
        #expect(json[path: ["metadata", "generation"]] == 2)
        #expect(json[path: ["status", "state"]] == "RUNNING")

        let uid = json[path: ["metadata", "uid"]]?.stringValue ?? ""
        try await server.request("POST", "/api/v1/namespaces/default/events", body: [
            "metadata": ["name": "kc-event"], "type": "Normal", "reason": "Created", "message": "service is being created",
            "involvedObject": ["kind": "KafkaConnect", "namespace": "default", "name": "my-kafka-connect", "uid": .string(uid), "apiVersion": "aiven.io/v1alpha1"],
            "source": ["component": "aiven-operator"], "lastTimestamp": .string(ISO8601DateFormatter().string(from: Date())),
        ])
        let described = try await kubectl("describe", "kafkaconnect", "my-kafka-connect").stdout
        #expect(described.contains("Name:         my-kafka-connect"))
        #expect(described.contains("Plan:"))
        #expect(described.contains("Normal  Created"))
        #expect(described.contains("service is being created"))

        let explained = try await kubectl("explain", "kafkaconnect.spec")
        #expect(explained.stdout.contains("KIND:       KafkaConnect"), "\(explained.stderr)")
        #expect(explained.stdout.contains("cloudName"))
    }

    @Test func explainBuiltInKinds() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)

        let containers = try await kubectl("explain", "deployment.spec.template.spec.containers")
        #expect(containers.stdout.contains("KIND:       Deployment"), "\(containers.stderr)")
        #expect(containers.stdout.contains("image\t<string>"), "\(containers.stdout)")
        #expect(containers.stdout.contains("args\t<[]string>"), "\(containers.stdout)")
        #expect(containers.stdout.contains("name\t<string> -required-"), "\(containers.stdout)")
        let deployment = try await kubectl("explain", "deployment.spec")
        #expect(deployment.stdout.contains("replicas\t<integer>"), "\(deployment.stdout)")
        #expect(deployment.stdout.contains("strategy\t<Object>"), "\(deployment.stdout)")
        let rules = try await kubectl("explain", "clusterrole.rules")
        #expect(rules.stdout.contains("verbs\t<[]string> -required-"), "\(rules.stdout)\(rules.stderr)")
        let ports = try await kubectl("explain", "service.spec.ports")
        #expect(ports.stdout.contains("port\t<integer> -required-"), "\(ports.stdout)\(ports.stderr)")
        let binding = try await kubectl("explain", "rolebinding")
        #expect(binding.stdout.contains("roleRef\t<Object> -required-"), "\(binding.stdout)\(binding.stderr)")
        let configMap = try await kubectl("explain", "configmap.binaryData")
        #expect(configMap.stdout.contains("BinaryData contains the binary data"), "\(configMap.stdout)\(configMap.stderr)")
        let policy = try await kubectl("explain", "validatingadmissionpolicy.spec.validations")
        #expect(policy.stdout.contains("expression\t<string> -required-"), "\(policy.stdout)\(policy.stderr)")
    }

    @Test func patchEditAndErrors() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        #expect(try await kubectl("apply", "-f", try kubectl.file("kc.yaml", Self.example)).status == 0)

        let strategic = try await kubectl("patch", "kafkaconnect", "my-kafka-connect", "-p", #"{"spec":{"plan":"business-16"}}"#)
        #expect(strategic.status != 0)
        #expect(strategic.stderr.contains("error: application/strategic-merge-patch+json is not supported by aiven.io/v1alpha1, Kind=KafkaConnect"))
        let merge = try await kubectl("patch", "kafkaconnect", "my-kafka-connect", "--type=merge", "-p", #"{"spec":{"plan":"business-16"}}"#)
        #expect(merge.stdout == "kafkaconnect.aiven.io/my-kafka-connect patched\n")
        let json = try await kubectl("patch", "kafkaconnect", "my-kafka-connect", "--type=json", "-p", #"[{"op":"replace","path":"/spec/plan","value":"business-32"}]"#)
        #expect(json.stdout == "kafkaconnect.aiven.io/my-kafka-connect patched\n")
        let immutable = try await kubectl("patch", "kafkaconnect", "my-kafka-connect", "--type=merge", "-p", #"{"spec":{"project":"other"}}"#)
        #expect(immutable.stderr.contains(#"The KafkaConnect "my-kafka-connect" is invalid: spec.project: Invalid value: "string": Value is immutable"#), "\(immutable.stderr)")

        let editor = try kubectl.file("editor.sh", "#!/bin/sh\nsed -i 's/business-32/business-64/' \"$1\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let edited = try await kubectl.run(["edit", "kafkaconnect", "my-kafka-connect"], environment: ["KUBE_EDITOR": editor])
        #expect(edited.stdout == "kafkaconnect.aiven.io/my-kafka-connect edited\n", "\(edited.stderr)")
        #expect(try await kubectl("get", "kafkaconnect", "my-kafka-connect", "-o", "jsonpath={.spec.plan}").stdout == "business-64")

        let tooLong = try await kubectl("apply", "-f", try kubectl.file("bad.yaml", Self.example.replacingOccurrences(of: "business-4", with: String(repeating: "x", count: 129)).replacingOccurrences(of: "my-kafka-connect", with: "bad")))
        #expect(tooLong.status == 1)
        #expect(tooLong.stderr.contains(#"The KafkaConnect "bad" is invalid"#))
        #expect(tooLong.stderr.contains("spec.plan: Too long: may not be longer than 128"))
        let unknown = try await kubectl("apply", "-f", try kubectl.file("unknown.yaml", Self.example.replacingOccurrences(of: "my-kafka-connect", with: "unknown") + "\n  foo: bar\n"))
        #expect(unknown.stderr.contains(#"KafkaConnect in version "v1alpha1" cannot be handled as a KafkaConnect: strict decoding error: unknown field "spec.foo""#), "\(unknown.stderr)")
        let exists = try await kubectl("create", "-f", try kubectl.file("kc.yaml", Self.example))
        #expect(exists.stderr.contains(#"Error from server (AlreadyExists): error when creating"#))
        #expect(exists.stderr.contains(#"kafkaconnects.aiven.io "my-kafka-connect" already exists"#))
        let missing = try await kubectl("get", "kafkaconnect", "missing")
        #expect(missing.stderr == "Error from server (NotFound): kafkaconnects.aiven.io \"missing\" not found\n")
    }

    @Test func deleteWaitsForFinalizers() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        #expect(try await kubectl("apply", "-f", try kubectl.file("kc.yaml", Self.example)).status == 0)
        #expect(try await kubectl("patch", "kafkaconnect", "my-kafka-connect", "--type=merge", "-p", #"{"metadata":{"finalizers":["delete-protection.aiven.io"]}}"#).status == 0)

        let deletion = kubectl.start(["delete", "kafkaconnect", "my-kafka-connect"], seconds: 60)
        let path = RunningLocalKube.kafkaConnects + "/my-kafka-connect"
        while try await server.request("GET", path).body[path: ["metadata", "deletionTimestamp"]] == nil {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await server.request("PATCH", path, body: [["op": "remove", "path": "/metadata/finalizers"]], contentType: "application/json-patch+json")
        let output = try await deletion.value
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "kafkaconnect.aiven.io \"my-kafka-connect\" deleted\n")
        #expect(try await server.request("GET", path).code == 404)
    }

    @Test func secrets() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        #expect(try await kubectl("create", "secret", "generic", "aiven-token", "--from-literal=token=s3cr3t").stdout == "secret/aiven-token created\n")
        let table = try await kubectl("get", "secrets").stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(table.first == ["NAME", "TYPE", "DATA", "AGE"])
        #expect(table.dropFirst().first?.prefix(3) == ["aiven-token", "Opaque", "1"])
        #expect(try await kubectl("get", "secret", "aiven-token", "-o", "jsonpath={.data.token}").stdout == "czNjcjN0")
        #expect(try await kubectl("patch", "secret", "aiven-token", "-p", #"{"stringData":{"user":"admin"}}"#).stdout == "secret/aiven-token patched\n")
        #expect(try await kubectl("get", "secret", "aiven-token", "-o", "jsonpath={.data.user}").stdout == "YWRtaW4=")
        #expect(try await kubectl("delete", "secret", "aiven-token").stdout == "secret \"aiven-token\" deleted\n")
    }

    @Test func getWatchPrintsChanges() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let kubectl = try Kubectl(server: server.server)
        #expect(try await kubectl("apply", "-f", try kubectl.file("kc.yaml", Self.example)).status == 0)
        let collection = "GET /apis/{group}/{version}/namespaces/{namespace}/{resource}"
        let before = try await server.request("GET", "/_localkube/requests").body[path: ["by_route", collection]]?.integerValue ?? 0
        let watch = kubectl.start(["get", "kafkaconnects", "-w"], seconds: 8)
        // kubectl lists, then watches: two collection GETs.
        while (try await server.request("GET", "/_localkube/requests").body[path: ["by_route", collection]]?.integerValue ?? 0) < before + 2 {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await server.request("PATCH", RunningLocalKube.kafkaConnects + "/my-kafka-connect/status", body: ["status": ["state": "RUNNING"]], contentType: "application/merge-patch+json")
        let lines = try await watch.value.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.first == ["NAME", "PROJECT", "REGION", "PLAN", "STATE"])
        #expect(lines.last == ["my-kafka-connect", "my-aiven-project", "google-europe-west1", "business-4", "RUNNING"])
    }
}
