import Foundation
import KubeAPI
import KubeRuntime

/// Which resource acts on an Aiven object that carries no owner tag (a Kafka topic, a connector),
/// when several resources of its kind name it (``ClaimingKind/claim(of:)``), in any namespace the
/// operator watches.
///
/// The first claimant holds the object: the earliest `metadata.creationTimestamp` (the uid breaks
/// a tie) among the resources that still claim it — those not being deleted, and those being
/// deleted whose finalizer is still on (they may yet delete the object, so the next in line waits
/// for that to finish instead of taking over an object about to go). Every other claimant changes
/// nothing on Aiven and, when deleted, is released without an Aiven call
/// (``DecisionContext/claimedBy``). When the holder goes, the next claimant is woken
/// (``Wake/claims(_:)``) and creates or adopts the object by the usual rules.
public struct Claims<Resource: ManagedResource>: Sendable {
    /// The store index of a kind's resources by the object they claim.
    public static var index: String { "claim" }

    let claim: @Sendable (Resource) -> String?
    /// The kind's stores, one per watched namespace scope, each indexed by ``index``.
    let stores: [Store<Resource>]

    init<Kind: ManagedKind>(_ kind: Kind, stores: [Store<Resource>]) where Kind.Resource == Resource {
        claim = { kind.claimKey(of: $0) }
        self.stores = stores
    }

    /// The index that files a kind's resources under the object they claim.
    public static func indexes<Kind: ManagedKind>(_ kind: Kind) -> [String: Store<Resource>.IndexFunction] where Kind.Resource == Resource {
        [index: { kind.claimKey(of: $0).map { [$0] } ?? [] }]
    }

    /// The other resource holding the object `resource` claims, from the caches; `nil` when
    /// `resource` holds it or its kind has owner tags.
    func holder(against resource: Resource) async -> Claimant? {
        guard let claim = claim(resource) else { return nil }
        var others: [Resource] = []
        for store in stores {
            for key in await store.keys(index: Self.index, value: claim) {
                if let other = await store.get(key) { others.append(other) }
            }
        }
        return Self.holder(against: resource, among: others, claim: self.claim)
    }

    /// The resource of `others` that holds the object `resource` claims, by the first-claimant
    /// rule; `nil` when `resource` holds it (or claims nothing). Pure: `plan` asks it too.
    public static func holder(against resource: Resource, among others: [Resource], claim: (Resource) -> String?) -> Claimant? {
        guard let wanted = claim(resource) else { return nil }
        let own = Store<Resource>.key(of: resource)
        let rivals = others.filter { Store<Resource>.key(of: $0) != own && claim($0) == wanted && Self.stillClaims($0) }
        guard let first = rivals.min(by: Self.precedes), Self.precedes(first, resource) else { return nil }
        return Claimant(first)
    }

    /// Not deleted, or deleted with the operator's finalizer still on.
    private static func stillClaims(_ resource: Resource) -> Bool {
        resource.metadata.deletionTimestamp == nil || resource.metadata.finalizers?.contains(OperatorAnnotations.finalizer) == true
    }

    /// Created earlier (a resource not created yet, as `plan` sees a new manifest, comes last).
    /// Creation times have one-second resolution, so within the same second the one that already
    /// acted on Aiven (it carries the operator's finalizer) comes first — two manifests applied
    /// together must not hand a topic one of them created to the other — and then the uid, so
    /// every pass of every claimant agrees.
    static func precedes(_ a: Resource, _ b: Resource) -> Bool {
        let created = { (resource: Resource) in resource.metadata.creationTimestamp.flatMap(MetaTime.date) ?? .distantFuture }
        let (first, second) = (created(a), created(b))
        if first != second { return first < second }
        let acted = { (resource: Resource) in resource.metadata.finalizers?.contains(OperatorAnnotations.finalizer) == true }
        if acted(a) != acted(b) { return acted(a) }
        return (a.metadata.uid ?? "~") < (b.metadata.uid ?? "~")
    }
}

/// The resource that holds the Aiven object another resource also names (see ``Claims``).
public struct Claimant: Sendable, Hashable, CustomStringConvertible {
    /// `namespace/name`.
    public var resource: String
    /// It is being deleted: it holds the object until its finalizer is released.
    public var deleting: Bool

    public init(resource: String, deleting: Bool = false) {
        self.resource = resource
        self.deleting = deleting
    }

    init<R: KubeResource>(_ holder: R) {
        self.init(resource: "\(holder.metadata.namespace ?? "")/\(holder.metadata.name ?? "")", deleting: holder.metadata.deletionTimestamp != nil)
    }

    public var description: String { resource }
}
