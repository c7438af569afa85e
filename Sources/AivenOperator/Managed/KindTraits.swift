import AivenClient
import AivenResources
import KubeAPI
import KubeRuntime

// What a kind may add to the ``ManagedKind`` core, each as a protocol it opts into: the
// protocol requires everything the behaviour needs (a claim key, an owner tag, the stored
// applied inputs, a polling interval), so a kind cannot half-adopt one. The skeleton asks for
// them through the `ManagedKind` accessors at the end of this file; a kind that does not opt in
// gets the neutral answer.

/// A kind whose Aiven objects are found by name (`project/service/topic`), so several resources
/// may name the same object: only the first claimant acts on it (``Claims``), and the others are
/// woken when it goes (``Wake/claims(_:)``).
public protocol ClaimingKind: ManagedKind {
    /// The Aiven object `resource` names, as a key (`project/service/topic`, `project/service`);
    /// `nil` when this resource names none yet.
    func claim(of resource: Resource) -> String?
}

/// A kind whose Aiven objects carry the uid of the resource that made them (a service's
/// `aiven-operator-uid` tag): adoption asks whether that resource still lives
/// (``OwnerTagHolder``), and `plan` without a cluster reads its own objects by it.
public protocol OwnerTaggingKind: ManagedKind {
    /// The uid in the observed object's owner tag; `nil` when it has none.
    func ownerUID(of observed: Observed) -> String?
}

/// A status that stores ``InputsTrackingKind/inputsVersion(of:)`` of the applied desired state
/// (a connector's `status.appliedSecrets`).
public protocol InputsRecordingStatus: ManagedStatus {
    /// The inputs version of the desired state last applied on Aiven.
    var appliedInputs: String? { get set }
}

/// A kind whose desired state reads more than its spec (the Secrets a connector's config or a
/// user's password comes from): a change of those inputs is applied like a new generation —
/// even under drift policy `Report` — and announced as `Updated`, not as drift. Its status must
/// store the applied version (``InputsRecordingStatus``).
public protocol InputsTrackingKind: ManagedKind where Resource.Status: InputsRecordingStatus {
    /// What the desired object was built from besides the spec (`NAME@resourceVersion`), never a
    /// value; `nil` when only the spec.
    func inputsVersion(of desired: Desired) -> String?
}

/// A kind whose objects fail on their own while nothing changes (a connector's tasks, an
/// integration Aiven drops): Ready resources are looked at again sooner than the resync.
public protocol PolledWhileReadyKind: ManagedKind {
    /// How soon a Ready resource is looked at again (jittered). Also the span a restart spreads
    /// the kind's settled resources over.
    func readyInterval(_ configuration: OperatorConfiguration) -> ResyncInterval
}

/// A kind whose resources publish a connection Secret (`connInfoSecretTarget`). The skeleton
/// writes it once the object is ready, controlled by the resource, only when its content changes;
/// the kind's registration grants the operator the Secret writes it needs.
public protocol ConnectionSecretPublishing: ManagedKind {
    /// The connection Secret the resource publishes, read once the object is ready; `nil` when
    /// this resource publishes none.
    func connectionSecret(for resource: Resource, observed: Observed, client: AivenClient) async throws(AivenError) -> ConnectionSecret?
}

/// A kind whose resources have the operator delete a Secret they read once it has served its
/// purpose (a PostgreSQL's `spec.migrationSecretSource` with `deleteAfterMigration`, once Aiven
/// reports the migration done). The skeleton deletes it, in the resource's namespace, after the
/// pass's status is written; the kind's registration grants the operator `delete` on Secrets.
public protocol SecretDisposingKind: ManagedKind {
    /// The Secret to delete now, given what this pass applied and observed; `nil` when none.
    func disposableSecret(of resource: Resource, desired: Desired, observed: Observed) -> SecretDisposal?
}

