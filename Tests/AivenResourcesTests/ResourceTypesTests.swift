import AivenOperator
import AivenResources
import Foundation
import KubeAPI
import Testing

/// The Swift types and the schema describe the same resource, for every kind.
@Suite struct ResourceTypesTests {
    static func maximalObject(_ kind: ResourceKind) -> JSONValue {
        [
            "apiVersion": .string(kind.apiVersion),
            "kind": .string(kind.kind),
            "metadata": ["name": "x", "namespace": "default"],
            "spec": SchemaSamples.maximal(kind.rootSchema.properties["spec"]!),
            "status": SchemaSamples.maximal(kind.rootSchema.properties["status"]!),
        ]
    }

    /// Decodes the schema-maximal object into `type`, checks it encodes back identically and that
    /// no optional Swift property stayed unset (a Swift field the schema does not have).
    static func checkAgreement<R: KubeResource>(_ type: R.Type, _ kind: ResourceKind) throws {
        let object = maximalObject(kind)
        let decoded = try JSONDecoder().decode(type, from: Data(object.jsonString.utf8))
        let encoded = try JSONParser().parse(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self))
        #expect(encoded == object)
        // The clients' decoder reads the same object.
        let direct = try JSONValueDecoder().decode(type, from: Array(object.jsonString.utf8))
        #expect(try JSONParser().parse(String(decoding: try JSONEncoder().encode(direct), as: UTF8.self)) == object)
        var unset: [String] = []
        collectNils(in: decoded, path: kind.kind, into: &unset)
        #expect(unset.filter { !$0.contains(".metadata.") } == [])
    }

    /// Every kind of the catalog, each by the Swift type its definition names: a new kind is
    /// checked without being listed here.
    @Test(arguments: Operator.definitions.map(\.kind))
    func typesMatchTheSchema(_ kind: String) throws {
        let definition = try #require(Operator.definitions.first { $0.kind == kind })
        #expect(definition.swiftType.kind == kind)
        try Self.checkAgreement(definition.swiftType, definition)
    }

    @Test func thePipelineExamplesDecode() throws {
        let kafka = try Self.decode(Kafka.self, Kafka.usageExample)
        #expect(kafka.spec.connInfoSecretTarget == KafkaSpec.ConnInfoSecretTarget(annotations: ["foo": "bar"], labels: ["baz": "egg"], name: "kafka-secret", prefix: "MY_SECRET_PREFIX_"))
        #expect(kafka.spec.maintenanceWindowDow == .friday)
        let topic = try Self.decode(KafkaTopic.self, KafkaTopic.usageExample)
        #expect(topic.spec.topicName == "my-kafka-topic")
        #expect(topic.spec.partitions == 1)
        #expect(topic.spec.config?.minCleanableDirtyRatio == 0.2)
        let integration = try Self.decode(ServiceIntegration.self, ServiceIntegration.usageExample)
        #expect(integration.spec.integrationType == "kafka_connect")
        #expect(integration.spec.kafkaConnect?.kafkaConnect?.groupId == "connect")
        let connector = try Self.decode(KafkaConnector.self, KafkaConnector.usageExample)
        #expect(connector.spec.userConfig["connection.url"] == #"{{ fromSecret "os-secret" "OPENSEARCH_URI" }}"#)
    }

    static func decode<R: KubeResource>(_ type: R.Type, _ yaml: String) throws -> R {
        let document = try #require(try YAMLDocuments.load(yaml).first)
        return try JSONDecoder().decode(type, from: Data(document.jsonString.utf8))
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
