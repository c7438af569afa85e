import Foundation
import KubeAPI
import LocalKube
import Testing

/// Requests a hostile or careless client sends: out-of-range parameters, encoded names,
/// connections that never finish or are abandoned. Each gets a Status or a closed connection,
/// never a crash or a leak.
struct HostileInputTests {
    typealias Server = RunningLocalKube
    let path = Server.kafkaConnects

    @Test(arguments: [
        "?watch=1&timeoutSeconds=9223372036854775807",
        "?watch=1&timeoutSeconds=-1",
        "?watch=1&timeoutSeconds=abc",
        "?watch=1&resourceVersion=-5",
        "?limit=99999999999999999999",
        "?limit=ten",
    ])
    func numericParametersOutOfRangeGetABadRequestStatus(query: String) async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let answer = try await server.request("GET", path + query)
        #expect(answer.code == 400)
        #expect(answer.body["kind"] == "Status")
        #expect(answer.body["reason"] == "BadRequest")
        #expect(try await server.request("GET", "/healthz").code == 200, "the server is still up")
    }

    @Test func deleteRefusesANegativeGracePeriod() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        try await server.request("POST", path, body: Server.kafkaConnect("kc"))
        #expect(try await server.request("DELETE", path + "/kc?gracePeriodSeconds=-7").code == 400)
        #expect(try await server.request("DELETE", path + "/kc?gracePeriodSeconds=0").code == 200)
    }

    @Test func namesArePercentDecoded() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        #expect(try await server.request("POST", path, body: Server.kafkaConnect("kc-1")).code == 201)
        let encoded = try await server.request("GET", path + "/kc%2D1")
        #expect(encoded.code == 200)
        #expect(encoded.body[path: ["metadata", "name"]] == "kc-1")
        let slash = try await server.request("GET", "/api/v1/namespaces/default/secrets/a%2Fb")
        #expect(slash.code == 404)
        #expect(slash.body["message"] == #"secrets "a/b" not found"#)
    }

    @Test func connectionsThatNeverFinishTheirHeadersAreClosed() async throws {
        let server = try await Server.start { $0.idleTimeout = .milliseconds(500) }
        defer { Task { await server.stop() } }
        let silent = try RawConnection(port: server.port)
        let partial = try RawConnection(port: server.port)
        partial.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        let idle = try RawConnection(port: server.port)
        idle.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(await idle.receive(timeout: .seconds(30))?.isEmpty == false, "a complete request is answered")
        for (name, connection) in [("silent", silent), ("partial headers", partial), ("idle after a request", idle)] {
            #expect(await connection.waitUntilClosed(timeout: .seconds(30)), "the server closed the \(name) connection")
        }
    }

    @Test func aClosedConnectionEndsItsWatch() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        var connections: [RawConnection] = []
        for _ in 0..<20 {
            let connection = try RawConnection(port: server.port)
            connection.send("GET \(path)?watch=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await connection.receive(timeout: .seconds(30))?.isEmpty == false, "the watch started")
            connections.append(connection)
        }
        #expect(await server.kube.openWatches == 20)
        for connection in connections { connection.close() }
        // No event on the kind: only the closed connections can end the watchers.
        let deadline = ContinuousClock.now + .seconds(30)
        while await server.kube.openWatches > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(await server.kube.openWatches == 0)
    }

    @Test func settingTheDeletionTimestampBumpsTheGeneration() async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        var manifest = Server.kafkaConnect("held")
        manifest["metadata"]?["finalizers"] = ["example.com/hold"]
        #expect(try await server.request("POST", path, body: manifest).body[path: ["metadata", "generation"]] == 1)
        let deleting = try await server.request("DELETE", path + "/held")
        #expect(deleting.body[path: ["metadata", "deletionTimestamp"]] != nil)
        #expect(deleting.body[path: ["metadata", "generation"]] == 2)
        #expect(try await server.request("GET", path + "/held").body[path: ["metadata", "generation"]] == 2)
    }
}
