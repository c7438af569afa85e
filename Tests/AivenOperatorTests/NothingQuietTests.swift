import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import Testing

@testable import AivenOperator

/// Issue 21, item 6: what the operator cannot do is said, not left unnoticed.
@Suite(.timeLimit(.minutes(2)))
struct NothingQuietTests {
    /// A user_config option dropped from the spec that Aiven cannot reset (no documented default)
    /// keeps its value on Aiven: one Warning event and the condition name it, until the next
    /// generation; a resettable one (ip_filter) is reset as before, without a warning.
    @Test func anOptionAivenCannotResetIsNamedInAWarningAndTheCondition() async throws {
        try await OperatorHarness.run { harness in
            let manifest = OperatorHarness.kafkaConnect("kc") {
                $0.userConfig = KafkaConnectUserConfig(
                    ipFilter: [IPFilterEntry(network: "10.0.0.0/8")], kafkaConnect: KafkaConnectSettings(consumerIsolationLevel: "read_committed", consumerMaxPollRecords: 100))
            }
            _ = try await harness.kafkaConnectClient.create(manifest)
            try await harness.converge("kc") { try await harness.condition("kc", "Ready")?.status == .true }

            var dropped = try #require(try await harness.get("kc"))
            dropped.spec.userConfig = KafkaConnectUserConfig(kafkaConnect: KafkaConnectSettings(consumerIsolationLevel: "read_committed"))
            _ = try await harness.kafkaConnectClient.replace(dropped)
            try await harness.reconcile("kc")
            try await harness.reconcile("kc")

            let option = "user_config.kafka_connect.consumer_max_poll_records"
            let warnings = try await harness.events(about: "kc").filter { $0.hasPrefix("Warning: FieldNotReset") }
            #expect(warnings.count == 1, "\(warnings)")
            #expect(warnings.first?.contains("\(option) removed from the spec but Aiven cannot reset it") == true, "\(warnings)")
            #expect(!(warnings.first?.contains("ip_filter") ?? true), "a resettable option is reset, not warned about")
            let initialized = try #require(try await harness.condition("kc", "Initialized"))
            #expect(initialized.message.contains("\(option) removed from the spec"), "still said on the next pass: \(initialized.message)")
            let service = try #require(try await harness.service("kc"))
            #expect(service.userConfig["kafka_connect"]?["consumer_max_poll_records"] == 100, "left as it was on Aiven")
            #expect(service.userConfig["ip_filter"]?.arrayValue?.count == 2, "ip_filter reset to Aiven's default")

            var next = try #require(try await harness.get("kc"))
            next.spec.plan = "business-8"
            _ = try await harness.kafkaConnectClient.replace(next)
            try await harness.reconcile("kc")
            #expect(try await harness.condition("kc", "Initialized")?.message.contains(option) == false, "gone with the next generation")
        }
    }

    /// An integration removed on Aiven is noticed at the integration's next look — as often as a
    /// connector's status, not the resync — and created again: the operator, with a resync far
    /// away, shows it gone and back without anyone touching the resource.
    @Test func aVanishedIntegrationIsNoticedBeforeTheResync() async throws {
        let configuration = OperatorConfiguration(resyncInterval: .seconds(600), connectorStatusInterval: .milliseconds(300), pollInterval: .milliseconds(100), failureGracePeriod: .zero)
        #expect(ServiceIntegrationKind().recheckInterval(configuration).interval < configuration.resyncInterval)
        try await OperatorHarness.run(configuration: configuration) { harness in
            try await ServiceIntegrationReconcilerTests.createService(harness, "src-kafka")
            try await ServiceIntegrationReconcilerTests.createService(harness, "dst-connect")
            try await harness.withOperator {
                let eventually = OperatorHarness.eventually
                _ = try await harness.serviceIntegrationClient.create(ServiceIntegrationReconcilerTests.integration("join"))
                try await eventually("Ready") { try await harness.serviceIntegrationClient.get("join").status?.conditions?.first { $0.type == "Ready" }?.status == .true }
                let first = try #require(try await harness.serviceIntegrationClient.get("join").status?.id)

                try await harness.aiven.deleteServiceIntegration(project: OperatorHarness.project, id: first)
                try await eventually("noticed and created again") {
                    let id = try await harness.serviceIntegrationClient.get("join").status?.id
                    return id != nil && id != first
                }
                #expect(try await harness.events(about: "join").filter { $0.hasPrefix("Normal: Created") }.count == 2)
            }
        }
    }
}
