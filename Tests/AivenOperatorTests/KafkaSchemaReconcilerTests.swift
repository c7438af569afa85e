import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import Testing

@testable import AivenOperator

/// `KafkaSchema` from resource to the emulator's schema registry: the reference examples, new
/// versions, the registry's refusals (shown, never re-sent), compatibility levels, references,
/// deletion and claims.
@Suite(.timeLimit(.minutes(2)))
struct KafkaSchemaReconcilerTests {
    static let project = "my-aiven-project"
    static let registerRoute = "POST /v1/project/{project}/service/{service_name}/kafka/schema/subjects/{subject_name}/versions"

    /// The three usage examples of the reference page, as written there.
    static let explicitReferences = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaSchema
        metadata:
          name: order-event-pinned
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          serviceName: my-kafka
          subjectName: com.example.OrderEvent
          schemaType: PROTOBUF
          schema: |
            syntax = "proto3";
            import "common/money.proto";
            message OrderEvent {
              common.Money total = 1;
            }
          references:
            # Pin the referenced subject and version explicitly. Use this when the
            # referenced schema is managed outside this operator, or when you want
            # the dependent to keep pointing at a specific version regardless of
            # what the referent advances to.
            #
            # If the referent IS another KafkaSchema in the same namespace, prefer
            # the kafkaSchemaRef variant — see the with_refs example. That form
            # auto-propagates new versions instead of requiring manual updates here.
            - name: common/money.proto
              subject: common.Money
              version: 1
        """

    static let resourceReferences = """
        apiVersion: aiven.io/v1alpha1
        kind: KafkaSchema
        metadata:
          name: money-type
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          serviceName: my-kafka
          subjectName: common.Money
          schemaType: PROTOBUF
          schema: |
            syntax = "proto3";
            package common;
            message Money {
              string currency = 1;
              int64 amount_cents = 2;
            }
        ---
        apiVersion: aiven.io/v1alpha1
        kind: KafkaSchema
        metadata:
          name: order-event
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: my-aiven-project
          serviceName: my-kafka
          subjectName: com.example.OrderEvent
          schemaType: PROTOBUF
          schema: |
            syntax = "proto3";
            import "common/money.proto";
            message OrderEvent {
              common.Money total = 1;
            }
          references:
            # Resolve subject and version from another KafkaSchema in the same namespace.
            # No need to hard-code the version - dependents pick up new versions automatically.
            - name: common/money.proto
              kafkaSchemaRef:
                name: money-type
        """

    static let avroV1 = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]}"#
    static let avroV2 = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}, {"name": "note", "type": "string", "default": ""}]}"#
    /// A field added without a default: refused under BACKWARD.
    static let avroBreaking = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"}]}"#

    static func schema(_ name: String, subject: String = "orders-value", schema: String = avroV1, _ configure: (inout KafkaSchemaSpec) -> Void = { _ in }) -> KafkaSchema {
        var spec = KafkaSchemaSpec(
            authSecretRef: KafkaReconcilerTests.token, project: project, schema: schema, serviceName: "my-kafka", subjectName: subject)
        configure(&spec)
        return KafkaSchema(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
    }

    /// A running Kafka `my-kafka` in ``project``, its schema registry on or off.
    static func kafka(_ harness: OperatorHarness, registry: Bool = true) async throws {
        _ = try await harness.aiven.createService(
            project: project,
            ServiceCreateRequest(
                serviceName: "my-kafka", serviceType: "kafka", plan: "business-4", cloud: "google-europe-west1",
                userConfig: ["schema_registry": .bool(registry)]))
    }

    static func apply(_ harness: OperatorHarness, _ yaml: String) async throws -> [String] {
        var names: [String] = []
        for document in try YAMLDocuments.load(yaml) {
            let type = ResourceType(group: "aiven.io", version: "v1alpha1", plural: KafkaSchema.plural, namespaced: true)
            _ = try await harness.client.resources(type, namespace: "default").create(document)
            names.append(document[path: ["metadata", "name"]]?.stringValue ?? "")
        }
        return names
    }

    static func converge(_ harness: OperatorHarness, _ names: [String], passes: Int = 12, until check: (KafkaSchema?) -> Bool) async throws {
        let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
        for _ in 0..<passes {
            var all = true
            for name in names where !check(try? await schemas.get(name)) {
                all = false
                _ = try? await harness.reconcile(kind: KafkaSchema.kind, name)
            }
            if all { return }
        }
        for name in names {
            let resource = try? await schemas.get(name)
            #expect(check(resource), "\(name) did not converge: \(String(describing: resource?.status))")
        }
    }

    static func isReady(_ schema: KafkaSchema?) -> Bool { KafkaReconcilerTests.ready(schema)?.status == .true }

    static func registers(_ harness: OperatorHarness) async throws -> Int64 {
        try await harness.aivenRequests()[registerRoute]?.integerValue ?? 0
    }

    /// How often each event about `name` was recorded (`Warning: SchemaRefused` → 1), repeats
    /// counted.
    static func eventCounts(_ harness: OperatorHarness, about name: String) async throws -> [String: Int64] {
        let type = ResourceType(group: "", version: "v1", plural: "events", namespaced: true)
        var counts: [String: Int64] = [:]
        for event in try await harness.client.resources(type, namespace: "default").list().items where event[path: ["involvedObject", "name"]]?.stringValue == name {
            counts["\(event["type"]?.stringValue ?? ""): \(event["reason"]?.stringValue ?? "")", default: 0] += event["count"]?.integerValue ?? 1
        }
        return counts
    }

    @Test func everyReferenceExampleAppliesUnchangedAndIsRegistered() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            let example = try await Self.apply(harness, KafkaSchema.usageExample)
            try await Self.converge(harness, example, until: Self.isReady)
            #expect(try await schemas.get("my-schema").status?.version == 1)
            #expect(try await harness.aiven.subjectCompatibility(project: Self.project, service: "my-kafka", subject: "mny-subject") == "BACKWARD")

            // In reverse order: the dependant waits for its referent, then refers to its version.
            let referring = try await Self.apply(harness, Self.resourceReferences)
            _ = try? await harness.reconcile(kind: KafkaSchema.kind, "order-event")
            let waiting = try #require(KafkaReconcilerTests.ready(try await schemas.get("order-event")))
            #expect(waiting.reason == "WaitingForReference", "\(waiting)")
            try await Self.converge(harness, referring.reversed(), until: Self.isReady)
            let registered = try await harness.aiven.schemaVersion(project: Self.project, service: "my-kafka", subject: "com.example.OrderEvent", version: 1)
            #expect(registered.references == [SchemaReferenceInfo(name: "common/money.proto", subject: "common.Money", version: 1)])
            #expect(registered.schemaType == "PROTOBUF")

            // The pinned example names the same subject: it stands aside while order-event holds it.
            let pinned = try await Self.apply(harness, Self.explicitReferences)
            _ = try? await harness.reconcile(kind: KafkaSchema.kind, "order-event-pinned")
            #expect(KafkaReconcilerTests.ready(try await schemas.get("order-event-pinned"))?.reason == "AlreadyClaimed")
            _ = try await schemas.delete("order-event")
            try await Self.converge(harness, ["order-event"]) { $0 == nil }
            try await Self.converge(harness, pinned, until: Self.isReady)
            #expect(try await schemas.get("order-event-pinned").status?.version == 1, "a deleted subject starts again at version 1")
            #expect(try await harness.events(about: "order-event-pinned").allSatisfy { !$0.hasPrefix("Warning") || $0.contains("AlreadyClaimed") })
        }
    }

    @Test func aChangedSchemaIsVersionTwoAndARefusedOneIsShownAndNeverResent() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            _ = try await schemas.create(Self.schema("orders"))
            try await Self.converge(harness, ["orders"], until: Self.isReady)
            #expect(try await schemas.get("orders").status.map { [$0.version, $0.id] } == [1, 1])

            var changed = try await schemas.get("orders")
            changed.spec.schema = Self.avroV2
            _ = try await schemas.replace(changed)
            try await Self.converge(harness, ["orders"]) { Self.isReady($0) && $0?.status?.version == 2 }
            #expect(try await schemas.get("orders").status?.id == 2)
            #expect(try await harness.aiven.schemaVersions(project: Self.project, service: "my-kafka", subject: "orders-value") == [1, 2])

            // Incompatible under BACKWARD: the registry's message, sent once, said as one Warning
            // and nothing else (no Updated beside it).
            var breaking = try await schemas.get("orders")
            breaking.spec.schema = Self.avroBreaking
            _ = try await schemas.replace(breaking)
            let before = try await Self.registers(harness)
            let eventsBefore = try await Self.eventCounts(harness, about: "orders")
            #expect(eventsBefore["Normal: Updated"] == 1, "\(eventsBefore)")
            try await harness.reconcile(kind: KafkaSchema.kind, "orders")
            let refused = try #require(KafkaReconcilerTests.ready(try await schemas.get("orders")))
            #expect(refused.status == .false && refused.reason == "SchemaRefused")
            #expect(refused.message.contains("Incompatible schema, compatibility_mode=BACKWARD. Incompatibilities: total"), "\(refused.message)")
            #expect(try await schemas.get("orders").status?.version == 2)
            #expect(try await harness.events(about: "orders").contains { $0.hasPrefix("Warning: SchemaRefused:") && $0.contains("Incompatible schema") })
            for _ in 0..<3 { try await harness.reconcile(kind: KafkaSchema.kind, "orders") }
            #expect(try await Self.registers(harness) == before + 1, "the refused schema was sent once")
            #expect(KafkaReconcilerTests.ready(try await schemas.get("orders"))?.reason == "SchemaRefused")
            var announced = eventsBefore
            announced["Warning: SchemaRefused", default: 0] += 1
            #expect(try await Self.eventCounts(harness, about: "orders") == announced, "one Warning, no Updated, on the refused pass and none after")

            // Loosening the level in the same change: the level first, then the schema.
            var loosened = try await schemas.get("orders")
            loosened.spec.compatibilityLevel = "NONE"
            _ = try await schemas.replace(loosened)
            try await Self.converge(harness, ["orders"]) { Self.isReady($0) && $0?.status?.version == 3 }
            #expect(try await harness.aiven.subjectCompatibility(project: Self.project, service: "my-kafka", subject: "orders-value") == "NONE")

            // Back to an earlier schema: its version, none added.
            var reverted = try await schemas.get("orders")
            reverted.spec.schema = Self.avroV1
            _ = try await schemas.replace(reverted)
            try await Self.converge(harness, ["orders"]) { Self.isReady($0) && $0?.status?.version == 1 }
            let idle = try await Self.registers(harness)
            try await harness.reconcile(kind: KafkaSchema.kind, "orders")
            #expect(try await Self.registers(harness) == idle, "an idle pass registers nothing")
        }
    }

    /// The registry refuses the very first registration (not Avro): shown with its message, one
    /// Warning and no Created, nothing left on the registry (not even the subject's level), and
    /// not sent again however many passes follow until the spec changes; `plan` says the same.
    @Test func aRefusedFirstSchemaIsShownAndNotSentAgainUntilTheSpecChanges() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            let invalid = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "strin"}]}"#
            _ = try await schemas.create(Self.schema("orders", schema: invalid) { $0.compatibilityLevel = "FULL" })
            try await harness.reconcile(kind: KafkaSchema.kind, "orders")
            #expect(try await Self.registers(harness) == 1)
            let refused = try #require(KafkaReconcilerTests.ready(try await schemas.get("orders")))
            #expect(refused.status == .false && refused.reason == "SchemaRefused", "\(refused)")
            #expect(refused.message.hasPrefix("The schema registry refused spec.schema of subject orders-value: Invalid AVRO schema. Error: Unknown named schema 'strin'"), "\(refused.message)")
            #expect(refused.message.hasSuffix("Nothing is sent again until the spec changes."), "\(refused.message)")
            #expect(try await Self.eventCounts(harness, about: "orders") == ["Warning: SchemaRefused": 1])

            for _ in 0..<3 { try await harness.reconcile(kind: KafkaSchema.kind, "orders") }
            let plan = try await PlanReconcileScenarioTests.step(harness, KafkaSchema.kind, "orders", expect: {
                if case .keepRefusal(let message) = $0 { message == refused.message } else { false }
            }, "refused before")
            #expect(plan.description.contains("Aiven refused this spec"), "\(plan.description)")
            #expect(try await Self.registers(harness) == 1, "the refused first schema was sent once")
            #expect(try await Self.eventCounts(harness, about: "orders") == ["Warning: SchemaRefused": 1])
            #expect(KafkaReconcilerTests.ready(try await schemas.get("orders")) == refused, "the refusal stands as it was shown")
            #expect(try await harness.aiven.listSchemaSubjects(project: Self.project, service: "my-kafka").isEmpty)
            #expect(try await harness.aiven.subjectCompatibility(project: Self.project, service: "my-kafka", subject: "orders-value") == nil)

            // A fixed spec is registered at once.
            var fixed = try await schemas.get("orders")
            fixed.spec.schema = Self.avroV1
            _ = try await schemas.replace(fixed)
            try await Self.converge(harness, ["orders"], until: Self.isReady)
            #expect(try await schemas.get("orders").status?.version == 1)
            #expect(try await Self.registers(harness) == 2)
            #expect(try await Self.eventCounts(harness, about: "orders") == ["Warning: SchemaRefused": 1, "Normal: Created": 1])
            #expect(try await harness.aiven.subjectCompatibility(project: Self.project, service: "my-kafka", subject: "orders-value") == "FULL")
        }
    }

    /// A refusal stands for the spec and the referents' versions it was built from: a
    /// `kafkaSchemaRef` referent's new version is tried once, then the refusal stands again.
    @Test func aRefusedDependantIsTriedAgainWithItsReferentsNewVersion() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            let money = "syntax = \"proto3\"; package common; message Money { string currency = 1; }"
            _ = try await schemas.create(Self.schema("money-type", subject: "common.Money", schema: money) { $0.schemaType = "PROTOBUF" })
            _ = try await schemas.create(
                Self.schema("order-event", subject: "com.example.OrderEvent", schema: "syntax = \"proto3\"; message OrderEvent { common.Money total = 1;") {
                    $0.schemaType = "PROTOBUF"
                    $0.references = [.init(name: "common/money.proto", kafkaSchemaRef: .init(name: "money-type"))]
                })
            try await Self.converge(harness, ["money-type"], until: Self.isReady)
            try await Self.converge(harness, ["order-event"]) { KafkaReconcilerTests.ready($0)?.reason == "SchemaRefused" }
            #expect(KafkaReconcilerTests.ready(try await schemas.get("order-event"))?.message.contains("unbalanced '{'") == true)
            let refused = try await Self.registers(harness)
            for _ in 0..<2 { try await harness.reconcile(kind: KafkaSchema.kind, "order-event") }
            #expect(try await Self.registers(harness) == refused)

            var changed = try await schemas.get("money-type")
            changed.spec.schema = money.replacingOccurrences(of: "= 1; }", with: "= 1; int64 amount_cents = 2; }")
            _ = try await schemas.replace(changed)
            try await Self.converge(harness, ["money-type"]) { Self.isReady($0) && $0?.status?.version == 2 }
            for _ in 0..<3 { try await harness.reconcile(kind: KafkaSchema.kind, "order-event") }
            #expect(try await Self.registers(harness) == refused + 2, "money-type's version 2, then order-event tried once with it")
            #expect(KafkaReconcilerTests.ready(try await schemas.get("order-event"))?.reason == "SchemaRefused")

            var fixed = try await schemas.get("order-event")
            fixed.spec.schema += " }"
            _ = try await schemas.replace(fixed)
            try await Self.converge(harness, ["order-event"], until: Self.isReady)
            let registered = try await harness.aiven.schemaVersion(project: Self.project, service: "my-kafka", subject: "com.example.OrderEvent", version: 1)
            #expect(registered.references == [SchemaReferenceInfo(name: "common/money.proto", subject: "common.Money", version: 2)])
        }
    }

    @Test func removingTheLevelResetsTheSubjectToTheRegistrysLevel() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            _ = try await schemas.create(Self.schema("orders") { $0.compatibilityLevel = "FULL" })
            try await Self.converge(harness, ["orders"], until: Self.isReady)
            #expect(try await harness.aiven.subjectCompatibility(project: Self.project, service: "my-kafka", subject: "orders-value") == "FULL")
            var unset = try await schemas.get("orders")
            unset.spec.compatibilityLevel = nil
            _ = try await schemas.replace(unset)
            try await Self.converge(harness, ["orders"]) { Self.isReady($0) && $0?.status?.observedGeneration == 2 }
            #expect(try await harness.aiven.subjectCompatibility(project: Self.project, service: "my-kafka", subject: "orders-value") == "BACKWARD")
            let writes = try await harness.aivenWrites()
            try await harness.reconcile(kind: KafkaSchema.kind, "orders")
            #expect(try await harness.aivenWrites() == writes, "reset once, not on every pass")
        }
    }

    @Test func itWaitsForTheServiceAndItsRegistry() async throws {
        try await OperatorHarness.run { harness in
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            _ = try await schemas.create(Self.schema("orders"))
            try await harness.reconcile(kind: KafkaSchema.kind, "orders")
            var waiting = try #require(KafkaReconcilerTests.ready(try await schemas.get("orders")))
            #expect(waiting.reason == "WaitingForService" && waiting.message == "Kafka service my-kafka does not exist yet")
            try await Self.kafka(harness, registry: false)
            try await harness.reconcile(kind: KafkaSchema.kind, "orders")
            waiting = try #require(KafkaReconcilerTests.ready(try await schemas.get("orders")))
            #expect(waiting.reason == "WaitingForService" && waiting.message.contains("schema_registry"), "\(waiting.message)")
            #expect(try await harness.events(about: "orders").allSatisfy { !$0.hasPrefix("Warning") })
            _ = try await harness.aiven.updateService(project: Self.project, name: "my-kafka", ServiceUpdateRequest(userConfig: ["schema_registry": .bool(true)]))
            try await Self.converge(harness, ["orders"], until: Self.isReady)
        }
    }

    @Test func aCycleOfReferencesIsRefusedAndAMissingReferentAwaited() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            func referring(_ name: String, to target: String) -> KafkaSchema {
                Self.schema(name, subject: name, schema: "syntax = \"proto3\"; message \(name.capitalized) {}") {
                    $0.schemaType = "PROTOBUF"
                    $0.references = [.init(name: "\(target).proto", kafkaSchemaRef: .init(name: target))]
                }
            }
            _ = try await schemas.create(referring("a", to: "b"))
            try await harness.reconcile(kind: KafkaSchema.kind, "a")
            #expect(KafkaReconcilerTests.ready(try await schemas.get("a"))?.message == "KafkaSchema default/b (spec.references[0].kafkaSchemaRef) does not exist yet")
            _ = try await schemas.create(referring("b", to: "a"))
            try await harness.reconcile(kind: KafkaSchema.kind, "a")
            let refused = try #require(KafkaReconcilerTests.ready(try await schemas.get("a")))
            #expect(refused.reason == "InvalidSpec" && refused.message.contains("cycle (a → b → a)"), "\(refused.message)")
            #expect(try await Self.registers(harness) == 0)
        }
    }

    @Test func deletionDeletesTheSubjectAndOrphanKeepsIt() async throws {
        try await OperatorHarness.run { harness in
            try await Self.kafka(harness)
            let schemas = harness.client.resources(KafkaSchema.self, namespace: "default")
            _ = try await schemas.create(Self.schema("orders"))
            var kept = Self.schema("kept", subject: "kept-value")
            kept.metadata.annotations = [OperatorAnnotations.deletionPolicy: "Orphan"]
            _ = try await schemas.create(kept)
            try await Self.converge(harness, ["orders", "kept"], until: Self.isReady)
            _ = try await schemas.delete("orders")
            _ = try await schemas.delete("kept")
            try await Self.converge(harness, ["orders", "kept"]) { $0 == nil }
            #expect(try await harness.aiven.listSchemaSubjects(project: Self.project, service: "my-kafka") == ["kept-value"])
            // Deleted for good: registering the subject again starts at version 1.
            _ = try await schemas.create(Self.schema("orders", schema: Self.avroV2))
            try await Self.converge(harness, ["orders"], until: Self.isReady)
            #expect(try await schemas.get("orders").status?.version == 1)
        }
    }
}
