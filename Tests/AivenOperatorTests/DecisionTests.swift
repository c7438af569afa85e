import KubeAPI
import Testing

@testable import AivenOperator

/// The operator's rules, one row each. `Decision.decide` is what both the reconciler executes
/// and `aiven-operator plan` prints, so these rows are the behaviour of both.
@Suite struct DecisionTests {
    static let change = [FieldChange(path: "plan", old: "startup-4", new: "business-4")]

    struct Row: CustomTestStringConvertible, Sendable {
        var rule: String
        var context: DecisionContext
        var aiven: AivenView
        var expected: Action
        var testDescription: String { rule }
    }

    static func policy(adopt: Bool = false, drift: ResourcePolicy.Drift = .correct, deletion: ResourcePolicy.Deletion = .delete, protected: Bool = false, paused: Bool = false) -> ResourcePolicy {
        ResourcePolicy(paused: paused, adopt: adopt, drift: drift, deletion: deletion, terminationProtection: protected)
    }

    static func live(_ policy: ResourcePolicy = policy(), applied: Bool = false, managed: Bool = false, waiting: Waiting? = nil) -> DecisionContext {
        DecisionContext(policy: policy, generationApplied: applied, everManaged: managed, waitingFor: waiting)
    }

    static func deleting(_ policy: ResourcePolicy = policy(), finalizer: Bool = true, managed: Bool = true) -> DecisionContext {
        DecisionContext(policy: policy, deleting: true, hasFinalizer: finalizer, everManaged: managed)
    }

    static func migrated() -> DecisionContext {
        DecisionContext(policy: policy(), managedByReferenceOperator: true)
    }

    /// A kind Aiven keeps unique (``UniquelyNamedOnAiven``), with or without the finalizer.
    static func unique(_ context: DecisionContext, finalizer: Bool = false) -> DecisionContext {
        var context = context
        context.uniqueOnAiven = true
        context.hasFinalizer = finalizer
        return context
    }

    /// A kind whose objects carry no owner tag (``DeletableByIdentity``).
    static func byIdentity(_ context: DecisionContext) -> DecisionContext {
        var context = context
        context.deletableByIdentity = true
        return context
    }

    static let holder = Claimant(resource: "team-a/orders")

    static func claimed(_ context: DecisionContext) -> DecisionContext {
        var context = context
        context.claimedBy = holder
        return context
    }

    static func retained(_ context: DecisionContext) -> DecisionContext {
        var context = context
        context.retainedOnDeletion = "built in"
        return context
    }

    static let refusal = "The schema registry refused spec.schema of subject orders-value: Invalid AVRO schema"

    static func refused(_ context: DecisionContext) -> DecisionContext {
        var context = context
        context.refusedSpec = refusal
        return context
    }

    static let vpc = Waiting(reason: "WaitingForProjectVPC", message: "ProjectVPC default/v is not ACTIVE yet")

