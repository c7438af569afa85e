import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import Testing

@testable import AivenOperator

/// Both `projectVpcId` and `projectVPCRef` set (issue 22): the reference operator's CRD accepts
/// it, so this one does too; `projectVpcId` wins, the referenced ProjectVPC is not waited for, and
/// the resource says so with a Warning event and in its `Initialized` condition.
@Suite(.timeLimit(.minutes(2)))
struct ProjectVPCAmbiguityTests {
    static let warning = "spec.projectVpcId and spec.projectVPCRef are both set"

    @Test(arguments: [KafkaConnect.kind, Kafka.kind])
    func theAdmissionSchemaAcceptsBoth(kind: String) throws {
        let definition = try #require(Operator.definitions.first { $0.kind == kind })
        let object: JSONValue = [
            "apiVersion": "aiven.io/v1alpha1", "kind": .string(kind), "metadata": ["name": "both"],
            "spec": ["project": "p", "plan": "business-4", "projectVpcId": "vpc-id", "projectVPCRef": ["name": "vpc"]],
        ]
        let admission = definition.schema.admit(object)
        #expect(admission.errors.isEmpty && admission.unknownFields.isEmpty, "\(admission.errors)")
    }

    @Test func kafkaSaysTheIdWinsToo() {
        let kafka = Kafka(
            metadata: ObjectMeta(name: "k", namespace: "default"),
            spec: KafkaSpec(plan: "startup-4", project: "p", projectVPCRef: ResourceReference(name: "vpc", namespace: "net"), projectVpcId: "id-1"))
        let warnings = ServiceKind<Kafka>().specWarnings(for: kafka)
        #expect(warnings.map(\.reason) == ["ProjectVPCAmbiguous"])
        #expect(warnings.first?.message.contains("spec.projectVpcId (id-1) wins and ProjectVPC net/vpc is ignored") == true)
        var single = kafka
        single.spec.projectVPCRef = nil
        #expect(ServiceKind<Kafka>().specWarnings(for: single).isEmpty)
    }

    @Test func theIdWinsWithAWarningUntilTheSpecIsUnambiguous() async throws {
        try await OperatorHarness.run { harness in
            let vpc = try await harness.aiven.createProjectVPC(
                project: OperatorHarness.project, ProjectVPCCreateRequest(cloudName: "google-europe-west1", networkCIDR: "10.3.0.0/24"))
            for _ in 0..<100 where try await harness.aiven.getProjectVPC(project: OperatorHarness.project, id: vpc.projectVPCId).state != "ACTIVE" {
                try await Task.sleep(for: .milliseconds(50))
            }
            // The ProjectVPC the reference names does not exist: were it used, the resource would wait.
            let both = OperatorHarness.kafkaConnect("both") {
                $0.projectVpcId = vpc.projectVPCId
                $0.projectVPCRef = ResourceReference(name: "absent")
            }
            try await ManagedReconcilerTests.ready(harness, both)
            #expect(try await harness.service("both")?.projectVPCId == vpc.projectVPCId)
            let events = try await harness.events(about: "both")
            let warnings = events.filter { $0.hasPrefix("Warning: ProjectVPCAmbiguous: \(Self.warning)") }
            #expect(warnings.count == 1, "\(events)")
            #expect(warnings.first?.contains("(\(vpc.projectVPCId)) wins and ProjectVPC absent is ignored") == true)
            #expect(try await harness.condition("both", "Initialized")?.message.contains(Self.warning) == true)

            // One field left: the next generation's condition no longer mentions it.
            var stored = try #require(try await harness.get("both"))
            stored.spec.projectVPCRef = nil
            _ = try await harness.kafkaConnectClient.replace(stored)
            try await harness.converge("both") { try await harness.get("both")?.status?.observedGeneration == 2 }
            let initialized = try await harness.condition("both", "Initialized")
            #expect(initialized?.message.contains(Self.warning) == false)
            #expect(initialized?.message.contains("is managed by this resource") == true)
        }
    }
}
