import Foundation
import KubeAPI
import TestSupport
import Testing

/// `ServiceIntegrationEndpoint` on `dev`, driven with kubectl: each usage example of the reference
/// page applies unchanged and reaches Ready, and a `ServiceIntegration` joins a `KafkaConnect`
/// service to an external PostgreSQL endpoint — Aiven's `kafka_connect_postgresql` integration,
/// whose source is the endpoint and destination the Kafka Connect service. The endpoint's
/// password appears in no log line (debug level), event or status.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct IntegrationEndpointsEndToEndTests {
    static let password = "SENTINEL-EXT-PG-7731"

    /// The ```yaml blocks of the reference page (`Fixtures/reference-serviceintegrationendpoint.md`,
    /// a copy of the reference operator's page), as a user copies them.
    static var referenceExamples: [String] {
        get throws { try ReferencePage.examples("serviceintegrationendpoint") }
    }

    func ready(_ dev: DevEnvironment, _ resource: String, _ name: String) async throws -> JSONValue? {
        await try dev.get(resource, name)?["status"]?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
    }

    func waitUntilReady(_ dev: DevEnvironment, _ resource: String, _ name: String) async throws {
        try await dev.eventually("\(resource)/\(name) Ready", timeout: .seconds(120)) {
            await try ready(dev, resource, name)?["status"]?.stringValue == "True"
        }
    }

    @Test func everyReferenceExampleAppliesUnchangedAndIsReadyThenGone() async throws {
        let examples = try Self.referenceExamples
        #expect(examples.count == 3)
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        for example in examples {
            let type = try #require(example.split(separator: "\n").first { $0.contains("endpointType:") }?.split(separator: " ").last.map(String.init))
            await try dev.apply(example)
            try await waitUntilReady(dev, "serviceintegrationendpoint", "my-service-integration-endpoint")
            let id = try #require(await try dev.get("serviceintegrationendpoint", "my-service-integration-endpoint")?["status"]?["id"]?.stringValue)
            let (status, body) = try await dev.aiven("GET", "/v1/project/aiven-project-name/integration_endpoint/\(id)")
            #expect(status == 200 && body[path: ["service_integration_endpoint", "endpoint_type"]]?.stringValue == type, "\(type): \(body.jsonString)")
            let columns = await try dev.kubectl.must(["get", "serviceintegrationendpoints", "my-service-integration-endpoint", "--no-headers"]).stdout
            #expect(columns.split(whereSeparator: \.isWhitespace) == ["my-service-integration-endpoint", "aiven-project-name", Substring(body[path: ["service_integration_endpoint", "endpoint_name"]]?.stringValue ?? ""), Substring(type), Substring(id)], "\(columns)")
            await try dev.kubectl.must(["delete", "serviceintegrationendpoint", "my-service-integration-endpoint", "--timeout=60s"])
            #expect(try await dev.aiven("GET", "/v1/project/aiven-project-name/integration_endpoint/\(id)").status == 404)
        }
    }

    @Test func aKafkaConnectServiceIntegratesWithAnExternalPostgreSQLWithoutShowingItsPassword() async throws {
        let dev = try await DevEnvironment()
        defer { dev.stop() }
        let kafkaConnect = try String(contentsOf: DevEnvironment.repositoryRoot.appendingPathComponent("examples/kafkaconnect.yaml"), encoding: .utf8)
        await try dev.apply(kafkaConnect + """
            ---
            apiVersion: aiven.io/v1alpha1
            kind: ServiceIntegrationEndpoint
            metadata:
              name: external-pg
            spec:
              authSecretRef:
                name: aiven-token
                key: token
              project: my-aiven-project
              endpointName: external-pg
              endpointType: external_postgresql
              externalPostgresql:
                username: sink
                password: \(Self.password)
                host: pg.example.com
                port: 5432
                ssl_mode: require

            """)
        try await waitUntilReady(dev, "serviceintegrationendpoint", "external-pg")
        let id = try #require(await try dev.get("serviceintegrationendpoint", "external-pg")?["status"]?["id"]?.stringValue)
        await try dev.apply("""
            apiVersion: aiven.io/v1alpha1
            kind: ServiceIntegration
            metadata:
              name: external-pg-to-connect
            spec:
              authSecretRef:
                name: aiven-token
                key: token
              project: my-aiven-project
              integrationType: kafka_connect_postgresql
              sourceEndpointID: \(id)
              destinationServiceName: my-kafka-connect

            """)
        try await waitUntilReady(dev, "serviceintegration", "external-pg-to-connect")
        let integrationId = try #require(await try dev.get("serviceintegration", "external-pg-to-connect")?["status"]?["id"]?.stringValue)
        let (status, body) = try await dev.aiven("GET", "/v1/project/my-aiven-project/integration/\(integrationId)")
        #expect(status == 200)
        #expect(body[path: ["service_integration", "source_endpoint_id"]]?.stringValue == id)
        #expect(body[path: ["service_integration", "dest_service"]]?.stringValue == "my-kafka-connect")

        let resources = await try dev.kubectl.must(["get", "serviceintegrationendpoints,serviceintegrations", "-o", "jsonpath={.items[*].status}"]).stdout
        let events = await try dev.kubectl.must(["get", "events", "-A", "-o", "json"]).stdout
        #expect(!events.contains("\"Warning\""), "\(events)")
        await try dev.kubectl.must(["delete", "serviceintegration", "external-pg-to-connect", "--timeout=60s"])
        await try dev.kubectl.must(["delete", "serviceintegrationendpoint", "external-pg", "--timeout=60s"])
        #expect(try await dev.aiven("GET", "/v1/project/my-aiven-project/integration_endpoint/\(id)").status == 404)
        let log = dev.stop()
        #expect(log.contains("debug"), "the log is at debug level")
        for (output, text) in [("the log", log), ("events", events), ("status", resources)] {
            #expect(!text.contains(Self.password), "the endpoint's password appears in \(output)")
        }
    }
}
