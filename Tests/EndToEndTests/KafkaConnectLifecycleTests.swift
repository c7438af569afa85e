import Foundation
import TestSupport
import KubeAPI
import Testing

/// The operator end to end: `aiven-operator dev`, the real kubectl, the Aiven emulator.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct KafkaConnectLifecycleTests {
    static let example = try! String(contentsOf: DevEnvironment.repositoryRoot.appendingPathComponent("examples/kafkaconnect.yaml"), encoding: .utf8)

    static func manifest(_ name: String, spec: String, annotations: String = "") -> String {
        """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaConnect
        metadata:
          name: \(name)
        \(annotations.isEmpty ? "" : "  annotations:\n" + annotations.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
        spec:
          authSecretRef: {name: aiven-token, key: token}
          project: e2e
          plan: business-4
        \(spec.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.joined(separator: "\n"))
        """
    }

    @Test func seedExampleReachesRunningAndIsDeleted() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.example)
        try await dev.waitUntilReady("my-kafka-connect")
        let table = await try dev.kubectl(["get", "kafkaconnects", "my-kafka-connect"])
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.first == ["NAME", "PROJECT", "REGION", "PLAN", "STATE"])
        #expect(rows.dropFirst().first == ["my-kafka-connect", "my-aiven-project", "google-europe-west1", "business-4", "RUNNING"])

        let service = try #require(try await dev.service("my-aiven-project", "my-kafka-connect"))
        #expect(service["plan"] == "business-4")
        #expect(service["cloud_name"] == "google-europe-west1")
        #expect(service["user_config"]?["kafka_connect"]?["consumer_isolation_level"] == "read_committed")
        #expect(service["user_config"]?["public_access"]?["kafka_connect"] == true)
        #expect(service["tags"]?["env"] == "test")
        let status = await try #require(try dev.get("kafkaconnect", "my-kafka-connect")?["status"])
        #expect(status["observedGeneration"] == 1)
        #expect(Set(status["conditions"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []) == ["Initialized", "Running", "Ready"])

        let deletion = await try dev.kubectl(["delete", "kafkaconnect", "my-kafka-connect", "--timeout=60s"])
        #expect(deletion.status == 0, "\(deletion.stderr)")
        #expect(try await dev.service("my-aiven-project", "my-kafka-connect") == nil)
        await #expect(try dev.get("kafkaconnect", "my-kafka-connect") == nil)
        let log = dev.stop()
        #expect(!log.contains(dev.token), "the Aiven token leaked into the operator's log")
    }

    @Test func everyKindOfFieldIsUpdatedAndRemoved() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.manifest("fields", spec: """
            cloudName: google-europe-west1
            maintenanceWindowDow: monday
            maintenanceWindowTime: "10:00:00"
            tags: {team: data}
            technicalEmails: [{email: ops@example.com}]
            userConfig:
              kafka_connect: {consumer_max_poll_records: 500}
              ip_filter: [{network: 10.0.0.0/8, description: office}]
            """))
        try await dev.waitUntilReady("fields")
        await try dev.apply(Self.manifest("fields", spec: """
            plan: business-8
            cloudName: aws-eu-west-1
            maintenanceWindowDow: friday
            maintenanceWindowTime: "23:00:00"
            tags: {team: platform, env: prod}
            technicalEmails: [{email: oncall@example.com}]
            userConfig:
              kafka_connect: {consumer_max_poll_records: 1000, consumer_isolation_level: read_committed}
              ip_filter: [{network: 10.1.0.0/16}]
            """).replacingOccurrences(of: "  plan: business-4\n", with: ""))
        try await dev.eventually("the update to reach Aiven") {
            let service = try await dev.service("e2e", "fields")
            return service?["plan"] == "business-8" && service?["state"] == "RUNNING"
        }
        var service = try #require(try await dev.service("e2e", "fields"))
        #expect(service["cloud_name"] == "aws-eu-west-1")
        #expect(service["maintenance"]?["dow"] == "friday")
        #expect(service["maintenance"]?["time"] == "23:00:00")
        #expect(service["tags"]?["team"] == "platform")
        #expect(service["tags"]?["env"] == "prod")
        #expect(service["tech_emails"] == [["email": "oncall@example.com"]])
        #expect(service["user_config"]?["kafka_connect"] == ["consumer_max_poll_records": 1000, "consumer_isolation_level": "read_committed"])
        #expect(service["user_config"]?["ip_filter"]?.arrayValue?.count == 1)
        try await dev.waitUntilReady("fields")

        // Removing fields resets them on Aiven (full desired state). Removed user_config options go
        // back to the default Aiven documents (ip_filter); one without a documented default cannot
        // be unset through Aiven's API (null is refused), so it keeps its value and is no longer owned.
        await try dev.apply(Self.manifest("fields", spec: """
            cloudName: aws-eu-west-1
            """))
        try await dev.eventually("removed fields to be reset") {
            let service = try await dev.service("e2e", "fields")
            return service?["tech_emails"] == [] && service?["tags"]?["team"] == nil
        }
        service = try #require(try await dev.service("e2e", "fields"))
        #expect(UserConfigOwnershipTests.networks(service) == UserConfigOwnershipTests.defaultFilter)
        #expect(service["user_config"]?["kafka_connect"] == ["consumer_max_poll_records": 1000, "consumer_isolation_level": "read_committed"])
        #expect(service["tags"]?.objectValue?.keys.sorted() == ["aiven-operator-uid"])
        #expect(service["plan"] == "business-4")
        try await dev.waitUntilReady("fields")
    }

    @Test func terminationProtectionBlocksDeletionUntilTurnedOff() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.manifest("protected", spec: "terminationProtection: true"))
        try await dev.waitUntilReady("protected")
        #expect(try await dev.service("e2e", "protected")?["termination_protection"] == true)
        _ = await try dev.kubectl(["delete", "kafkaconnect", "protected", "--wait=false"])
        try await dev.waitUntilReady("protected", status: "False", reason: "DeletionBlocked")
        #expect(try await dev.service("e2e", "protected") != nil)
        await #expect(try dev.get("kafkaconnect", "protected") != nil)
        let events = await try dev.kubectl(["get", "events", "--field-selector", "involvedObject.name=protected", "-o", "json"])
        #expect(events.stdout.contains("DeletionBlocked"))

        _ = await try dev.kubectl(["patch", "kafkaconnect", "protected", "--type", "merge", "-p", #"{"spec":{"terminationProtection":false}}"#])
        try await dev.eventually("the resource to be deleted") { await try dev.get("kafkaconnect", "protected") == nil }
        #expect(try await dev.service("e2e", "protected") == nil)
    }

    @Test func orphanPolicyKeepsTheService() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.manifest("orphan", spec: "", annotations: "controllers.aiven.io/deletion-policy: Orphan"))
        try await dev.waitUntilReady("orphan")
        await #expect(try dev.kubectl(["delete", "kafkaconnect", "orphan", "--timeout=60s"]).status == 0)
        #expect(try await dev.service("e2e", "orphan")?["state"] == "RUNNING")
    }

    @Test func existingServiceIsAdoptedOnlyWhenAsked() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let created = try await dev.aiven("POST", "/v1/project/e2e/service", body: [
            "service_name": "existing", "service_type": "kafka_connect", "plan": "business-4", "cloud": "google-europe-west1",
            "tags": ["owner": "someone-else"],
        ])
        #expect(created.status == 200 || created.status == 201)
        await try dev.apply(Self.manifest("existing", spec: "plan: business-8").replacingOccurrences(of: "  plan: business-4\n", with: ""))
        try await dev.waitUntilReady("existing", status: "False", reason: "AlreadyExists")
        #expect(try await dev.service("e2e", "existing")?["plan"] == "business-4", "nothing may change without adoption")

        _ = await try dev.kubectl(["annotate", "kafkaconnect", "existing", "controllers.aiven.io/adopt=true"])
        try await dev.eventually("the service to be adopted and updated") {
            try await dev.service("e2e", "existing")?["plan"] == "business-8"
        }
        try await dev.waitUntilReady("existing")
        await #expect(try dev.condition("existing", "Initialized")?["reason"] == "Adopted")
    }

    @Test func driftIsCorrectedOrReported() async throws {
        let dev = try await DevEnvironment(resyncInterval: 2)
        defer { dev.stop() }
        await try dev.apply(Self.manifest("corrected", spec: ""))
        await try dev.apply(Self.manifest("reported", spec: "", annotations: "controllers.aiven.io/drift-policy: Report"))
        try await dev.waitUntilReady("corrected")
        try await dev.waitUntilReady("reported")
        for name in ["corrected", "reported"] {
            let change = try await dev.aiven("PATCH", "/_emulator/project/e2e/service/\(name)", body: ["plan": "startup-4"])
            #expect(change.status == 200)
        }
        try await dev.eventually("drift to be corrected") { try await dev.service("e2e", "corrected")?["plan"] == "business-4" }
        try await dev.waitUntilReady("reported", status: "False", reason: "Drifted")
        await #expect(try dev.get("kafkaconnect", "reported")?["status"]?["driftedFields"] == ["plan"])
        #expect(try await dev.service("e2e", "reported")?["plan"] == "startup-4")
    }

    @Test func poweredOffAndOn() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.manifest("power", spec: ""))
        try await dev.waitUntilReady("power")
        _ = await try dev.kubectl(["patch", "kafkaconnect", "power", "--type", "merge", "-p", #"{"spec":{"powered":false}}"#])
        try await dev.eventually("POWEROFF") { await try dev.get("kafkaconnect", "power")?["status"]?["state"] == "POWEROFF" }
        try await dev.waitUntilReady("power")
        await #expect(try dev.condition("power", "Running")?["reason"] == "PoweredOff")
        _ = await try dev.kubectl(["patch", "kafkaconnect", "power", "--type", "merge", "-p", #"{"spec":{"powered":true}}"#])
        try await dev.eventually("RUNNING again") { await try dev.get("kafkaconnect", "power")?["status"]?["state"] == "RUNNING" }
    }

    @Test func badPlanIsReportedThenFixed() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.manifest("badplan", spec: "plan: gigantic-999").replacingOccurrences(of: "  plan: business-4\n", with: ""))
        try await dev.waitUntilReady("badplan", status: "False", reason: "InvalidConfiguration")
        let message = await try dev.condition("badplan", "Ready")?["message"]?.stringValue ?? ""
        #expect(message.contains("Invalid plan 'gigantic-999' for service type 'kafka_connect'"))
        await try dev.apply(Self.manifest("badplan", spec: ""))
        try await dev.waitUntilReady("badplan")
    }

    @Test func missingOrRotatedTokenIsReportedAndPickedUp() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let manifest = Self.manifest("tokens", spec: "").replacingOccurrences(of: "name: aiven-token", with: "name: team-token")
        await try dev.apply(manifest)
        try await dev.waitUntilReady("tokens", status: "False", reason: "SecretNotFound")

        _ = await try dev.kubectl(["create", "secret", "generic", "team-token", "--from-literal=token=not-a-valid-token"])
        try await dev.waitUntilReady("tokens", status: "False", reason: "Unauthorized")
        let message = await try dev.condition("tokens", "Ready")?["message"]?.stringValue ?? ""
        #expect(message.contains("Secret default/team-token"))
        #expect(!message.contains("not-a-valid-token"))

        // Rotating the Secret takes effect without touching the resource or restarting.
        let encoded = Data(dev.token.utf8).base64EncodedString()
        _ = await try dev.kubectl(["patch", "secret", "team-token", "--type", "merge", "-p", #"{"data":{"token":"\#(encoded)"}}"#])
        try await dev.waitUntilReady("tokens")

        let events = await try dev.kubectl(["get", "events", "-o", "json"]).stdout
        #expect(!events.contains(dev.token))
        #expect(!events.contains("not-a-valid-token"))
        let log = dev.stop()
        #expect(!log.contains(dev.token))
        #expect(!log.contains("not-a-valid-token"))
    }

    @Test func pausedResourcesMakeNoAivenCalls() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply(Self.manifest("paused", spec: "", annotations: "controllers.aiven.io/paused: \"true\""))
        try await Task.sleep(for: .seconds(3))
        #expect(try await dev.service("e2e", "paused") == nil)
        _ = await try dev.kubectl(["annotate", "kafkaconnect", "paused", "controllers.aiven.io/paused-"])
        try await dev.waitUntilReady("paused")
    }
}