/// A Secret a ``SecretDisposingKind`` has done with.
public struct SecretDisposal: Sendable, Hashable {
    /// The Secret's name, in the resource's namespace.
    public var name: String
    /// Why it goes, for the `SecretDeleted` event (`the migration is done (deleteAfterMigration)`).
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

/// A kind some of whose objects are part of a service another resource manages: a service's
/// built-in `avnadmin`, whose password the service's own connection Secret publishes. Changing
/// one changes what the service's resource manages, so only a resource in that resource's
/// namespace may (``ServicePartGuard``).
public protocol ServicePartKind: ManagedKind {
    /// The service whose resource `resource`'s object belongs to, when it is such a part; `nil`
    /// for an object of its own.
    func owningService(of resource: Resource) -> ServiceName?
}

/// A kind whose writes Aiven may refuse for the spec itself, for good (a schema the registry
/// finds invalid or incompatible with the subject's versions): retrying sends the same refused
/// request. The refusal is the generation's outcome — `Ready=False` with ``refusalReason`` and
/// Aiven's message, one Warning event and no `Created` or `Updated` — and nothing is sent again
/// until the spec or its inputs change (``DecisionContext/refusedSpec``, ``Action/keepRefusal(_:)``).
public protocol RefusableKind: ManagedKind {
    /// The `Ready` reason of a refused spec (`SchemaRefused`).
    static var refusalReason: String { get }
    /// The message to show when `error`, from a create (`observed` is `nil`) or an update of
    /// `observed`, is Aiven's refusal of the spec; `nil` for any other failure (retried as usual).
    func refusal(in error: AivenError, desired: Desired, observed: Observed?) -> String?
}

/// A kind whose objects Aiven keeps unique by the identity the resource names (a service's
/// project and name; a topic's, connector's or user's service and name): a second create is
/// refused with `409 … already exists`. So a resource that never reached Aiven creates without
/// reading first (``DecisionContext/createsBeforeReading``: one Aiven call less per create), and
/// only the refusal is read and judged by the ownership rules.
public protocol UniquelyNamedOnAiven: ManagedKind {
    /// Whether Aiven makes the resource's object itself, before anyone creates it (a service's
    /// `avnadmin` user): it is read first, not created into a refusal. Default: `false`.
    static func existsOnAivenFromTheStart(_ resource: Resource) -> Bool
}

extension UniquelyNamedOnAiven {
    public static func existsOnAivenFromTheStart(_ resource: Resource) -> Bool { false }
}

/// A ``UniquelyNamedOnAiven`` kind whose objects carry no owner tag (topics, connectors, users):
/// the object the resource's identity names, which it holds among resources (``Claims``), is its
/// own, so a deletion sends the DELETE without reading first and reads only to confirm Aiven's
/// `404` (``DecisionContext/deletesBeforeReading``). An object Aiven makes itself
/// (``UniquelyNamedOnAiven/existsOnAivenFromTheStart(_:)``) is read first: it may be retained.
public protocol DeletableByIdentity: UniquelyNamedOnAiven {
    /// Deletes the object `resource` names.
    func delete(_ resource: Resource, client: AivenClient) async throws(AivenError)
}

extension DeletableByIdentity {
    public func delete(_ observed: Observed, resource: Resource, client: AivenClient) async throws(AivenError) {
        try await delete(resource, client: client)
    }
}

/// A kind whose objects Aiven removes in answering their DELETE (a service: `200` or `404` both
/// mean done, as for the reference operator, which releases at once): after the read that showed
/// the object as its own and the DELETE, the finalizer comes off with Aiven's answer, without a
/// read to confirm the `404` — two Aiven calls per deletion. Kinds whose deletion Aiven finishes
/// later (a VPC goes `DELETING`) or that may be refused read until the object is gone.
public protocol GoneOnceDeleted: ManagedKind {}

/// A service as Aiven names it.
public struct ServiceName: Sendable, Hashable {
    public var project: String
    public var service: String

    public init(project: String, service: String) {
        self.project = project
        self.service = service
    }
}

// The skeleton's view of the opt-in behaviours. Each casts `self` to the protocol; the cast
// `as! K.X` inside is from `Self.X` to the same type, since `K == Self`.
extension ManagedKind {
    /// ``ClaimingKind/claim(of:)``; `nil` for kinds that do not claim by name.
    func claimKey(of resource: Resource) -> String? {
        guard let claiming = self as? any ClaimingKind else { return nil }
        func claim<K: ClaimingKind>(_ kind: K) -> String? { kind.claim(of: resource as! K.Resource) }
        return claim(claiming)
    }

    /// ``OwnerTaggingKind/ownerUID(of:)``; `nil` for kinds without owner tags.
    func ownerTag(of observed: Observed) -> String? {
        guard let tagging = self as? any OwnerTaggingKind else { return nil }
        func tag<K: OwnerTaggingKind>(_ kind: K) -> String? { kind.ownerUID(of: observed as! K.Observed) }
        return tag(tagging)
    }

    /// ``InputsTrackingKind/inputsVersion(of:)``; `nil` for kinds built from their spec alone.
    func inputs(of desired: Desired) -> String? {
        guard let tracking = self as? any InputsTrackingKind else { return nil }
        func version<K: InputsTrackingKind>(_ kind: K) -> String? { kind.inputsVersion(of: desired as! K.Desired) }
        return version(tracking)
    }

    /// The inputs version `status` records as applied (``InputsRecordingStatus``).
    static func appliedInputs(in status: Resource.Status) -> String? {
        (status as? any InputsRecordingStatus)?.appliedInputs
    }

