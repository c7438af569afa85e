import Foundation
import KubeAPI
import TestSupport
import Testing

@testable import AivenEmulator

/// Dynamic disk sizing over the wire: the plans' disk limits in the catalogue, `disk_space_mb` on
/// create and update checked against them, the effective disk on every read, a smaller disk
/// rebalancing, a plan change, and the disk surviving a restart.
@Suite struct DiskSpaceRouteTests {
    let routes = KafkaPipelineRouteTests()

    static func create(_ body: String) -> String {
        #"{"service_name": "k", "service_type": "kafka", "plan": "startup-4"\#(body)}"#
    }

    @Test func thePlansCarryTheirDiskLimits() async throws {
        try await routes.withEmulator { emulator in
            let kafka = try await emulator.call("GET", "/v1/project/p/service-types/kafka")
            let plans = kafka["service_plans"]?.arrayValue ?? []
            let startup4 = try #require(plans.first { $0["service_plan"] == "startup-4" })
            let region = try #require(startup4[path: ["regions", "google-europe-west1"]])
            #expect(region["disk_space_mb"] == 184_320)
            #expect(region["disk_space_step_mb"] == 30_720)
            #expect(region["disk_space_cap_mb"] == 737_280)
            let connect = try await emulator.call("GET", "/v1/project/p/service-types/kafka_connect")
            let connectRegion = try #require(connect["service_plans", "0"]?[path: ["regions", "google-europe-west1"]])
            #expect(connectRegion["disk_space_mb"] == 0)
            #expect(connectRegion["disk_space_step_mb"] == nil, "Kafka Connect has no disk to size")
        }
    }

    @Test(arguments: [
        (#", "disk_space_mb": 153600"#, "Requested disk space 153600 MB is less than the 184320 MB of plan 'startup-4'"),
        (#", "disk_space_mb": 768000"#, "Requested disk space 768000 MB is more than the maximum 737280 MB of plan 'startup-4'"),
        (#", "disk_space_mb": 204800"#, "Requested disk space 204800 MB must increase from the 184320 MB of plan 'startup-4' in steps of 30720 MB"),
        (#", "disk_space_mb": -1"#, "Invalid input for disk_space_mb: -1 is less than the minimum of 0"),
        (#", "disk_space_mb": "200GiB""#, "Invalid input for disk_space_mb: '200GiB' is not of type 'integer'"),
    ])
    func aCreateOutsideThePlansLimitsIsRefused(body: String, message: String) async throws {
        try await routes.withEmulator { emulator in
            let refused = try await emulator.call("POST", "/v1/project/p/service", Self.create(body))
            #expect(refused.status == 400)
            #expect(refused.message == message)
            #expect(try await emulator.call("GET", "/v1/project/p/service/k").status == 404, "nothing was created")
        }
    }

    @Test func kafkaConnectHasNoDisk() async throws {
        try await routes.withEmulator { emulator in
            let refused = try await emulator.call(
                "POST", "/v1/project/p/service", #"{"service_name": "c", "service_type": "kafka_connect", "plan": "startup-4", "disk_space_mb": 30720}"#)
            #expect(refused.status == 400)
            #expect(refused.message == "Service type 'kafka_connect' has no disk: disk_space_mb cannot be set")
            try await emulator.running("c", type: "kafka_connect", plan: "startup-4")
            #expect(try await emulator.call("GET", "/v1/project/p/service/c")["service", "disk_space_mb"] == 0)
        }
    }

    @Test func theDiskIsReadAsSetAndGrowsOnlineButShrinksByRebalancing() async throws {
        try await routes.withEmulator { emulator in
            let created = try await emulator.call("POST", "/v1/project/p/service", Self.create(#", "disk_space_mb": 245760"#))
            #expect(created.status == 200)
            #expect(created["service", "disk_space_mb"] == 245_760)
            emulator.time.advance(seconds: 10)

            let grown = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"disk_space_mb": 307200}"#)
            #expect(grown["service", "disk_space_mb"] == 307_200)
            #expect(grown["service", "state"] == "RUNNING", "added disk is attached online")

            let refused = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"disk_space_mb": 300000}"#)
            #expect(refused.status == 400)
            #expect(refused.message?.contains("in steps of 30720 MB") == true)
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "disk_space_mb"] == 307_200, "unchanged")

            let shrunk = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"disk_space_mb": 184320}"#)
            #expect(shrunk["service", "disk_space_mb"] == 184_320)
            #expect(shrunk["service", "state"] == "REBALANCING", "nodes are replaced with smaller disks")
        }
    }

    @Test func aPlanChangeKeepsADiskTheNewPlanAllowsAndChecksANewOne() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("k", plan: "startup-4")
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "disk_space_mb"] == 184_320, "the plan's disk when none was set")
            _ = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"disk_space_mb": 307200}"#)

            let tooSmall = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"plan": "business-4", "disk_space_mb": 307200}"#)
            #expect(tooSmall.message == "Requested disk space 307200 MB is less than the 614400 MB of plan 'business-4'")
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "plan"] == "startup-4", "nothing changed")

            let upgraded = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"plan": "business-4"}"#)
            #expect(upgraded["service", "disk_space_mb"] == 614_400, "307200 MB does not fit business-4: its own disk")
            let downgraded = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"plan": "startup-4", "disk_space_mb": 368640}"#)
            #expect(downgraded["service", "disk_space_mb"] == 368_640)
            let kept = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"plan": "startup-2"}"#)
            #expect(kept["service", "disk_space_mb"] == 368_640, "within startup-2's limits and steps")
        }
    }

    @Test func theDiskSurvivesARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("disk-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await routes.withEmulator(stateFile: path) { emulator in
            _ = try await emulator.call("POST", "/v1/project/p/service", Self.create(#", "disk_space_mb": 245760"#))
            _ = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"disk_space_mb": 276480}"#)
        }
        try await routes.withEmulator(stateFile: path) { (emulator: KafkaPipelineRouteTests.Emulator) async throws in
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "disk_space_mb"] == 276_480)
        }
    }
}
