import Foundation
import TestSupport
import KubeAPI
import Testing

/// ProjectVPC end to end, and a KafkaConnect that waits for it through `projectVPCRef`.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ProjectVPCTests {
    @Test func kafkaConnectLandsInTheReferencedVPCAndDeletionWaitsForIt() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        await try dev.apply("""
            apiVersion: aiven.io/v1alpha1
            kind: ProjectVPC
            metadata: {name: vpc}
            spec:
              authSecretRef: {name: aiven-token, key: token}
              project: e2e
              cloudName: google-europe-west1
              networkCidr: 10.0.0.0/24
            ---
            apiVersion: aiven.io/v1alpha1
            kind: KafkaConnect
            metadata: {name: in-vpc}
            spec:
              authSecretRef: {name: aiven-token, key: token}
              project: e2e
              plan: business-4
              cloudName: google-europe-west1
              projectVPCRef: {name: vpc}
            """)
        try await dev.eventually("the VPC to be ACTIVE") {
            await try dev.get("projectvpc", "vpc")?["status"]?["state"] == "ACTIVE"
        }
        let vpcID = await try #require(try dev.get("projectvpc", "vpc")?["status"]?["id"]?.stringValue)
        let table = await try dev.kubectl(["get", "projectvpcs"]).stdout
        #expect(table.contains("NETWORK CIDR"))
        #expect(table.contains("10.0.0.0/24"))
        try await dev.waitUntilReady("in-vpc")
        #expect(try await dev.service("e2e", "in-vpc")?["project_vpc_id"]?.stringValue == vpcID)

        // The VPC is in use: its deletion waits instead of failing.
        _ = await try dev.kubectl(["delete", "projectvpc", "vpc", "--wait=false"])
        try await dev.eventually("the VPC deletion to wait") {
            await try dev.get("projectvpc", "vpc")?["status"]?["conditions"]?.arrayValue?.contains { $0["reason"] == "DeletionWaiting" } == true
        }
        await #expect(try dev.kubectl(["delete", "kafkaconnect", "in-vpc", "--timeout=60s"]).status == 0)
        try await dev.eventually("the VPC to be deleted") { await try dev.get("projectvpc", "vpc") == nil }
        let (status, body) = try await dev.aiven("GET", "/v1/project/e2e/vpcs")
        #expect(status == 200)
        #expect(body["vpcs"]?.arrayValue?.contains { $0["project_vpc_id"]?.stringValue == vpcID && $0["state"] != "DELETED" } != true)
    }
}
