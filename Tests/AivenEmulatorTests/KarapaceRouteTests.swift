import Foundation
import KubeAPI
import TestSupport
import Testing

@testable import AivenEmulator

/// `karapace` over the wire: Kafka only, set by an update (the create body has no such field),
/// read back as `features.karapace`, switched off again, and kept across a restart.
@Suite struct KarapaceRouteTests {
    let routes = KafkaPipelineRouteTests()

    @Test func anUpdateSwitchesKarapaceAndEveryReadReportsIt() async throws {
        try await routes.withEmulator { emulator in
            try await emulator.running("k", plan: "startup-4")
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "features", "karapace"] == false, "off until switched on")

            let on = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"karapace": true}"#)
            #expect(on.status == 200)
            #expect(on["service", "features", "karapace"] == true)
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "features", "karapace"] == true)

            let unrelated = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"termination_protection": false}"#)
            #expect(unrelated["service", "features", "karapace"] == true, "an update without the field leaves it")

            let off = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"karapace": false}"#)
            #expect(off["service", "features", "karapace"] == false)
        }
    }

    @Test func theCreateBodyHasNoKarapaceAndOtherTypesHaveNone() async throws {
        try await routes.withEmulator { emulator in
            let refused = try await emulator.call(
                "POST", "/v1/project/p/service", #"{"service_name": "k", "service_type": "kafka", "plan": "startup-4", "karapace": true}"#)
            #expect(refused.status == 400)
            #expect(refused.message?.contains("'karapace' was unexpected") == true, "\(refused.message ?? "")")
            #expect(try await emulator.call("GET", "/v1/project/p/service/k").status == 404, "nothing was created")

            try await emulator.running("c", type: "kafka_connect", plan: "startup-4")
            let connect = try await emulator.call("PUT", "/v1/project/p/service/c", #"{"karapace": true}"#)
            #expect(connect.status == 400)
            #expect(connect.message == "karapace is only available for Kafka services, not 'kafka_connect'")
            #expect(try await emulator.call("GET", "/v1/project/p/service/c")["service", "features", "karapace"] == nil)
            let wrongType = try await emulator.call("PUT", "/v1/project/p/service/c", #"{"karapace": "yes"}"#)
            #expect(wrongType.status == 400)
        }
    }

    @Test func karapaceSurvivesARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("karapace-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await routes.withEmulator(stateFile: path) { emulator in
            try await emulator.running("k", plan: "startup-4")
            _ = try await emulator.call("PUT", "/v1/project/p/service/k", #"{"karapace": true}"#)
        }
        try await routes.withEmulator(stateFile: path) { (emulator: KafkaPipelineRouteTests.Emulator) async throws in
            #expect(try await emulator.call("GET", "/v1/project/p/service/k")["service", "features", "karapace"] == true)
        }
    }
}