    /// Records `inputs` as applied in `status`, when the kind's status stores them.
    static func record(appliedInputs inputs: String?, in status: inout Resource.Status) {
        guard var recording = status as? any InputsRecordingStatus else { return }
        recording.appliedInputs = inputs
        status = recording as! Resource.Status
    }

    /// ``ServicePartKind/owningService(of:)``; `nil` for kinds whose objects are their own.
    func owningService(of resource: Resource) -> ServiceName? {
        guard let part = self as? any ServicePartKind else { return nil }
        func service<K: ServicePartKind>(_ kind: K) -> ServiceName? { kind.owningService(of: resource as! K.Resource) }
        return service(part)
    }

    /// ``RefusableKind/refusalReason``; `nil` for kinds whose specs Aiven does not refuse for good.
    static var specRefusalReason: String? { (Self.self as? any RefusableKind.Type)?.refusalReason }

    /// ``RefusableKind/refusal(in:desired:observed:)``; `nil` for the other kinds.
    func specRefusal(in error: AivenError, desired: Desired, observed: Observed?) -> String? {
        guard let refusable = self as? any RefusableKind else { return nil }
        func refusal<K: RefusableKind>(_ kind: K) -> String? {
            kind.refusal(in: error, desired: desired as! K.Desired, observed: observed.map { $0 as! K.Observed })
        }
        return refusal(refusable)
    }

    /// Whether `resource`'s object is unique on Aiven by its identity and not made by Aiven
    /// itself (``UniquelyNamedOnAiven``): ``DecisionContext/uniqueOnAiven``.
    static func isUniqueOnAiven(_ resource: Resource) -> Bool {
        guard let unique = Self.self as? any UniquelyNamedOnAiven.Type else { return false }
        func made<K: UniquelyNamedOnAiven>(_ kind: K.Type) -> Bool { kind.existsOnAivenFromTheStart(resource as! K.Resource) }
        return !made(unique)
    }

    /// Whether `resource`'s object is deleted without a read first (``DeletableByIdentity``):
    /// ``DecisionContext/deletableByIdentity``.
    static func isDeletableByIdentity(_ resource: Resource) -> Bool {
        Self.self is any DeletableByIdentity.Type && isUniqueOnAiven(resource)
    }

    /// Deletes the object `resource` names without reading it, for kinds that are
    /// ``DeletableByIdentity``; `nil` for the others.
    var deletionByIdentity: (@Sendable (Resource, AivenClient) async throws(AivenError) -> Void)? {
        guard let deletable = self as? any DeletableByIdentity else { return nil }
        func deletion<K: DeletableByIdentity>(_ kind: K) -> @Sendable (Resource, AivenClient) async throws(AivenError) -> Void {
            { resource, client throws(AivenError) in try await kind.delete(resource as! K.Resource, client: client) }
        }
        return deletion(deletable)
    }

    /// Whether a DELETE Aiven answered is the end of the object (``GoneOnceDeleted``), or a read
    /// must confirm the `404`.
    var goneOnceDeleted: Bool { self is any GoneOnceDeleted }

    /// How soon a Ready resource is looked at again: ``PolledWhileReadyKind/readyInterval(_:)``,
    /// the resync for the other kinds.
    func recheckInterval(_ configuration: OperatorConfiguration) -> ResyncInterval {
        guard let polled = self as? any PolledWhileReadyKind else { return configuration.resync }
        return polled.readyInterval(configuration)
    }

    /// ``SecretDisposingKind/disposableSecret(of:desired:observed:)``; `nil` for kinds that delete no Secret.
    func disposableSecret(of resource: Resource, desired: Desired, observed: Observed) -> SecretDisposal? {
        guard let disposing = self as? any SecretDisposingKind else { return nil }
        func disposal<K: SecretDisposingKind>(_ kind: K) -> SecretDisposal? {
            kind.disposableSecret(of: resource as! K.Resource, desired: desired as! K.Desired, observed: observed as! K.Observed)
        }
        return disposal(disposing)
    }

    /// Whether the kind deletes Secrets its resources read (``SecretDisposingKind``).
    var disposesSecrets: Bool { self is any SecretDisposingKind }

    /// Reads the connection Secret of kinds that publish one (``ConnectionSecretPublishing``);
    /// `nil` for the others.
    var connectionSecretSource: (@Sendable (Resource, Observed, AivenClient) async throws(AivenError) -> ConnectionSecret?)? {
        guard let publisher = self as? any ConnectionSecretPublishing else { return nil }
        func source<K: ConnectionSecretPublishing>(_ kind: K) -> @Sendable (Resource, Observed, AivenClient) async throws(AivenError) -> ConnectionSecret? {
            { resource, observed, client throws(AivenError) in
                try await kind.connectionSecret(for: resource as! K.Resource, observed: observed as! K.Observed, client: client)
            }
        }
        return source(publisher)
    }
}
