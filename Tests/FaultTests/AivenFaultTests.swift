import Foundation
import TestSupport
import KubeAPI
import Testing

/// The operator against an unreliable Aiven: every scenario injects failures with the emulator's
/// fault API, checks that they were hit, and then asserts the invariants (one owned service per
/// live resource, none for deleted ones, all Ready, no token anywhere).
@Suite(.serialized, .timeLimit(.minutes(4)))
struct AivenFaultTests {
    static let services = "/v1/project/{project}/service"
    static let service = "/v1/project/{project}/service/{service_name}"

    @Test func serverErrorBurstsDuringCreateUpdateAndDelete() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        try await env.fault("POST", Self.services, count: 3, ["status": 503])
        try await env.fault("GET", Self.service, count: 2, ["status": 502])
        await try env.applyKafkaConnect("burst-a")
        await try env.applyKafkaConnect("burst-b")
        try await env.waitUntilFaultsUsed()
        try await env.waitUntilReady("burst-a")
        try await env.waitUntilReady("burst-b")

        try await env.fault("PUT", Self.service, count: 2, ["status": 500])
        await try env.setPlan("burst-a", "business-8")
        try await env.waitUntilFaultsUsed()
        try await env.eventually("the plan change to reach Aiven") { try await env.service("burst-a")?["plan"] == "business-8" }

        try await env.fault("DELETE", Self.service, count: 2, ["status": 503])
        await try env.mustKubectl(["delete", "kafkaconnect", "burst-b", "--wait=false"])
        try await env.waitUntilFaultsUsed()
        try await env.assertConverged(live: ["burst-a"], deleted: ["burst-b"])
        #expect(try await env.service("burst-a")?["plan"] == "business-8")
    }

    @Test func rateLimitWithRetryAfterDuringCreate() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        try await env.fault("POST", Self.services, count: 2, ["status": 429, "retry_after": 1])
        await try env.applyKafkaConnect("limited")
        try await env.waitUntilFaultsUsed()
        try await env.assertConverged(live: ["limited"])
        // The 429s were answered by waiting, not by surfacing an error.
        let events = await try env.mustKubectl(["get", "events", "--field-selector", "involvedObject.name=limited", "-o", "json"]).stdout
        #expect(!events.contains("RateLimited"))
    }

    @Test func hangingRequestsAndDroppedConnections() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        // Create: the first POST is dropped (it may have reached Aiven: no blind retry), the
        // second hangs before it is served; a GET is dropped too (idempotent: retried).
        try await env.fault("POST", Self.services, count: 1, ["drop": true])
        try await env.fault("POST", Self.services, count: 1, ["hang_seconds": 3])
        try await env.fault("GET", Self.service, count: 1, ["drop": true])
        await try env.applyKafkaConnect("hang-a")
        await try env.applyKafkaConnect("hang-b")
        try await env.waitUntilFaultsUsed()
        try await env.waitUntilReady("hang-a")
        try await env.waitUntilReady("hang-b")

        // Update: a dropped PUT (idempotent: retried), then one that hangs before it is served.
        try await env.fault("PUT", Self.service, count: 1, ["drop": true])
        try await env.fault("PUT", Self.service, count: 1, ["hang_seconds": 3])
        await try env.setPlan("hang-a", "business-8")
        try await env.waitUntilFaultsUsed()
        try await env.eventually("the plan change to reach Aiven") { try await env.service("hang-a")?["plan"] == "business-8" }

        try await env.fault("DELETE", Self.service, count: 1, ["drop": true])
        try await env.fault("DELETE", Self.service, count: 1, ["hang_seconds": 2])
        await try env.mustKubectl(["delete", "kafkaconnect", "hang-b", "--wait=false"])
        try await env.waitUntilFaultsUsed()
        try await env.assertConverged(live: ["hang-a"], deleted: ["hang-b"])
        await #expect(try env.condition("hang-a", "Initialized")?["reason"] == "Created")
    }

    /// The operator dies with its create request in flight. Restarted at once, its new POST
    /// races the old one; restarted after the old one was served, it finds a service it must
    /// recognise as its own (owner tag) rather than report as someone else's.
    @Test(arguments: [0.0, 5.0])
    func operatorKilledWhileCreateIsInFlight(restartAfter seconds: Double) async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        try await env.fault("POST", Self.services, count: 1, ["hang_seconds": 3])
        await try env.applyKafkaConnect("killed")
        // The rule is used up once the POST has reached the emulator and is hanging there.
        try await env.waitUntilFaultsUsed()
        try await Task.sleep(for: .milliseconds(300))
        let requests = try await env.aivenRequests()
        #expect(requests["POST \(Self.services)"] == 1)
        env.operators[0].kill9()
        try await env.clearFaults()
        try await Task.sleep(for: .seconds(seconds))
        try env.operators[0].start()
        try await env.assertConverged(live: ["killed"])
        #expect(try await env.services().count == 1)
        await #expect(try env.condition("killed", "Initialized")?["reason"] == "Created")
    }

    @Test func tokenSecretDeletedAndRestored() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        await try env.applyKafkaConnect("keeps")
        await try env.applyKafkaConnect("leaves")
        try await env.waitUntilReady("keeps")
        try await env.waitUntilReady("leaves")

        // The Secret is protected while the resources need it; here its finalizer is removed by
        // hand once it is being deleted (no new finalizer can be added then), so it is really gone.
        await try env.mustKubectl(["delete", "secret", "aiven-token", "--wait=false"])
        await try env.mustKubectl(["patch", "secret", "aiven-token", "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#])
        try await env.waitUntilReady("keeps", status: "False", reason: "SecretNotFound")
        // A deletion without a token must wait, not drop the finalizer or the service.
        await try env.mustKubectl(["delete", "kafkaconnect", "leaves", "--wait=false"])
        try await env.waitUntilReady("leaves", status: "False", reason: "SecretNotFound")
        try await Task.sleep(for: .seconds(2))
        await #expect(try env.get("kafkaconnect", "leaves") != nil)
        #expect(Set(try await env.services().keys) == ["keeps", "leaves"], "nothing is deleted on Aiven without the token")

        await try env.mustKubectl(["create", "secret", "generic", "aiven-token", "--from-literal=token=\(env.token)"])
        try await env.assertConverged(live: ["keeps"], deleted: ["leaves"])
    }
}
