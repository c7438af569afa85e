import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Logging
import Testing

@testable import AivenOperator

/// Issue 21, the operator's side: a user with rights in one namespace cannot take over, change,
/// overwrite or delete what another namespace manages — on Aiven (services by adoption or by
/// name) or in Kubernetes (a connection Secret naming a Secret that is not the resource's own).
/// The probe's cases, over the wire against LocalKube and the emulator.
@Suite(.timeLimit(.minutes(2)))
struct TenancyTests {
    static func connect(_ name: String, namespace: String, adopt: Bool = false, _ configure: (inout KafkaConnectSpec) -> Void = { _ in }) -> KafkaConnect {
        var resource = OperatorHarness.kafkaConnect(name, annotations: adopt ? [OperatorAnnotations.adopt: "true"] : nil, configure)
        resource.metadata.namespace = namespace
        return resource
    }

    static func ready<R: ManagedResource>(_ resource: R?) -> Condition? {
        KafkaReconcilerTests.ready(resource)
    }

    /// team-a's KafkaConnect `shared`, Ready, and its uid.
    static func teamAService(_ harness: OperatorHarness) async throws -> String? {
        try await ClaimsTests.twoTeams(harness)
        let teamA = harness.client.resources(KafkaConnect.self, namespace: "team-a")
        _ = try await teamA.create(Self.connect("shared", namespace: "team-a"))
        try await harness.converge(KafkaConnectKind(), "shared", namespace: "team-a") { Self.ready(try await teamA.get("shared"))?.status == .true }
        // A later creationTimestamp (whole seconds) for team-b's resource.
        try await Task.sleep(for: .milliseconds(1100))
        return try await teamA.get("shared").metadata.uid
    }

    /// One KafkaConnect pass in `namespace` by a reconciler whose cache holds that namespace
    /// only (an operator watching just it, or a cache behind): the owner tag is all it has to go
    /// on.
    static func reconcileSeeingOnly(_ harness: OperatorHarness, _ name: String, namespace: String) async throws {
        try await harness.sync()
        let store = Store<KafkaConnect>(indexes: Claims<KafkaConnect>.indexes(KafkaConnectKind()))
        await store.replace(with: try await harness.client.resources(KafkaConnect.self, namespace: namespace).list().items)
        var quiet = Logger(label: "operator")
        quiet.logLevel = .critical
        let reconciler = ManagedReconciler(
            kind: KafkaConnectKind(), kube: harness.client, store: store, dependencies: .cached(secrets: harness.secrets, projectVPCs: harness.projectVPCs),
            aiven: harness.aivenClients, events: EventRecorder(client: harness.client, component: "aiven-operator", logger: quiet),
            configuration: harness.configuration, logger: quiet
        )
        _ = try? await reconciler.reconcile(ObjectKey(namespace: namespace, name: name))
    }

    // MARK: Services: adoption and the first claimant

    /// The probe's case 1: team-b names team-a's service with the adopt annotation. It is not
    /// adopted (first claimant), nothing reaches Aiven, team-a's resource stays Ready, and
    /// deleting team-b's resource leaves the service.
    @Test func anotherNamespacesServiceIsNeverAdoptedAndItsDeletionLeavesIt() async throws {
        try await OperatorHarness.run { harness in
            let uidA = try await Self.teamAService(harness)
            let teamA = harness.client.resources(KafkaConnect.self, namespace: "team-a")
            let teamB = harness.client.resources(KafkaConnect.self, namespace: "team-b")
            let writes = try await harness.aivenWrites()
            _ = try await teamB.create(Self.connect("shared", namespace: "team-b", adopt: true) { $0.plan = "business-8" })
            for _ in 0..<3 { try await harness.reconcile(KafkaConnectKind(), "shared", namespace: "team-b") }

            let refused = try #require(Self.ready(try await teamB.get("shared")))
            #expect(refused.status == .false)
            #expect(refused.reason == "AlreadyClaimed")
            #expect(refused.message.contains("already claimed by KafkaConnect team-a/shared"), "\(refused.message)")
            #expect(try await harness.aivenWrites() == writes, "nothing team-b's resource asks for reached Aiven")
            let service = try #require(try await harness.service("shared"))
            #expect(service.tags?[ServiceSpec.ownerTag] == uidA, "the owner tag is still team-a's")
            #expect(service.plan == "business-4")
            #expect(try await teamB.get("shared").metadata.finalizers == nil)

            try await harness.reconcile(KafkaConnectKind(), "shared", namespace: "team-a")
            #expect(Self.ready(try await teamA.get("shared"))?.status == .true, "team-a's resource is unaffected")

            _ = try await teamB.delete("shared")
            try await harness.reconcile(KafkaConnectKind(), "shared", namespace: "team-b")
            await #expect(throws: KubeError.self) { try await teamB.get("shared") }
            #expect(try await harness.service("shared") != nil, "team-a's service is still there")
            #expect(try await harness.aivenWrites() == writes)
        }
    }

