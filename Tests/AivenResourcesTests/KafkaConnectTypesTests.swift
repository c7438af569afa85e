import AivenResources
import Foundation
import KubeAPI
import Testing

/// The Swift types and the schema describe the same resource.
@Suite struct KafkaConnectTypesTests {
    let maximalObject: JSONValue = [
        "apiVersion": "aiven.io/v1alpha1",
        "kind": "KafkaConnect",
        "metadata": ["name": "kc", "namespace": "default"],
        "spec": SchemaSamples.maximal(KafkaConnect.specSchema),
        "status": SchemaSamples.maximal(KafkaConnect.statusSchema),
    ]

    @Test func everySchemaFieldRoundTripsThroughTheSwiftTypes() throws {
        let decoded = try JSONDecoder().decode(KafkaConnect.self, from: Data(maximalObject.jsonString.utf8))
        let encoded = try JSONParser().parse(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self))
        #expect(encoded == maximalObject)
    }

    @Test func noSwiftFieldExistsOutsideTheSchema() throws {
        let decoded = try JSONDecoder().decode(KafkaConnect.self, from: Data(maximalObject.jsonString.utf8))
        // Every optional stored property was filled from the schema-maximal document; one left nil
        // is a Swift field the schema does not have.
        var unset: [String] = []
        Self.collectNils(in: decoded.spec, path: "spec", into: &unset)
        Self.collectNils(in: decoded.status as Any, path: "status", into: &unset)
        #expect(unset == [])
    }

    static func collectNils(in value: Any, path: String, into unset: inout [String]) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else {
                unset.append(path)
                return
            }
            collectNils(in: wrapped, path: path, into: &unset)
            return
        }
        switch mirror.displayStyle {
        case .struct?:
            for child in mirror.children {
                collectNils(in: child.value, path: "\(path).\(child.label ?? "?")", into: &unset)
            }
        case .collection?:
            if let first = mirror.children.first { collectNils(in: first.value, path: "\(path)[0]", into: &unset) }
        default:
            return
        }
    }

    @Test func theUsageExampleDecodes() throws {
        let document = try #require(try YAMLDocuments.load(KafkaConnect.usageExample).first)
        let resource = try JSONDecoder().decode(KafkaConnect.self, from: Data(document.jsonString.utf8))
        #expect(resource.metadata.name == "my-kafka-connect")
        #expect(resource.spec.plan == "business-4")
        #expect(resource.spec.authSecretRef == SecretKeyReference(name: "aiven-token", key: "token"))
        #expect(resource.spec.userConfig?.kafkaConnect?.consumerIsolationLevel == "read_committed")
        #expect(resource.spec.userConfig?.ipFilter == [IPFilterEntry(network: "0.0.0.0/32", description: "bar"), IPFilterEntry(network: "10.20.0.0/16")])
        #expect(KafkaConnect.apiVersion == "aiven.io/v1alpha1")
    }
}
