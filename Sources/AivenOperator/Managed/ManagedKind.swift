import AivenClient
import AivenResources
import KubeAPI
import KubeRuntime

/// A Kubernetes kind whose objects stand for objects on Aiven, as the reconciler skeleton needs
/// to see it: where its token comes from and whether deletion is protected.
public protocol ManagedResource: CatalogResource, Hashable {
    associatedtype Status: ManagedStatus
    var status: Status? { get set }
    /// `spec.authSecretRef`.
    var authSecretRef: SecretKeyReference? { get }
    /// The spec field that protects the resource from deletion (`spec.terminationProtection`,
    /// `spec.termination_protection`), `nil` for kinds without one. It drives the skeleton's
    /// `blockDeletion` and the admission policy that refuses the deletion at the API server.
    static var terminationProtection: TerminationProtection<Self>? { get }
    /// `spec.project`: the Aiven project its object lives in (``TenancyPolicy``).
    var project: String { get }
}

/// Where a kind keeps its deletion protection: the spec field's name and its value.
public struct TerminationProtection<Resource>: Sendable {
    /// The field's name under `spec` (`terminationProtection`, `termination_protection`).
    public let field: String
    let value: @Sendable (Resource) -> Bool?

    /// Protection at `spec.<field>`, read by `value`.
    public init(field: String, value: @escaping @Sendable (Resource) -> Bool?) {
        self.field = field
        self.value = value
    }

    /// `spec.terminationProtection`.
    public var path: String { "spec.\(field)" }
}

extension ManagedResource {
    /// Whether the resource's termination protection is on.
    var isProtectedFromDeletion: Bool {
        Self.terminationProtection.map { $0.value(self) == true } ?? false
    }
}

/// The status fields every managed kind has.
public protocol ManagedStatus: Codable, Sendable, Hashable {
    /// An empty status.
    init()
    /// Aiven's state of the object (`RUNNING`, `ACTIVE`, …).
    var state: String? { get set }
    var conditions: [Condition]? { get set }
    /// The generation whose spec was applied on Aiven.
    var observedGeneration: Int64? { get set }
    /// Fields left different on Aiven (drift policy `Report`); kinds without drift ignore it.
    var driftedFields: [String]? { get set }
}

/// A status of an Aiven object that has no state of its own beyond existing and no drift (a
/// service user, an ACL entry, an integration): ``ManagedStatus/state`` and ``ManagedStatus/driftedFields`` read
/// `nil` unless the status stores them.
public protocol PlainStatus: ManagedStatus {}

/// An integration's or an ACL entry's status: its id is its identity, and only an integration's
/// user config can differ, which is always put back.
extension IdentifiedStatus: PlainStatus {
    public init() { self.init(id: nil) }
}

extension PlainStatus {
    public var state: String? {
        get { nil }
        set {}
    }

    public var driftedFields: [String]? {
        get { nil }
        set {}
    }
}

/// One kind of Aiven object, described for the ``ManagedReconciler`` skeleton: its desired state,
/// its Aiven calls, its diff and how its state reads. The control flow — pause, deletion,
/// finalizer, token, dependencies, the ``Decision``, status, events and failures — is the
/// skeleton's, identical for every kind.
public protocol ManagedKind: Sendable {
    associatedtype Resource: ManagedResource
    /// The object the spec asks for, with dependencies resolved.
    associatedtype Desired: Sendable
    /// The object as Aiven reports it.
    associatedtype Observed: Sendable

    /// The controller name (`kafkaconnect`).
    static var controllerName: String { get }
    /// What the object is called in messages (`Aiven service`).
    static var noun: String { get }

    /// The object's name in messages (`project/service`).
    func describe(_ resource: Resource) -> String

    /// The desired object. Throws ``Waiting`` while a dependency is not ready and
    /// ``InvalidSpec`` when the spec cannot be turned into a request.
    func desired(for resource: Resource, dependencies: Dependencies) async throws -> Desired

