import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import LocalKube
import Testing

@testable import AivenOperator

/// The reconciler skeleton over the wire (in-process LocalKube and emulator): the decisions of
/// `DecisionTests` executed, `plan` agreeing with them, and failures reaching the resource.
@Suite(.timeLimit(.minutes(2)))
struct ManagedReconcilerTests {
    static func plan(_ harness: OperatorHarness, _ manifest: KafkaConnect, live: Bool = true) async throws -> ChangePlan {
        let stored = live ? try await harness.get(manifest.metadata.name ?? "") : nil
        return try await ChangePlan.plan(
            KafkaConnectKind(), manifest: manifest, live: stored, dependencies: .live(harness.client),
            defaultToken: nil, clients: harness.aivenClients
        )
    }

    /// Creates `manifest` and reconciles it to Ready.
    static func ready(_ harness: OperatorHarness, _ manifest: KafkaConnect) async throws {
        _ = try await harness.kafkaConnectClient.create(manifest)
        let name = manifest.metadata.name ?? ""
        try await harness.converge(name) { try await harness.condition(name, "Ready")?.status == .true }
    }

    /// Issue 12: three Kubernetes writes to converge — the finalizer (before the create), the
    /// `Created` event, and the status the next pass (queued at once) reads from Aiven.
    /// Issue 27: two Aiven calls — the create, sent without a read (nothing of the resource can be
    /// on Aiven yet), and the read of the next pass; two for the deletion.
    @Test func createsThenTheNextPassWritesTheStatusItReads() async throws {
        try await OperatorHarness.run { harness in
            let manifest = OperatorHarness.kafkaConnect("fresh")
            #expect(try await Self.plan(harness, manifest, live: false).action == .create)
            _ = try await harness.kafkaConnectClient.create(manifest)
            #expect(try await Self.plan(harness, manifest).action == .create)
            _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
            #expect(try await harness.reconcile("fresh") == .requeue(after: .zero), "the status pass follows at once")
            #expect(try await Self.aivenRequests(harness) == ["POST /v1/project/{project}/service": 1], "no read before the create")
            let created = try #require(try await harness.get("fresh"))
            #expect(created.metadata.finalizers == [OperatorAnnotations.finalizer])
            #expect(created.status?.state == nil, "no status write right after the create")
            #expect(try await harness.service("fresh")?.tags?[ServiceSpec.ownerTag] == created.metadata.uid)
            #expect(try await harness.events(about: "fresh").contains { $0.hasPrefix("Normal: Created: ") })

            _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
            try await harness.reconcile("fresh")
            #expect(try await Self.aivenRequests(harness) == ["GET /v1/project/{project}/service/{service_name}": 1], "one read sees it RUNNING")
            let stored = try #require(try await harness.get("fresh"))
            #expect(stored.status?.state == "RUNNING")
            #expect(stored.status?.observedGeneration == 1)
            #expect(stored.status?.conditions?.first { $0.type == "Initialized" }?.reason == "Created")
            #expect(try await harness.condition("fresh", "Ready")?.status == .true)
            #expect(try await Self.plan(harness, manifest).action == .inSync)

            // Deleted with two: the read that shows the service as its own (its owner tag: Aiven
            // has no conditional DELETE), then the DELETE, whose answer ends the service.
            _ = try await harness.kafkaConnectClient.delete("fresh")
            _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
            try await harness.reconcile("fresh")
            #expect(try await Self.aivenRequests(harness) == ["GET /v1/project/{project}/service/{service_name}": 1, "DELETE /v1/project/{project}/service/{service_name}": 1])
            #expect(try await harness.get("fresh") == nil)
            #expect(try await harness.service("fresh") == nil)
            #expect(try await harness.events(about: "fresh").contains { $0.hasPrefix("Normal: Deleted: ") })
        }
    }

    /// The emulator's Aiven requests by route since they were last reset.
    static func aivenRequests(_ harness: OperatorHarness) async throws -> [String: Int] {
        let requests = try await KafkaConnectorReconcilerTests.control(harness, .get, "/_emulator/requests")
        return (requests["by_route"]?.objectValue ?? [:]).compactMapValues { $0.integerValue.map(Int.init) }
    }

