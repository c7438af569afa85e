import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime
import Testing

@testable import AivenOperator

/// `KafkaConnector`'s pure parts: the `fromSecret` template, the redacted diff, how task states
/// read and that Secret values never reach a message.
@Suite struct KafkaConnectorKindTests {
    static let password = "s3cr3t-pa55"
    static let host = "pg.example.internal"

    static func secret(_ name: String, _ data: [String: String], version: String = "7") -> Secret {
        var metadata = ObjectMeta(name: name, namespace: "default")
        metadata.resourceVersion = version
        return Secret(metadata: metadata, data: data.mapValues { Data($0.utf8).base64EncodedString() })
    }

    static func dependencies(_ secrets: [Secret]) -> Dependencies {
        Dependencies(
            secret: { key in secrets.first { $0.metadata.name == key.name && key.namespace == "default" } },
            projectVPC: { _ in nil }
        )
    }

    static func connector(_ userConfig: [String: String]) -> KafkaConnector {
        KafkaConnector(
            metadata: ObjectMeta(name: "sink", namespace: "default"),
            spec: KafkaConnectorSpec(connectorClass: "io.aiven.connect.jdbc.JdbcSinkConnector", project: "p", serviceName: "kafka", userConfig: userConfig)
        )
    }

    static let userConfig = [
        "topics": "orders",
        "connection.url": #"jdbc:postgresql://{{ fromSecret "pg" "HOST"}}:5432/db"#,
        "connection.password": #"{{ fromSecret "pg" "PASSWORD" }}"#,
    ]

    static func desired(_ userConfig: [String: String] = userConfig, secrets: [Secret] = [secret("pg", ["HOST": host, "PASSWORD": password])]) async throws -> KafkaConnectorKind.Desired {
        try await KafkaConnectorKind().desired(for: connector(userConfig), dependencies: dependencies(secrets))
    }

    static func observed(_ config: [String: String], tasks: [KafkaConnectorStatusInfo.Task] = [.init(id: 0, state: "RUNNING")], state: String = "RUNNING") throws -> KafkaConnectorKind.Observed {
        let body: [String: AivenJSON] = ["name": .string("sink"), "config": .object(config.mapValues { .string($0) }), "tasks": .array([])]
        let info = try JSONDecoder().decode(KafkaConnectorInfo.self, from: Data(AivenJSON.object(body).jsonBytes))
        return KafkaConnectorKind.Observed(connector: info, status: KafkaConnectorStatusInfo(state: state, tasks: tasks))
    }

