import Foundation
import Testing
import KubeAPI

/// Secret, Lease, Event and Namespace decode from and encode to the apiserver's JSON.
struct BuiltInKindsTests {
    @Test func secretAndLeaseRoundTrip() throws {
        let secret = try JSONDecoder().decode(Secret.self, from: Data(#"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":"dg=="},"type":"Opaque"}"#.utf8))
        #expect(secret.data == ["k": "dg=="])
        #expect(secret.metadata.name == "s")
        let lease = Lease(metadata: ObjectMeta(name: "leader"), spec: Lease.Spec(holderIdentity: "a", leaseDurationSeconds: 15, renewTime: "2026-01-01T00:00:00.123456Z"))
        let json = try JSONParser().parse(Array(try JSONEncoder().encode(lease)))
        #expect(json["apiVersion"] == "coordination.k8s.io/v1")
        #expect(json[path: ["spec", "renewTime"]] == "2026-01-01T00:00:00.123456Z")
        #expect(try JSONDecoder().decode(Lease.self, from: Data(json.jsonBytes)) == lease)
    }

    @Test func eventsAndNamespacesKnowTheirPaths() throws {
        #expect(Event.apiVersion == "v1")
        #expect(Lease.apiVersion == "coordination.k8s.io/v1")
        #expect(!Namespace.namespaced)
        let event = Event(
            metadata: ObjectMeta(name: "e", namespace: "default"),
            involvedObject: Event.ObjectReference(apiVersion: "aiven.io/v1alpha1", kind: "KafkaConnect", name: "kc"),
            reason: "Created", message: "created"
        )
        let json = try JSONParser().parse(Array(try JSONEncoder().encode(event)))
        #expect(json[path: ["involvedObject", "kind"]] == "KafkaConnect")
        #expect(json["type"] == "Normal")
    }
}
