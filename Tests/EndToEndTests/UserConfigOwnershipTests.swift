import Foundation
import KubeAPI
import TestSupport
import Testing

/// The operator against the emulator's Aiven-like `user_config` (its default): Aiven's defaults,
/// merged updates and hidden secrets are not drift; owned options are still reset and corrected.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct UserConfigOwnershipTests {
    static let defaultFilter: Set<String> = ["0.0.0.0/0", "::/0"]

    /// The networks of the service's `ip_filter`, strings or objects alike.
    static func networks(_ service: JSONValue?) -> Set<String> {
        Set(service?["user_config"]?["ip_filter"]?.arrayValue?.compactMap { $0.stringValue ?? $0["network"]?.stringValue } ?? [])
    }

    static func secure(ipFilter: Bool) -> String {
        KafkaConnectLifecycleTests.manifest("secure", spec: """
            userConfig:
              kafka_connect: {consumer_isolation_level: read_committed}
            \(ipFilter ? "  ip_filter: [{network: 10.0.0.0/8}]" : "")
              secret_providers:
                - name: vault
                  vault: {address: "https://vault.example.com", auth_method: token, token: s3cr3t-vault-token}
                - name: aws
                  aws: {auth_method: credentials, region: eu-west-1, access_key: AKIAEXAMPLE, secret_key: s3cr3t-aws-key}
            """)
    }

    /// Reasons of the events about `name`.
    static func eventReasons(_ dev: DevEnvironment, _ name: String) async throws -> [String] {
        let events = await try dev.kubectl.must(["get", "events", "--field-selector", "involvedObject.name=\(name)", "-o", "json"])
        let list = try JSONParser().parse(events.stdout)
        return list["items"]?.arrayValue?.compactMap { $0["reason"]?.stringValue } ?? []
    }

    /// Routes the emulator served since its request log was cleared, with counts.
    static func routes(_ dev: DevEnvironment) async throws -> [String: Int] {
        let (_, body) = try await dev.aiven("GET", "/_emulator/requests")
        return (body["by_route"]?.objectValue ?? [:]).compactMapValues { $0.integerValue.map(Int.init) }
    }

    @Test func idleResyncsWriteNothingAndOwnedOptionsAreStillResetAndCorrected() async throws {
        let dev = try await DevEnvironment(resyncInterval: 1)
        defer { dev.stop() }
        #expect(try await dev.aiven("GET", "/_emulator/user-config-mode").body == ["mode": "like-aiven"])
        let seed = KafkaConnectLifecycleTests.example
        let noFilter = seed
            .replacingOccurrences(of: "name: my-kafka-connect", with: "name: no-filter")
            .components(separatedBy: "    ip_filter:")[0]
        await try dev.apply(seed)
        await try dev.apply(noFilter)
        await try dev.apply(Self.secure(ipFilter: true))
        let names = ["my-kafka-connect", "no-filter", "secure"]
        for name in names { try await dev.waitUntilReady(name) }

        // Aiven filled in its default and hides the secrets: neither is the operator's business.
        #expect(Self.networks(try await dev.service("my-aiven-project", "no-filter")) == Self.defaultFilter)
        let secure = try #require(try await dev.service("e2e", "secure"))
        #expect(!secure.jsonString.contains("s3cr3t"))
        #expect(secure["user_config"]?["secret_providers"]?.arrayValue?.count == 2)
        let record = await try #require(try dev.get("kafkaconnect", "secure")?["status"]?["appliedUserConfig"])
        #expect(record["options"] == ["ip_filter", "kafka_connect.consumer_isolation_level", "secret_providers"])
        #expect(record["secretsHash"]?.stringValue?.count == 64)
        await #expect(try dev.get("kafkaconnect", "secure")?["status"]?.jsonString.contains("s3cr3t") == false)

        // Many resyncs of each resource: reads only.
        _ = try await dev.aiven("DELETE", "/_emulator/requests")
        try await dev.eventually("ten resyncs of each resource") {
            try await Self.routes(dev)["GET /v1/project/{project}/service/{service_name}", default: 0] >= 10 * names.count
        }
        let writes = try await Self.routes(dev).filter { !$0.key.hasPrefix("GET ") && !$0.key.contains("/_emulator/") }
        #expect(writes == [:], "idle resyncs wrote to Aiven")
        for name in names {
            let reasons = await try Self.eventReasons(dev, name)
            #expect(!reasons.contains("DriftCorrected") && !reasons.contains("Updated"), "\(name): \(reasons)")
            await #expect(try dev.condition(name, "Ready")?["status"] == "True")
        }

        // A console change to an owned option is corrected; Aiven's own options are not touched.
        let change = try await dev.aiven("PATCH", "/_emulator/project/my-aiven-project/service/no-filter", body: [
            "user_config": ["kafka_connect": ["consumer_isolation_level": "read_uncommitted"], "ip_filter": ["192.168.0.0/16"]],
        ])
        #expect(change.status == 200)
        try await dev.eventually("the console change to be corrected") {
            let service = try await dev.service("my-aiven-project", "no-filter")
            return service?["user_config"]?["kafka_connect"]?["consumer_isolation_level"] == "read_committed"
                && service?["user_config"]?["public_access"]?["kafka_connect"] == true
        }
        #expect(Self.networks(try await dev.service("my-aiven-project", "no-filter")) == ["192.168.0.0/16"], "ip_filter is not in the spec: not owned")
        await #expect(try Self.eventReasons(dev, "no-filter").contains("DriftCorrected"))

        // Removing an owned option resets it to Aiven's default; the secrets stay applied.
        await try dev.apply(Self.secure(ipFilter: false))
        try await dev.eventually("the removed ip_filter to be reset") {
            Self.networks(try await dev.service("e2e", "secure")) == Self.defaultFilter
        }
        try await dev.eventually("the record to drop ip_filter") {
            await try dev.get("kafkaconnect", "secure")?["status"]?["appliedUserConfig"]?["options"] == ["kafka_connect.consumer_isolation_level", "secret_providers"]
        }
        #expect(try await dev.service("e2e", "secure")?["user_config"]?["secret_providers"]?.arrayValue?.count == 2)
        #expect(!dev.stop().contains("s3cr3t"), "a secret option leaked into the operator's log")
    }
}
