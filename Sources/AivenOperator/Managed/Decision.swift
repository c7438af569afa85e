/// The rules of the operator in one place: given what the resource asks for (its policies), what
/// Aiven reports and what the operator knows from earlier passes, what to do now. Pure: the
/// reconciler executes the ``Action`` it returns and `aiven-operator plan` prints it, so a preview
/// and a reconcile never disagree. `DecisionTests` lists every row of the table.
public enum Decision {
    /// The action for one pass.
    ///
    /// - Parameters:
    ///   - context: the resource's state and policies.
    ///   - aiven: what Aiven reports; ``AivenView/unknown`` before anything was read, in which case
    ///     the answer is either final (paused, a deleted resource without the finalizer, orphaned
    ///     or blocked deletion, an object another resource holds) or ``Action/observe``;
    ///     ``AivenView/unread`` once the token and the desired state are known, when a create or a
    ///     deletion may go before any read (``DecisionContext/createsBeforeReading``,
    ///     ``DecisionContext/deletesBeforeReading``).
    public static func decide(_ context: DecisionContext, aiven: AivenView) -> Action {
        if context.policy.paused { return .skip(reason: "paused (annotation \(OperatorAnnotations.paused))") }
        if context.deleting { return decideDeletion(context, aiven: aiven) }
        // Another resource named the object first: nothing is read or sent, whatever this one asks.
        if let holder = context.claimedBy { return .alreadyClaimed(by: holder) }
        if let waiting = context.waitingFor { return .wait(reason: waiting.reason, message: waiting.message) }
        switch aiven {
        case .unknown:
            return .observe
        case .unread:
            // Nothing of this resource can be on Aiven yet, and Aiven refuses a second object of
            // its identity: the create goes first, and only a refusal (409) is read and judged.
            return context.createsBeforeReading && context.refusedSpec == nil ? .create : .observe
        case .absent:
            if let refused = context.refusedSpec { return .keepRefusal(refused) }
            return .create
        case .present(let ownership, let changes):
            switch ownership {
            case .ours, .tagRemoved:
                break
            // Adoption never takes an object another live resource (in any namespace) holds.
            case .untagged where context.policy.adopt || context.managedByReferenceOperator, .formerOwner where context.policy.adopt:
                if let refused = context.refusedChange { return .refuseChange(refused) }
                return .adopt(changes)
            case .untagged, .otherOwner, .formerOwner:
                return .refuse
            }
            if let refused = context.refusedChange { return .refuseChange(refused) }
            if changes.isEmpty { return .inSync }
            // Aiven refused this very spec: sending it again would be refused again.
            if let refused = context.refusedSpec { return .keepRefusal(refused) }
            // A difference while this generation is already applied was made outside Kubernetes.
            guard context.generationApplied else { return .update(changes) }
            switch context.policy.drift {
            case .correct: return .correctDrift(changes)
            case .report: return .reportDrift(changes)
            }
        }
    }

    /// The finalizer means the resource may have an object on Aiven (it goes on before the first
    /// Aiven write): without it there is nothing to do, with it Aiven is read first.
    private static func decideDeletion(_ context: DecisionContext, aiven: AivenView) -> Action {
        guard context.hasFinalizer else { return .none }
        // The object is the holder's: never deleted, nor kept waiting for, by another claimant.
        if let holder = context.claimedBy { return .release(reason: "\(holder) holds its Aiven object") }
        if context.policy.deletion == .orphan { return .orphan }
        if context.policy.terminationProtection { return .blockDeletion }
        switch aiven {
        case .unknown:
            return .observe
        case .unread:
            // An object without an owner tag is the one its identity names: no read before the
            // DELETE (the read after it confirms the 404).
            return context.deletesBeforeReading ? .delete : .observe
        case .absent:
            return .release(reason: "it is gone on Aiven")
        case .present(let ownership, _):
            switch ownership {
            case .ours, .tagRemoved:
                break
            case .untagged where context.policy.adopt || context.managedByReferenceOperator, .formerOwner where context.policy.adopt:
                break
            case .untagged, .otherOwner, .formerOwner:
                // Never delete what this resource did not create or adopt.
                return .release(reason: "it is not managed by this resource")
            }
            if let reason = context.retainedOnDeletion { return .retain(reason: reason) }
            return .delete
        }
    }
}

