import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import TestSupport
import Testing

@testable import AivenOperator

/// `plan` and reconcile share one assessment: for a table of scenarios of every kind (absent,
/// present and equal, drifted, adopted, refused change, not owned, waiting for a dependency, token
/// Secret deleting, deleting with each policy), what `plan` prints (through the kind's
/// registration, as `aiven-operator plan --kubeconfig` runs it) is what the next reconcile then
/// does, read from the writes the emulator answered.
@Suite(.timeLimit(.minutes(2)))
struct PlanReconcileScenarioTests {
    /// Each kind's scenarios, by kind. The test runs them for every kind of the catalog, so a
    /// kind without its scenarios fails here.
    static let scenarios: [String: @Sendable (OperatorHarness) async throws -> Void] = [
        ServiceUser.kind: serviceUser,
        KafkaTopic.kind: kafkaTopic,
        KafkaConnect.kind: kafkaConnect,
        Kafka.kind: kafka,
        ProjectVPC.kind: projectVPC,
        ServiceIntegration.kind: serviceIntegration,
        ServiceIntegrationEndpoint.kind: serviceIntegrationEndpoint,
        KafkaConnector.kind: kafkaConnector,
        KafkaSchema.kind: kafkaSchema,
        PostgreSQL.kind: postgreSQL,
        KafkaACL.kind: kafkaACL,
        KafkaNativeACL.kind: kafkaNativeACL,
        KafkaSchemaRegistryACL.kind: kafkaSchemaRegistryACL,
    ]

    @Test(arguments: Operator.kinds.map(\.definition.kind))
    func planIsWhatReconcileDoes(kind: String) async throws {
        let scenario = try #require(Self.scenarios[kind], "no plan = reconcile scenarios for \(kind)")
        try await OperatorHarness.run { harness in try await scenario(harness) }
    }

    /// A token Secret being deleted stops every kind before anything is read from or sent to
    /// Aiven: for each kind's reference example, `plan` says it waits and reconcile does just that.
    @Test(arguments: Operator.kinds.map(\.definition.kind))
    func aTokenSecretBeingDeletedStopsEveryKind(kind: String) async throws {
        try await OperatorHarness.run { harness in
            let registration = try #require(Operator.kinds.first { $0.definition.kind == kind })
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            var held = ObjectMeta(name: "doomed", namespace: "default")
            held.finalizers = ["test.aiven.io/hold"]
            _ = try await secrets.create(Secret(metadata: held, stringData: ["token": OperatorHarness.token]))
            try await secrets.delete("doomed")
            var example = try #require(try YAMLDocuments.load(registration.definition.page.example).first { $0["kind"]?.stringValue == kind })
            example["metadata"]?["namespace"] = "default"
            example["spec"]?["authSecretRef"] = ["name": "doomed", "key": "token"]
            example["spec"]?["project"] = .string(OperatorHarness.project)
            let created = try await harness.client.resources(registration.resourceType, namespace: "default").create(example)
            let name = try #require(created[path: ["metadata", "name"]]?.stringValue)
            let before = try await harness.aivenRequests()
            try await Self.step(harness, kind, name, expect: { if case .wait(reason: "TokenSecretDeleting", _) = $0 { true } else { false } }, "token Secret deleting")
            #expect(try await harness.aivenRequests() == before, "nothing read from or sent to Aiven")
        }
    }

    /// The HTTP methods of the Aiven writes an action sends.
    static func writes(of action: Action) -> Set<String> {
        switch action {
        case .create: ["POST"]
        case .update, .correctDrift, .adopt: ["PUT"]
        case .delete: ["DELETE"]
        default: []
        }
    }

