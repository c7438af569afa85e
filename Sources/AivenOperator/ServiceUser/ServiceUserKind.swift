import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeRuntime

/// `ServiceUser`: one user of an Aiven service per resource, named `spec.username` or, without
/// one, `metadata.name`.
///
/// A user has no owner tag: its identity is its service and name, so an existing user of that
/// name is the resource's, and two resources naming one user are told apart by ``Claims``. It is
/// created once its service is `RUNNING`. Its password is Aiven's (random), or the one in
/// `spec.connInfoSecretSource` (enforced: a change there, or made on Aiven, is reset), or a new
/// one whenever the value of ``OperatorAnnotations/rotateCredentials`` changes. The password and
/// the access key reach the connection Secret only: changes show as `password`, never a value.
/// Deleting the resource deletes the user, except the built-in `avnadmin`, which is released.
public struct ServiceUserKind: ClaimingKind, InputsTrackingKind, ConnectionSecretPublishing, ServicePartKind {
    public static let controllerName = "serviceuser"
    public static let noun = "service user"

    /// The user the spec asks for.
    public struct Desired: Sendable, Hashable {
        public var project: String
        public var service: String
        public var username: String
        /// The password from `spec.connInfoSecretSource`, when set.
        var password: String?
        /// The value of the rotation annotation, when set.
        var rotation: String?
        /// What the password was built from: the source Secret's version and the rotation value.
        var inputs: String?
    }

    /// The user as Aiven reports it, with what the resource recorded of its last rotation.
    public struct Observed: Sendable, Hashable {
        public var user: ServiceUserInfo
        /// The rotation value the password was last reset for.
        var rotation: String?
        /// When the operator reset the password in this pass.
        var resetTime: Date?
    }

    public init() {}

    public func describe(_ resource: ServiceUser) -> String {
        "\(resource.spec.project)/\(resource.spec.serviceName)/\(resource.username)"
    }

    public func desired(for resource: ServiceUser, dependencies: Dependencies) async throws -> Desired {
        let namespace = resource.metadata.namespace ?? ""
        var desired = Desired(
            project: resource.spec.project, service: resource.spec.serviceName, username: resource.username,
            rotation: resource.metadata.annotations?[OperatorAnnotations.rotateCredentials])
        var inputs: [String] = desired.rotation.map { ["rotate=\($0)"] } ?? []
        if let source = resource.spec.connInfoSecretSource {
            if let other = source.namespace, other != namespace {
                throw InvalidSpec(
                    "spec.connInfoSecretSource.namespace is \(other): only a Secret of the resource's own namespace (\(namespace)) is read, so no namespace can see another's password. Remove the field or copy the Secret here.")
            }
            let where_ = "Secret \(namespace)/\(source.name) (spec.connInfoSecretSource)"
            guard let secret = try await dependencies.secret(ObjectKey(namespace: namespace, name: source.name)) else {
                throw Waiting(reason: "WaitingForSecret", message: "\(where_) does not exist yet")
            }
            guard let password = secret.value(of: source.passwordKey) else {
                throw Waiting(reason: "WaitingForSecret", message: "\(where_) has no key \(GoFormat.quote(source.passwordKey)) yet")
            }
            guard (8...256).contains(password.count) else {
                throw InvalidSpec("the password in key \(GoFormat.quote(source.passwordKey)) of \(where_) has \(password.count) characters; Aiven takes 8 to 256")
            }
            desired.password = password
            inputs.append("secret=\(secret.metadata.uid ?? "")/\(secret.metadata.resourceVersion ?? "")")
        }
        desired.inputs = inputs.isEmpty ? nil : inputs.joined(separator: ";")
        return desired
    }

    public func observe(_ resource: ServiceUser, client: AivenClient) async throws(AivenError) -> Observed? {
        let user: ServiceUserInfo
        do {
            user = try await client.getServiceUser(project: resource.spec.project, service: resource.spec.serviceName, username: resource.username)
        } catch .notFound {
            // No such user, or no such service: either way there is no user.
            return nil
        }
        // A user the resource never managed gets a fresh password when made or taken over: a
        // rotation asked for before then is already honoured.
        let managed = resource.status?.conditions?.contains { $0.type == "Initialized" && $0.status == .true } == true
        let rotation = managed ? resource.status?.rotationRequest : resource.metadata.annotations?[OperatorAnnotations.rotateCredentials]
        return Observed(user: user, rotation: rotation)
    }

    public func claim(of resource: ServiceUser) -> String? {
        describe(resource)
    }

    public func ownership(of observed: Observed, resource: ServiceUser, everManaged: Bool) -> Ownership {
        .ours
    }

    /// The password, as the path `password` with its values hidden: a source Secret's password
    /// Aiven does not have (changed there or on Aiven), or a new rotation request.
    public func changes(desired: Desired, observed: Observed) -> [FieldChange] {
        let hidden = JSONValue.string("(redacted)")
        if let password = desired.password, observed.user.password != password {
            return [FieldChange(path: "password", old: hidden, new: hidden)]
        }
        if let rotation = desired.rotation, rotation != observed.rotation {
            return [FieldChange(path: "password", old: hidden, new: .string("(new, rotation \(GoFormat.quote(rotation)))"))]
        }
        return []
    }