    static let rows: [Row] = [
        // Pause wins over everything.
        Row(rule: "paused: nothing, not even a read", context: live(policy(paused: true)), aiven: .unknown, expected: .skip(reason: "paused (annotation controllers.aiven.io/paused)")),
        Row(rule: "paused while deleting: nothing", context: deleting(policy(paused: true)), aiven: .unknown, expected: .skip(reason: "paused (annotation controllers.aiven.io/paused)")),

        // Creating and updating.
        Row(rule: "first look: read Aiven", context: live(), aiven: .unknown, expected: .observe),
        Row(rule: "dependency not ready: wait, naming it", context: live(waiting: vpc), aiven: .unknown, expected: .wait(reason: vpc.reason, message: vpc.message)),
        Row(rule: "absent on Aiven: create", context: live(), aiven: .absent, expected: .create),
        // Issue 27: a create without a read first, where Aiven refuses duplicates (409 → read).
        Row(rule: "never on Aiven, unique there: create without a read", context: unique(live()), aiven: .unread, expected: .create),
        Row(rule: "never on Aiven, not unique there (integrations, ACL entries): read first", context: live(), aiven: .unread, expected: .observe),
        Row(rule: "finalizer on (a create may have landed, its answer lost): read first", context: unique(live(), finalizer: true), aiven: .unread, expected: .observe),
        Row(rule: "created or adopted before: read first", context: unique(live(managed: true)), aiven: .unread, expected: .observe),
        Row(rule: "adopt annotation: read first", context: unique(live(policy(adopt: true))), aiven: .unread, expected: .observe),
        Row(rule: "the reference operator's resource: read first", context: unique(migrated()), aiven: .unread, expected: .observe),
        Row(rule: "unique, waiting for a dependency: wait", context: unique(live(waiting: vpc)), aiven: .unread, expected: .wait(reason: vpc.reason, message: vpc.message)),
        Row(rule: "unique, claimed by another: nothing read or sent", context: claimed(unique(live())), aiven: .unread, expected: .alreadyClaimed(by: holder)),
        Row(rule: "unique, its spec refused before: read first, never a create into the refusal", context: refused(unique(live())), aiven: .unread, expected: .observe),
        Row(rule: "ours and matching: nothing to do", context: live(applied: true, managed: true), aiven: .present(.ours, changes: []), expected: .inSync),
        Row(rule: "ours, new generation: update", context: live(managed: true), aiven: .present(.ours, changes: change), expected: .update(change)),
        Row(rule: "ours, generation applied, differs: drift corrected", context: live(applied: true, managed: true), aiven: .present(.ours, changes: change), expected: .correctDrift(change)),
        Row(rule: "ours, drift policy Report: drift reported", context: live(policy(drift: .report), applied: true, managed: true), aiven: .present(.ours, changes: change), expected: .reportDrift(change)),
        Row(rule: "drift policy Report never blocks a new generation", context: live(policy(drift: .report), managed: true), aiven: .present(.ours, changes: change), expected: .update(change)),
        Row(rule: "owner tag removed on Aiven: still ours, tag put back", context: live(applied: true, managed: true), aiven: .present(.tagRemoved, changes: change), expected: .correctDrift(change)),

        // Someone else's object.
        Row(rule: "untagged, no adopt: refused", context: live(), aiven: .present(.untagged, changes: change), expected: .refuse),
        Row(rule: "another resource's, no adopt: refused", context: live(), aiven: .present(.otherOwner, changes: change), expected: .refuse),
        Row(rule: "untagged with adopt: adopted", context: live(policy(adopt: true)), aiven: .present(.untagged, changes: change), expected: .adopt(change)),
        // Issue 21: the adopt annotation never takes an object a live resource (any namespace) holds.
        Row(rule: "another live resource's with adopt: refused, never taken over", context: live(policy(adopt: true)), aiven: .present(.otherOwner, changes: change), expected: .refuse),
        Row(rule: "a resource that is gone's, with adopt: adopted", context: live(policy(adopt: true)), aiven: .present(.formerOwner, changes: change), expected: .adopt(change)),
        Row(rule: "a resource that is gone's, no adopt: refused", context: live(), aiven: .present(.formerOwner, changes: change), expected: .refuse),

        // Migration from the reference aiven-operator: its generation-was-processed mark on a
        // resource this operator never managed stands for the adopt annotation, for untagged
        // objects only (an owner tag of ours is another resource's claim).
        Row(rule: "untagged, managed by the reference operator: adopted", context: migrated(), aiven: .present(.untagged, changes: change), expected: .adopt(change)),
        Row(rule: "another resource's, reference operator's mark: refused", context: migrated(), aiven: .present(.otherOwner, changes: change), expected: .refuse),
        Row(rule: "absent, reference operator's mark: created", context: migrated(), aiven: .absent, expected: .create),

        // Aiven refused this generation's spec for good (``RefusableKind``): never sent again.
        Row(rule: "refused first create: nothing sent until the spec changes", context: refused(live()), aiven: .absent, expected: .keepRefusal(refusal)),
        Row(rule: "refused update: nothing sent until the spec changes", context: refused(live(applied: true, managed: true)), aiven: .present(.ours, changes: change), expected: .keepRefusal(refusal)),
        Row(rule: "refused, but Aiven matches the spec now: in sync", context: refused(live(applied: true, managed: true)), aiven: .present(.ours, changes: []), expected: .inSync),
        Row(rule: "refused, deleted: deleted as usual", context: refused(deleting()), aiven: .present(.ours, changes: []), expected: .delete),
        Row(rule: "refused, claimed by another: the holder named", context: claimed(refused(live())), aiven: .absent, expected: .alreadyClaimed(by: holder)),

        // Deletion.
        Row(rule: "no finalizer: nothing", context: deleting(finalizer: false), aiven: .unknown, expected: .none),
        Row(rule: "deletion policy Orphan: released at once, no token needed", context: deleting(policy(deletion: .orphan)), aiven: .unknown, expected: .orphan),
        Row(rule: "Orphan wins over termination protection", context: deleting(policy(deletion: .orphan, protected: true)), aiven: .unknown, expected: .orphan),
        Row(rule: "termination protection: deletion blocked, no token needed", context: deleting(policy(protected: true)), aiven: .unknown, expected: .blockDeletion),
        Row(rule: "finalizer: read Aiven first", context: deleting(), aiven: .unknown, expected: .observe),
        Row(rule: "finalizer, nothing in status yet (a create sent; an older version's resource): read Aiven first", context: deleting(managed: false), aiven: .unknown, expected: .observe),
        Row(rule: "unique on Aiven, owner-tagged (services), deleting: read Aiven first", context: unique(deleting(), finalizer: true), aiven: .unread, expected: .observe),
        // Issue 27: objects without an owner tag are their identity's: the DELETE goes first.
        Row(rule: "deletable by identity: DELETE without a read", context: byIdentity(deleting()), aiven: .unread, expected: .delete),
        Row(rule: "deletable by identity, never managed but the finalizer on: DELETE without a read", context: byIdentity(deleting(managed: false)), aiven: .unread, expected: .delete),
        Row(rule: "deletable by identity, no finalizer: nothing", context: byIdentity(deleting(finalizer: false)), aiven: .unread, expected: .none),
        Row(rule: "deletable by identity, Orphan: released, nothing sent", context: byIdentity(deleting(policy(deletion: .orphan))), aiven: .unread, expected: .orphan),
        Row(rule: "deletable by identity, protected: blocked", context: byIdentity(deleting(policy(protected: true))), aiven: .unread, expected: .blockDeletion),
        Row(rule: "deletable by identity, claimed by another: released, never deleted", context: claimed(byIdentity(deleting())), aiven: .unread, expected: .release(reason: "team-a/orders holds its Aiven object")),
        Row(rule: "deletable by identity, live: never deleted", context: byIdentity(live()), aiven: .unread, expected: .observe),
        Row(rule: "gone on Aiven: released", context: deleting(), aiven: .absent, expected: .release(reason: "it is gone on Aiven")),
        Row(rule: "ours: deleted", context: deleting(), aiven: .present(.ours, changes: []), expected: .delete),
        Row(rule: "ours, but Aiven cannot delete it (avnadmin): retained", context: retained(deleting()), aiven: .present(.ours, changes: []), expected: .retain(reason: "built in")),
        Row(rule: "Orphan wins over a retained object", context: retained(deleting(policy(deletion: .orphan))), aiven: .unknown, expected: .orphan),
        Row(rule: "retained but not ours: released, never deleted", context: retained(deleting(managed: false)), aiven: .present(.untagged, changes: []), expected: .release(reason: "it is not managed by this resource")),
        Row(rule: "owner tag removed on Aiven: still deleted, never leaked", context: deleting(), aiven: .present(.tagRemoved, changes: []), expected: .delete),
        Row(rule: "adopted (annotation): deleted", context: deleting(policy(adopt: true)), aiven: .present(.untagged, changes: []), expected: .delete),
        Row(rule: "not ours: released, never deleted", context: deleting(managed: false), aiven: .present(.untagged, changes: []), expected: .release(reason: "it is not managed by this resource")),
        Row(rule: "managed by the reference operator, untagged: deleted as it would have", context: DecisionContext(policy: policy(), deleting: true, managedByReferenceOperator: true), aiven: .present(.untagged, changes: []), expected: .delete),
        Row(rule: "another resource's: released, never deleted", context: deleting(), aiven: .present(.otherOwner, changes: []), expected: .release(reason: "it is not managed by this resource")),
        Row(rule: "another live resource's, adopt annotation: released, never deleted", context: deleting(policy(adopt: true)), aiven: .present(.otherOwner, changes: []), expected: .release(reason: "it is not managed by this resource")),
        Row(rule: "a resource that is gone's, adopt annotation: deleted as adopted", context: deleting(policy(adopt: true)), aiven: .present(.formerOwner, changes: []), expected: .delete),
        Row(rule: "a resource that is gone's, no adopt: released", context: deleting(), aiven: .present(.formerOwner, changes: []), expected: .release(reason: "it is not managed by this resource")),

        // Another resource named the same untagged object first (``Claims``).
        Row(rule: "claimed by another: nothing read or sent, the holder named", context: claimed(live()), aiven: .unknown, expected: .alreadyClaimed(by: holder)),
        Row(rule: "claimed by another wins over waiting for a dependency", context: claimed(live(waiting: vpc)), aiven: .unknown, expected: .alreadyClaimed(by: holder)),
        Row(rule: "claimed by another, even once managed: nothing sent", context: claimed(live(applied: true, managed: true)), aiven: .present(.ours, changes: change), expected: .alreadyClaimed(by: holder)),
        Row(rule: "claimed by another, deleted: released without a token or a read", context: claimed(deleting()), aiven: .unknown, expected: .release(reason: "team-a/orders holds its Aiven object")),
        Row(rule: "claimed by another, deleted, protected: released, the object is not its own", context: claimed(deleting(policy(protected: true))), aiven: .unknown, expected: .release(reason: "team-a/orders holds its Aiven object")),
        Row(rule: "claimed by another, paused: nothing", context: claimed(live(policy(paused: true))), aiven: .unknown, expected: .skip(reason: "paused (annotation controllers.aiven.io/paused)")),
        Row(rule: "deleting ignores a dependency that is not ready", context: DecisionContext(policy: policy(), deleting: true, waitingFor: vpc), aiven: .present(.ours, changes: []), expected: .delete),
    ]