    /// Reads the resource's object on Aiven; `nil` when there is none.
    func observe(_ resource: Resource, client: AivenClient) async throws(AivenError) -> Observed?

    /// Whose the observed object is.
    func ownership(of observed: Observed, resource: Resource, everManaged: Bool) -> Ownership

    /// What differs between the spec and Aiven, as Aiven field paths.
    func changes(desired: Desired, observed: Observed) -> [FieldChange]

    /// A change the spec asks for that Aiven cannot make (a topic's partitions shrinking), as a
    /// message a user can act on; `nil` when there is none. Nothing is sent while there is one.
    func refusedChange(desired: Desired, observed: Observed) -> String?

    /// What must be true on Aiven before a create (a read_replica source running), if anything.
    func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting?

    /// The checks Aiven must pass before `desired` is applied over `observed` (``UpdateCheck``),
    /// from the two alone; empty (the default) for kinds and changes without any.
    func updateChecks(desired: Desired, observed: Observed) -> [UpdateCheck]

    /// Runs `check` on Aiven for `desired`'s object.
    func run(_ check: UpdateCheck, for desired: Desired, client: AivenClient) async throws(AivenError) -> UpdateCheck.Outcome

    /// Why Aiven would refuse to create `desired` as it is (a connector class the service does not
    /// offer, a required option missing), read from Aiven, as a message naming the field; `nil`
    /// when nothing is wrong. `plan` and the reconciler check it before a create and send nothing
    /// while there is one (`Ready=False InvalidSpec`).
    func refusedCreate(_ desired: Desired, client: AivenClient) async throws(AivenError) -> String?

    /// Work on a managed object besides closing differences with the spec (a connector's
    /// restarts), after them and before its health is read: it may update `observed` and `status`
    /// and returns the events to announce. It makes no Aiven call when there is nothing to do, so
    /// an idle pass stays two reads.
    func upkeep(
        _ desired: Desired, observed: inout Observed, status: inout Resource.Status, configuration: OperatorConfiguration, client: AivenClient
    ) async throws(AivenError) -> [Notice]

    func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Observed

    /// Closes the differences; returns the object as Aiven reports it afterwards.
    func update(_ desired: Desired, observed: Observed, client: AivenClient) async throws(AivenError) -> Observed

    /// Deletes the object (turning Aiven-side protection off first when the spec allows).
    func delete(_ observed: Observed, resource: Resource, client: AivenClient) async throws(AivenError)

    /// Why deleting the resource leaves `observed` on Aiven although it is the resource's (a
    /// service's built-in `avnadmin` user, which Aiven cannot delete): the finalizer is released
    /// without a delete call. `nil` (the default): it is deleted.
    func retainedOnDeletion(_ observed: Observed) -> String?

    /// How the object's state reads against the spec (for `Running` and `Ready`).
    func health(of observed: Observed, desired: Desired) -> Health

    /// Copies what the status shows of the object (state, ids).
    func record(_ observed: Observed, in status: inout Resource.Status)

    /// Records in the status what was applied of `desired` (the user_config options it owns),
    /// once the spec is applied on Aiven.
    func recordApplied(_ desired: Desired, in status: inout Resource.Status)

    /// Fields the spec dropped that Aiven cannot reset (`user_config.…` options without a
    /// documented default): applying `desired` leaves them at their value on Aiven, and the
    /// resource says so. Empty (the default) when there are none.
    func fieldsLeftOnAiven(_ desired: Desired) -> [String]

    /// What the spec asks ambiguously and how it is read (both `projectVpcId` and
    /// `projectVPCRef`: the id wins), as Warning notices: announced in the pass that applies a
    /// generation and said in the `Initialized` message while the spec stays so. Empty (the
    /// default) when the spec is unambiguous.
    func specWarnings(for resource: Resource) -> [Notice]