    /// Users can only be made on an existing, running service: wait for it.
    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? {
        try await client.waitingForRunning(desired.service, project: desired.project, label: "Service", reason: "WaitingForService")
    }

    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Observed {
        var user = try await client.createServiceUser(project: desired.project, service: desired.service, username: desired.username)
        if let password = desired.password {
            try await client.resetServiceUserPassword(project: desired.project, service: desired.service, username: desired.username, newPassword: password)
            user.password = password
        }
        return Observed(user: user, rotation: desired.rotation)
    }

    /// Resets the password: to the source Secret's, or to a new one Aiven chooses.
    public func update(_ desired: Desired, observed: Observed, client: AivenClient) async throws(AivenError) -> Observed {
        try await client.resetServiceUserPassword(project: desired.project, service: desired.service, username: desired.username, newPassword: desired.password)
        let user = try await client.getServiceUser(project: desired.project, service: desired.service, username: desired.username)
        return Observed(user: user, rotation: desired.rotation, resetTime: Date())
    }

    public func delete(_ resource: ServiceUser, client: AivenClient) async throws(AivenError) {
        try await client.deleteServiceUser(project: resource.spec.project, service: resource.spec.serviceName, username: resource.username)
    }

    /// `avnadmin` is built into its service: Aiven cannot delete it, so it is released.
    /// `avnadmin` is part of its service: its password is the one the service's resource
    /// publishes, so only a ServiceUser in that resource's namespace may reset it.
    public func owningService(of resource: ServiceUser) -> ServiceName? {
        resource.username == "avnadmin" ? ServiceName(project: resource.spec.project, service: resource.spec.serviceName) : nil
    }

    public func retainedOnDeletion(_ observed: Observed) -> String? {
        observed.user.isPrimary ? "\(observed.user.username) is built into its service and cannot be deleted" : nil
    }

    /// `spec.accessControl` (Valkey access rules) and `spec.authentication` (a MySQL plugin) do
    /// nothing for the Kafka users this operator serves, whose access comes from ACL entries: they
    /// are not sent, and the resource says so rather than accepting them quietly.
    public func specWarnings(for resource: ServiceUser) -> [Notice] {
        let unused: [(field: String, what: String)?] = [
            resource.spec.accessControl.map { _ in ("spec.accessControl", "Valkey access rules") },
            resource.spec.authentication.map { _ in ("spec.authentication", "a MySQL authentication plugin") },
        ]
        return unused.compactMap { $0 }.map { field, what in
            Notice(
                .warning, "FieldNotApplied",
                "\(field) is not applied: it sets \(what), and this operator manages users of Kafka services, whose access KafkaACL, KafkaNativeACL and KafkaSchemaRegistryACL entries grant; remove it")
        }
    }

    public func health(of observed: Observed, desired: Desired) -> Health {
        Health(ready: true, reason: "Active", message: "Service user \(observed.user.username) exists")
    }

    public func record(_ observed: Observed, in status: inout ServiceUserStatus) {
        status.type = observed.user.type
        status.rotationRequest = observed.rotation
        if let time = observed.resetTime { status.passwordResetTime = MetaTime.string(time) }
    }

    public func inputsVersion(of desired: Desired) -> String? { desired.inputs }

    /// The reference operator's keys, with the prefix (default `SERVICEUSER_`): the user's
    /// `USERNAME`, `PASSWORD`, `ACCESS_CERT` and `ACCESS_KEY`, the project's `CA_CERT`, the
    /// service's `HOST` and `PORT`, and the SASL listener's and the schema registry's when the
    /// service has them.
    public func connectionSecret(for resource: ServiceUser, observed: Observed, client: AivenClient) async throws(AivenError) -> ConnectionSecret? {
        guard resource.spec.connInfoSecretTargetDisabled != true else { return nil }
        let service = try await client.getService(project: resource.spec.project, name: resource.spec.serviceName)
        let ca = try await client.getProjectCA(project: resource.spec.project)
        let target = resource.spec.connInfoSecretTarget
        let prefix = target?.prefix ?? "SERVICEUSER_"
        var data: [String: String] = [:]
        let values: [(String, String?)] = [
            ("HOST", service.serviceURIParams?["host"]),
            ("PORT", service.serviceURIParams?["port"]),
            ("USERNAME", observed.user.username),
            ("PASSWORD", observed.user.password ?? ""),
            ("CA_CERT", ca),
            ("ACCESS_CERT", observed.user.accessCert),
            ("ACCESS_KEY", observed.user.accessKey),
        ]
        for (key, value) in values { if let value { data[prefix + key] = value } }
        data.merge(service.endpointKeys(prefix: prefix, ["SASL", "SCHEMA_REGISTRY"])) { _, endpoint in endpoint }
        return ConnectionSecret(
            name: target?.name ?? resource.metadata.name ?? "", data: data, labels: target?.labels ?? [:], annotations: target?.annotations ?? [:])
    }
}

extension ServiceUser: ManagedResource {
    public var project: String { spec.project }
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static let terminationProtection: TerminationProtection<Self>? = nil
}

extension ServiceUserStatus: PlainStatus, InputsRecordingStatus {
    public init() { self.init(type: nil) }
}

/// Aiven refuses a second user of a name on a service (`409 Service user … already exists`), and
/// a user carries no owner tag: its name is its identity.
extension ServiceUserKind: DeletableByIdentity {
    /// Every service has `avnadmin` from the start: it is read, never created.
    public static func existsOnAivenFromTheStart(_ resource: ServiceUser) -> Bool {
        resource.username == "avnadmin"
    }
}
