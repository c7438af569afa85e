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

    /// A read replica as the reference page describes it (`serviceIntegrations` `read_replica`
    /// from `sourceServiceName`), applied before its source: it waits for the source's backup, is
    /// created with the integration, reaches Ready, and the emulator holds the integration.
    @Test func aReadReplicaIsCreatedFromItsSourceService() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let pg = { (name: String, extra: String) in
            """
            apiVersion: aiven.io/v1alpha1
            kind: PostgreSQL
            metadata:
              name: \(name)
            spec:
              authSecretRef:
                name: aiven-token
                key: token
              connInfoSecretTarget:
                name: \(name)-connection
              project: \(Self.project)
              cloudName: google-europe-west1
              plan: startup-4
            \(extra)
            """
        }
        let replica = pg("pg-replica", "  serviceIntegrations:\n    - integrationType: read_replica\n      sourceServiceName: pg-source\n")
        let manifests = replica + "---\n" + pg("pg-source", "")
        await try dev.apply(manifests)
        try await dev.eventually("both Ready") {
            let source = await try KafkaLifecycleTests.ready(dev, "postgresql", "pg-source")
            let replica = await try KafkaLifecycleTests.ready(dev, "postgresql", "pg-replica")
            return source && replica
        }
        let service = try #require(try await dev.service(Self.project, "pg-replica"))
        #expect(service["service_type"] == "pg" && service["state"] == "RUNNING")
        let (status, body) = try await dev.aiven("GET", "/v1/project/\(Self.project)/service/pg-replica/integration")
        #expect(status == 200)
        let integrations = body["service_integrations"]?.arrayValue ?? []
        #expect(integrations.contains { $0["integration_type"] == "read_replica" && $0["source_service"] == "pg-source" && $0["dest_service"] == "pg-replica" },
                "\(body.jsonString)")
        let connection = await try dev.get("secret", "pg-replica-connection")
        #expect(connection != nil, "the replica publishes its own connection")

        // The integration is immutable, as the reference's CRD says.
        let changed = await try dev.kubectl(["apply", "-f", "-"], stdin: replica.replacingOccurrences(of: "sourceServiceName: pg-source", with: "sourceServiceName: other"))
        #expect(changed.status != 0 && changed.stderr.contains("spec.serviceIntegrations: Invalid value"), "\(changed.stderr)")

        let deletion = await try dev.kubectl(["delete", "-f", "-", "--timeout=60s"], stdin: manifests)
        #expect(deletion.status == 0, "\(deletion.stderr)")
        #expect(try await dev.service(Self.project, "pg-replica") == nil)
        #expect(try await dev.service(Self.project, "pg-source") == nil)
        let warnings = await try dev.kubectl.must(["get", "events", "--field-selector", "type=Warning", "-o", "name"]).stdout
        #expect(warnings.isEmpty, "\(warnings)")
    }

    static let migrationPassword = "Sentinel-e2e-migration-4f2b"

    /// `spec.migrationSecretSource` with kubectl: the resource waits for its Secret, migrates from
    /// it, shows `MigrationComplete`, and the Secret is deleted (`deleteAfterMigration`); the spec
    /// may not also set `userConfig.migration`. Then `pg_version` 16 → 17 passes Aiven's upgrade
    /// check and is applied, 17 → 15 fails it: `Ready=False` with Aiven's reason, nothing sent.
    @Test func aMigrationFromASecretThenAMajorUpgrade() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let manifest = """
            apiVersion: aiven.io/v1alpha1
            kind: PostgreSQL
            metadata:
              name: pg-migrated
            spec:
              authSecretRef:
                name: aiven-token
                key: token
              connInfoSecretTargetDisabled: true
              project: \(Self.project)
              cloudName: google-europe-west1
              plan: startup-4
              migrationSecretSource:
                name: pg-migration
                deleteAfterMigration: true
              userConfig:
                pg_version: "16"

            """
        let both = await try dev.kubectl(["apply", "-f", "-"], stdin: manifest + "    migration:\n      host: h\n      port: 5432\n")
        #expect(both.status != 0 && both.stderr.contains("migrationSecretSource and userConfig.migration are mutually exclusive; set only one"), "\(both.stderr)")

        await try dev.apply(manifest)
        try await dev.eventually("waiting for its Secret") {
            let ready = await try dev.get("postgresql", "pg-migrated")?["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
            return ready?["reason"] == "WaitingForSecret"
        }
        #expect(try await dev.service(Self.project, "pg-migrated") == nil)
        await try dev.apply("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: pg-migration
            stringData:
              host: old-db.example.com
              port: "5432"
              username: migrator
              password: \(Self.migrationPassword)
              ssl: "true"
            """)
        try await dev.eventually("migrated, its Secret deleted") {
            let conditions = await try dev.get("postgresql", "pg-migrated")?["status"]?["conditions"]?.arrayValue ?? []
            let done = conditions.contains { $0["type"] == "MigrationComplete" && $0["status"] == "True" }
            let secret = await try dev.get("secret", "pg-migration")
            return done && secret == nil
        }
        let service = try #require(try await dev.service(Self.project, "pg-migrated"))
        #expect(service["user_config"]?["migration"]?["host"] == "old-db.example.com" && service["user_config"]?["migration"]?["port"] == 5432)
        #expect(service["user_config"]?["migration"]?["ssl"] == true && service["user_config"]?["pg_version"] == "16")
        try await dev.eventually("Ready") { await try KafkaLifecycleTests.ready(dev, "postgresql", "pg-migrated") }

        await try dev.kubectl.must(["patch", "postgresql", "pg-migrated", "--type=merge", "-p", #"{"spec":{"userConfig":{"pg_version":"17"}}}"#])
        try await dev.eventually("upgraded to 17") { try await dev.service(Self.project, "pg-migrated")?["user_config"]?["pg_version"] == "17" }
        try await dev.eventually("Ready on 17") { await try KafkaLifecycleTests.ready(dev, "postgresql", "pg-migrated") }

        await try dev.kubectl.must(["patch", "postgresql", "pg-migrated", "--type=merge", "-p", #"{"spec":{"userConfig":{"pg_version":"15"}}}"#])
        try await dev.eventually("the downgrade refused by the check") {
            let ready = await try dev.get("postgresql", "pg-migrated")?["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
            return ready?["reason"] == "UpgradeCheckFailed" && ready?["message"]?.stringValue?.contains("must be newer than the current one") == true
        }
        #expect(try await dev.service(Self.project, "pg-migrated")?["user_config"]?["pg_version"] == "17")
        let described = await try dev.kubectl.must(["describe", "postgresql", "pg-migrated"]).stdout
        #expect(described.contains("UpgradeCheckFailed") && described.contains("SecretDeleted"), "\(described)")

        let deletion = await try dev.kubectl(["delete", "postgresql", "pg-migrated", "--timeout=60s"])
        #expect(deletion.status == 0, "\(deletion.stderr)")
        #expect(try await dev.service(Self.project, "pg-migrated") == nil)
        let log = dev.stop()
        #expect(!log.contains(Self.migrationPassword), "the migration password leaked into the operator's log")
        #expect(!described.contains(Self.migrationPassword))
    }
}