    /// The `Created` event's message.
    func createdMessage(_ desired: Desired, created: Observed, resource: Resource) -> String
}

extension ManagedKind {
    public func refusedChange(desired: Desired, observed: Observed) -> String? { nil }

    public func retainedOnDeletion(_ observed: Observed) -> String? { nil }

    public func recordApplied(_ desired: Desired, in status: inout Resource.Status) {}

    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? { nil }

    public func refusedCreate(_ desired: Desired, client: AivenClient) async throws(AivenError) -> String? { nil }

    public func updateChecks(desired: Desired, observed: Observed) -> [UpdateCheck] { [] }

    public func run(_ check: UpdateCheck, for desired: Desired, client: AivenClient) async throws(AivenError) -> UpdateCheck.Outcome { .passed }

    public func upkeep(
        _ desired: Desired, observed: inout Observed, status: inout Resource.Status, configuration: OperatorConfiguration, client: AivenClient
    ) async throws(AivenError) -> [Notice] { [] }

    public func fieldsLeftOnAiven(_ desired: Desired) -> [String] { [] }

    public func specWarnings(for resource: Resource) -> [Notice] { [] }

    public func createdMessage(_ desired: Desired, created: Observed, resource: Resource) -> String {
        "Created \(Self.noun) \(describe(resource))"
    }
}

/// Whether an object is in the state the spec asks for.
public struct Health: Sendable, Hashable {
    public var ready: Bool
    /// The `Running`/`Ready` condition reason (`Running`, `PoweredOff`, `Rebuilding`, `Active`, …).
    public var reason: String
    public var message: String
    /// Conditions of the kind's own besides `Running` and `Ready` (a PostgreSQL's
    /// `MigrationComplete`), set as given; one not given keeps its stored value.
    public var conditions: [KindCondition]

    public init(ready: Bool, reason: String, message: String, conditions: [KindCondition] = []) {
        self.ready = ready
        self.reason = reason
        self.message = message
        self.conditions = conditions
    }
}

/// A condition a kind reports besides `Running` and `Ready` (``Health/conditions``).
public struct KindCondition: Sendable, Hashable {
    /// `MigrationComplete`.
    public var type: String
    public var status: Bool
    public var reason: String
    public var message: String

    public init(_ type: String, _ status: Bool, reason: String, message: String) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }
}

/// A check Aiven must pass before an update is sent (PostgreSQL's `upgrade_check` before a new
/// major version): decided from the desired and observed objects alone
/// (``ManagedKind/updateChecks(desired:observed:)``), so `plan` shows it, and run by the
/// reconciler before the update, which is not sent unless it passes.
public struct UpdateCheck: Sendable, Hashable, CustomStringConvertible {
    /// What is checked, for `plan` and messages (`Aiven's upgrade check of pg_version 16 → 17`).
    public var summary: String
    /// The `Ready` reason when it fails (`UpgradeCheckFailed`).
    public var failureReason: String
    /// The service task that runs it.
    public var task: ServiceTaskRequest

    public init(summary: String, failureReason: String, task: ServiceTaskRequest) {
        self.summary = summary
        self.failureReason = failureReason
        self.task = task
    }

    public var description: String { summary }

    /// How a run ended.
    public enum Outcome: Sendable, Hashable {
        case passed
        /// Aiven's reason.
        case failed(String)
        /// Aiven has not finished it yet.
        case pending
    }
}

/// An event a kind asks the skeleton to announce (one event and one log line), e.g. a restart.
public struct Notice: Sendable, Hashable {
    public var type: EventRecorder.EventType
    /// The event reason (`Restarted`).
    public var reason: String
    public var message: String

    public init(_ type: EventRecorder.EventType, _ reason: String, _ message: String) {
        self.type = type
        self.reason = reason
        self.message = message
    }
}

/// A spec that cannot be turned into an Aiven request.
public struct InvalidSpec: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