    /// Plans `name` of `kind` from its live object, then reconciles it once; checks the plan's
    /// action is `expected` and that the pass sent exactly the writes it implies.
    @discardableResult
    /// `sending`: the write methods the action takes for this kind when they are not the usual
    /// (``writes(of:)``), e.g. a KafkaSchema's update registers a version with a POST.
    static func step(
        _ harness: OperatorHarness, _ kind: String, _ name: String, expect expected: (Action) -> Bool, _ comment: Comment, sending: Set<String>? = nil
    ) async throws -> ChangePlan {
        let registration = try #require(Operator.kinds.first { $0.definition.kind == kind })
        let type = ResourceType(group: registration.access.group, version: "v1alpha1", plural: registration.access.plural, namespaced: true)
        var document = try await harness.client.resources(type, namespace: "default").get(name)
        document["status"] = nil
        let plan = try await registration.plan(document, PlanSources(kube: harness.client, defaultToken: nil, clients: harness.aivenClients))
        #expect(expected(plan.action), "\(comment): plan says \(plan.description)")
        let before = try await harness.aivenWrites()
        _ = try? await harness.reconcile(kind: kind, name)
        let after = try await harness.aivenWrites()
        let sent = Set(after.filter { (before[$0.key]?.integerValue ?? 0) < ($0.value.integerValue ?? 0) }.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(sent == sending ?? writes(of: plan.action), "\(comment): plan said \(plan.description), reconcile sent \(sent)")
        return plan
    }

    /// A service user's rotation and password change show as `password` without a value; the
    /// built-in `avnadmin` is retained, never deleted, and `plan` says so.
    static func serviceUser(_ harness: OperatorHarness) async throws {
        let users = harness.client.resources(ServiceUser.self, namespace: "default")
        let secrets = harness.client.resources(Secret.self, namespace: "default")
        _ = try await users.create(ServiceUserReconcilerTests.user("app"))
        try await Self.step(harness, ServiceUser.kind, "app", expect: { if case .wait = $0 { true } else { false } }, "waiting for its service")
        try await KafkaReconcilerTests.createKafkaOnAiven(harness)
        try await Self.step(harness, ServiceUser.kind, "app", expect: { $0 == .create }, "absent")
        try await Self.step(harness, ServiceUser.kind, "app", expect: { $0 == .inSync }, "present")
        var annotated = try await users.get("app")
        annotated.metadata.annotations = [OperatorAnnotations.rotateCredentials: "1"]
        _ = try await users.replace(annotated)
        let rotation = try await Self.step(harness, ServiceUser.kind, "app", expect: { $0.changes.map(\.path) == ["password"] }, "a rotation")
        #expect(rotation.description.contains("update service user harness/my-kafka/app"), "\(rotation.description)")
        try await Self.step(harness, ServiceUser.kind, "app", expect: { $0 == .inSync }, "rotated once")
        let password = try #require(try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "app").password)
        #expect(!rotation.description.contains(password))
        try await users.delete("app")
        try await Self.step(harness, ServiceUser.kind, "app", expect: { $0 == .delete }, "deleting")

        // A password from a Secret: its change is an update showing no value.
        _ = try await secrets.create(Secret(metadata: ObjectMeta(name: "source", namespace: "default"), stringData: ["PASSWORD": "FirstPassword123!"]))
        let source = ServiceUserSpec.ConnInfoSecretSource(name: "source", passwordKey: "PASSWORD")
        _ = try await users.create(ServiceUserReconcilerTests.user("sourced", source: source))
        try await harness.converge(ServiceUserKind(), "sourced") { KafkaReconcilerTests.ready(try await users.get("sourced"))?.status == .true }
        var changed = try await secrets.get("source")
        changed.data = ["PASSWORD": Data("SecondPassword456!".utf8).base64EncodedString()]
        _ = try await secrets.replace(changed)
        let reset = try await Self.step(harness, ServiceUser.kind, "sourced", expect: { $0.changes.map(\.path) == ["password"] }, "a new password in the Secret")
        #expect(!reset.description.contains("Password123!") && !reset.description.contains("Password456!"), "\(reset.description)")

        // avnadmin: managed, then retained on deletion.
        _ = try await users.create(ServiceUserReconcilerTests.user("admin", username: "avnadmin"))
        try await Self.step(harness, ServiceUser.kind, "admin", expect: { $0 == .inSync }, "the built-in user exists")
        try await users.delete("admin")
        let retained = try await Self.step(harness, ServiceUser.kind, "admin", expect: { if case .retain = $0 { true } else { false } }, "deleting avnadmin")
        #expect(!retained.description.hasPrefix("serviceuser default/admin: delete"), "\(retained.description)")
        #expect(retained.description.contains("stays on Aiven"), "\(retained.description)")
        #expect(try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "avnadmin").isPrimary)
    }

    static func kafkaTopic(_ harness: OperatorHarness) async throws {
        let topics = harness.client.resources(KafkaTopic.self, namespace: "default")
        _ = try await topics.create(KafkaReconcilerTests.topic("orders"))
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .wait = $0 { true } else { false } }, "waiting for its service")
        try await KafkaReconcilerTests.createKafkaOnAiven(harness)
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { $0 == .create }, "absent")
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { $0 == .inSync }, "present and equal")
        try await harness.aiven.updateKafkaTopic(project: OperatorHarness.project, service: "my-kafka", topic: "orders", KafkaTopicRequest(config: ["retention_ms": 1000]))
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .correctDrift = $0 { true } else { false } }, "drifted")

        var shrunk = try await topics.get("orders")
        shrunk.spec.partitions = 1
        _ = try await topics.replace(shrunk)
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .refuseChange = $0 { true } else { false } }, "refused change")

        var grown = try await topics.get("orders")
        grown.spec.partitions = 6
        _ = try await topics.replace(grown)
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { if case .update = $0 { true } else { false } }, "a new generation")

        try await topics.delete("orders")
        try await Self.step(harness, KafkaTopic.kind, "orders", expect: { $0 == .delete }, "deleting with policy Delete")
    }

    static func kafkaConnect(_ harness: OperatorHarness) async throws {
        _ = try await harness.aiven.createService(
            project: OperatorHarness.project,
            ServiceCreateRequest(serviceName: "foreign", plan: "business-4", cloud: "google-europe-west1", projectVPC: .publicNetwork)
        )
        _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("foreign"))
        // Issue 27: the create goes before the read and Aiven refuses it (409), changing nothing;
        // the pass then reads and refuses, as planned.
        let untouched = try await harness.service("foreign")
        try await Self.step(harness, KafkaConnect.kind, "foreign", expect: { $0 == .refuse }, "not owned", sending: ["POST"])
        #expect(try await harness.service("foreign") == untouched, "the refused create changed nothing")
        #expect(try await harness.get("foreign")?.metadata.finalizers == nil)

        _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("kept", annotations: [OperatorAnnotations.deletionPolicy: "Orphan"]))
        try await Self.step(harness, KafkaConnect.kind, "kept", expect: { $0 == .create }, "absent")
        try await Self.step(harness, KafkaConnect.kind, "kept", expect: { $0 == .inSync }, "present and equal")
        try await harness.kafkaConnectClient.delete("kept")
        try await Self.step(harness, KafkaConnect.kind, "kept", expect: { $0 == .orphan }, "deleting with policy Orphan")
        #expect(try await harness.service("kept") != nil)
    }

    static func kafka(_ harness: OperatorHarness) async throws {
        let kafkas = harness.client.resources(Kafka.self, namespace: "default")
        let secrets = harness.client.resources(Secret.self, namespace: "default")
        // A token Secret being deleted (held by a finalizer): nothing new is made with it.
        var held = ObjectMeta(name: "doomed", namespace: "default")
        held.finalizers = ["test.aiven.io/hold"]
        _ = try await secrets.create(Secret(metadata: held, stringData: ["token": OperatorHarness.token]))
        try await secrets.delete("doomed")
        var doomed = KafkaReconcilerTests.kafka()
        doomed.metadata.name = "doomed"
        doomed.spec.authSecretRef = SecretKeyReference(name: "doomed", key: "token")
        _ = try await kafkas.create(doomed)
        try await Self.step(harness, Kafka.kind, "doomed", expect: { if case .wait(reason: "TokenSecretDeleting", _) = $0 { true } else { false } }, "token Secret deleting")
        #expect(try await harness.service("doomed") == nil)

        _ = try await kafkas.create(KafkaReconcilerTests.kafka())
        try await Self.step(harness, Kafka.kind, "my-kafka", expect: { $0 == .create }, "absent")
        try await Self.step(harness, Kafka.kind, "my-kafka", expect: { $0 == .inSync }, "present and equal")
        _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "my-kafka", ServiceUpdateRequest(plan: "business-8"))
        try await Self.step(harness, Kafka.kind, "my-kafka", expect: { if case .correctDrift = $0 { true } else { false } }, "drifted")
        #expect(try await harness.service("my-kafka")?.plan == "business-4")

        // A service made outside Kubernetes, taken over with the annotation.
        _ = try await harness.aiven.createService(
            project: OperatorHarness.project,
            ServiceCreateRequest(serviceName: "legacy", serviceType: "kafka", plan: "business-4", cloud: "google-europe-west1"))
        var legacy = KafkaReconcilerTests.kafka()
        legacy.metadata.name = "legacy"
        legacy.metadata.annotations = [OperatorAnnotations.adopt: "true"]
        _ = try await kafkas.create(legacy)
        try await Self.step(harness, Kafka.kind, "legacy", expect: { if case .adopt = $0 { true } else { false } }, "adopted")
        try await Self.step(harness, Kafka.kind, "legacy", expect: { $0 == .inSync }, "adopted, then present and equal")

        try await kafkas.delete("my-kafka")
        try await Self.step(harness, Kafka.kind, "my-kafka", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await harness.service("my-kafka") == nil)
    }

    static func projectVPC(_ harness: OperatorHarness) async throws {
        let vpc = ProjectVPC(
            metadata: ObjectMeta(name: "net", namespace: "default"),
            spec: ProjectVPCSpec(project: OperatorHarness.project, cloudName: "google-europe-west1", networkCidr: "10.2.0.0/24", authSecretRef: KafkaReconcilerTests.token)
        )
        _ = try await harness.projectVPCClient.create(vpc)
        try await Self.step(harness, ProjectVPC.kind, "net", expect: { $0 == .create }, "absent")
        try await Self.step(harness, ProjectVPC.kind, "net", expect: { $0 == .inSync }, "present and equal")
        try await harness.projectVPCClient.delete("net")
        try await Self.step(harness, ProjectVPC.kind, "net", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await harness.aiven.listProjectVPCs(project: OperatorHarness.project).allSatisfy { $0.state == "DELETING" || $0.state == "DELETED" })
    }

    static func serviceIntegration(_ harness: OperatorHarness) async throws {
        _ = try await harness.serviceIntegrationClient.create(ServiceIntegrationReconcilerTests.integration("join"))
        try await Self.step(harness, ServiceIntegration.kind, "join", expect: { if case .wait = $0 { true } else { false } }, "waiting for its services")
        try await ServiceIntegrationReconcilerTests.createService(harness, "src-kafka")
        try await ServiceIntegrationReconcilerTests.createService(harness, "dst-connect")
        try await Self.step(harness, ServiceIntegration.kind, "join", expect: { $0 == .create }, "absent")
        try await Self.step(harness, ServiceIntegration.kind, "join", expect: { $0 == .inSync }, "present and equal")
        try await harness.serviceIntegrationClient.delete("join")
        try await Self.step(harness, ServiceIntegration.kind, "join", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await harness.aiven.listServiceIntegrations(project: OperatorHarness.project, service: "src-kafka").isEmpty)
    }

    static func serviceIntegrationEndpoint(_ harness: OperatorHarness) async throws {
        let endpoints = harness.client.resources(ServiceIntegrationEndpoint.self, namespace: "default")
        _ = try await endpoints.create(ServiceIntegrationEndpointReconcilerTests.externalPostgreSQL())
        try await Self.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0 == .create }, "absent")
        try await Self.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0 == .inSync }, "present and equal")
        let id = try #require(try await endpoints.get("ext-pg").status?.id)
        var options = try await harness.aiven.getIntegrationEndpoint(project: OperatorHarness.project, id: id, includeSecrets: true).userConfig
        options["host"] = "elsewhere.example.com"
        _ = try await harness.aiven.updateIntegrationEndpoint(project: OperatorHarness.project, id: id, userConfig: options)
        try await Self.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { if case .correctDrift(let changes) = $0 { changes.map(\.path) == ["user_config.host"] } else { false } }, "drifted")
        #expect(try await harness.aiven.getIntegrationEndpoint(project: OperatorHarness.project, id: id).userConfig["host"] == "db.example.com")
        try await endpoints.delete("ext-pg")
        try await Self.step(harness, ServiceIntegrationEndpoint.kind, "ext-pg", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await harness.aiven.listIntegrationEndpoints(project: OperatorHarness.project).isEmpty)
    }

    static func kafkaConnector(_ harness: OperatorHarness) async throws {
        _ = try await harness.client.resources(Secret.self, namespace: "default").create(KafkaConnectorReconcilerTests.pgSecret())
        _ = try await harness.kafkaConnectorClient.create(KafkaConnectorReconcilerTests.connector())
        try await Self.step(harness, KafkaConnector.kind, "sink", expect: { if case .wait = $0 { true } else { false } }, "waiting for its service")
        try await KafkaConnectorReconcilerTests.createKafka(harness)
        try await Self.step(harness, KafkaConnector.kind, "sink", expect: { $0 == .create }, "absent")
        try await Self.step(harness, KafkaConnector.kind, "sink", expect: { $0 == .inSync }, "present and equal")
        var config = try #require(try await KafkaConnectorReconcilerTests.onAiven(harness).first { $0.name == "sink" }?.config)
        config["topics"] = "elsewhere"
        _ = try await harness.aiven.editKafkaConnector(project: OperatorHarness.project, service: "kafka", connector: "sink", config: config)
        try await Self.step(harness, KafkaConnector.kind, "sink", expect: { if case .correctDrift = $0 { true } else { false } }, "drifted")
        #expect(try await KafkaConnectorReconcilerTests.onAiven(harness).first { $0.name == "sink" }?.config["topics"] == "orders")
        try await harness.kafkaConnectorClient.delete("sink")
        try await Self.step(harness, KafkaConnector.kind, "sink", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await KafkaConnectorReconcilerTests.onAiven(harness).isEmpty)
    }

    /// A schema: its level is a PUT, a new version a POST; a schema the registry refused is not
    /// planned again, and a second resource naming the subject changes nothing.
    static func kafkaSchema(_ harness: OperatorHarness) async throws {
        let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
        let kind = KafkaSchema.kind
        _ = try await schemas.create(KafkaSchemaReconcilerTests.schema("orders"))
        try await Self.step(harness, kind, "orders", expect: { if case .wait = $0 { true } else { false } }, "waiting for its service")
        try await KafkaSchemaReconcilerTests.kafka(harness)
        try await Self.step(harness, kind, "orders", expect: { $0 == .create }, "absent", sending: ["POST"])
        try await Self.step(harness, kind, "orders", expect: { $0 == .inSync }, "present and equal")
        try await harness.aiven.setSubjectCompatibility(project: KafkaSchemaReconcilerTests.project, service: "my-kafka", subject: "orders-value", level: "NONE")
        try await Self.step(harness, kind, "orders", expect: { $0.changes.map(\.path) == ["compatibilityLevel"] && { if case .correctDrift = $0 { true } else { false } }($0) }, "drifted", sending: ["PUT"])

        var changed = try await schemas.get("orders")
        changed.spec.schema = KafkaSchemaReconcilerTests.avroV2
        _ = try await schemas.replace(changed)
        try await Self.step(harness, kind, "orders", expect: { if case .update = $0 { $0.changes.map(\.path) == ["schema"] } else { false } }, "a new generation", sending: ["POST"])
        var breaking = try await schemas.get("orders")
        breaking.spec.schema = KafkaSchemaReconcilerTests.avroBreaking
        _ = try await schemas.replace(breaking)
        try await Self.step(harness, kind, "orders", expect: { if case .update = $0 { true } else { false } }, "refused by the registry", sending: ["POST"])
        try await Self.step(harness, kind, "orders", expect: { if case .keepRefusal = $0 { true } else { false } }, "a refused schema is not sent again")

        _ = try await schemas.create(KafkaSchemaReconcilerTests.schema("second"))
        try await Self.step(harness, kind, "second", expect: { if case .alreadyClaimed = $0 { true } else { false } }, "claimed by another")
        _ = try await schemas.delete("second")

        var kept = KafkaSchemaReconcilerTests.schema("kept", subject: "kept-value")
        kept.metadata.annotations = [OperatorAnnotations.deletionPolicy: "Orphan"]
        _ = try await schemas.create(kept)
        try await Self.step(harness, kind, "kept", expect: { $0 == .create }, "absent", sending: ["POST"])
        _ = try await schemas.delete("kept")
        try await Self.step(harness, kind, "kept", expect: { $0 == .orphan }, "deleting with policy Orphan")
        _ = try await schemas.delete("orders")
        try await Self.step(harness, kind, "orders", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await harness.aiven.listSchemaSubjects(project: KafkaSchemaReconcilerTests.project, service: "my-kafka") == ["kept-value"])
    }

    static func postgreSQL(_ harness: OperatorHarness) async throws {
        let resources = harness.client.resources(PostgreSQL.self, namespace: "default")
        let kind = PostgreSQL.kind
        _ = try await resources.create(PostgreSQLReconcilerTests.postgreSQL("my-pg"))
        try await Self.step(harness, kind, "my-pg", expect: { $0 == .create }, "absent")
        try await Self.step(harness, kind, "my-pg", expect: { $0 == .inSync }, "present and equal")
        _ = try await harness.aiven.updateService(project: OperatorHarness.project, name: "my-pg", ServiceUpdateRequest(plan: "startup-8"))
        try await Self.step(harness, kind, "my-pg", expect: { if case .correctDrift = $0 { true } else { false } }, "drifted")
        #expect(try await harness.service("my-pg")?.plan == "startup-4")

        var kept = PostgreSQLReconcilerTests.postgreSQL("kept-pg")
        kept.metadata.annotations = [OperatorAnnotations.deletionPolicy: "Orphan"]
        _ = try await resources.create(kept)
        try await Self.step(harness, kind, "kept-pg", expect: { $0 == .create }, "absent")
        try await resources.delete("kept-pg")
        try await Self.step(harness, kind, "kept-pg", expect: { $0 == .orphan }, "deleting with policy Orphan")
        #expect(try await harness.service("kept-pg") != nil)
        try await resources.delete("my-pg")
        try await Self.step(harness, kind, "my-pg", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await harness.service("my-pg") == nil)
    }

    static func kafkaACL(_ harness: OperatorHarness) async throws {
        let acls = harness.client.resources(KafkaACL.self, namespace: "default")
        _ = try await acls.create(ACLReconcilerTests.kafkaACL("read-orders"))
        try await Self.step(harness, KafkaACL.kind, "read-orders", expect: { if case .wait = $0 { true } else { false } }, "waiting for its service")
        try await KafkaReconcilerTests.createKafkaOnAiven(harness)
        try await Self.step(harness, KafkaACL.kind, "read-orders", expect: { $0 == .create }, "absent")
        try await Self.step(harness, KafkaACL.kind, "read-orders", expect: { $0 == .inSync }, "present and equal")
        var changed = try await acls.get("read-orders")
        changed.spec.topic = "orders-*"
        _ = try await acls.replace(changed)
        try await Self.step(harness, KafkaACL.kind, "read-orders", expect: { if case .update = $0 { true } else { false } }, "a new generation", sending: ["POST", "DELETE"])
        try await acls.delete("read-orders")
        try await Self.step(harness, KafkaACL.kind, "read-orders", expect: { $0 == .delete }, "deleting with policy Delete")
        #expect(try await ACLReconcilerTests.entries(harness).map(\.id) == ["default"])
    }

    static func kafkaNativeACL(_ harness: OperatorHarness) async throws {
        try await KafkaReconcilerTests.createKafkaOnAiven(harness)
        let natives = harness.client.resources(KafkaNativeACL.self, namespace: "default")
        var native = KafkaNativeACL(
            metadata: ObjectMeta(name: "alice", namespace: "default", annotations: [OperatorAnnotations.deletionPolicy: "Orphan"]),
            spec: KafkaNativeACLSpec(
                authSecretRef: KafkaReconcilerTests.token, operation: "Read", patternType: "LITERAL", permissionType: "ALLOW", principal: "User:alice",
                project: OperatorHarness.project, resourceName: "orders", resourceType: "Topic", serviceName: "my-kafka"))
        _ = try await natives.create(native)
        try await Self.step(harness, KafkaNativeACL.kind, "alice", expect: { $0 == .create }, "absent")
        try await Self.step(harness, KafkaNativeACL.kind, "alice", expect: { $0 == .inSync }, "present and equal")
        native = try await natives.get("alice")
        try await natives.delete("alice")
        try await Self.step(harness, KafkaNativeACL.kind, "alice", expect: { $0 == .orphan }, "deleting with policy Orphan")
        #expect(try await harness.aiven.listACLs(project: OperatorHarness.project, service: "my-kafka", of: KafkaNativeACLEntry.self).map(\.id) == [native.status?.id].compactMap { $0 })
    }

    static func kafkaSchemaRegistryACL(_ harness: OperatorHarness) async throws {
        try await KafkaReconcilerTests.createKafkaOnAiven(harness)
        let registry = harness.client.resources(KafkaSchemaRegistryACL.self, namespace: "default")
        _ = try await registry.create(ACLReconcilerTests.schemaRegistryACL("subjects"))
        try await Self.step(harness, KafkaSchemaRegistryACL.kind, "subjects", expect: { $0 == .create }, "absent")
        try await Self.step(harness, KafkaSchemaRegistryACL.kind, "subjects", expect: { $0 == .inSync }, "present and equal")
        try await registry.delete("subjects")
        try await Self.step(harness, KafkaSchemaRegistryACL.kind, "subjects", expect: { $0 == .delete }, "deleting with policy Delete")
    }
}
