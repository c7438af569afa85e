import Foundation
import KubeAPI
import TestSupport
import Testing

/// `PostgreSQL` end to end: the reference page's example on `aiven-operator dev` with the real
/// kubectl and the emulator.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct PostgreSQLLifecycleTests {
    static let example = try! String(contentsOf: DevEnvironment.repositoryRoot.appendingPathComponent("examples/postgresql.yaml"), encoding: .utf8)
    static let project = "aiven-project-name"

    /// The example applied unchanged reaches Ready with the reference's columns; its Secret has
    /// the reference's keys with the example's prefix, labels and annotations, owned by it; a
    /// userConfig the schema refuses is refused at admission in kube-apiserver's words; powering
    /// off and on works; deleting it leaves nothing.
    @Test func theReferenceExampleReachesReadyAndPublishesItsConnection() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.example)
        try await dev.eventually("PostgreSQL Ready") { await try KafkaLifecycleTests.ready(dev, "postgresql", "my-postgresql") }
        let rows = await try dev.kubectl.must(["get", "postgresqls", "my-postgresql"]).stdout.split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows == ["NAME PROJECT REGION PLAN STATE", "my-postgresql aiven-project-name google-europe-west1 startup-4 RUNNING"])

        let secret = await try #require(try dev.get("secret", "postgresql-secret"))
        let data = (secret["data"]?.objectValue ?? [:]).compactMapValues { $0.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } }
        let prefixed = ["HOST", "PORT", "DATABASE", "USER", "PASSWORD", "SSLMODE", "DATABASE_URI", "CA_CERT"].map { "MY_SECRET_PREFIX_\($0)" }
        #expect(Set(data.keys) == Set(prefixed + ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE", "DATABASE_URI"]))
        #expect(data["PGHOST"] == "my-postgresql-aiven-project-name.a.aivencloud.com" && data["PGDATABASE"] == "defaultdb" && data["PGUSER"] == "avnadmin")
        let password = try #require(data["PGPASSWORD"])
        #expect(data["DATABASE_URI"] == "postgres://avnadmin:\(password)@\(data["PGHOST"] ?? ""):\(data["PGPORT"] ?? "")/defaultdb?sslmode=require")
        #expect(secret["metadata"]?["labels"]?["baz"] == "egg" && secret["metadata"]?["annotations"]?["foo"] == "bar")
        let owner = secret["metadata"]?["ownerReferences"]?.arrayValue?.first
        #expect(owner?["kind"] == "PostgreSQL" && owner?["name"] == "my-postgresql" && owner?["controller"] == true)

        // Refused at admission, in kube-apiserver's words; nothing changes.
        let badOption = await try dev.kubectl(["apply", "-f", "-"], stdin: Self.example + "  userConfig:\n    work_mem: 0\n")
        #expect(badOption.status != 0 && badOption.stderr.contains("spec.userConfig.work_mem: Invalid value: 0"), "\(badOption.stderr)")
        let unknown = await try dev.kubectl(["apply", "-f", "-"], stdin: Self.example + "  userConfig:\n    pg_version: \"17\"\n    bogus: 1\n")
        #expect(unknown.status != 0 && unknown.stderr.contains(#"unknown field "spec.userConfig.bogus""#), "\(unknown.stderr)")
        #expect(try await dev.service(Self.project, "my-postgresql")?["user_config"]?["work_mem"] == nil)

        // Powered off and on again.
        await try dev.kubectl.must(["patch", "postgresql", "my-postgresql", "--type=merge", "-p", #"{"spec":{"powered":false}}"#])
        try await dev.eventually("POWEROFF on Aiven") { try await dev.service(Self.project, "my-postgresql")?["state"] == "POWEROFF" }
        await try dev.kubectl.must(["patch", "postgresql", "my-postgresql", "--type=merge", "-p", #"{"spec":{"powered":true}}"#])
        try await dev.eventually("RUNNING again") {
            let running = try await dev.service(Self.project, "my-postgresql")?["state"] == "RUNNING"
            let ready = await try KafkaLifecycleTests.ready(dev, "postgresql", "my-postgresql")
            return running && ready
        }

        let deletion = await try dev.kubectl(["delete", "-f", "-", "--timeout=60s"], stdin: Self.example)
        #expect(deletion.status == 0, "\(deletion.stderr)")
        #expect(try await dev.service(Self.project, "my-postgresql") == nil)
        try await dev.eventually("the connection Secret garbage-collected", timeout: .seconds(30)) { await try dev.get("secret", "postgresql-secret") == nil }
        let warnings = await try dev.kubectl.must(["get", "events", "--field-selector", "type=Warning", "-o", "name"]).stdout
        #expect(warnings.isEmpty, "\(warnings)")
        let log = dev.stop()
        #expect(!log.contains(password), "the PostgreSQL password leaked into the operator's log")
    }
}