    /// When the cache does not show the other claimant (another operator's namespace, a cache
    /// behind), the owner tag decides: it names a live resource, so the adopt annotation is
    /// refused, saying whose the service is (condition and one Warning event); deleting the
    /// resource, even with the operator's finalizer on, deletes nothing.
    @Test func theOwnerTagOfALiveResourceRefusesAdoptionAndSaysWhy() async throws {
        try await OperatorHarness.run { harness in
            let uidA = try await Self.teamAService(harness)
            let teamB = harness.client.resources(KafkaConnect.self, namespace: "team-b")
            let writes = try await harness.aivenWrites()
            _ = try await teamB.create(Self.connect("shared", namespace: "team-b", adopt: true) { $0.plan = "business-8" })
            for _ in 0..<3 { try await Self.reconcileSeeingOnly(harness, "shared", namespace: "team-b") }

            let refused = try #require(Self.ready(try await teamB.get("shared")))
            #expect(refused.status == .false)
            #expect(refused.reason == "AlreadyExists")
            #expect(refused.message.contains("is managed by KafkaConnect team-a/shared"), "\(refused.message)")
            #expect(refused.message.contains("nothing changes"), "\(refused.message)")
            let warnings = try await harness.events(about: "shared", namespace: "team-b").filter { $0.hasPrefix("Warning: AdoptionRefused") }
            #expect(warnings.count == 1, "one event, not one per pass: \(warnings)")
            #expect(try await harness.aivenWrites() == writes)
            #expect(try await harness.service("shared")?.tags?[ServiceSpec.ownerTag] == uidA)

            var finalized = try await teamB.get("shared")
            finalized.metadata.finalizers = [OperatorAnnotations.finalizer]
            _ = try await teamB.replace(finalized)
            _ = try await teamB.delete("shared")
            try await Self.reconcileSeeingOnly(harness, "shared", namespace: "team-b")
            await #expect(throws: KubeError.self, "released") { try await teamB.get("shared") }
            #expect(try await harness.service("shared") != nil, "never deleted by a resource that does not own it")
            #expect(try await harness.aivenWrites() == writes)
        }
    }

    /// A service whose owning resource is gone (deleted with deletion policy Orphan) may be
    /// adopted, in any namespace, with the annotation.
    @Test func aServiceWhoseOwnerIsGoneIsAdoptedWithTheAnnotation() async throws {
        try await OperatorHarness.run { harness in
            let uidA = try await Self.teamAService(harness)
            let teamA = harness.client.resources(KafkaConnect.self, namespace: "team-a")
            let teamB = harness.client.resources(KafkaConnect.self, namespace: "team-b")
            var orphaning = try await teamA.get("shared")
            orphaning.metadata.annotations = [OperatorAnnotations.deletionPolicy: "Orphan"]
            _ = try await teamA.replace(orphaning)
            _ = try await teamA.delete("shared")
            try await harness.converge(KafkaConnectKind(), "shared", namespace: "team-a") { (try? await teamA.get("shared")) == nil }
            #expect(try await harness.service("shared")?.tags?[ServiceSpec.ownerTag] == uidA, "orphaned with team-a's tag")

            _ = try await teamB.create(Self.connect("shared", namespace: "team-b"))
            try await harness.reconcile(KafkaConnectKind(), "shared", namespace: "team-b")
            #expect(Self.ready(try await teamB.get("shared"))?.reason == "AlreadyExists", "not without the annotation")

            var adopting = try await teamB.get("shared")
            adopting.metadata.annotations = [OperatorAnnotations.adopt: "true"]
            _ = try await teamB.replace(adopting)
            try await harness.converge(KafkaConnectKind(), "shared", namespace: "team-b") { Self.ready(try await teamB.get("shared"))?.status == .true }
            #expect(try await teamB.get("shared").status?.conditions?.first { $0.type == "Initialized" }?.reason == "Adopted")
            #expect(try await harness.service("shared")?.tags?[ServiceSpec.ownerTag] == (try await teamB.get("shared").metadata.uid))
        }
    }

