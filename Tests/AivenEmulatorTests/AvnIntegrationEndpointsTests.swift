import Foundation
import KubeAPI
import TestSupport
import Testing

/// `avn`'s integration-endpoint commands against the emulator (see ``AvnCompatibilityTests``).
extension AvnCompatibilityTests {
    @Test func integrationEndpointsCreateListIntegrateAndDelete() async throws {
        try await Self.withSession { avn in
            let password = "sentinel-ext-pg-password"
            let config = #"{"host": "db.example.com", "port": 5432, "username": "app", "password": "\#(password)", "ssl_mode": "require"}"#
            try await avn.avn(["service", "integration-endpoint-create", "--endpoint-name", "ext-pg", "--endpoint-type", "external_postgresql", "--user-config-json", config])
            // `-c` reads the type's schema from the endpoint types list.
            try await avn.avn(["service", "integration-endpoint-create", "--endpoint-name", "prom", "--endpoint-type", "prometheus", "-c", "basic_auth_username=scraper"])
            // The published schema refuses a port out of range, in the API's words.
            let refused = #"{"host": "db.example.com", "port": 70000, "username": "app"}"#
            try await avn.avn(["service", "integration-endpoint-create", "--endpoint-name", "bad", "--endpoint-type", "external_postgresql", "--user-config-json", refused], expect: 1)

            let table = try await avn.avn(["service", "integration-endpoint-list"])
            #expect(table.contains("ENDPOINT_ID") && table.contains("ext-pg") && table.contains("external_postgresql") && table.contains("prom"), "\(table)")
            let listed = try await avn.json(["service", "integration-endpoint-list"]).arrayValue ?? []
            #expect(listed.compactMap { $0["endpoint_name"]?.stringValue } == ["ext-pg", "prom"])
            let pg = try #require(listed.first { $0["endpoint_name"] == "ext-pg" })
            // Aiven masks the password in what it lists.
            #expect(pg[path: ["user_config", "password"]] == "<redacted>")
            #expect(!listed.description.contains(password))
            let id = try #require(pg["endpoint_id"]?.stringValue)

            // kafka_connect_postgresql joins the endpoint (source) to a Kafka Connect service;
            // kafka_connect does not take an endpoint.
            try await avn.avn(["service", "create", "connect", "-t", "kafka_connect", "--plan", "startup-4"])
            try await avn.avn(["service", "integration-create", "-t", "kafka_connect", "-S", id, "-d", "connect"], expect: 1)
            try await avn.avn(["service", "integration-create", "-t", "kafka_connect_postgresql", "-S", id, "-d", "connect"])
            let integrations = try await avn.integrations(of: "connect", type: "kafka_connect_postgresql")
            #expect(integrations.count == 1 && integrations.first?["source_endpoint_id"]?.stringValue == id)

            try await avn.avn(["service", "integration-endpoint-delete", id])
            #expect(try await avn.json(["service", "integration-endpoint-list"]).arrayValue?.compactMap { $0["endpoint_name"]?.stringValue } == ["prom"])
            #expect(try await avn.integrations(of: "connect", type: "kafka_connect_postgresql").isEmpty)
            try await avn.avn(["service", "integration-endpoint-delete", id], expect: 1)
        }
    }
}
