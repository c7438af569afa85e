import Foundation
import KubeAPI
import Testing

/// Bodies in `application/vnd.kubernetes.protobuf`, as client-go's typed clients send them (Helm
/// 4 stores its releases in Secrets this way): created, updated and deleted as their JSON twins
/// would be; other kinds refused with 415, malformed bodies with 400.
@Suite struct ProtobufBodyTests {
    static let protobuf = "application/vnd.kubernetes.protobuf"
    static let secrets = "/api/v1/namespaces/default/secrets"

    /// The few protobuf encodings a request needs: a length-delimited field and a varint field.
    static func field(_ number: Int, _ bytes: [UInt8]) -> [UInt8] { varint(UInt64(number << 3 | 2)) + varint(UInt64(bytes.count)) + bytes }
    static func field(_ number: Int, _ text: String) -> [UInt8] { field(number, Array(text.utf8)) }
    static func field(_ number: Int, varint value: UInt64) -> [UInt8] { varint(UInt64(number << 3)) + varint(value) }
    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        return bytes + [UInt8(value)]
    }

    /// `k8s\0`, then runtime.Unknown{typeMeta, raw}.
    static func envelope(apiVersion: String, kind: String, _ raw: [UInt8]) -> [UInt8] {
        [0x6B, 0x38, 0x73, 0x00] + field(1, field(1, apiVersion) + field(2, kind)) + field(2, raw)
    }

    /// A Secret as gogo-protobuf writes it: empty strings and an empty creationTimestamp
    /// included, a label, a binary data value, a managed fields entry.
    static func secret(resourceVersion: String = "", data: [UInt8]) -> [UInt8] {
        let managed = field(1, "helm") + field(2, "Update") + field(3, "v1") + field(4, field(1, varint: 1_796_672_340)) + field(6, "FieldsV1")
            + field(7, field(1, #"{"f:data":{"f:release":{}}}"#))
        let metadata = field(1, "sh.helm.release.v1.demo.v1") + field(2, "") + field(3, "") + field(6, resourceVersion) + field(7, varint: 0) + field(8, [])
            + field(11, field(1, "owner") + field(2, "helm")) + field(17, managed)
        return envelope(apiVersion: "v1", kind: "Secret", field(1, metadata) + field(2, field(1, "release") + field(2, data)) + field(3, "helm.sh/release.v1"))
    }

    @Test func aSecretIsCreatedUpdatedAndDeletedFromProtobuf() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let created = try await server.request("POST", Self.secrets, contentType: Self.protobuf, bytes: Self.secret(data: [0xFF, 0x00, 0x7F]))
        #expect(created.code == 201, "\(created.body)")
        #expect(created.body[path: ["metadata", "name"]] == "sh.helm.release.v1.demo.v1")
        #expect(created.body[path: ["metadata", "labels"]] == ["owner": "helm"])
        #expect(created.body[path: ["data", "release"]] == .string(Data([0xFF, 0x00, 0x7F]).base64EncodedString()))
        #expect(created.body["type"] == "helm.sh/release.v1")
        #expect(created.body[path: ["metadata", "generation"]] == nil, "zero is absent, as in JSON")
        let version = try #require(created.body[path: ["metadata", "resourceVersion"]]?.stringValue)

        let path = Self.secrets + "/sh.helm.release.v1.demo.v1"
        let updated = try await server.request("PUT", path, contentType: Self.protobuf, bytes: Self.secret(resourceVersion: version, data: Array("v2".utf8)))
        #expect(updated.code == 200, "\(updated.body)")
        #expect(updated.body[path: ["data", "release"]] == .string(Data("v2".utf8).base64EncodedString()))
        let stale = try await server.request("PUT", path, contentType: Self.protobuf, bytes: Self.secret(resourceVersion: version, data: []))
        #expect(stale.code == 409, "the resourceVersion was read")

        // DeleteOptions{preconditions{resourceVersion}}: a stale one refuses the delete.
        let staleDelete = Self.envelope(apiVersion: "v1", kind: "DeleteOptions", Self.field(2, Self.field(2, version)))
        #expect(try await server.request("DELETE", path, contentType: Self.protobuf, bytes: staleDelete).code == 409)
        let delete = Self.envelope(apiVersion: "v1", kind: "DeleteOptions", Self.field(4, "Background"))
        #expect(try await server.request("DELETE", path, contentType: Self.protobuf, bytes: delete).code == 200)
        #expect(try await server.request("GET", path).code == 404)
    }

    @Test func otherKindsAreUnsupportedAndBrokenBodiesBadRequests() async throws {
        let server = try await RunningLocalKube.start()
        defer { Task { await server.stop() } }
        let deployment = Self.envelope(apiVersion: "apps/v1", kind: "Deployment", Self.field(1, Self.field(1, "web")))
        let refused = try await server.request("POST", "/apis/apps/v1/namespaces/default/deployments", contentType: Self.protobuf, bytes: deployment)
        #expect(refused.code == 415)
        #expect(refused.body["message"] == "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml")

        let truncated = Array(Self.secret(data: [1, 2, 3]).dropLast(2))
        let broken = try await server.request("POST", Self.secrets, contentType: Self.protobuf, bytes: truncated)
        #expect(broken.code == 400)
        #expect(broken.body["reason"] == "BadRequest")
        let notProtobuf = try await server.request("POST", Self.secrets, contentType: Self.protobuf, rawBody: #"{"kind":"Secret"}"#)
        #expect(notProtobuf.code == 400)
    }
}
