import AivenClient
import AivenEmulator
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import TestSupport
import Testing

@testable import AivenOperator

/// `spec.migrationSecretSource`: the Secret's keys become `userConfig.migration` with the types
/// the user-config schema gives them; a missing Secret is waited for, a bad one refused without
/// its values; Aiven's migration status is followed to `MigrationComplete`, the Secret deleted
/// then when asked; a changed Secret is applied like a new generation; the password appears in
/// no log, event, status or plan.
@Suite(.timeLimit(.minutes(2)))
struct PostgreSQLMigrationTests {
    static let password = "Sentinel-migration-pw-93c1"
    static let schema = PostgreSQL.migrationSchema

    static func secret(_ data: [String: String], name: String = "pg-migration") -> Secret {
        Secret(metadata: ObjectMeta(name: name, namespace: "default"), stringData: data)
    }

    static let credentials = [
        "host": "old-db.example.com", "port": "5432", "password": password, "username": "migrator", "dbname": "app", "ssl": "true",
        "ignore_dbs": "tmp,scratch", "method": "dump",
    ]

    static func migrating(deleteAfter: Bool = false, _ configure: (inout PostgreSQLSpec) -> Void = { _ in }) -> PostgreSQL {
        PostgreSQLReconcilerTests.postgreSQL {
            $0.connInfoSecretTargetDisabled = true
            $0.migrationSecretSource = .init(deleteAfterMigration: deleteAfter, name: "pg-migration")
            configure(&$0)
        }
    }

    // MARK: Reading the Secret (pure)

    @Test func theSecretsKeysAreReadWithTheSchemasTypes() throws {
        let options = try MigrationSource.options(from: Self.secret(Self.credentials), described: "Secret default/pg-migration", schema: Self.schema)
        let expected: [String: JSONValue] = [
            "host": "old-db.example.com", "port": 5432, "password": .string(Self.password), "username": "migrator", "dbname": "app", "ssl": true,
            "ignore_dbs": "tmp,scratch", "method": "dump",
        ]
        #expect(options == expected)
        // base64 `data` reads as `stringData` does; Go's boolean spellings are accepted.
        let data = Secret(metadata: ObjectMeta(name: "s"), data: ["host": Data("h".utf8).base64EncodedString(), "port": Data("1".utf8).base64EncodedString(), "ssl": Data("F".utf8).base64EncodedString()])
        #expect(try MigrationSource.options(from: data, described: "S", schema: Self.schema) == ["host": "h", "port": 1, "ssl": false])
    }

