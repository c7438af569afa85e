import Foundation
import TestSupport
import Testing

/// `crd` and `docs` print exactly the committed artifacts.
@Suite struct GeneratorCommandTests {
    @Test(arguments: ["KafkaConnect", "kafkaconnects", "kafkaconnect"])
    func crdCommandPrintsTheCommittedCRD(kind: String) throws {
        let result = try OperatorProcess.run(["crd", kind])
        #expect(result.status == 0)
        let committed = try String(contentsOf: OperatorProcess.repositoryRoot.appendingPathComponent("deploy/crds/aiven.io_kafkaconnects.yaml"), encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test func docsCommandPrintsTheCommittedPage() throws {
        let result = try OperatorProcess.run(["docs", "KafkaConnect"])
        #expect(result.status == 0)
        let committed = try String(contentsOf: OperatorProcess.repositoryRoot.appendingPathComponent("docs/resources/kafkaconnect.md"), encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test func unknownKindIsAnError() throws {
        let result = try OperatorProcess.run(["docs", "Redis"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(#"unknown kind "Redis"; known kinds: KafkaConnect, ProjectVPC, Kafka, KafkaTopic, ServiceIntegration, KafkaConnector"#))
    }
}