/// What the operator does in one pass.
public enum Action: Sendable, Hashable {
    /// Nothing, for the given reason (paused).
    case skip(reason: String)
    /// Look at Aiven first (token, then a read), then decide again.
    case observe
    /// Wait for something outside the object (a VPC, a referenced service), as a condition reason.
    case wait(reason: String, message: String)
    /// Create the object on Aiven.
    case create
    /// Take over an existing object (owner tag added), closing these differences.
    case adopt([FieldChange])
    /// Apply a new generation of the spec.
    case update([FieldChange])
    /// Revert changes made outside Kubernetes (drift policy `Correct`).
    case correctDrift([FieldChange])
    /// Leave changes made outside Kubernetes, listing them in status (drift policy `Report`).
    case reportDrift([FieldChange])
    /// Aiven already matches the spec.
    case inSync
    /// An object of that name exists and belongs to someone else: change nothing.
    case refuse
    /// The spec asks for a change Aiven cannot make (a topic's partitions shrinking), as a message
    /// a user can act on: nothing is sent (`InvalidSpec`).
    case refuseChange(String)
    /// Aiven refused this generation's spec for good (``RefusableKind``), as this message: send
    /// nothing until the spec or its inputs change.
    case keepRefusal(String)
    /// Another resource named the same object first and holds it (``Claims``): change nothing.
    case alreadyClaimed(by: Claimant)
    /// Delete the object on Aiven, then wait for Aiven to report it gone.
    case delete
    /// Remove the finalizer without touching Aiven.
    case release(reason: String)
    /// Remove the finalizer and keep the object on Aiven (deletion policy `Orphan`).
    case orphan
    /// Remove the finalizer and keep the object, which Aiven cannot delete (a service's built-in
    /// `avnadmin` user), for the given reason.
    case retain(reason: String)
    /// Keep the object and the resource until `spec.terminationProtection` is turned off.
    case blockDeletion
    /// Nothing to do (a deleted resource without the finalizer).
    case none

    /// Why ``refuse`` changes nothing about `object` (`Aiven service project/name`) and how to
    /// manage it anyway: the resource's condition message and `plan`'s line alike.
    public static func refusal(of object: String) -> String {
        "\(object) exists and is not managed by this resource; nothing changes. Set annotation \(OperatorAnnotations.adopt): \"true\" to manage it."
    }

    /// The changes the action sends to Aiven, if any.
    public var changes: [FieldChange] {
        switch self {
        case .adopt(let changes), .update(let changes), .correctDrift(let changes): changes
        default: []
        }
    }
}

/// Everything ``Decision/decide(_:aiven:)`` needs from the resource and earlier passes.
public struct DecisionContext: Sendable, Hashable {
    public var policy: ResourcePolicy
    /// `metadata.deletionTimestamp` is set.
    public var deleting: Bool
    /// The operator's finalizer is on the resource: it may have an object on Aiven.
    public var hasFinalizer: Bool
    /// The spec of the current generation was applied in an earlier pass.
    public var generationApplied: Bool
    /// The resource created or adopted its Aiven object in an earlier pass (status says so).
    public var everManaged: Bool
    /// What the resource waits for before its object can be created or updated.
    public var waitingFor: Waiting?
    /// The reference aiven-operator managed the resource (its
    /// `controllers.aiven.io/generation-was-processed` annotation) and this operator never did:
    /// an untagged object of its name is the one it managed, adopted as if annotated to be.
    public var managedByReferenceOperator: Bool
    /// Another resource naming the same Aiven object holds it (kinds whose objects carry no owner
    /// tag, see ``Claims``): this one never writes to Aiven nor deletes the object.
    public var claimedBy: Claimant?
    /// A change the spec asks for that Aiven cannot make (``ManagedKind/refusedChange(desired:observed:)``).
    public var refusedChange: String?
    /// Why the resource's object stays on Aiven when the resource is deleted
    /// (``ManagedKind/retainedOnDeletion(_:)``).
    public var retainedOnDeletion: String?
    /// Aiven's refusal of this generation's spec, built from these inputs, shown in an earlier
    /// pass (``RefusableKind``): nothing is sent until the spec or its inputs change.
    public var refusedSpec: String?
    /// Aiven refuses a second object of the resource's identity with `409` (services, topics,
    /// connectors, users: ``UniquelyNamedOnAiven``), so a create needs no read before it.
    public var uniqueOnAiven: Bool

    /// Whether a create goes first, without a read: the kind's objects are unique on Aiven, and
    /// nothing says this resource's may exist — no finalizer (it goes on before every first Aiven
    /// write, so a create sent before, even one whose answer was lost, left it), never created or
    /// adopted, no adopt annotation, not the reference operator's. A `409` then falls back to the
    /// read and the ownership rules (``Assessment``), so nothing is duplicated or taken silently.
    public var createsBeforeReading: Bool {
        uniqueOnAiven && !hasFinalizer && !everManaged && !policy.adopt && !managedByReferenceOperator
    }

    /// The kind's objects carry no owner tag (``DeletableByIdentity``): the object the resource's
    /// identity names is its own, so a deletion needs no read before the DELETE.
    public var deletableByIdentity: Bool

    /// Whether a deletion sends the DELETE first, then reads only to confirm Aiven's `404`:
    /// ``deletableByIdentity``, with the finalizer on; what keeps the object (another resource
    /// holding it, Orphan, termination protection) is ruled out before.
    public var deletesBeforeReading: Bool {
        deletableByIdentity && deleting && hasFinalizer
    }