    @Test(arguments: [
        (["host": "h", "port": "5432", "password": " \(password)"], #"the value of key "password" has leading or trailing whitespace; remove it from the Secret (the value is not shown)"#),
        (["host": "h\n", "port": "5432"], #"the value of key "host" has leading or trailing whitespace"#),
        (["host": "h", "port": "five"], #"the value of key "port" is not an integer"#),
        (["host": "h", "port": "5432", "ssl": "yes"], #"the value of key "ssl" is not a boolean (true or false)"#),
        (["host": "h", "port": "5432", "passwd": "x"], #"has key "passwd", which is not a field of userConfig.migration (dbname, host, ignore_dbs, ignore_roles, method, password, port, ssl, username)"#),
        (["port": "5432"], "key host: Required value"),
        (["host": "h", "port": "70000"], "key port: Invalid value: 70000"),
        (["host": "h", "port": "5432", "method": "copy"], #"key method: Unsupported value: "copy""#),
        (["host": "h", "port": "5432", "password": String(repeating: "p", count: 257)], "key password: Too long: may not be longer than 256"),
    ])
    func aSecretTheMigrationCannotUseIsRefusedWithoutItsValues(data: [String: String], message: String) throws {
        do {
            _ = try MigrationSource.options(from: Self.secret(data), described: "Secret default/pg-migration", schema: Self.schema)
            Issue.record("accepted \(data.keys.sorted())")
        } catch let error as InvalidSpec {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.contains(Self.password) && !error.message.contains(String(repeating: "p", count: 257)))
        } catch {
            Issue.record("\(error)")
        }
    }

    // MARK: Over the wire

    @Test func aMigrationFromTheSecretIsAppliedFollowedAndItsSecretDeleted() async throws {
        try await OperatorHarness.run { harness in
            let log = CapturedLog()
            let resources = harness.client.resources(PostgreSQL.self, namespace: "default")
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            _ = try await resources.create(Self.migrating(deleteAfter: true))
            try await harness.reconcile(PostgreSQLKind(), "my-pg", logger: log.logger())
            let waiting = PostgreSQLReconcilerTests.ready(try await resources.get("my-pg"))
            #expect(waiting?.reason == "WaitingForSecret" && waiting?.message.contains("Secret default/pg-migration (spec.migrationSecretSource) does not exist yet") == true)
            #expect(try await harness.service("my-pg") == nil, "nothing is created without the migration")

            _ = try await secrets.create(Self.secret(Self.credentials))
            try await harness.converge(PostgreSQLKind(), "my-pg", logger: log.logger()) {
                let resource = try await resources.get("my-pg")
                return resource.status?.conditions?.contains { $0.type == "MigrationComplete" && $0.status == .true } == true
            }
            let service = try #require(try await harness.service("my-pg"))
            #expect(service.userConfig["migration"] == [
                "host": "old-db.example.com", "port": 5432, "username": "migrator", "dbname": "app", "ssl": true, "ignore_dbs": "tmp,scratch", "method": "dump",
            ])
            let created = try await resources.get("my-pg")
            #expect(PostgreSQLReconcilerTests.ready(created)?.status == .true)
            #expect(created.status?.appliedUserConfig?.options?.contains { $0.hasPrefix("migration") } == false, "Secret options are not owned")
            try await harness.converge(PostgreSQLKind(), "my-pg", logger: log.logger()) { (try? await secrets.get("pg-migration")) == nil }
            let events = try await harness.events(about: "my-pg")
            #expect(events.contains { $0.contains("SecretDeleted") && $0.contains("pg-migration") }, "\(events)")
            #expect(events.contains { $0.contains("MigrationDone") })

            // Done: the Secret is not needed any more, and idle passes send nothing.
            let writes = try await harness.aivenWrites()
            for _ in 0..<2 { try await harness.reconcile(PostgreSQLKind(), "my-pg", logger: log.logger()) }
            #expect(try await harness.aivenWrites() == writes)
            let after = try await resources.get("my-pg")
            #expect(PostgreSQLReconcilerTests.ready(after)?.status == .true)
            #expect(try await harness.events(about: "my-pg").filter { $0.contains("Warning") }.isEmpty)

            let status = String(decoding: try JSONEncoder().encode(after.status), as: UTF8.self)
            #expect(!status.contains(Self.password) && !log.text.contains(Self.password))
            #expect(try await harness.events(about: "my-pg").allSatisfy { !$0.contains(Self.password) })
        }
    }

    @Test func aChangedSecretIsAppliedAsANewGenerationAndAFailureShowsAivensReason() async throws {
        try await OperatorHarness.run { harness in
            let log = CapturedLog()
            let resources = harness.client.resources(PostgreSQL.self, namespace: "default")
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            var replicating = Self.credentials
            replicating["method"] = "replication"
            _ = try await secrets.create(Self.secret(replicating))
            _ = try await resources.create(Self.migrating())
            try await harness.converge(PostgreSQLKind(), "my-pg", logger: log.logger()) { PostgreSQLReconcilerTests.ready(try await resources.get("my-pg"))?.status == .true }
            let syncing = try await resources.get("my-pg").status?.conditions?.first { $0.type == "MigrationComplete" }
            #expect(syncing?.status == .false && syncing?.reason == "MigrationInProgress" && syncing?.message.contains("syncing") == true)

            // Under drift policy Report too, a changed Secret is a new desired state, not drift.
            var annotated = try await resources.get("my-pg")
            annotated.metadata.annotations = ["controllers.aiven.io/drift-policy": "Report"]
            _ = try await resources.replace(annotated)
            var secret = try await secrets.get("pg-migration")
            secret.stringData = ["host": "gone.invalid", "port": "5433", "password": "Sentinel-rotated-pw-11", "method": "dump"]
            secret.data = nil
            _ = try await secrets.replace(secret)
            try await harness.converge(PostgreSQLKind(), "my-pg", logger: log.logger()) {
                PostgreSQLReconcilerTests.ready(try await resources.get("my-pg"))?.reason == "MigrationFailed"
            }
            #expect(try await harness.service("my-pg")?.userConfig["migration"]?["host"] == "gone.invalid")
            let failed = try await resources.get("my-pg")
            #expect(PostgreSQLReconcilerTests.ready(failed)?.message.contains("could not translate host name") == true)
            #expect(failed.status?.conditions?.first { $0.type == "MigrationComplete" }?.reason == "MigrationFailed")
            let events = try await harness.events(about: "my-pg")
            #expect(events.contains { $0.contains("Updated") && $0.contains("user_config.migration") }, "\(events)")
            #expect(!events.contains { $0.contains("Drift") })
            #expect(events.filter { $0.contains("MigrationFailed") }.count == 1, "said once: \(events)")
            for value in [Self.password, "Sentinel-rotated-pw-11"] {
                #expect(!log.text.contains(value))
                #expect(events.allSatisfy { !$0.contains(value) })
            }
        }
    }
}
