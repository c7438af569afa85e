import AivenClient
import AivenEmulator
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import TestSupport
import Testing

@testable import AivenOperator

/// `ServiceUser` from resource to emulator and back: waiting for the service, the connection
/// Secret, passwords from a source Secret and on demand, deletion and `avnadmin`.
@Suite struct ServiceUserReconcilerTests {
    static func user(_ name: String, username: String? = nil, source: ServiceUserSpec.ConnInfoSecretSource? = nil, annotations: [String: String]? = nil) -> ServiceUser {
        ServiceUser(
            metadata: ObjectMeta(name: name, namespace: "default", annotations: annotations),
            spec: ServiceUserSpec(
                authSecretRef: KafkaReconcilerTests.token, connInfoSecretSource: source,
                connInfoSecretTarget: KafkaSpec.ConnInfoSecretTarget(annotations: ["foo": "bar"], labels: ["baz": "egg"], name: "\(name)-secret"),
                project: OperatorHarness.project, serviceName: "my-kafka", username: username))
    }

    /// The connection Secret's values, decoded.
    static func secretData(_ harness: OperatorHarness, _ name: String) async throws -> [String: String] {
        let secret = try await harness.client.resources(Secret.self, namespace: "default").get(name)
        return (secret.data ?? [:]).compactMapValues { Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Whether the emulator lets `username` into `my-kafka` with `password`.
    static func logsIn(_ harness: OperatorHarness, _ username: String, _ password: String) async throws -> Bool {
        let transport = AivenHTTPTransport(baseURL: harness.emulator.baseURL, token: AivenToken(OperatorHarness.token), userAgent: "test")
        let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
        let response = try await transport.send(
            AivenRequest(method: .post, path: "/_emulator/project/\(OperatorHarness.project)/service/my-kafka/authenticate", body: Array(body)), timeout: .seconds(5))
        return try JSONParser().parse(response.body)["authenticated"] == true
    }

    @Test func aUserWaitsForItsServicePublishesItsSecretAndRotatesOnDemand() async throws {
        try await OperatorHarness.run { harness in
            let log = CapturedLog()
            let users = harness.client.resources(ServiceUser.self, namespace: "default")
            _ = try await users.create(Self.user("app"))
            for _ in 0..<2 { try await harness.reconcile(ServiceUserKind(), "app", logger: log.logger()) }
            let waiting = try #require(KafkaReconcilerTests.ready(try await users.get("app")))
            #expect(waiting.status == .false && waiting.reason == "WaitingForService")
            #expect(waiting.message == "Service my-kafka does not exist yet")
            #expect(try await harness.events(about: "app").allSatisfy { !$0.hasPrefix("Warning") }, "no error events while waiting")

            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            try await harness.converge(ServiceUserKind(), "app", logger: log.logger()) { KafkaReconcilerTests.ready(try await users.get("app"))?.status == .true }
            let user = try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "app")
            let password = try #require(user.password)
            let service = try await harness.aiven.getService(project: OperatorHarness.project, name: "my-kafka")
            var data = try await Self.secretData(harness, "app-secret")
            #expect(data["SERVICEUSER_USERNAME"] == "app" && data["SERVICEUSER_PASSWORD"] == password)
            #expect(data["SERVICEUSER_HOST"] == service.serviceURIParams?["host"] && data["SERVICEUSER_PORT"] == service.serviceURIParams?["port"])
            #expect(data["SERVICEUSER_ACCESS_CERT"] == user.accessCert && data["SERVICEUSER_ACCESS_KEY"] == user.accessKey)
            #expect(data["SERVICEUSER_CA_CERT"]?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
            let secret = try await harness.client.resources(Secret.self, namespace: "default").get("app-secret")
            #expect(secret.metadata.labels?["baz"] == "egg" && secret.metadata.annotations?["foo"] == "bar")
            #expect(secret.metadata.ownerReferences?.first?.kind == "ServiceUser")
            #expect(try await users.get("app").status?.type == "normal")

            // Rotation on demand: a new password on Aiven and in the Secret, the time in status.
            var annotated = try await users.get("app")
            annotated.metadata.annotations = [OperatorAnnotations.rotateCredentials: "2026-12-07"]
            _ = try await users.replace(annotated)
            try await harness.reconcile(ServiceUserKind(), "app", logger: log.logger())
            data = try await Self.secretData(harness, "app-secret")
            let rotated = try #require(data["SERVICEUSER_PASSWORD"])
            #expect(rotated != password)
            #expect(try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "app").password == rotated)
            #expect(try await !Self.logsIn(harness, "app", password), "the old password no longer works")
            #expect(try await Self.logsIn(harness, "app", rotated))
            let status = try #require(try await users.get("app").status)
            #expect(status.rotationRequest == "2026-12-07" && status.passwordResetTime != nil)
            let writes = try await harness.aivenWrites()
            for _ in 0..<2 { try await harness.reconcile(ServiceUserKind(), "app", logger: log.logger()) }
            #expect(try await harness.aivenWrites() == writes, "the same annotation value rotates once")

            // Unchanged, the Secret is not rewritten.
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            let version = try await secrets.get("app-secret").metadata.resourceVersion
            for _ in 0..<2 { try await harness.reconcile(ServiceUserKind(), "app", logger: log.logger()) }
            #expect(try await secrets.get("app-secret").metadata.resourceVersion == version, "an unchanged Secret is not rewritten")

            // A Secret edited by hand is put back; one deleted by hand is written again.
            var edited = try await secrets.get("app-secret")
            edited.data?["SERVICEUSER_PASSWORD"] = Data("tampered".utf8).base64EncodedString()
            _ = try await secrets.replace(edited)
            try await harness.reconcile(ServiceUserKind(), "app", logger: log.logger())
            #expect(try await Self.secretData(harness, "app-secret")["SERVICEUSER_PASSWORD"] == rotated)
            try await secrets.delete("app-secret")
            try await harness.reconcile(ServiceUserKind(), "app", logger: log.logger())
            #expect(try await Self.secretData(harness, "app-secret")["SERVICEUSER_PASSWORD"] == rotated)
            #expect(try await secrets.get("app-secret").metadata.ownerReferences?.first?.name == "app")
            #expect(try await harness.aivenWrites() == writes, "restoring the Secret sends nothing to Aiven")

            // Passwords and keys are in the Secret only.
            let statusText = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
            for value in [password, rotated, try #require(user.accessKey)] {
                #expect(!log.text.contains(value) && !statusText.contains(value))
                #expect(try await harness.events(about: "app").allSatisfy { !$0.contains(value) })
            }

            // Deleting the resource deletes the user.
            try await users.delete("app")
            try await harness.converge(ServiceUserKind(), "app") { (try? await users.get("app")) == nil }
            await #expect(throws: AivenError.self) { try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "app") }
        }
    }

    @Test func aSourceSecretSetsThePasswordAndAChangeThereResetsIt() async throws {
        try await OperatorHarness.run { harness in
            let users = harness.client.resources(ServiceUser.self, namespace: "default")
            let secrets = harness.client.resources(Secret.self, namespace: "default")
            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            let source = ServiceUserSpec.ConnInfoSecretSource(name: "predefined-credentials", passwordKey: "PASSWORD")
            _ = try await users.create(Self.user("app", source: source))
            try await harness.reconcile(ServiceUserKind(), "app")
            let waiting = try #require(KafkaReconcilerTests.ready(try await users.get("app")))
            #expect(waiting.reason == "WaitingForSecret" && waiting.message == "Secret default/predefined-credentials (spec.connInfoSecretSource) does not exist yet")

            _ = try await secrets.create(Secret(metadata: ObjectMeta(name: "predefined-credentials", namespace: "default"), stringData: ["PASSWORD": "MySecurePassword123!"]))
            try await harness.converge(ServiceUserKind(), "app") { KafkaReconcilerTests.ready(try await users.get("app"))?.status == .true }
            #expect(try await Self.logsIn(harness, "app", "MySecurePassword123!"))
            #expect(try await Self.secretData(harness, "app-secret")["SERVICEUSER_PASSWORD"] == "MySecurePassword123!")

            var changed = try await secrets.get("predefined-credentials")
            changed.data = ["PASSWORD": Data("AnotherPassword456!".utf8).base64EncodedString()]
            _ = try await secrets.replace(changed)
            try await harness.reconcile(ServiceUserKind(), "app")
            #expect(try await Self.logsIn(harness, "app", "AnotherPassword456!"))
            #expect(try await !Self.logsIn(harness, "app", "MySecurePassword123!"))
            #expect(try await Self.secretData(harness, "app-secret")["SERVICEUSER_PASSWORD"] == "AnotherPassword456!")

            // A reset made outside Kubernetes is reverted to the Secret's password.
            try await harness.aiven.resetServiceUserPassword(project: OperatorHarness.project, service: "my-kafka", username: "app", newPassword: nil)
            try await harness.reconcile(ServiceUserKind(), "app")
            #expect(try await Self.logsIn(harness, "app", "AnotherPassword456!"))
            #expect(try await harness.events(about: "app").allSatisfy { !$0.contains("AnotherPassword456!") && !$0.contains("MySecurePassword123!") })

            // Another namespace's Secret is never read.
            _ = try await users.create(Self.user("other", source: ServiceUserSpec.ConnInfoSecretSource(name: "x", namespace: "kube-system", passwordKey: "p")))
            try await harness.reconcile(ServiceUserKind(), "other")
            let refused = try #require(KafkaReconcilerTests.ready(try await users.get("other")))
            #expect(refused.reason == "InvalidSpec" && refused.message.contains("only a Secret of the resource's own namespace (default) is read"))
        }
    }

    /// Fields of other service types are not applied to a Kafka user, and the resource says so:
    /// in `Initialized` while they are set, in one Warning per generation.
    @Test func accessControlAndAuthenticationAreSaidNotToApply() async throws {
        try await OperatorHarness.run { harness in
            let users = harness.client.resources(ServiceUser.self, namespace: "default")
            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            var user = Self.user("app")
            user.spec.accessControl = ServiceUserSpec.AccessControl(valkeyAclCategories: ["+@all"])
            user.spec.authentication = "caching_sha2_password"
            _ = try await users.create(user)
            try await harness.converge(ServiceUserKind(), "app") { KafkaReconcilerTests.ready(try await users.get("app"))?.status == .true }
            for _ in 0..<2 { try await harness.reconcile(ServiceUserKind(), "app") }
            let initialized = try #require(try await users.get("app").status?.conditions?.first { $0.type == "Initialized" })
            #expect(initialized.message.contains("spec.accessControl is not applied: it sets Valkey access rules"), "\(initialized.message)")
            #expect(initialized.message.contains("spec.authentication is not applied"), "\(initialized.message)")
            let warnings = try await harness.events(about: "app").filter { $0.hasPrefix("Warning: FieldNotApplied") }
            #expect(warnings.count == 2, "one per field, once per generation: \(warnings)")

            var cleared = try await users.get("app")
            cleared.spec.accessControl = nil
            cleared.spec.authentication = nil
            _ = try await users.replace(cleared)
            try await harness.reconcile(ServiceUserKind(), "app")
            #expect(try await users.get("app").status?.conditions?.first { $0.type == "Initialized" }?.message.contains("not applied") == false)
        }
    }

    /// `avnadmin`'s password set from a Secret (the reference's way to choose it) reaches the
    /// Kafka's own connection Secret at once, not at the Kafka's next resync: the running operator
    /// wakes the Kafka when a ServiceUser of its `avnadmin` changes.
    @Test func avnadminsPasswordFromASecretReachesTheKafkaConnectionSecretAtOnce() async throws {
        try await OperatorHarness.run { harness in
            try await harness.withOperator {
                let eventually = OperatorHarness.eventually
                _ = try await harness.client.resources(Kafka.self, namespace: "default").create(KafkaReconcilerTests.kafka(KafkaSpec.ConnInfoSecretTarget(name: "kafka-secret")))
                try await eventually("the Kafka's connection Secret") { try await Self.secretData(harness, "kafka-secret")["KAFKA_PASSWORD"] != nil }
                _ = try await harness.client.resources(Secret.self, namespace: "default").create(
                    Secret(metadata: ObjectMeta(name: "admin-password", namespace: "default"), stringData: ["PASSWORD": "ChosenAdminPassword1!"]))
                var admin = Self.user("admin", username: "avnadmin", source: ServiceUserSpec.ConnInfoSecretSource(name: "admin-password", passwordKey: "PASSWORD"))
                admin.spec.connInfoSecretTargetDisabled = true
                _ = try await harness.client.resources(ServiceUser.self, namespace: "default").create(admin)
                try await eventually("the Kafka's Secret has the chosen password") {
                    try await Self.secretData(harness, "kafka-secret")["KAFKA_PASSWORD"] == "ChosenAdminPassword1!"
                }
                #expect(try await Self.logsIn(harness, "avnadmin", "ChosenAdminPassword1!"))
            }
        }
    }

    @Test func avnadminIsManagedButReleasedOnDeletionAndOrphanKeepsAUser() async throws {
        try await OperatorHarness.run { harness in
            let users = harness.client.resources(ServiceUser.self, namespace: "default")
            try await KafkaReconcilerTests.createKafkaOnAiven(harness)
            _ = try await users.create(Self.user("admin", username: "avnadmin"))
            try await harness.converge(ServiceUserKind(), "admin") { KafkaReconcilerTests.ready(try await users.get("admin"))?.status == .true }
            #expect(try await users.get("admin").status?.type == "primary")
            try await users.delete("admin")
            try await harness.converge(ServiceUserKind(), "admin") { (try? await users.get("admin")) == nil }
            #expect(try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "avnadmin").isPrimary)
            #expect(try await harness.events(about: "admin").contains { $0.hasPrefix("Normal: Retained: Kept service user") })

            _ = try await users.create(Self.user("kept", annotations: [OperatorAnnotations.deletionPolicy: "Orphan"]))
            try await harness.converge(ServiceUserKind(), "kept") { KafkaReconcilerTests.ready(try await users.get("kept"))?.status == .true }
            try await users.delete("kept")
            try await harness.converge(ServiceUserKind(), "kept") { (try? await users.get("kept")) == nil }
            _ = try await harness.aiven.getServiceUser(project: OperatorHarness.project, service: "my-kafka", username: "kept")
        }
    }
}
