import Foundation
import KubeAPI
import Testing

/// The probe's out-of-bounds requests: a disk size past 2⁶³, a project named `..` and a 20 MB
/// body. Each is refused in Aiven's error shape and creates nothing.
@Suite struct EmulatorBoundsTests {
    typealias Hardening = EmulatorHardeningTests

    static func service(diskSpace: String) -> String {
        #"{"service_name": "k", "service_type": "kafka", "plan": "business-4", "cloud": "google-europe-west1", "disk_space_mb": \#(diskSpace)}"#
    }

    @Test(arguments: ["9223372036854775808", "18446744073709551616", "1e300"])
    func diskSizesPast2To63AreRefused(diskSpace: String) async throws {
        try await Hardening.withEmulator { emulator in
            let created = try await Hardening.exchange(emulator, method: "POST", path: "/v1/project/p/service", body: Self.service(diskSpace: diskSpace), authorization: "aivenv1 t")
            #expect(created.status == 400, "\(created.body)")
            let message = Hardening.aivenError(try? JSONParser().parse(Array(created.body.utf8)), status: 400) ?? ""
            #expect(message.contains("is greater than the maximum of 9223372036854775807"), "\(message)")
            let listed = try await Hardening.exchange(emulator, method: "GET", path: "/v1/project/p/service", authorization: "aivenv1 t")
            #expect(!listed.body.contains("\"service_name\": \"k\"") && !listed.body.contains("\"service_name\":\"k\""), "nothing was created")
        }
    }

    @Test(arguments: ["/v1/project/../service", "/v1/project/%2E%2E/service", "/v1/project/a%2Fb/service", "/v1/project/" + String(repeating: "p", count: 64) + "/service"])
    func projectNamesAivenCannotHaveAreRefused(path: String) async throws {
        try await Hardening.withEmulator { emulator in
            let created = try await Hardening.exchange(emulator, method: "POST", path: path, body: Self.service(diskSpace: "null"), authorization: "aivenv1 t")
            #expect([400, 404].contains(created.status), "\(created.body)")
            #expect(created.status != 200)
            let message = Hardening.aivenError(try? JSONParser().parse(Array(created.body.utf8)), status: created.status)
            #expect(message != nil, "Aiven's error shape: \(created.body)")
            let read = try await Hardening.exchange(emulator, method: "GET", path: path, authorization: "aivenv1 t")
            #expect(read.status != 200, "nothing to list in such a project: \(read.body.prefix(300))")
        }
    }

    @Test func aTwentyMegabyteBodyIs413() async throws {
        try await Hardening.withEmulator(idleTimeout: .seconds(10)) { emulator in
            let body = #"{"tags": {"a": ""# + String(repeating: "x", count: 20 * 1024 * 1024) + #""}}"#
            let answer = try await Hardening.exchange(emulator, method: "PUT", path: "/v1/project/p/service/x/tags", body: body, authorization: "aivenv1 t")
            #expect(answer.status == 413, "\(answer.body.prefix(300))")
            #expect(Hardening.aivenError(try? JSONParser().parse(Array(answer.body.utf8)), status: 413)?.hasPrefix("Request Entity Too Large") == true)
            #expect(try await Hardening.call(emulator, "GET", "/v1/clouds").status == 200, "the emulator is still up")
        }
    }
}
