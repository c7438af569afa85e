import Foundation
import KubeAPI
import TestSupport
import Testing

@testable import AivenEmulator

/// A PostgreSQL's upgrade check and migration status over the wire: `POST …/task` with
/// `upgrade_check` passes for a newer available version and fails (with the reason) for a lower,
/// equal or unknown one; a `pg_version` update is refused until a check to that version passed;
/// `GET …/migration` answers 404 without a migration and follows one set on create or update.
@Suite struct PostgreSQLTaskRouteTests {
    let routes = KafkaPipelineRouteTests()

    static func check(_ version: String) -> String { #"{"task_type": "upgrade_check", "upgrade_check": {"target_version": "\#(version)"}}"# }

    @Test func anUpgradeCheckPassesForANewerVersionOnlyAndUnblocksTheUpgrade() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("pg", type: "pg", plan: "startup-4", userConfig: #"{"pg_version": "16"}"#)
            let upgrade = #"{"user_config": {"pg_version": "17"}}"#
            let blocked = try await emulator.call("PUT", "/v1/project/p/service/pg", upgrade)
            #expect(blocked.status == 400 && blocked.message?.contains("upgrade check to PostgreSQL 17 must pass") == true, "\(blocked.message ?? "")")

            for (target, reason) in [("15", "must be newer"), ("16", "must be newer"), ("42", "not an available PostgreSQL version")] {
                let created = try await emulator.call("POST", "/v1/project/p/service/pg/task", Self.check(target))
                #expect(created.status == 200)
                let id = try #require(created["task", "task_id"]?.stringValue)
                let task = try await emulator.call("GET", "/v1/project/p/service/pg/task/\(id)")
                #expect(task["task", "task_type"] == "upgrade_check" && task["task", "success"] == false)
                #expect(task["task", "result"]?.stringValue?.contains(reason) == true, "\(task.json?.jsonString ?? "")")
            }
            let passed = try await emulator.call("POST", "/v1/project/p/service/pg/task", Self.check("17"))
            #expect(passed["task", "success"] == true)
            let id = try #require(passed["task", "task_id"]?.stringValue)
            #expect(try await emulator.call("GET", "/v1/project/p/service/pg/task/\(id)")["task", "success"] == true)
            #expect(try await emulator.call("PUT", "/v1/project/p/service/pg", upgrade).status == 200)
            #expect(try await emulator.call("GET", "/v1/project/p/service/pg")["service", "user_config", "pg_version"] == "17")
            let downgrade = try await emulator.call("PUT", "/v1/project/p/service/pg", #"{"user_config": {"pg_version": "16"}}"#)
            #expect(downgrade.status == 400 && downgrade.message?.contains("must be newer") == true)

            #expect(try await emulator.call("GET", "/v1/project/p/service/pg/task/nope").status == 404)
            let other = try await emulator.call("POST", "/v1/project/p/service/pg/task", #"{"task_type": "dataset_import"}"#)
            #expect(other.status == 400)
            try await emulator.running("k")
            #expect(try await emulator.call("POST", "/v1/project/p/service/k/task", Self.check("17")).status == 400)
        }
    }

    @Test func aServiceCreatedWithoutAVersionRunsTheDefaultOne() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("pg", type: "pg", plan: "startup-4")
            #expect(try await emulator.call("GET", "/v1/project/p/service/pg")["service", "user_config", "pg_version"] == "17")
        }
    }

    @Test func theMigrationStatusFollowsTheMigrationAsked() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("plain", type: "pg", plan: "startup-4")
            #expect(try await emulator.call("GET", "/v1/project/p/service/plain/migration").status == 404)

            let created = try await emulator.call(
                "POST", "/v1/project/p/service",
                #"{"service_name": "pg", "service_type": "pg", "plan": "startup-4", "user_config": {"migration": {"host": "old.example.com", "port": 5432, "password": "Sentinel-migration-pw"}}}"#)
            #expect(created.status == 200)
            #expect(try await emulator.call("GET", "/v1/project/p/service/pg/migration")["migration", "status"] == "running")
            emulator.time.advance(seconds: 10)
            let done = try await emulator.call("GET", "/v1/project/p/service/pg/migration")
            #expect(done["migration", "status"] == "done" && done["migration", "method"] == "dump")
            let service = try await emulator.call("GET", "/v1/project/p/service/pg")
            #expect(service["service", "user_config", "migration", "host"] == "old.example.com")
            #expect(service["service", "user_config", "migration", "password"] == nil, "a secret option is never returned")

            // An update to a source Aiven cannot reach starts again, and fails.
            #expect(try await emulator.call("PUT", "/v1/project/p/service/pg", #"{"user_config": {"migration": {"host": "gone.invalid", "port": 5432}}}"#).status == 200)
            #expect(try await emulator.call("GET", "/v1/project/p/service/pg/migration")["migration", "status"] == "running")
            emulator.time.advance(seconds: 10)
            let failed = try await emulator.call("GET", "/v1/project/p/service/pg/migration")
            #expect(failed["migration", "status"] == "failed")
            #expect(failed["migration", "error"]?.stringValue?.contains("gone.invalid") == true)

            // Replication keeps syncing.
            #expect(try await emulator.call("PUT", "/v1/project/p/service/pg", #"{"user_config": {"migration": {"host": "old.example.com", "port": 5432, "method": "replication"}}}"#).status == 200)
            emulator.time.advance(seconds: 10)
            #expect(try await emulator.call("GET", "/v1/project/p/service/pg/migration")["migration", "status"] == "syncing")
        }
    }
}
