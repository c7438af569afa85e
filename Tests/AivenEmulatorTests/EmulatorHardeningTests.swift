import Foundation
import KubeAPI
import Logging
import NIOCore
import Testing

@testable import AivenEmulator

/// Hostile input over the wire: the emulator answers every request in Aiven's error shape,
/// never crashes, never half-applies a control change and never keeps silent connections.
@Suite struct EmulatorHardeningTests {
    static func withEmulator(
        host: String = "127.0.0.1", idleTimeout: Duration? = .seconds(1), _ body: (RunningAivenEmulator) async throws -> Void
    ) async throws {
        var quiet = Logger(label: "aiven-emulator")
        quiet.logLevel = .critical
        let emulator = try await AivenEmulator(
            configuration: AivenEmulatorConfiguration(host: host, tokens: [EmulatorToken("t")], idleTimeout: idleTimeout), logger: quiet
        ).start()
        do {
            try await body(emulator)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    static func call(_ emulator: RunningAivenEmulator, _ method: String, _ path: String, _ body: String? = nil) async throws -> (status: Int, json: JSONValue?) {
        let (status, text) = try await exchange(emulator, method: method, path: path, body: body)
        return (status, try? JSONParser().parse(Array(text.utf8)))
    }

    static func exchange(
        _ emulator: RunningAivenEmulator, host: String = "127.0.0.1", source: String? = nil, method: String, path: String, body: String? = nil,
        authorization: String? = nil
    ) async throws -> (status: Int, body: String) {
        let port = emulator.port
        return try await offThePool {
            try RawHTTPConnection.exchange(host: host, port: port, source: source, method: method, path: path, body: body, authorization: authorization)
        }
    }

    /// The `message` of an Aiven-shaped error body, checking the shape on the way.
    static func aivenError(_ json: JSONValue?, status: Int) -> String? {
        guard let json, let message = json["message"]?.stringValue, let first = json["errors"]?.arrayValue?.first,
            first["status"]?.integerValue == Int64(status), first["message"]?.stringValue == message
        else { return nil }
        return message
    }

    @Test(arguments: [
        #"{"hang_seconds": 1e300}"#, #"{"hang_seconds": 1e999}"#, #"{"hang_seconds": -1}"#, #"{"hang_seconds": "5"}"#,
        #"{"status": 200}"#, #"{"status": 1e300}"#, #"{"status": 500, "count": 0}"#, #"{"status": 500, "count": 1e300}"#,
        #"{"status": 429, "retry_after": 1e300}"#, #"{"status": 500, "drop": true}"#, #"{"drop": false}"#, #"{}"#,
        #"{"status": 500, "colour": "red"}"#, #"{"status": 500, "method": 5}"#, #"[]"#, #"{"#,
    ])
    func badFaultsAreA400AndAddNothing(body: String) async throws {
        try await Self.withEmulator { emulator in
            let response = try await Self.call(emulator, "POST", "/_emulator/faults", body)
            #expect(response.status == 400)
            #expect(Self.aivenError(response.json, status: 400) != nil)
            #expect(try await Self.call(emulator, "GET", "/_emulator/faults").json == ["faults": []])
        }
    }

    @Test(arguments: [
        #"{"requests": 2, "per_seconds": 1e300}"#, #"{"requests": 2, "per_seconds": 0}"#, #"{"requests": 2, "per_seconds": -5}"#,
        #"{"requests": 2, "per_seconds": "60"}"#, #"{"requests": 0}"#, #"{"requests": 1.5}"#, #"{"requests": 1e300}"#,
        #"{"requests": 2, "window": 5}"#, #"3"#,
    ])
    func badRateLimitsAreA400AndChangeNothing(body: String) async throws {
        try await Self.withEmulator { emulator in
            let response = try await Self.call(emulator, "PUT", "/_emulator/rate-limit", body)
            #expect(response.status == 400)
            #expect(Self.aivenError(response.json, status: 400) != nil)
            let setting = try await Self.call(emulator, "GET", "/_emulator/rate-limit").json
            #expect(setting?["requests"] == .null)
            #expect(setting?["per_seconds"]?.doubleValue == 60)
        }
    }

    @Test func aRateLimitStillWorks() async throws {
        try await Self.withEmulator { emulator in
            #expect(try await Self.call(emulator, "PUT", "/_emulator/rate-limit", #"{"requests": 2, "per_seconds": 3600}"#).status == 200)
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await Self.exchange(emulator, method: "GET", path: "/v1/project/p/service", authorization: "aivenv1 t").status)
            }
            #expect(statuses == [200, 200, 429])
        }
    }

