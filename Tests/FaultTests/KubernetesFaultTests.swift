import Foundation
import TestSupport
import KubeAPI
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The operator against an unreliable Kubernetes side: expired watches, concurrent writers and
/// leader failover.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct KubernetesFaultTests {
    @Test func expiredWatchIsRelistedAndConverges() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        await try env.applyKafkaConnect("watch-a")
        await try env.applyKafkaConnect("watch-b")
        try await env.waitUntilReady("watch-a")
        try await env.waitUntilReady("watch-b")
        // Mid-operation: a create is hanging on Aiven when the API server goes away.
        try await env.fault("POST", "/v1/project/{project}/service", count: 1, ["hang_seconds": 3])
        await try env.applyKafkaConnect("watch-c")
        try await env.waitUntilFaultsUsed()
        // Writes the operator does not watch (Leases) move the resourceVersion past its
        // watches; the restarted LocalKube keeps no history, so resuming them answers 410.
        await try env.apply((0..<3).map { """
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: noise-\($0), namespace: default}
            spec: {holderIdentity: noise}
            """ }.joined(separator: "\n---\n"))
        env.apiserver.kill9()
        try await Task.sleep(for: .seconds(1))
        try await env.restartAPIServer()
        try await env.eventually("LocalKube to answer") { await try env.kubectl(["get", "lease", "noise-0"]).status == 0 }

        await try env.setPlan("watch-a", "business-8")
        await try env.mustKubectl(["delete", "kafkaconnect", "watch-b", "--wait=false"])
        await try env.applyKafkaConnect("watch-d")
        try await env.eventually("the operator to relist after 410") {
            env.operatorLogs.contains("watch expired, relisting")
        }
        try await env.eventually("the plan change to reach Aiven") { try await env.service("watch-a")?["plan"] == "business-8" }
        try await env.assertConverged(live: ["watch-a", "watch-c", "watch-d"], deleted: ["watch-b"])
    }

    @Test func concurrentWritersDoNotLoseUpdates() async throws {
        let env = try await FaultEnvironment()
        defer { env.stop() }
        // Slow Aiven calls in the passes that change the status (create, update) widen the
        // window between the operator's read of the object and its status write, so the other
        // writer gets in between for certain.
        try await env.fault("GET", "/v1/project/{project}/service/{service_name}", count: 1, ["hang_seconds": 1])
        await try env.applyKafkaConnect("contended")
        // Another writer changes the object as fast as it can while the operator creates and
        // updates: the operator's status writes meet 409 Conflicts and must neither give up
        // nor overwrite the other writer's changes.
        let stop = Atomic(false)
        let writes = Atomic(0)
        let writer = Task { () -> Int in
            var written = 0
            while !stop.load(ordering: .relaxed) {
                var request = URLRequest(url: URL(string: env.kubeURL + "/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects/contended")!)
                request.httpMethod = "PATCH"
                request.setValue("application/merge-patch+json", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(#"{"metadata":{"annotations":{"example.com/writer":"\#(written + 1)"}}}"#.utf8)
                if let (_, response) = try? await URLSession.shared.data(for: request), (response as? HTTPURLResponse)?.statusCode == 200 {
                    written += 1
                    writes.add(1, ordering: .relaxed)
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return written
        }
        try await env.waitUntilFaultsUsed()
        try await env.fault("PUT", "/v1/project/{project}/service/{service_name}", count: 1, ["hang_seconds": 1])
        await try env.setPlan("contended", "business-8")
        try await env.eventually("the plan change to reach Aiven") { try await env.service("contended")?["plan"] == "business-8" }
        // The other writer goes on until it has made progress, however slow the machine.
        let progressed = try await Eventually.poll(timeout: .seconds(60), interval: .milliseconds(50)) {
            writes.load(ordering: .relaxed) > 10
        }
        stop.store(true, ordering: .relaxed)
        #expect(progressed.reached, "the other writer made progress")
        let written = await writer.value
        try await env.assertConverged(live: ["contended"])
        let object = await try #require(try env.get("kafkaconnect", "contended"))
        #expect(object["metadata"]?["annotations"]?["example.com/writer"]?.stringValue == String(written), "the other writer's last change is kept")
        #expect(object["metadata"]?["finalizers"] == ["finalizers.aiven.io/delete-remote-resource"])
        #expect(object["spec"]?["plan"] == "business-8")
        #expect(env.operatorLogs.contains("Operation cannot be fulfilled"), "the operator met write conflicts")
    }

    @Test func leaderKilledAndFollowerTakesOver() async throws {
        let env = try await FaultEnvironment(operators: 2, leaderElect: true)
        defer { env.stop() }
        try await env.eventually("a leader") { env.operators.contains { $0.log.contains("became leader") } }
        await try env.applyKafkaConnect("before-failover")
        try await env.waitUntilReady("before-failover")
        let leaders = env.operators.filter { $0.log.contains("became leader") }
        #expect(leaders.count == 1, "exactly one leader")
        let leader = try #require(leaders.first)
        let follower = try #require(env.operators.first { $0 !== leader })

        leader.kill9()
        await try env.applyKafkaConnect("after-failover")
        await try env.setPlan("before-failover", "business-8")
        // The lease is 15 s; allow for renewal timing and a loaded machine.
        try await env.eventually("the follower to take over", timeout: .seconds(60)) { follower.log.contains("became leader") }
        try await env.eventually("the plan change to reach Aiven") { try await env.service("before-failover")?["plan"] == "business-8" }
        try await env.assertConverged(live: ["before-failover", "after-failover"])
        // One create per resource: the two operators never both reconciled.
        let requests = try await env.aivenRequests()
        #expect(requests["POST /v1/project/{project}/service"] == 2)
    }
}