    public init(
        policy: ResourcePolicy, deleting: Bool = false, hasFinalizer: Bool = true, generationApplied: Bool = false, everManaged: Bool = false,
        waitingFor: Waiting? = nil, managedByReferenceOperator: Bool = false, claimedBy: Claimant? = nil, refusedChange: String? = nil,
        retainedOnDeletion: String? = nil, refusedSpec: String? = nil, uniqueOnAiven: Bool = false, deletableByIdentity: Bool = false
    ) {
        self.uniqueOnAiven = uniqueOnAiven
        self.deletableByIdentity = deletableByIdentity
        self.refusedChange = refusedChange
        self.refusedSpec = refusedSpec
        self.retainedOnDeletion = retainedOnDeletion
        self.policy = policy
        self.deleting = deleting
        self.hasFinalizer = hasFinalizer
        self.generationApplied = generationApplied
        self.everManaged = everManaged
        self.waitingFor = waitingFor
        self.managedByReferenceOperator = managedByReferenceOperator
        self.claimedBy = claimedBy
    }
}

/// A dependency that is not ready, as a condition reason and message.
public struct Waiting: Sendable, Hashable, Error {
    public var reason: String
    public var message: String

    public init(reason: String, message: String) {
        self.reason = reason
        self.message = message
    }
}

/// What Aiven reports for the resource's object.
public enum AivenView: Sendable, Hashable {
    /// Not read yet.
    case unknown
    /// Not read yet, with the token (and the desired state) resolved: a create may go first
    /// (``DecisionContext/createsBeforeReading``), and so may a deletion
    /// (``DecisionContext/deletesBeforeReading``); anything else reads.
    case unread
    /// Aiven has no such object (404).
    case absent
    /// The object exists: whose it is and how it differs from the spec.
    case present(Ownership, changes: [FieldChange])
}

/// Whose an existing Aiven object is, from its owner tag and the resource's history.
public enum Ownership: Sendable, Hashable, CaseIterable {
    /// It carries this resource's owner tag (or, for objects without tags, matches its identity).
    case ours
    /// The owner tag was removed on Aiven, but this resource created or adopted the object: still
    /// ours (the tag is put back, deletion deletes it).
    case tagRemoved
    /// No owner tag and never managed by this resource.
    case untagged
    /// Tagged as another resource's, which still exists (or cannot be shown not to): never
    /// adopted, changed or deleted by this one.
    case otherOwner
    /// Tagged as a resource that no longer exists in any namespace (``OwnerTagHolder``): like an
    /// untagged object, adopted only with the adopt annotation.
    case formerOwner

    /// Ownership from the observed owner tag, this resource's uid and whether it managed the object before.
    public static func of(ownerTag: String?, uid: String?, everManaged: Bool) -> Ownership {
        switch ownerTag {
        case .some(let tag) where tag == uid: .ours
        case .some: .otherOwner
        case .none: everManaged ? .tagRemoved : .untagged
        }
    }
}

/// The per-resource policies users set with annotations and the spec.
public struct ResourcePolicy: Sendable, Hashable {
    public enum Drift: Sendable, Hashable, CaseIterable { case correct, report }
    public enum Deletion: Sendable, Hashable, CaseIterable { case delete, orphan }

    public var paused: Bool
    public var adopt: Bool
    public var drift: Drift
    public var deletion: Deletion
    /// `spec.terminationProtection`.
    public var terminationProtection: Bool

    public init(paused: Bool = false, adopt: Bool = false, drift: Drift = .correct, deletion: Deletion = .delete, terminationProtection: Bool = false) {
        self.paused = paused
        self.adopt = adopt
        self.drift = drift
        self.deletion = deletion
        self.terminationProtection = terminationProtection
    }

    /// The policies from `annotations` (see ``OperatorAnnotations``).
    public init(annotations: [String: String]?, terminationProtection: Bool) {
        let annotations = annotations ?? [:]
        self.init(
            paused: annotations[OperatorAnnotations.paused] == "true",
            adopt: annotations[OperatorAnnotations.adopt] == "true",
            drift: annotations[OperatorAnnotations.driftPolicy]?.lowercased() == "report" ? .report : .correct,
            deletion: annotations[OperatorAnnotations.deletionPolicy]?.lowercased() == "orphan" ? .orphan : .delete,
            terminationProtection: terminationProtection
        )
    }
}

extension Action {
    /// Whether the action creates, changes or keeps managing an object on Aiven. The reconciler
    /// puts its finalizer on first (a no-op when it is there), so it is on every resource that may
    /// have an object on Aiven and on no other (a resource waiting for its token, a dependency or
    /// a refused name is deleted at once).
    var managesObject: Bool {
        switch self {
        case .create, .adopt, .update, .correctDrift, .reportDrift, .inSync: true
        case .skip, .observe, .wait, .refuse, .refuseChange, .keepRefusal, .alreadyClaimed, .delete, .release, .orphan, .retain, .blockDeletion, .none: false
        }
    }
}