    @Test func aFaultHangLongerThanTheIdleTimeoutIsStillAnswered() async throws {
        try await Self.withEmulator { emulator async throws in
            #expect(try await Self.call(emulator, "POST", "/_emulator/faults", #"{"path": "/v1/clouds", "hang_seconds": 1.5}"#).status == 200)
            #expect(try await Self.call(emulator, "GET", "/v1/clouds").status == 200)
        }
    }

    @Test(arguments: [("GET", "/v1/nothing-here"), ("DELETE", "/v1/clouds"), ("PATCH", "/v1/project/p/service"), ("GET", "/_emulator/nothing"), ("GET", "/")])
    func unknownRoutesAndMethodsAnswerInAivensShape(method: String, path: String) async throws {
        try await Self.withEmulator { emulator in
            let response = try await Self.call(emulator, method, path)
            #expect(response.status == 404)
            #expect(Self.aivenError(response.json, status: 404) == "Not Found")
        }
    }

    static let malformedBodies: [String: String] = [
        "100,000 open brackets": String(repeating: "[", count: 100_000),
        "objects 5,000 deep": "{\"tags\": " + String(repeating: "{\"a\":", count: 5000),
        "not UTF-8": "\u{FF}\u{FE}",
        "a number out of range": "{\"tags\": {\"a\": 1e999}}",
    ]

    @Test(arguments: malformedBodies.keys.sorted())
    func malformedBodiesAreA400(name: String) async throws {
        let body = try #require(Self.malformedBodies[name])
        try await Self.withEmulator { emulator in
            for path in ["/v1/project/p/service/x/tags", "/_emulator/project/p/service/x"] {
                let method = path.hasPrefix("/_emulator") ? "PATCH" : "PUT"
                let response = try await Self.exchange(emulator, method: method, path: path, body: body, authorization: "aivenv1 t")
                #expect([400, 404].contains(response.status))
            }
            #expect(try await Self.call(emulator, "GET", "/v1/clouds").status == 200)
        }
    }

    @Test func silentConnectionsAreClosed() async throws {
        try await Self.withEmulator { emulator in
            let port = emulator.port
            let closed = try await offThePool {
                let silent = try RawHTTPConnection(host: "127.0.0.1", port: port)
                let partial = try RawHTTPConnection(host: "127.0.0.1", port: port)
                try partial.send("GET /v1/clouds HTTP/1.1\r\nHost: x\r\n")
                return [silent.receive(seconds: 5).closed, partial.receive(seconds: 5).closed]
            }
            #expect(closed == [true, true])
        }
    }

    @Test func headersTrickledSlowlyAreCutOff() async throws {
        try await Self.withEmulator { emulator in
            let port = emulator.port
            let closed = try await offThePool {
                let slow = try RawHTTPConnection(host: "127.0.0.1", port: port)
                for byte in "GET /v1/clouds HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaa\r\n" {
                    if (try? slow.send(String(byte))) == nil || slow.receive(seconds: 0.25).closed { return true }
                }
                return false
            }
            #expect(closed)
            #expect(try await Self.call(emulator, "GET", "/v1/clouds").status == 200)
        }
    }

    @Test(.enabled(if: RawHTTPConnection.nonLoopbackIPv4 != nil, "needs a non-loopback IPv4 address"))
    func theControlAPIAnswersOnlyLoopbackClients() async throws {
        let address = try #require(RawHTTPConnection.nonLoopbackIPv4)
        try await Self.withEmulator(host: "0.0.0.0") { emulator in
            let remote = try await Self.exchange(emulator, host: address, source: address, method: "DELETE", path: "/_emulator/state")
            #expect(remote.status == 403)
            let message = Self.aivenError(try? JSONParser().parse(Array(remote.body.utf8)), status: 403)
            #expect(message?.contains("loopback") == true)
            let faults = try await Self.exchange(emulator, host: address, source: address, method: "POST", path: "/_emulator/faults", body: #"{"status": 500}"#)
            #expect(faults.status == 403)
            #expect(try await Self.call(emulator, "GET", "/_emulator/faults").json == ["faults": []])
            let api = try await Self.exchange(emulator, host: address, source: address, method: "GET", path: "/v1/clouds")
            #expect(api.status == 200)
        }
    }

    @Test func loopbackAddresses() throws {
        #expect(try SocketAddress(ipAddress: "127.0.0.1", port: 1).isLoopback)
        #expect(try SocketAddress(ipAddress: "127.3.2.1", port: 1).isLoopback)
        #expect(try SocketAddress(ipAddress: "::1", port: 1).isLoopback)
        #expect(try SocketAddress(ipAddress: "::ffff:127.0.0.1", port: 1).isLoopback)
        #expect(try !SocketAddress(ipAddress: "10.0.0.1", port: 1).isLoopback)
        #expect(try !SocketAddress(ipAddress: "::ffff:10.0.0.1", port: 1).isLoopback)
        #expect(try !SocketAddress(ipAddress: "fe80::1", port: 1).isLoopback)
    }
}
