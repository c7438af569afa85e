import KubeAPI
import AivenClient
import Foundation
import Testing

/// The emulator's HTTP surface with raw bodies: Aiven's error shape, no crashes.
@Suite struct EmulatorWireTests {
    func errorBody(_ response: AivenResponse) throws -> (message: String, status: Int) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        return (try #require(object["message"] as? String), try #require(errors.first?["status"] as? Int))
    }

    @Test(arguments: ["{", "[1,2", "not json", "{\"service_name\": }", "\u{00}\u{01}"])
    func malformedJSONIsA400(body: String) async throws {
        try await EmulatorHarness.run { harness in
            let response = try await harness.raw(.post, "/v1/project/p/service?limit=999", body: body)
            #expect(response.status == 400)
            #expect(try errorBody(response).status == 400)
        }
    }

    @Test func wrongTypesAreA400AndHugeBodiesA413() async throws {
        try await EmulatorHarness.run { harness in
            let array = try await harness.raw(.post, "/v1/project/p/service", body: "[]")
            #expect(try errorBody(array).message == "Invalid input: [] is not of type 'object'")
            let name = try await harness.raw(.post, "/v1/project/p/service", body: #"{"service_name": 5, "service_type": "kafka_connect", "plan": "startup-4"}"#)
            #expect(try errorBody(name).message == "Invalid input for service_name: 5 is not of type 'string'")
            let huge = String(repeating: " ", count: 2 * 1024 * 1024)
            let tooBig = try await harness.raw(.put, "/v1/project/p/service/x/tags", body: "{\"tags\":{}}" + huge)
            #expect(tooBig.status == 413)
            let empty = try await harness.raw(.put, "/v1/project/p/service/x/tags")
            #expect(empty.status == 400)
            #expect(try await harness.raw(.get, "/v1/project/p/service").status == 200)
        }
    }

    @Test func missingTokenIsInvalidInAivensShape() async throws {
        try await EmulatorHarness.run { harness in
            let response = try await harness.raw(.get, "/v1/project/p/service", token: "")
            #expect(response.status == 401)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"errors":[{"message":"Invalid token","status":401}],"message":"Invalid token"}"#)
        }
    }

    @Test func limitIsAcceptedOnEveryMethod() async throws {
        try await EmulatorHarness.run { harness in
            let created = try await harness.raw(.post, "/v1/project/p/service?limit=999", body: #"{"service_name":"kc","service_type":"kafka_connect","plan":"startup-4"}"#)
            #expect(created.status == 200)
            #expect(try await harness.raw(.put, "/v1/project/p/service/kc/tags?limit=999", body: #"{"tags":{"a":"1"}}"#).status == 200)
            #expect(try await harness.raw(.patch, "/v1/project/p/service/kc/tags?limit=999", body: #"{"tags":{"a":null}}"#).status == 200)
            #expect(try await harness.raw(.delete, "/v1/project/p/service/kc?limit=999").status == 200)
        }
    }

    @Test func requestLogCountsByRouteTemplate() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", .kafkaConnect("a"))
            _ = try await client.createService(project: "q", .kafkaConnect("b"))
            _ = try await client.getService(project: "p", name: "a")
            let summary = try await harness.control(.get, "/_emulator/requests")
            #expect(summary["total"] as? Int == 3)
            #expect(summary["by_route"] as? [String: Int] == [
                "POST /v1/project/{project}/service": 2,
                "GET /v1/project/{project}/service/{service_name}": 1,
            ])
        }
    }

    @Test func consoleChangesShowUpInReads() async throws {
        try await EmulatorHarness.run { harness in
            let client = harness.client()
            _ = try await client.createService(project: "p", .kafkaConnect("kc"))
            try await harness.control(.patch, "/_emulator/project/p/service/kc", #"{"plan": "premium-8", "state": "RUNNING", "user_config": {"service_log": true}}"#)
            let service = try await client.getService(project: "p", name: "kc")
            #expect(service.plan == "premium-8")
            #expect(service.state == .running)
            #expect(service.userConfig == ["service_log": true])
        }
    }
}
