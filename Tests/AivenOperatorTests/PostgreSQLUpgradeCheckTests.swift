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

/// A new `pg_version` passes Aiven's upgrade check before the update is sent: the check is
/// decided from the spec and the service alone (so `plan` shows it), a passing one lets the
/// upgrade through, a failing one (a lower or unknown version) leaves `Ready=False` with Aiven's
/// reason and sends no update.
@Suite(.timeLimit(.minutes(2)))
struct PostgreSQLUpgradeCheckTests {
    static let updates = "PUT /v1/project/{project}/service/{service_name}"
    static let tasks = "POST /v1/project/{project}/service/{service_name}/task"

    static func service(_ version: String?) throws -> AivenService {
        let config = version.map { #"{"pg_version": "\#($0)"}"# } ?? "{}"
        let json = #"{"service_name": "my-pg", "service_type": "pg", "state": "RUNNING", "plan": "startup-4", "cloud_name": "google-europe-west1", "user_config": \#(config)}"#
        return try JSONDecoder().decode(AivenService.self, from: Data(json.utf8))
    }

    static func desired(_ version: String?) throws -> ServiceSpec {
        var resource = PostgreSQLReconcilerTests.postgreSQL { $0.userConfig = .init(pgVersion: version) }
        resource.metadata.uid = "uid-1"
        return try ServiceSpec(resource, projectVPCId: nil)
    }

    @Test func onlyANewPgVersionIsChecked() throws {
        let checks = PostgreSQLKind().updateChecks(desired: try Self.desired("17"), observed: try Self.service("16"))
        #expect(checks.map(\.summary) == ["Aiven's upgrade check of pg_version 16 → 17"])
        #expect(checks.first?.task == .upgradeCheck(to: "17") && checks.first?.failureReason == "UpgradeCheckFailed")
        #expect(PostgreSQLKind().updateChecks(desired: try Self.desired("16"), observed: try Self.service("16")).isEmpty)
        #expect(PostgreSQLKind().updateChecks(desired: try Self.desired(nil), observed: try Self.service("16")).isEmpty, "a spec without pg_version asks for none")
        #expect(PostgreSQLKind().updateChecks(desired: try Self.desired("15"), observed: try Self.service("16")).count == 1, "a lower one too: Aiven refuses it")
        var kafka = try Self.desired("17")
        kafka.serviceType = "kafka"
        #expect(KafkaKind().updateChecks(desired: kafka, observed: try Self.service("16")).isEmpty, "other kinds check nothing")
    }

    @Test func anUpgradeIsCheckedThenAppliedAndARefusedOneSendsNothing() async throws {
        try await OperatorHarness.run { harness in
            let resources = harness.client.resources(PostgreSQL.self, namespace: "default")
            _ = try await resources.create(PostgreSQLReconcilerTests.postgreSQL {
                $0.connInfoSecretTargetDisabled = true
                $0.userConfig = .init(pgVersion: "16")
            })
            try await harness.converge(PostgreSQLKind(), "my-pg") { PostgreSQLReconcilerTests.ready(try await resources.get("my-pg"))?.status == .true }
            #expect(try await harness.aivenRequests()[Self.tasks] == nil, "no check without a new version")

            // 16 → 17: plan shows the check; the reconciler runs it, then upgrades.
            var upgraded = try await resources.get("my-pg")
            upgraded.spec.userConfig?.pgVersion = "17"
            upgraded = try await resources.replace(upgraded)
            let plan = try await ChangePlan.plan(
                PostgreSQLKind(), manifest: upgraded, live: upgraded, dependencies: .live(harness.client), defaultToken: nil, clients: harness.aivenClients)
            #expect(plan.description.contains("! first: Aiven's upgrade check of pg_version 16 → 17"), "\(plan.description)")
            #expect(plan.description.contains("~ user_config.pg_version: \"16\" → \"17\""), "\(plan.description)")
            #expect(try await harness.aivenRequests()[Self.tasks] == nil, "plan runs no check")
            try await harness.converge(PostgreSQLKind(), "my-pg") { try await harness.service("my-pg")?.userConfig["pg_version"] == "17" }
            #expect(try await harness.aivenRequests()[Self.tasks] == 1)
            try await harness.converge(PostgreSQLKind(), "my-pg") { PostgreSQLReconcilerTests.ready(try await resources.get("my-pg"))?.status == .true }

            // 17 → 15 and 17 → 99: Aiven's check fails; Ready=False with its reason, no update.
            for (version, reason) in [("15", "must be newer than the current one"), ("99", "'99' is not an available PostgreSQL version")] {
                let before = try await harness.aivenRequests()[Self.updates]
                var lowered = try await resources.get("my-pg")
                lowered.spec.userConfig?.pgVersion = version
                _ = try await resources.replace(lowered)
                try await harness.reconcile(PostgreSQLKind(), "my-pg")
                let ready = PostgreSQLReconcilerTests.ready(try await resources.get("my-pg"))
                #expect(ready?.status == .false && ready?.reason == "UpgradeCheckFailed", "\(String(describing: ready))")
                #expect(ready?.message.contains("Aiven's upgrade check of pg_version 17 → \(version) failed, so nothing was changed") == true)
                #expect(ready?.message.contains(reason) == true, "\(ready?.message ?? "")")
                #expect(try await harness.aivenRequests()[Self.updates] == before, "no update sent")
                #expect(try await harness.service("my-pg")?.userConfig["pg_version"] == "17")
                #expect(try await harness.events(about: "my-pg").contains { $0.hasPrefix("Warning: UpgradeCheckFailed") })
            }
        }
    }
}