    @Test(arguments: rows) func rule(_ row: Row) {
        #expect(Decision.decide(row.context, aiven: row.aiven) == row.expected)
    }

    /// Every combination of ownership × adopt × drift policy × deletion policy × termination
    /// protection × Aiven state × applied generation, checked against the invariants that keep
    /// data and money safe.
    @Test func invariantsHoldForEveryCombination() {
        let views: [AivenView] = [.unknown, .unread, .absent] + Ownership.allCases.flatMap { [.present($0, changes: []), .present($0, changes: Self.change)] }
        var combinations = 0
        for adopt in [false, true] {
            for migrated in [false, true] {
                for drift in ResourcePolicy.Drift.allCases {
                    for deletion in ResourcePolicy.Deletion.allCases {
                        for protected in [false, true] {
                            for deletingNow in [false, true] {
                                for applied in [false, true] {
                                    for claimed in [false, true] {
                                    for unique in [false, true] {
                                    for view in views {
                                        combinations += 1
                                        let policy = Self.policy(adopt: adopt, drift: drift, deletion: deletion, protected: protected)
                                        let context = DecisionContext(
                                            policy: policy, deleting: deletingNow, hasFinalizer: !unique || deletingNow, generationApplied: applied, everManaged: !unique,
                                            managedByReferenceOperator: migrated, claimedBy: claimed ? Self.holder : nil, uniqueOnAiven: unique,
                                            deletableByIdentity: unique
                                        )
                                        let action = Decision.decide(context, aiven: view)
                                        let ownership: Ownership? = if case .present(let owner, _) = view { owner } else { nil }
                                        let foreign = ownership == .untagged || ownership == .otherOwner || ownership == .formerOwner
                                        // An object another live resource holds is never changed or deleted, adopt or not.
                                        if ownership == .otherOwner {
                                            #expect(action != .delete && action.changes.isEmpty, "\(context) \(view) → \(action)")
                                        }
                                        // Never delete or change an object that is not ours unless adopted
                                        // (or, untagged, managed by the reference operator before).
                                        if foreign && !adopt && !(migrated && ownership == .untagged) {
                                            #expect(action != .delete && action.changes.isEmpty, "\(context) \(view) → \(action)")
                                        }
                                        // Never delete when the deletion policy is Orphan or deletion is protected.
                                        if deletion == .orphan || protected { #expect(action != .delete) }
                                        // A live resource never deletes; a deleting one never creates or updates.
                                        if !deletingNow { #expect(action != .delete) }
                                        if deletingNow { #expect(action != .create && action.changes.isEmpty) }
                                        // Drift policy Report never changes an applied generation of an object it manages.
                                        if drift == .report && applied && !deletingNow && !foreign { #expect(action.changes.isEmpty) }
                                        // An object another resource holds is never read, changed or deleted by this one.
                                        if claimed {
                                            let released = if case .release = action { true } else { false }
                                            #expect(action == .alreadyClaimed(by: Self.holder) || released, "\(context) \(view) → \(action)")
                                        }
                                        // Unread, only a resource that cannot have reached Aiven creates (a 409 is read).
                                        if view == .unread, action == .create { #expect(context.createsBeforeReading && !deletingNow) }
                                        if view == .unread, action == .delete { #expect(context.deletesBeforeReading) }
                                        if view == .unread { #expect(action.changes.isEmpty) }
                                    }
                                    }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(combinations == 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 13)
    }

    @Test func ownershipComesFromTheTagAndTheResourcesHistory() {
        #expect(Ownership.of(ownerTag: "uid-1", uid: "uid-1", everManaged: false) == .ours)
        #expect(Ownership.of(ownerTag: "uid-2", uid: "uid-1", everManaged: true) == .otherOwner)
        #expect(Ownership.of(ownerTag: nil, uid: "uid-1", everManaged: true) == .tagRemoved)
        #expect(Ownership.of(ownerTag: nil, uid: "uid-1", everManaged: false) == .untagged)
    }

    @Test func policiesComeFromAnnotations() {
        let policy = ResourcePolicy(annotations: [
            OperatorAnnotations.adopt: "true", OperatorAnnotations.driftPolicy: "Report", OperatorAnnotations.deletionPolicy: "Orphan",
        ], terminationProtection: true)
        #expect(policy == ResourcePolicy(adopt: true, drift: .report, deletion: .orphan, terminationProtection: true))
        #expect(ResourcePolicy(annotations: nil, terminationProtection: false) == ResourcePolicy())
    }
}