    /// Issue 12: what an operator that starts may leave for its spread-out resync — only a
    /// resource that is Ready with its generation applied and not being deleted.
    @Test func settledMeansReadyWithItsGenerationAppliedAndNotDeleting() {
        typealias Reconciler = ManagedReconciler<KafkaConnectKind>
        func condition(_ type: String) -> Condition {
            Condition(type: type, status: .true, observedGeneration: 2, lastTransitionTime: "2026-11-30T00:00:00Z", reason: "Test", message: "")
        }
        var resource = OperatorHarness.kafkaConnect("settled")
        resource.metadata.generation = 2
        #expect(!Reconciler.isSettled(resource), "no status yet")
        resource.status = KafkaConnectStatus(state: "RUNNING", conditions: [condition("Initialized"), condition("Running"), condition("Ready")], observedGeneration: 2)
        #expect(Reconciler.isSettled(resource))
        var changed = resource
        changed.metadata.generation = 3
        #expect(!Reconciler.isSettled(changed), "the spec changed while the operator was away")
        var deleting = resource
        deleting.metadata.deletionTimestamp = "2026-11-30T00:00:00Z"
        #expect(!Reconciler.isSettled(deleting))
        var failing = resource
        failing.status?.conditions = [condition("Initialized"), Condition(type: "Ready", status: .false, lastTransitionTime: "2026-11-30T00:00:00Z", reason: "AivenUnavailable", message: "")]
        #expect(!Reconciler.isSettled(failing))
    }