    @Test func placeholdersResolveFromSecretsAndTheConfigNamesTheConnector() async throws {
        let desired = try await Self.desired()
        #expect(desired.config == [
            "name": "sink", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "topics": "orders",
            "connection.url": "jdbc:postgresql://\(Self.host):5432/db", "connection.password": Self.password,
        ])
        #expect(KafkaConnectorKind().inputsVersion(of: desired) == "pg@7")
        #expect(!"\(desired)".contains(Self.password))
        #expect(ConnectorConfigTemplate.secrets(in: Self.userConfig) == ["pg"])
    }

    @Test func aConfigWithoutPlaceholdersHasNoInputs() async throws {
        let desired = try await Self.desired(["topics": "orders"], secrets: [])
        #expect(KafkaConnectorKind().inputsVersion(of: desired) == nil)
    }

    @Test func aMissingSecretOrKeyWaitsNamingTheSecret() async throws {
        do {
            _ = try await Self.desired(secrets: [])
            Issue.record("resolved without the Secret")
        } catch let waiting as Waiting {
            #expect(waiting.reason == "WaitingForSecret")
            #expect(waiting.message.contains("Secret pg"))
        }
        do {
            _ = try await Self.desired(secrets: [Self.secret("pg", ["HOST": Self.host])])
            Issue.record("resolved without the key")
        } catch let waiting as Waiting {
            #expect(waiting.message.contains("Secret pg has no key PASSWORD"))
            #expect(!waiting.message.contains(Self.host))
        }
    }

    @Test(arguments: [
        "{{ fromSecret \"pg\" }}", "{{ fromSecret pg HOST }}", "{{ env \"X\" }}", "{{ fromSecret \"pg\" \"HOST\"", "{{fromSecret\"pg\"\"HOST\"}}",
    ])
    func malformedTemplatesAreInvalidSpecs(value: String) async throws {
        await #expect(throws: InvalidSpec.self) { try await Self.desired(["x": value]) }
    }

    @Test func reservedKeysMustAgreeWithTheSpec() async throws {
        await #expect(throws: InvalidSpec.self) { try await Self.desired(["name": "other"], secrets: []) }
        _ = try await Self.desired(["name": "sink"], secrets: [])
    }

    @Test func theDiffShowsPlaceholdersNeverValues() async throws {
        let desired = try await Self.desired()
        var aiven = desired.config
        aiven["connection.password"] = "old-password"
        aiven["topics"] = "payments"
        aiven["leftover.secret"] = "leftover-\(Self.password)"
        let changes = KafkaConnectorKind().changes(desired: desired, observed: try Self.observed(aiven))
        #expect(changes.map(\.path) == ["config.connection.password", "config.leftover.secret", "config.topics"])
        let rendered = changes.map(\.description).joined(separator: "\n")
        #expect(!rendered.contains(Self.password))
        #expect(!rendered.contains("old-password"))
        #expect(rendered.contains(#"{{ fromSecret \"pg\" \"PASSWORD\" }}"#))
        #expect(rendered.contains(#""payments" → "orders""#))
        #expect(KafkaConnectorKind().changes(desired: desired, observed: try Self.observed(desired.config)).isEmpty)
    }

    @Test func aFailedTaskIsReportedWithItsScrubbedFirstLine() async throws {
        let desired = try await Self.desired()
        let trace = "org.apache.kafka.connect.errors.ConnectException: cannot log in with \(Self.password) at \(Self.host)\n\tat Foo.bar(Foo.java:1)"
        let observed = try Self.observed(desired.config, tasks: [.init(id: 0, state: "RUNNING"), .init(id: 1, state: "FAILED", trace: trace)])
        let health = KafkaConnectorKind().health(of: observed, desired: desired)
        #expect(!health.ready)
        #expect(health.reason == "TaskFailed")
        #expect(health.message.hasPrefix("1 of 2 tasks FAILED; task 1: org.apache.kafka.connect.errors.ConnectException: cannot log in with (redacted) at (redacted). Restart it with"))
        var status = KafkaConnectorStatus()
        KafkaConnectorKind().record(observed, in: &status)
        #expect(status.state == "RUNNING")
        #expect(status.tasks == [.init(id: 0, state: "RUNNING"), .init(id: 1, state: "FAILED")])
        #expect(status.tasksStatus == .init(total: 2, running: 1, failed: 1, paused: 0, unassigned: 0, unknown: 0, stackTrace: "org.apache.kafka.connect.errors.ConnectException"))

        let recovered = try Self.observed(desired.config, tasks: [.init(id: 0, state: "RUNNING"), .init(id: 1, state: "RUNNING")])
        #expect(KafkaConnectorKind().health(of: recovered, desired: desired) == Health(ready: true, reason: "Running", message: "Connector is RUNNING with 2/2 tasks running"))
    }

    @Test func aivenMessagesAreScrubbed() async throws {
        let desired = try await Self.desired()
        let error = KafkaConnectorKind.scrubbed(.invalid(message: "Invalid value \(Self.password) for connection.password"), desired.resolved)
        #expect(error == .invalid(message: "Invalid value (redacted) for connection.password"))
    }

    @Test func aReadyConnectorIsLookedAtEveryConnectorStatusIntervalOtherKindsAtTheResync() {
        let configuration = OperatorConfiguration(resyncInterval: .seconds(600), connectorStatusInterval: .seconds(60))
        #expect(KafkaConnectorKind().readyInterval(configuration) == ResyncInterval(.seconds(60)))
        #expect(KafkaTopicKind().recheckInterval(configuration) == ResyncInterval(.seconds(600)))
        let shortResync = OperatorConfiguration(resyncInterval: .seconds(30), connectorStatusInterval: .seconds(60))
        #expect(KafkaConnectorKind().readyInterval(shortResync) == ResyncInterval(.seconds(30)))
    }
}