    // MARK: The connection Secret

    /// The probe's case 2: a Kafka whose `connInfoSecretTarget.name` names a Secret that is not
    /// its own (the namespace's token Secret, a user's Secret, another Kafka's) writes nothing to
    /// it and says so (`Ready=False`, `SecretConflict`, naming it); the Secret stays byte-for-byte
    /// as it was, and deleting the Kafka leaves it.
    @Test func aConnectionSecretNeverOverwritesASecretThatIsNotItsOwn() async throws {
        try await OperatorHarness.run { harness in
            let kafkas = harness.client.resources(Kafka.self, namespace: "default")
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            _ = try await secrets.create(Secret(metadata: ObjectMeta(name: "bsecret", namespace: "default", labels: ["mine": "yes"]), stringData: ["note": "keep me"]))
            // What the Secret holds and who owns it; the token Secret also gets the operator's
            // own finalizer (it is needed to delete the Kafka), which is not its content.
            func content(_ name: String) async throws -> Secret {
                var secret = try await secrets.get(name)
                if name == "aiven-token" {
                    secret.metadata.finalizers = nil
                    secret.metadata.resourceVersion = nil
                }
                return secret
            }
            for target in ["aiven-token", "bsecret"] {
                let before = try await content(target)
                var kafka = KafkaReconcilerTests.kafka(.init(name: target))
                kafka.metadata.name = "kafka-\(target)"
                _ = try await kafkas.create(kafka)
                try await harness.converge(KafkaKind(), "kafka-\(target)") { Self.ready(try await kafkas.get("kafka-\(target)"))?.reason == "SecretConflict" }
                let conflict = try #require(Self.ready(try await kafkas.get("kafka-\(target)")))
                #expect(conflict.status == .false)
                #expect(conflict.message.contains("Secret \(target) already exists"), "\(conflict.message)")
                #expect(try await content(target) == before, "\(target) is left exactly as it was")

                _ = try await kafkas.delete("kafka-\(target)")
                try await harness.converge(KafkaKind(), "kafka-\(target)") { (try? await kafkas.get("kafka-\(target)")) == nil }
                try await Task.sleep(for: .milliseconds(300))
                #expect(try await content(target) == before, "\(target) survives the Kafka's deletion")
            }
            // The token Secret still works for every resource of the namespace.
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("still-works"))
            try await harness.converge("still-works") { try await harness.condition("still-works", "Ready")?.status == .true }
        }
    }

    @Test func aSecretIsWrittenOnlyWhenAbsentOrControlledByTheResource() {
        let published = ConnectionSecret(name: "conn", data: ["PASSWORD": "p"])
        func secret(controller uid: String?, other: String? = nil) -> Secret {
            var metadata = ObjectMeta(name: "conn", namespace: "default")
            metadata.ownerReferences = [
                uid.map { OwnerReference(apiVersion: "aiven.io/v1alpha1", kind: "Kafka", name: "k", uid: $0, controller: true) },
                other.map { OwnerReference(apiVersion: "v1", kind: "ConfigMap", name: "c", uid: $0) },
            ].compactMap { $0 }
            return Secret(metadata: metadata)
        }
        #expect(published.conflict(with: nil, uid: "me") == nil, "absent: written")
        #expect(published.conflict(with: secret(controller: "me"), uid: "me") == nil, "its own: written")
        #expect(published.conflict(with: secret(controller: nil), uid: "me")?.contains("was not created by this resource") == true)
        #expect(published.conflict(with: secret(controller: nil, other: "me"), uid: "me") != nil, "an ownerReference that does not control it is not enough")
        #expect(published.conflict(with: secret(controller: "them"), uid: "me")?.contains("controlled by Kafka k") == true)
    }

    // MARK: The tenancy option

    @Test func theTenancyPolicyIsOffByDefaultAndRestrictsWhenSet() throws {
        #expect(TenancyPolicy.open.violation(namespace: "any", project: "any", usesDefaultToken: true) == nil)
        let policy = TenancyPolicy(defaultTokenNamespaces: ["platform"], projects: ["team-a": ["proj-a"], "platform": ["proj-a", "proj-b"]])
        #expect(policy.violation(namespace: "team-a", project: "proj-a", usesDefaultToken: false) == nil)
        #expect(policy.violation(namespace: "platform", project: "proj-b", usesDefaultToken: true) == nil)
        #expect(policy.violation(namespace: "team-a", project: "proj-a", usesDefaultToken: true)?.contains("may not use the operator's default token") == true)
        #expect(policy.violation(namespace: "team-a", project: "proj-b", usesDefaultToken: false)?.contains("may not name Aiven project proj-b") == true)
        #expect(policy.violation(namespace: "team-c", project: "proj-a", usesDefaultToken: false)?.contains("grants it none") == true)
        #expect(TenancyPolicy(defaultTokenNamespaces: ["platform"]).violation(namespace: "team-a", project: "x", usesDefaultToken: false) == nil, "own token: any project")

        #expect(try TenancyPolicy.projects(parsing: " team-a=proj-a, team-a=proj-b,team-b=proj-c ") == ["team-a": ["proj-a", "proj-b"], "team-b": ["proj-c"]])
        #expect(try TenancyPolicy.projects(parsing: "") == nil)
        #expect(throws: TenancyOptionError.self) { try TenancyPolicy.projects(parsing: "team-a") }
        #expect(throws: TenancyOptionError.self) { try TenancyPolicy.projects(parsing: "=proj") }
        #expect(TenancyPolicy.namespaces(parsing: "a, b,,") == ["a", "b"])
        #expect(TenancyPolicy.namespaces(parsing: " ") == nil)
    }

    /// With the option set, a namespace naming a project it was not granted, or using the default
    /// token without the right, reads nothing on Aiven and says why.
    @Test func aNamespaceOutsideItsRightsTouchesNothingOnAiven() async throws {
        var configuration = OperatorConfiguration(pollInterval: .milliseconds(100), failureGracePeriod: .zero)
        configuration.defaultToken = AivenToken(OperatorHarness.token)
        configuration.tenancy = TenancyPolicy(defaultTokenNamespaces: ["team-a"], projects: ["team-a": [OperatorHarness.project], "team-b": [OperatorHarness.project]])
        try await OperatorHarness.run(configuration: configuration) { harness in
            try await ClaimsTests.twoTeams(harness)
            let before = try await harness.aivenRequests()
            // team-b with the default token; "default" names a project it was not granted.
            _ = try await harness.client.resources(KafkaConnect.self, namespace: "team-b").create(Self.connect("b", namespace: "team-b") { $0.authSecretRef = nil })
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("d"))
            try await harness.reconcile(KafkaConnectKind(), "b", namespace: "team-b")
            try await harness.reconcile(KafkaConnectKind(), "d")
            let b = try #require(Self.ready(try await harness.client.resources(KafkaConnect.self, namespace: "team-b").get("b")))
            #expect(b.reason == "NotPermitted" && b.message.contains("may not use the operator's default token"), "\(b.message)")
            let d = try #require(try await harness.condition("d", "Ready"))
            #expect(d.reason == "NotPermitted" && d.message.contains("may not name Aiven project \(OperatorHarness.project)"), "\(d.message)")
            #expect(try await harness.aivenRequests() == before, "not even a read")

            // team-a may use the default token for its project.
            _ = try await harness.client.resources(KafkaConnect.self, namespace: "team-a").create(Self.connect("a", namespace: "team-a") { $0.authSecretRef = nil })
            try await harness.converge(KafkaConnectKind(), "a", namespace: "team-a") {
                Self.ready(try await harness.client.resources(KafkaConnect.self, namespace: "team-a").get("a"))?.status == .true
            }
        }
    }
}