    /// Issue 12: a resource deleted between the create and its first status write still deletes
    /// its service. The reconciler keeps nothing in memory about the create (the finalizer is
    /// the record), so this holds across an operator restart too.
    @Test func aResourceDeletedBeforeItsFirstStatusDeletesItsService() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("quick"))
            try await harness.reconcile("quick")
            #expect(try await harness.get("quick")?.status?.state == nil)
            #expect(try await harness.service("quick") != nil)
            _ = try await harness.kafkaConnectClient.delete("quick")
            try await harness.converge("quick") { try await harness.get("quick") == nil }
            #expect(try await harness.service("quick") == nil, "the service created before the deletion is deleted, not leaked")
        }
    }

    /// Issue 27: a create sent before any read that Aiven answered no (a 4xx) made nothing, so the
    /// finalizer it needed comes off again and a deletion goes at once, with no Aiven call. One
    /// whose answer was lost after sending may have landed: the finalizer stays, and the deletion
    /// reads Aiven before it lets the resource go.
    @Test func aCreateThatCannotHaveLandedLeavesNoFinalizerOneThatMayHaveKeepsIt() async throws {
        try await OperatorHarness.run { harness in
            try await harness.injectFault(#"{"method": "POST", "path": "/v1/project/{project}/service", "count": 1, "status": 400, "message": "Invalid plan"}"#)
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("refused"))
            _ = try? await harness.reconcile("refused")
            #expect(try await harness.get("refused")?.metadata.finalizers == nil, "Aiven answered no: nothing to look up when deleted")
            _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
            _ = try await harness.kafkaConnectClient.delete("refused")
            #expect(try await harness.get("refused") == nil)
            #expect(try await Self.aivenRequests(harness).isEmpty)

            try await harness.injectFault(#"{"method": "POST", "path": "/v1/project/{project}/service", "count": 1, "drop": true}"#)
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("lost"))
            _ = try? await harness.reconcile("lost")
            #expect(try await harness.get("lost")?.metadata.finalizers == [OperatorAnnotations.finalizer], "the create may have landed")
            _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
            _ = try await harness.kafkaConnectClient.delete("lost")
            #expect(try await harness.get("lost") != nil, "the deletion waits for a look at Aiven")
            try await harness.converge("lost") { try await harness.get("lost") == nil }
            #expect(try await Self.aivenRequests(harness)["GET /v1/project/{project}/service/{service_name}"] == 1)
            #expect(try await harness.service("lost") == nil)
        }
    }

    /// A resource whose name is taken on Aiven by a foreign service gets no finalizer, and its
    /// deletion leaves that service alone. Its create, sent without a read, is refused (409): the
    /// same pass reads the service, refuses it as not its own (as `plan` says) and takes the
    /// finalizer it added for the create off again; nothing is duplicated or taken over.
    @Test func aRefusedResourceHasNoFinalizerAndItsDeletionLeavesTheServiceAlone() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.aiven.createService(project: OperatorHarness.project, ServiceCreateRequest(serviceName: "taken", plan: "business-4", cloud: "google-europe-west1", projectVPC: .publicNetwork))
            let manifest = OperatorHarness.kafkaConnect("taken")
            _ = try await harness.kafkaConnectClient.create(manifest)
            #expect(try await Self.plan(harness, manifest).action == .refuse)
            _ = try await KafkaConnectorReconcilerTests.control(harness, .delete, "/_emulator/requests")
            try await harness.reconcile("taken")
            #expect(try await Self.aivenRequests(harness) == ["POST /v1/project/{project}/service": 1, "GET /v1/project/{project}/service/{service_name}": 1])
            #expect(try await harness.get("taken")?.metadata.finalizers == nil)
            #expect(try await harness.condition("taken", "Ready")?.reason == "AlreadyExists")
            #expect(try await harness.service("taken")?.tags?[ServiceSpec.ownerTag] == nil, "the foreign service is not taken over")
            #expect(try await harness.events(about: "taken").allSatisfy { !$0.contains("Created") })
            _ = try await harness.kafkaConnectClient.delete("taken")
            #expect(try await harness.get("taken") == nil)
            #expect(try await harness.service("taken") != nil)
        }
    }

    /// Divergence 1: the owner tag removed on Aiven. The service stays this resource's: plan and
    /// reconcile put the tag back, and deleting the resource deletes the service (never leaked).
    @Test func ownerTagRemovedOnAivenStaysOursForPlanUpdateAndDeletion() async throws {
        try await OperatorHarness.run { harness in
            let manifest = OperatorHarness.kafkaConnect("untagged")
            try await Self.ready(harness, manifest)
            try await harness.aiven.replaceServiceTags(project: OperatorHarness.project, name: "untagged", tags: [:])

            // The manifest as applied (with the server's defaults), as `plan -f` would read it.
            let applied = try #require(try await harness.get("untagged"))
            let plan = try await Self.plan(harness, applied)
            guard case .correctDrift(let changes) = plan.action else { Issue.record("plan: \(plan.description)"); return }
            #expect(changes.map(\.path) == ["tags.\(ServiceSpec.ownerTag)"])
            try await harness.reconcile("untagged")
            let uid = try await harness.get("untagged")?.metadata.uid
            #expect(try await harness.service("untagged")?.tags?[ServiceSpec.ownerTag] == uid, "the tag is put back")

            try await harness.aiven.replaceServiceTags(project: OperatorHarness.project, name: "untagged", tags: [:])
            _ = try await harness.kafkaConnectClient.delete("untagged")
            #expect(try await Self.plan(harness, manifest).action == .delete)
            try await harness.converge("untagged") { try await harness.get("untagged") == nil }
            #expect(try await harness.service("untagged") == nil, "deleting the resource deletes the service")
        }
    }

    @Test func aServiceThatWasNeverOursIsRefusedThenAdopted() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.aiven.createService(project: OperatorHarness.project, ServiceCreateRequest(serviceName: "foreign", plan: "business-4", cloud: "google-europe-west1", projectVPC: .publicNetwork))
            let manifest = OperatorHarness.kafkaConnect("foreign") { $0.plan = "business-8" }
            _ = try await harness.kafkaConnectClient.create(manifest)
            let refused = try await Self.plan(harness, manifest)
            #expect(refused.action == .refuse)
            try await harness.reconcile("foreign")
            let condition = try await harness.condition("foreign", "Ready")
            #expect(condition?.reason == "AlreadyExists")
            // The plan and the resource say it in the same words, naming the annotation.
            #expect(refused.description == "kafkaconnect default/foreign: \(condition?.message ?? "")")
            #expect(condition?.message.contains("\(OperatorAnnotations.adopt): \"true\"") == true)
            #expect(try await harness.service("foreign")?.plan == "business-4", "nothing changes without adoption")

            var adopted = try #require(try await harness.get("foreign"))
            adopted.metadata.annotations = [OperatorAnnotations.adopt: "true"]
            _ = try await harness.kafkaConnectClient.replace(adopted)
            let plan = try await Self.plan(harness, OperatorHarness.kafkaConnect("foreign", annotations: [OperatorAnnotations.adopt: "true"]) { $0.plan = "business-8" })
            guard case .adopt(let changes) = plan.action else { Issue.record("plan: \(plan.description)"); return }
            #expect(changes.map(\.path) == ["plan", "tags.\(ServiceSpec.ownerTag)"])
            try await harness.reconcile("foreign")
            #expect(try await harness.service("foreign")?.plan == "business-8")
            #expect(try await harness.condition("foreign", "Initialized")?.reason == "Adopted")
        }
    }

    /// A resource the reference aiven-operator left behind (its annotations, finalizer and
    /// status, no owner tag on the service) is adopted without the adopt annotation; a same-named
    /// service with no such evidence is still refused. Once ready, the reference operator's
    /// annotations are set, and an idle pass writes nothing.
    @Test func aResourceOfTheReferenceOperatorIsAdoptedAndMarkedAsItWould() async throws {
        try await OperatorHarness.run { harness in
            let referenceMarks = [OperatorAnnotations.generationWasProcessed: "1", OperatorAnnotations.instanceIsRunning: "true"]
            let referenceStatus = KafkaConnectStatus(state: "RUNNING", conditions: [
                Condition(type: "Initialized", status: .true, lastTransitionTime: "2026-01-01T00:00:00Z", reason: "CreatedOrUpdated", message: "Successfully created or updated the instance in Aiven"),
                Condition(type: "Running", status: .true, lastTransitionTime: "2026-01-01T00:00:00Z", reason: "CheckRunning", message: "Instance is running on Aiven side"),
            ])
            for (name, annotations) in [("migrated", referenceMarks), ("stranger", [:])] {
                _ = try await harness.aiven.createService(project: OperatorHarness.project, ServiceCreateRequest(serviceName: name, plan: "business-4", cloud: "google-europe-west1", projectVPC: .publicNetwork))
                var manifest = OperatorHarness.kafkaConnect(name, annotations: annotations)
                manifest.metadata.finalizers = [OperatorAnnotations.finalizer]
                var created = try await harness.kafkaConnectClient.create(manifest)
                created.status = referenceStatus
                _ = try await harness.kafkaConnectClient.replaceStatus(created)
            }
            #expect(try await Self.plan(harness, OperatorHarness.kafkaConnect("stranger")).action == .refuse)
            try await harness.converge("migrated") { try await harness.condition("migrated", "Ready")?.status == .true }
            try await harness.reconcile("stranger")

            let migrated = try #require(try await harness.get("migrated"))
            #expect(try await harness.condition("migrated", "Initialized")?.reason == "Adopted")
            #expect(try await harness.service("migrated")?.tags?[ServiceSpec.ownerTag] == migrated.metadata.uid)
            #expect(try await harness.events(about: "migrated").contains { $0.hasPrefix("Normal: Adopted: ") })
            #expect(migrated.metadata.annotations?[OperatorAnnotations.generationWasProcessed] == "\(migrated.metadata.generation ?? 0)")
            #expect(migrated.metadata.annotations?[OperatorAnnotations.instanceIsRunning] == "true")
            try await harness.reconcile("migrated")
            #expect(try await harness.get("migrated")?.metadata.resourceVersion == migrated.metadata.resourceVersion, "an idle pass writes nothing")

            #expect(try await harness.condition("stranger", "Ready")?.reason == "AlreadyExists")
            #expect(try await harness.service("stranger")?.tags?[ServiceSpec.ownerTag] == nil, "no silent takeover")
        }
    }

    /// `--no-reference-annotations`: a resource converges with three Kubernetes writes (the
    /// finalizer, the `Created` event, the status) and no metadata patch at Ready.
    @Test func withoutReferenceAnnotationsReadyWritesOnlyTheStatus() async throws {
        let configuration = OperatorConfiguration(pollInterval: .milliseconds(100), failureGracePeriod: .zero, referenceAnnotations: false)
        try await OperatorHarness.run(configuration: configuration) { harness in
            func writes() async -> [String: Int] {
                await harness.kube.requestLog.counts.byRoute.filter { !$0.key.hasPrefix("GET") }
            }
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("plain"))
            let start = await writes()
            try await harness.reconcile("plain")
            try await harness.reconcile("plain")
            let ready = try #require(try await harness.get("plain"))
            #expect(try await harness.condition("plain", "Ready")?.status == .true)
            #expect(ready.metadata.annotations?[OperatorAnnotations.generationWasProcessed] == nil)
            #expect(ready.metadata.annotations?[OperatorAnnotations.instanceIsRunning] == nil)
            let made = await writes().map { route, count in (route, count - start[route, default: 0]) }.filter { $0.1 > 0 }
            let toTheResource = Dictionary(uniqueKeysWithValues: made.filter { $0.0.contains(" /apis/") })
            #expect(toTheResource == [
                "PATCH /apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}": 1,
                "PUT /apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}/status": 1,
            ], "to the resource: the finalizer and the status, nothing else")
            #expect(made.count == 4, "besides: the Created event and the token Secret's finalizer: \(made)")
        }
    }

    /// A new resource naming a token Secret that is being deleted starts nothing on Aiven with it
    /// (it would hold the Secret, or lose it before its own deletion): it waits, without a finalizer.
    @Test func aNewResourceStartsNothingWithATokenSecretBeingDeleted() async throws {
        try await OperatorHarness.run { harness in
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            var doomed = try await secrets.get("aiven-token")
            doomed.metadata.name = "doomed"
            doomed.metadata.resourceVersion = nil
            doomed.metadata.uid = nil
            doomed.metadata.creationTimestamp = nil
            doomed.metadata.finalizers = ["example.com/hold"]
            _ = try await secrets.create(doomed)
            _ = try await secrets.delete("doomed")
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("late") { $0.authSecretRef = SecretKeyReference(name: "doomed", key: "token") })
            try await harness.reconcile("late")
            let late = try #require(try await harness.get("late"))
            #expect(try await harness.condition("late", "Ready")?.reason == "TokenSecretDeleting")
            #expect(late.metadata.finalizers == nil)
            #expect(try await harness.service("late") == nil, "nothing created on Aiven")
        }
    }

    /// Releasing a resource asks the kinds' caches before listing every kind from the API server:
    /// while a cache shows another holder, the Secret keeps its finalizer and nothing is listed.
    @Test func releasingAsksTheCachesBeforeListingEveryKind() async throws {
        try await OperatorHarness.run { harness in
            let held = TokenSecretUsers(holds: { _, _ in true }, subscribe: { _ in }, waitUntilSynced: {})
            let protection = TokenSecretProtection(kube: harness.client, dependencies: .live(harness.client), holders: [held])
            try await protection.protect("aiven-token", namespace: "default")
            func lists() async -> Int {
                await harness.kube.requestLog.counts.byRoute.filter { $0.key.hasPrefix("GET /apis/") && !$0.key.hasSuffix("{name}") }.values.reduce(0, +)
            }
            let before = await lists()
            #expect(try await !protection.release("aiven-token", namespace: "default", releasing: "some-uid"))
            #expect(await lists() == before, "no list while a cache shows a holder")
            let free = TokenSecretProtection(kube: harness.client, dependencies: .live(harness.client))
            #expect(try await free.release("aiven-token", namespace: "default", releasing: "some-uid"))
            #expect(await lists() > before)
        }
    }

    /// The token Secret keeps a finalizer while a resource that names it may still need it to
    /// delete its service, and loses it when the last such resource is released.
    @Test func theTokenSecretIsKeptWhileAResourceNeedsIt() async throws {
        try await OperatorHarness.run { harness in
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            func finalizers() async throws -> [String] { try await secrets.get("aiven-token").metadata.finalizers ?? [] }
            for name in ["first", "second"] {
                _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect(name))
                try await harness.converge(name) { try await harness.condition(name, "Ready")?.status == .true }
            }
            #expect(try await finalizers() == [TokenSecretProtection.finalizer])
            let version = try await secrets.get("aiven-token").metadata.resourceVersion
            try await harness.reconcile("first")
            #expect(try await secrets.get("aiven-token").metadata.resourceVersion == version, "an idle pass writes nothing")

            // Deleting the Secret first: it stays until no resource needs it.
            _ = try await secrets.delete("aiven-token")
            _ = try await harness.kafkaConnectClient.delete("first")
            try await harness.converge("first") { try await harness.get("first") == nil }
            #expect(try await harness.service("first") == nil)
            #expect(try await finalizers() == [TokenSecretProtection.finalizer], "second still needs it")

            _ = try await harness.kafkaConnectClient.delete("second")
            try await harness.converge("second") { try await harness.get("second") == nil }
            #expect(try await harness.service("second") == nil)
            await #expect(throws: KubeError.self) { try await secrets.get("aiven-token") }
        }
    }

    /// Divergence 2: `plan` reads the token like the reconciler (`stringData`, trimmed) and waits
    /// for a ProjectVPC that is not ACTIVE instead of using its id.
    @Test func planSharesTokenAndProjectVPCResolutionWithTheReconciler() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.client.resources(Secret.self, namespace: "default").create(
                Secret(metadata: ObjectMeta(name: "padded", namespace: "default"), stringData: ["token": "  \(OperatorHarness.token)\n"]))
            let padded = OperatorHarness.kafkaConnect("padded") { $0.authSecretRef = SecretKeyReference(name: "padded", key: "token") }
            #expect(try await Self.plan(harness, padded, live: false).action == .create)

            // A Secret seen before the server merged stringData (a cache, a client-side object).
            let unmerged = Dependencies(
                secret: { _ in Secret(metadata: ObjectMeta(name: "padded", namespace: "default"), stringData: ["token": " \(OperatorHarness.token) "]) },
                projectVPC: { _ in nil }
            )
            #expect(try await TokenResolver(dependencies: unmerged, defaultToken: nil).token(namespace: "default", reference: padded.spec.authSecretRef).token == AivenToken(OperatorHarness.token))

            var vpc = ProjectVPC(metadata: ObjectMeta(name: "pending", namespace: "default"), spec: ProjectVPCSpec(project: OperatorHarness.project, cloudName: "google-europe-west1", networkCidr: "10.0.0.0/24"))
            vpc = try await harness.projectVPCClient.create(vpc)
            vpc.status = ProjectVPCStatus(id: "not-active-yet", state: "APPROVED")
            _ = try await harness.projectVPCClient.replaceStatus(vpc)
            let placed = OperatorHarness.kafkaConnect("placed") { $0.projectVPCRef = ResourceReference(name: "pending") }
            let expected = Action.wait(reason: "WaitingForProjectVPC", message: "ProjectVPC default/pending is not ACTIVE yet")
            #expect(try await Self.plan(harness, placed, live: false).action == expected)
            _ = try await harness.kafkaConnectClient.create(placed)
            try await harness.reconcile("placed")
            #expect(try await harness.condition("placed", "Ready")?.reason == "WaitingForProjectVPC")
            #expect(try await harness.service("placed") == nil)
        }
    }

    /// Divergence 3 and issue 13: a resource that never reached Aiven has no finalizer, so its
    /// deletion completes at once, without a token (ProjectVPC and KafkaConnect alike).
    @Test func aResourceThatNeverReachedAivenIsReleasedWithoutAToken() async throws {
        try await OperatorHarness.run { harness in
            let vpc = ProjectVPC(
                metadata: ObjectMeta(name: "orphan-token", namespace: "default"),
                spec: ProjectVPCSpec(project: OperatorHarness.project, cloudName: "google-europe-west1", networkCidr: "10.1.0.0/24", authSecretRef: SecretKeyReference(name: "missing", key: "token"))
            )
            _ = try await harness.projectVPCClient.create(vpc)
            try await harness.reconcileVPC("orphan-token")
            #expect(try await harness.projectVPCClient.get("orphan-token").status?.conditions?.first { $0.type == "Ready" }?.reason == "SecretNotFound")
            _ = try await harness.projectVPCClient.delete("orphan-token")
            try await harness.reconcileVPC("orphan-token")
            await #expect(throws: KubeError.self) { try await harness.projectVPCClient.get("orphan-token") }

            let service = OperatorHarness.kafkaConnect("no-key") { $0.authSecretRef = SecretKeyReference(name: "aiven-token", key: "wrong-key") }
            _ = try await harness.kafkaConnectClient.create(service)
            try await harness.reconcile("no-key")
            #expect(try await harness.condition("no-key", "Ready")?.reason == "SecretKeyNotFound")
            _ = try await harness.kafkaConnectClient.delete("no-key")
            try await harness.reconcile("no-key")
            #expect(try await harness.get("no-key") == nil)
        }
    }

    /// …while a resource that did reach Aiven keeps its finalizer until the token is back (here
    /// the Secret's own finalizer was removed by hand, so it is really gone).
    @Test func aResourceOnAivenWaitsForItsTokenBeforeDeletion() async throws {
        try await OperatorHarness.run { harness in
            try await Self.ready(harness, OperatorHarness.kafkaConnect("kept"))
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            _ = try await Finalizers.remove(TokenSecretProtection.finalizer, from: try await secrets.get("aiven-token"), using: secrets)
            _ = try await secrets.delete("aiven-token")
            _ = try await harness.kafkaConnectClient.delete("kept")
            try await harness.reconcile("kept")
            #expect(try await harness.get("kept") != nil)
            #expect(try await harness.condition("kept", "Ready")?.reason == "SecretNotFound")
            #expect(try await harness.service("kept") != nil)
        }
    }

    /// A spec Aiven rejects is terminal: shown at once, one event, retried only after a long
    /// interval (or on a change), not with backoff.
    @Test func aRejectedSpecWaitsForAChange() async throws {
        try await OperatorHarness.run { harness in
            _ = try await harness.kafkaConnectClient.create(OperatorHarness.kafkaConnect("rejected") { $0.plan = "gigantic-999" })
            let result = try await harness.reconcile("rejected")
            #expect(result == .requeue(after: harness.configuration.terminalRetryInterval))
            let ready = try #require(try await harness.condition("rejected", "Ready"))
            #expect(ready.status == .false && ready.reason == "InvalidConfiguration")
            #expect(ready.message.contains("gigantic-999") == true)
            #expect(try await harness.events(about: "rejected").filter { $0.hasPrefix("Warning: InvalidConfiguration") }.count == 1)
            #expect(try await harness.get("rejected")?.status?.observedGeneration == nil, "nothing was applied")
        }
    }

    /// Issue 20: a Kubernetes failure takes the Aiven failures' path. A connection Secret name
    /// the API server refuses is shown at once (Ready=False, one Warning) and waits for a change;
    /// the service is created once, however many passes run.
    @Test func aWriteKubernetesRefusesIsShownLikeAnAivenRefusal() async throws {
        try await OperatorHarness.run { harness in
            var kafka = KafkaReconcilerTests.kafka(.init(name: "Not_A_Secret_Name"))
            kafka.metadata.name = "refused"
            _ = try await harness.client.resources(Kafka.self, namespace: "default").create(kafka)
            var result = ReconcileResult.done
            for _ in 0..<3 { result = try await harness.reconcile(kind: Kafka.kind, "refused") }
            #expect(result == .requeue(after: harness.configuration.terminalRetryInterval))
            let stored = try await harness.client.resources(Kafka.self, namespace: "default").get("refused")
            let ready = try #require(KafkaReconcilerTests.ready(stored))
            #expect(ready.status == .false && ready.reason == "KubernetesRejected")
            #expect(ready.message.contains("Not_A_Secret_Name"), "\(ready.message)")
            #expect(try await harness.events(about: "refused").contains { $0.hasPrefix("Warning: KubernetesRejected") })
            #expect(try await harness.aivenWrites()["POST /v1/project/{project}/service"]?.integerValue == 1)
        }
    }

    /// Issue 13 item 12: a transient failure that outlasts the grace period shows on the
    /// resource (Ready=False, reason, next attempt), once as an event; observedGeneration stays
    /// at the applied generation; status.state keeps showing Aiven's state; success clears it.
    @Test func aPersistentAivenOutageReachesTheResource() async throws {
        try await OperatorHarness.run { harness in
            try await Self.ready(harness, OperatorHarness.kafkaConnect("outage"))
            try await harness.injectFault(#"{"method": "PUT", "path": "/v1/project/harness/service/outage", "count": 3, "status": 500}"#)
            var changed = try #require(try await harness.get("outage"))
            changed.spec.plan = "business-8"
            _ = try await harness.kafkaConnectClient.replace(changed)
            for _ in 0..<2 {
                await #expect(throws: ReconcileFailure.self) { try await harness.reconcile("outage") }
            }
            let failing = try #require(try await harness.get("outage"))
            let ready = try #require(failing.status?.conditions?.first { $0.type == "Ready" })
            #expect(ready.status == .false && ready.reason == "AivenUnavailable")
            #expect(ready.message.contains("next attempt at") == true)
            #expect(ready.observedGeneration == 1 && failing.status?.observedGeneration == 1, "generation 2 is not applied yet")
            #expect(failing.status?.state == "RUNNING")
            #expect(try await harness.events(about: "outage").filter { $0.hasPrefix("Warning: AivenUnavailable") }.count == 1)

            try await harness.converge("outage") { try await harness.condition("outage", "Ready")?.status == .true }
            let recovered = try #require(try await harness.get("outage"))
            #expect(recovered.status?.observedGeneration == 2)
            #expect(try await harness.service("outage")?.plan == "business-8")
        }
    }

    @Test func projectVPCRunsOnTheSkeleton() async throws {
        try await OperatorHarness.run { harness in
            let vpc = ProjectVPC(
                metadata: ObjectMeta(name: "vpc", namespace: "default"),
                spec: ProjectVPCSpec(project: OperatorHarness.project, cloudName: "google-europe-west1", networkCidr: "10.2.0.0/24", authSecretRef: SecretKeyReference(name: "aiven-token", key: "token"))
            )
            _ = try await harness.projectVPCClient.create(vpc)
            for _ in 0..<10 where try await harness.projectVPCClient.get("vpc").status?.state != "ACTIVE" {
                try await harness.reconcileVPC("vpc")
            }
            let stored = try await harness.projectVPCClient.get("vpc")
            #expect(stored.status?.state == "ACTIVE")
            let id = try #require(stored.status?.id)
            #expect(try await harness.aiven.getProjectVPC(project: OperatorHarness.project, id: id).state == "ACTIVE")

            // A service placed in it: plan and the reconciler resolve the same id.
            let placed = OperatorHarness.kafkaConnect("in-vpc") { $0.projectVPCRef = ResourceReference(name: "vpc") }
            #expect(try await Self.plan(harness, placed, live: false).action == .create)
            try await Self.ready(harness, placed)
            #expect(try await harness.service("in-vpc")?.projectVPCId == id)

            // Aiven refuses to delete a VPC in use: the resource waits.
            _ = try await harness.projectVPCClient.delete("vpc")
            try await harness.reconcileVPC("vpc")
            #expect(try await harness.projectVPCClient.get("vpc").status?.conditions?.first { $0.type == "Ready" }?.reason == "DeletionWaiting")
            _ = try await harness.kafkaConnectClient.delete("in-vpc")
            try await harness.converge("in-vpc") { try await harness.get("in-vpc") == nil }
            for _ in 0..<20 {
                do { _ = try await harness.projectVPCClient.get("vpc") } catch { break }
                _ = try? await harness.reconcileVPC("vpc")
            }
            await #expect(throws: KubeError.self) { try await harness.projectVPCClient.get("vpc") }
        }
    }
}
